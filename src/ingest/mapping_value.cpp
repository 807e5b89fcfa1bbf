#include "ingest/mapping_value.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

#include "common/paris_time.hpp"
#include "common/time.hpp"

namespace vigie::ingest {
namespace {

constexpr std::size_t kQuotedMax = 60;                   // enough to recognise a value in a message
constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53: doubles stay exact below

Error refuse(const MappedValue& value, std::string_view what) {
  return Error::invalid("", quoted_for_message(value_text(value)) + " is not " + std::string{what});
}

// French exports group thousands with a space, a no-break space (U+00A0) or a narrow one
// (U+202F) and write the decimal point as a comma: "1 234,56" → "1234.56".
std::string french_to_c_number(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == ' ') continue;
    if (text.substr(i).starts_with("\xC2\xA0")) {
      ++i;
      continue;
    }
    if (text.substr(i).starts_with("\xE2\x80\xAF")) {
      i += 2;
      continue;
    }
    out.push_back(c == ',' ? '.' : c);
  }
  return out;
}

std::optional<double> parse_decimal(std::string_view raw, bool decimal_comma) {
  const std::string text =
      decimal_comma ? french_to_c_number(trim_blanks(raw)) : std::string{trim_blanks(raw)};
  const char* begin = text.data();
  if (!text.empty() && text.front() == '+') ++begin;  // from_chars refuses a leading '+'
  double number = 0;
  const auto [end, error] = std::from_chars(begin, text.data() + text.size(), number);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(number)) {
    return std::nullopt;
  }
  return number;
}

int digits_at(std::string_view text, std::size_t pos, std::size_t width) {
  int value = 0;
  if (pos + width > text.size()) return -1;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// "YYYY-MM-DD" or "DD/MM/YYYY" at the start of `text` (10 characters).
std::optional<LocalDate> parse_day(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  if (text[2] == '/' && text[5] == '/') {
    const int d = digits_at(text, 0, 2), m = digits_at(text, 3, 2), y = digits_at(text, 6, 4);
    if (d < 0 || m < 0 || y < 0) return std::nullopt;
    const LocalDate date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                         std::chrono::day{static_cast<unsigned>(d)}};
    return date.ok() ? std::optional{date} : std::nullopt;
  }
  return parse_iso_date(text.substr(0, 10));
}

// A date, then optionally ' ' or 'T' and "HH:MM[:SS]", no offset: Paris wall clock. A date
// alone is taken at noon, so that its Paris day survives any later conversion.
std::optional<Instant> parse_paris_wall_clock(std::string_view text) {
  const auto day = parse_day(text);
  if (!day) return std::nullopt;
  if (text.size() == 10) return paris_instant(*day, 12, 0);
  if (text[10] != ' ' && text[10] != 'T') return std::nullopt;
  const std::string_view clock = text.substr(11);
  if ((clock.size() != 5 && clock.size() != 8) || clock[2] != ':') return std::nullopt;
  const int h = digits_at(clock, 0, 2), m = digits_at(clock, 3, 2);
  const int s = clock.size() == 8 && clock[5] == ':' ? digits_at(clock, 6, 2) : 0;
  if (h < 0 || h > 23 || m < 0 || m > 59 || s < 0 || s > 59) return std::nullopt;
  return paris_instant(*day, h, m, s);
}

// Unix seconds beyond ±10^11 (about year 5000) are a unit mistake, not a time.
constexpr double kMaxUnixSeconds = 1e11;

std::optional<Instant> to_instant(const MappedValue& value) {
  if (std::holds_alternative<std::int64_t>(value) || std::holds_alternative<double>(value)) {
    const double seconds = std::holds_alternative<double>(value)
                               ? std::get<double>(value)
                               : static_cast<double>(std::get<std::int64_t>(value));
    if (!(std::fabs(seconds) <= kMaxUnixSeconds)) return std::nullopt;
    return from_millis(static_cast<std::int64_t>(std::llround(seconds * 1000)));
  }
  const auto* text = std::get_if<std::string>(&value);
  if (text == nullptr) return std::nullopt;
  const std::string_view trimmed = trim_blanks(*text);
  if (const auto instant = parse_rfc3339(trimmed)) return instant;
  return parse_paris_wall_clock(trimmed);
}

std::optional<double> to_number(const MappedValue& value, const ConvertOptions& options) {
  if (const auto* number = std::get_if<double>(&value)) return *number;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  if (const auto* text = std::get_if<std::string>(&value)) {
    return parse_decimal(*text, options.decimal_comma);
  }
  return std::nullopt;
}

std::optional<bool> to_boolean(const MappedValue& value) {
  if (const auto* flag = std::get_if<bool>(&value)) return *flag;
  std::string text = value_text(value);
  for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::array<std::string_view, 6> kTrue = {"true", "1", "oui", "yes", "vrai", "o"};
  static constexpr std::array<std::string_view, 6> kFalse = {"false", "0",    "non",
                                                             "no",    "faux", "n"};
  const std::string_view word = trim_blanks(text);
  for (const auto t : kTrue)
    if (word == t) return true;
  for (const auto f : kFalse)
    if (word == f) return false;
  return std::nullopt;
}

Expected<MappedValue> to_date(const MappedValue& value) {
  if (const auto* text = std::get_if<std::string>(&value)) {
    const std::string_view trimmed = trim_blanks(*text);
    if (trimmed.size() == 10) {
      if (const auto day = parse_day(trimmed)) return MappedValue{format_iso_date(*day)};
    }
  }
  const auto instant = to_instant(value);
  if (!instant) return refuse(value, "a date");
  return MappedValue{format_iso_date(paris_date(*instant))};
}

Expected<MappedValue> to_integer(const MappedValue& value, const ConvertOptions& options) {
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return MappedValue{*integer};
  const auto number = to_number(value, options);
  if (!number || std::trunc(*number) != *number || std::fabs(*number) > kMaxExactInteger) {
    return refuse(value, "a whole number");
  }
  return MappedValue{static_cast<std::int64_t>(*number)};
}

}  // namespace

std::optional<ValueType> parse_value_type(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, ValueType>, 6> kNames = {{
      {"text", ValueType::text},
      {"number", ValueType::number},
      {"integer", ValueType::integer},
      {"bool", ValueType::boolean},
      {"date", ValueType::date},
      {"datetime", ValueType::datetime},
  }};
  for (const auto& [text, type] : kNames) {
    if (text == name) return type;
  }
  return std::nullopt;
}

std::string_view trim_blanks(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string quoted_for_message(std::string_view text) {
  if (text.size() <= kQuotedMax) return "\"" + std::string{text} + "\"";
  std::size_t cut = kQuotedMax;
  // Back off to a character boundary: half a UTF-8 sequence would make the message invalid.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "\"" + std::string{text.substr(0, cut)} + "…\"";
}

std::string value_text(const MappedValue& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(bool flag) const { return flag ? "true" : "false"; }
    std::string operator()(std::int64_t integer) const { return std::to_string(integer); }
    std::string operator()(double number) const { return format_json_number(number); }
    std::string operator()(const std::string& text) const { return text; }
  };
  return std::visit(Visitor{}, value);
}

Expected<MappedValue> convert_value(const MappedValue& value, ValueType type,
                                    const ConvertOptions& options) {
  if (is_missing(value)) return value;
  switch (type) {
    case ValueType::text:
      return MappedValue{value_text(value)};
    case ValueType::number: {
      const auto number = to_number(value, options);
      if (!number) return refuse(value, "a number");
      return MappedValue{*number};
    }
    case ValueType::integer:
      return to_integer(value, options);
    case ValueType::boolean: {
      const auto flag = to_boolean(value);
      if (!flag) return refuse(value, "a yes/no value");
      return MappedValue{*flag};
    }
    case ValueType::date:
      return to_date(value);
    case ValueType::datetime: {
      const auto instant = to_instant(value);
      if (!instant) return refuse(value, "a date and time");
      return MappedValue{format_rfc3339_utc(*instant)};
    }
  }
  return value;
}

void write_value(JsonWriter& out, const MappedValue& value) {
  struct Visitor {
    JsonWriter& out;
    void operator()(std::monostate) const { out.null(); }
    void operator()(bool flag) const { out.value(flag); }
    void operator()(std::int64_t integer) const { out.value(integer); }
    void operator()(double number) const { out.value(number); }
    void operator()(const std::string& text) const { out.value(text); }
  };
  std::visit(Visitor{out}, value);
}

}  // namespace vigie::ingest
