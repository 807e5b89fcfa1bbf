#include "ingest/mapping_toml.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace vigie::ingest {
namespace {

constexpr std::string_view kSpecKeys[] = {"value", "path",     "column",    "template", "count",
                                          "where", "at_least", "at_most",   "above",    "below",
                                          "map",   "as",       "divide_by", "default",  "optional"};
constexpr std::string_view kOrigins[] = {"value", "path", "column", "template", "count"};

struct Context {
  std::string_view origin;  // the file
  std::string where;        // "fields.data.amount"
  Error error(const toml::node& at, std::string_view message) const {
    return mapping_error(origin, at, where + ": " + std::string{message});
  }
};

bool is_json_path(std::string_view where) {
  return where.starts_with('/') || where == "@" || where.starts_with("@/");
}

// Whether a lookup name suits the dialect: JSON paths in webhooks (and {index} in templates),
// any column name in imports.
bool valid_name(std::string_view where, MappingDialect dialect, bool in_template) {
  if (dialect == MappingDialect::csv_rows) return !where.empty();
  return is_json_path(where) || (in_template && where == "index");
}

Expected<void> parse_count(const toml::table& table, FieldSpec& spec, const Context& context) {
  spec.origin = FieldSpec::Origin::count;
  spec.count.array = table["count"].value_or(std::string{});
  spec.count.where = table["where"].value_or(std::string{});
  if (!spec.count.where.empty() && !spec.count.where.starts_with('/')) {
    return context.error(table, "`where` must be a path starting with / (inside each element)");
  }
  using Test = CountRule::Test;
  constexpr std::pair<std::string_view, Test> kTests[] = {{"at_least", Test::at_least},
                                                          {"at_most", Test::at_most},
                                                          {"above", Test::above},
                                                          {"below", Test::below}};
  for (const auto& [key, test] : kTests) {
    if (const auto threshold = table[key].value<double>()) {
      if (spec.count.test != Test::any) return context.error(table, "count takes one condition");
      spec.count.test = test;
      spec.count.threshold = *threshold;
    }
  }
  return {};
}

Expected<void> parse_origin(const toml::table& table, FieldSpec& spec, MappingDialect dialect,
                            const Context& context) {
  std::string_view key;
  for (const std::string_view candidate : kOrigins) {
    if (!table.contains(candidate)) continue;
    if (!key.empty())
      return context.error(table, "takes one of value, path, column, template, count");
    key = candidate;
  }
  if (key.empty()) return context.error(table, "needs one of value, path, column, template, count");
  const bool json = dialect == MappingDialect::json_body;
  if ((key == "path" || key == "count") && !json) {
    return context.error(table, "`" + std::string{key} + "` is for webhook mappings; use `column`");
  }
  if (key == "column" && json) return context.error(table, "`column` is for imports; use `path`");
  if (key == "value") {
    auto constant = scalar_value(*table.get("value"), context.origin, context.where);
    if (!constant) return constant.error();
    spec.constant = std::move(*constant);
    return {};
  }
  if (key == "count") return parse_count(table, spec, context);
  const auto text = table[key].value<std::string>();
  if (!text) return context.error(table, "`" + std::string{key} + "` must be a string");
  if (key == "template") {
    auto parsed = parse_template(*text);
    if (!parsed) return context.error(table, "template " + parsed.error().message);
    spec.origin = FieldSpec::Origin::text_template;
    spec.text_template = std::move(*parsed);
  } else {
    spec.origin = FieldSpec::Origin::lookup;
    spec.where = *text;
  }
  return {};
}

Expected<void> parse_codes(const toml::table& table, FieldSpec& spec, const Context& context) {
  const toml::table* codes = table["map"].as_table();
  if (codes == nullptr) return context.error(table, "`map` must be a table of codes");
  for (const auto& [code, to] : *codes) {
    auto value = scalar_value(to, context.origin, context.where + ".map");
    if (!value) return value.error();
    spec.codes.emplace_back(std::string{code.str()}, std::move(*value));
  }
  return {};
}

Expected<void> parse_modifiers(const toml::table& table, FieldSpec& spec, const Context& context) {
  if (table.contains("map")) {
    auto codes = parse_codes(table, spec, context);
    if (!codes) return codes;
  }
  if (const auto as = table["as"].value<std::string>()) {
    spec.as = parse_value_type(*as);
    if (!spec.as)
      return context.error(table, "as must be text, number, integer, bool, date or datetime");
  }
  if (table.contains("divide_by")) {
    spec.divide_by = table["divide_by"].value<double>();
    if (!spec.divide_by || *spec.divide_by == 0)
      return context.error(table, "divide_by must be a non-zero number");
  }
  if (const toml::node* fallback = table.get("default")) {
    auto value = scalar_value(*fallback, context.origin, context.where + ".default");
    if (!value) return value.error();
    spec.fallback = std::move(*value);
  }
  spec.optional = table["optional"].value_or(false);
  return {};
}

Expected<FieldSpec> parse_field_spec(const toml::node& node, MappingDialect dialect,
                                     const Context& context) {
  FieldSpec spec;
  if (!node.is_table()) {
    auto constant = scalar_value(node, context.origin, context.where);
    if (!constant) return constant.error();
    spec.constant = std::move(*constant);
    return spec;
  }
  const toml::table& table = *node.as_table();
  if (auto keys = check_keys(table, kSpecKeys, context.origin, context.where); !keys)
    return keys.error();
  if (auto origin = parse_origin(table, spec, dialect, context); !origin) return origin.error();
  if (auto modifiers = parse_modifiers(table, spec, context); !modifiers) return modifiers.error();
  const bool in_template = spec.origin == FieldSpec::Origin::text_template;
  for (const std::string& name : referenced_names(spec)) {
    if (!valid_name(name, dialect, in_template)) {
      return context.error(table, "\"" + name + "\" is not a path (/a/b, or @/a inside `each`)");
    }
  }
  return spec;
}

Expected<void> add_field(FieldList& fields, const std::string& name, const toml::node& node,
                         MappingDialect dialect, const Context& context) {
  auto spec = parse_field_spec(node, dialect, context);
  if (!spec) return spec.error();
  fields.push_back({name, std::move(*spec)});
  return {};
}

}  // namespace

Error mapping_error(std::string_view origin, const toml::node& at, std::string_view message) {
  return Error::invalid(std::string{origin}, "line " + std::to_string(at.source().begin.line) +
                                                 ": " + std::string{message});
}

Expected<toml::table> parse_toml(std::string_view text, std::string_view origin) {
  try {
    return toml::parse(text, origin);
  } catch (const toml::parse_error& error) {
    return Error::invalid(std::string{origin}, "line " + std::to_string(error.source().begin.line) +
                                                   ": " + std::string{error.description()});
  }
}

Expected<toml::table> load_toml_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    return Error{ErrorCode::io, path.string(), "cannot be read"};
  }
  return parse_toml(text.str(), path.string());
}

Expected<void> check_keys(const toml::table& table, std::span<const std::string_view> allowed,
                          std::string_view origin, std::string_view context) {
  for (const auto& [key, node] : table) {
    if (std::find(allowed.begin(), allowed.end(), key.str()) == allowed.end()) {
      return mapping_error(
          origin, node, std::string{context} + ": unknown key \"" + std::string{key.str()} + "\"");
    }
  }
  return {};
}

Expected<MappedValue> scalar_value(const toml::node& node, std::string_view origin,
                                   std::string_view context) {
  if (const auto* text = node.as_string()) return MappedValue{text->get()};
  if (const auto* integer = node.as_integer()) return MappedValue{integer->get()};
  if (const auto* number = node.as_floating_point()) return MappedValue{number->get()};
  if (const auto* flag = node.as_boolean()) return MappedValue{flag->get()};
  return mapping_error(origin, node,
                       std::string{context} + ": must be a string, number or true/false");
}

Expected<FieldList> parse_field_table(const toml::table& table, MappingDialect dialect,
                                      std::string_view origin, std::string_view context) {
  FieldList fields;
  for (const auto& [key, node] : table) {
    const std::string name{key.str()};
    const Context here{origin, std::string{context} + "." + name};
    if (name == "data" && node.is_table()) {
      for (const auto& [data_key, data_node] : *node.as_table()) {
        const std::string data_name = "data." + std::string{data_key.str()};
        const Context data_here{origin, std::string{context} + "." + data_name};
        if (auto added = add_field(fields, data_name, data_node, dialect, data_here); !added) {
          return added.error();
        }
      }
      continue;
    }
    if (!is_envelope_field(name))
      return here.error(node, "is not an envelope field nor data.<name>");
    if (name == "source" && dialect == MappingDialect::json_body) {
      return here.error(node, "webhook events always have source \"webhook\"");
    }
    if (auto added = add_field(fields, name, node, dialect, here); !added) return added.error();
  }
  for (const std::string_view required : kRequiredFields) {
    const bool present = std::any_of(fields.begin(), fields.end(),
                                     [&](const MappedField& f) { return f.name == required; });
    if (!present) {
      return mapping_error(origin, table,
                           std::string{context} + ": needs the field " + std::string{required});
    }
  }
  return fields;
}

}  // namespace vigie::ingest
