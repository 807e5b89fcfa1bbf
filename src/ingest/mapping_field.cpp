#include "ingest/mapping_field.hpp"

namespace vigie::ingest {
namespace {

// The message with where the value was read, when it was read somewhere.
Error located(const Error& error, const std::string& location) {
  if (location.empty()) return error;
  return Error::invalid("", error.message + " (" + location + ")");
}

Expected<MappedValue> render(const TextTemplate& text_template, const RecordView& record) {
  std::string out;
  for (const TextTemplate::Piece& piece : text_template.pieces) {
    if (!piece.placeholder) {
      out += piece.text;
      continue;
    }
    const auto value = record.lookup(piece.text);
    if (!value) return value.error();
    if (is_missing(*value)) {
      return Error::invalid("",
                            "is missing (" + record.describe(piece.text) + ", in the template)");
    }
    out += value_text(*value);
  }
  return MappedValue{std::move(out)};
}

Expected<MappedValue> raw_value(const FieldSpec& spec, const RecordView& record) {
  switch (spec.origin) {
    case FieldSpec::Origin::constant:
      return spec.constant;
    case FieldSpec::Origin::lookup:
      return record.lookup(spec.where);
    case FieldSpec::Origin::text_template:
      return render(spec.text_template, record);
    case FieldSpec::Origin::count: {
      const auto counted = record.count(spec.count);
      if (!counted) return counted.error();
      return MappedValue{*counted};
    }
  }
  return MappedValue{};
}

// Where the value was read, for messages; empty for constants and templates.
std::string location(const FieldSpec& spec, const RecordView& record) {
  if (spec.origin == FieldSpec::Origin::lookup) return record.describe(spec.where);
  if (spec.origin == FieldSpec::Origin::count) return record.describe(spec.count.array);
  return {};
}

// The sender's code translated by `map`; nullopt when it is not there.
std::optional<MappedValue> translate(const FieldSpec& spec, const MappedValue& value) {
  const std::string code = value_text(value);
  for (const auto& [from, to] : spec.codes) {
    if (from == code) return to;
  }
  return std::nullopt;
}

std::string known_codes(const FieldSpec& spec) {
  std::string list;
  for (const auto& [from, to] : spec.codes) list += (list.empty() ? "" : ", ") + from;
  return list;
}

Expected<MappedValue> divide(const MappedValue& value, double divisor) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) {
    return MappedValue{static_cast<double>(*integer) / divisor};
  }
  if (const auto* number = std::get_if<double>(&value)) return MappedValue{*number / divisor};
  return Error::invalid("", quoted_for_message(value_text(value)) + " is not a number");
}

}  // namespace

Expected<std::int64_t> RecordView::count(const CountRule& /*rule*/) const {
  return Error::invalid("", "count is only possible in a JSON body");
}

Expected<TextTemplate> parse_template(std::string_view text) {
  TextTemplate parsed;
  std::string literal;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal.push_back(c);
      ++i;
    } else if (c == '{') {
      const std::size_t close = text.find('}', i);
      if (close == std::string_view::npos) return Error::invalid("", "has an unclosed {");
      if (close == i + 1) return Error::invalid("", "has an empty {}");
      if (!literal.empty()) parsed.pieces.push_back({false, std::exchange(literal, {})});
      parsed.pieces.push_back({true, std::string{text.substr(i + 1, close - i - 1)}});
      i = close;
    } else if (c == '}') {
      return Error::invalid("", "has a } without {");
    } else {
      literal.push_back(c);
    }
  }
  if (!literal.empty()) parsed.pieces.push_back({false, std::move(literal)});
  return parsed;
}

std::vector<std::string> referenced_names(const FieldSpec& spec) {
  switch (spec.origin) {
    case FieldSpec::Origin::constant:
      return {};
    case FieldSpec::Origin::lookup:
      return {spec.where};
    case FieldSpec::Origin::count:
      return {spec.count.array};
    case FieldSpec::Origin::text_template: {
      std::vector<std::string> names;
      for (const auto& piece : spec.text_template.pieces) {
        if (piece.placeholder) names.push_back(piece.text);
      }
      return names;
    }
  }
  return {};
}

Expected<std::optional<MappedValue>> evaluate_field(const FieldSpec& spec, const RecordView& record,
                                                    const ConvertOptions& options) {
  auto raw = raw_value(spec, record);
  if (!raw) return raw.error();
  MappedValue value = std::move(*raw);
  const std::string where = location(spec, record);
  if (!is_missing(value) && !spec.codes.empty()) {
    auto translated = translate(spec, value);
    if (!translated && !spec.fallback) {
      return located(Error::invalid("", quoted_for_message(value_text(value)) + " is not one of " +
                                            known_codes(spec)),
                     where);
    }
    if (!translated) return std::optional{*spec.fallback};
    value = std::move(*translated);
  }
  if (is_missing(value)) {
    if (spec.fallback) return std::optional{*spec.fallback};
    if (spec.optional) return std::optional<MappedValue>{};
    return located(Error::invalid("", "is missing"), where);
  }
  if (spec.as) {
    auto converted = convert_value(value, *spec.as, options);
    if (!converted) return located(converted.error(), where);
    value = std::move(*converted);
  }
  if (spec.divide_by) {
    auto divided = divide(value, *spec.divide_by);
    if (!divided) return located(divided.error(), where);
    value = std::move(*divided);
  }
  return std::optional{std::move(value)};
}

}  // namespace vigie::ingest
