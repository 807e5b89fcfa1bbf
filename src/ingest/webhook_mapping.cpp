#include "ingest/webhook_mapping.hpp"

#include <simdjson.h>

#include "ingest/mapping_toml.hpp"

namespace vigie::ingest {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// A delivery's body, and the current element of the rule's `each` when there is one.
class JsonRecord final : public RecordView {
 public:
  JsonRecord(element root, std::optional<element> item, std::size_t index, std::string item_path)
      : root_(root), item_(item), index_(index), item_path_(std::move(item_path)) {}

  Expected<MappedValue> lookup(std::string_view where) const override {
    if (where == "index") return MappedValue{static_cast<std::int64_t>(index_)};
    const auto found = resolve(where);
    if (!found) return MappedValue{};
    return scalar(*found, where);
  }

  std::string describe(std::string_view where) const override {
    if (where.starts_with('@')) return item_path_ + std::string{where.substr(1)};
    return std::string{where};
  }

  Expected<std::int64_t> count(const CountRule& rule) const override {
    const auto array = resolve(rule.array);
    if (!array || !array->is_array()) {
      return Error::invalid("", describe(rule.array) + " is not an array");
    }
    std::int64_t counted = 0;
    std::size_t position = 0;
    // A named local: a range-for over get_array().value_unsafe() would dangle.
    const simdjson::dom::array items = array->get_array().value_unsafe();
    for (const element item : items) {
      const auto meets = test(item, rule);
      if (!meets) {
        return Error::invalid("", "is not a number (" + describe(rule.array) + "/" +
                                      std::to_string(position) + rule.where + ")");
      }
      counted += *meets ? 1 : 0;
      ++position;
    }
    return counted;
  }

  // The element at a path: "/a/b" from the root, "@" or "@/c" from the current element.
  std::optional<element> resolve(std::string_view where) const {
    element base = root_;
    if (where.starts_with('@')) {
      if (!item_) return std::nullopt;
      base = *item_;
      where.remove_prefix(1);
    }
    if (where.empty()) return base;
    const auto found = base.at_pointer(where);
    if (found.error()) return std::nullopt;  // absent: the field's rules decide if that is fine
    return found.value_unsafe();
  }

 private:
  Expected<MappedValue> scalar(const element& value, std::string_view where) const {
    switch (value.type()) {
      case element_type::STRING:
        return MappedValue{std::string{value.get_string().value_unsafe()}};
      case element_type::INT64:
        return MappedValue{value.get_int64().value_unsafe()};
      case element_type::UINT64:
        return MappedValue{static_cast<double>(value.get_uint64().value_unsafe())};
      case element_type::DOUBLE:
        return MappedValue{value.get_double().value_unsafe()};
      case element_type::BOOL:
        return MappedValue{value.get_bool().value_unsafe()};
      case element_type::NULL_VALUE:
        return MappedValue{};
      case element_type::ARRAY:
      case element_type::OBJECT:
        break;
    }
    return Error::invalid(
        "", "must be a single value, not an object or array (" + describe(where) + ")");
  }

  // Whether an array element passes the count's test; nullopt when it has no number to test.
  static std::optional<bool> test(const element& item, const CountRule& rule) {
    if (rule.test == CountRule::Test::any) return true;
    element value = item;
    if (!rule.where.empty()) {
      const auto found = item.at_pointer(rule.where);
      if (found.error()) return std::nullopt;
      value = found.value_unsafe();
    }
    if (!value.is_number()) return std::nullopt;
    const double number = value.get_double().value_unsafe();
    switch (rule.test) {
      case CountRule::Test::at_least:
        return number >= rule.threshold;
      case CountRule::Test::at_most:
        return number <= rule.threshold;
      case CountRule::Test::above:
        return number > rule.threshold;
      case CountRule::Test::below:
        return number < rule.threshold;
      case CountRule::Test::any:
        break;
    }
    return true;
  }

  element root_;
  std::optional<element> item_;
  std::size_t index_ = 0;
  std::string item_path_;
};

bool applies(const WebhookRule& rule, const JsonRecord& body) {
  if (!rule.when) return true;
  const auto value = body.lookup(rule.when->path);
  return value && value_text(*value) == rule.when->equals;
}

Error in_rule(const WebhookRule& rule, const std::string& element_path, Error error) {
  error.message += " (rule \"" + rule.name + "\"" +
                   (element_path.empty() ? "" : ", element " + element_path) + ")";
  return error;
}

Expected<void> map_rule(const WebhookRule& rule, const element& root,
                        std::vector<events::Event>& out) {
  const EventMappingOptions options{.convert = {}, .forced_source = events::Source::webhook};
  const JsonRecord body{root, std::nullopt, 0, ""};
  if (rule.each.empty()) {
    auto event = map_event(rule.fields, body, options);
    if (!event) return in_rule(rule, "", event.error());
    out.push_back(std::move(*event));
    return {};
  }
  const auto array = body.resolve(rule.each);
  if (!array || !array->is_array()) {
    return in_rule(rule, "", Error::invalid("body", rule.each + " must be an array"));
  }
  std::size_t index = 0;
  const simdjson::dom::array items = array->get_array().value_unsafe();  // not a temporary
  for (const element item : items) {
    if (out.size() > kMaxEventsPerDelivery) break;  // map_delivery refuses the delivery
    const std::string path = rule.each + "/" + std::to_string(index);
    auto event = map_event(rule.fields, JsonRecord{root, item, index, path}, options);
    if (!event) return in_rule(rule, path, event.error());
    out.push_back(std::move(*event));
    ++index;
  }
  return {};
}

// --- loading ---------------------------------------------------------------------------------

Expected<void> check_item_paths(const WebhookRule& rule, const toml::table& at,
                                std::string_view origin, const std::string& context) {
  if (!rule.each.empty()) return {};
  for (const MappedField& field : rule.fields) {
    for (const std::string& name : referenced_names(field.spec)) {
      if (name.starts_with('@')) {
        return mapping_error(origin, at,
                             context + ".fields." + field.name + ": " + name +
                                 " reads an element, but the rule has no `each`");
      }
    }
  }
  return {};
}

Expected<WebhookRule::Condition> parse_condition(const toml::node& node, std::string_view origin,
                                                 const std::string& context) {
  const toml::table* table = node.as_table();
  if (table == nullptr) return mapping_error(origin, node, context + ": must be { path, equals }");
  constexpr std::string_view kKeys[] = {"path", "equals"};
  if (auto keys = check_keys(*table, kKeys, origin, context); !keys) return keys.error();
  const auto path = (*table)["path"].value<std::string>();
  const toml::node* equals = table->get("equals");
  if (!path || !path->starts_with('/') || equals == nullptr) {
    return mapping_error(origin, node, context + ": needs path (from /) and equals");
  }
  auto expected = scalar_value(*equals, origin, context + ".equals");
  if (!expected) return expected.error();
  return WebhookRule::Condition{*path, value_text(*expected)};
}

Expected<WebhookRule> parse_rule(const toml::table& table, std::string_view origin,
                                 const std::string& context) {
  constexpr std::string_view kKeys[] = {"name", "when", "each", "fields"};
  if (auto keys = check_keys(table, kKeys, origin, context); !keys) {
    return keys.error();
  }
  WebhookRule rule;
  rule.name = table["name"].value_or(std::string{});
  rule.each = table["each"].value_or(std::string{});
  const toml::table* fields = table["fields"].as_table();
  if (rule.name.empty() || fields == nullptr) {
    return mapping_error(origin, table, context + ": needs a name and a fields table");
  }
  if (!rule.each.empty() && !rule.each.starts_with('/')) {
    return mapping_error(origin, table, context + ".each: must be a path from / to an array");
  }
  if (const toml::node* when = table.get("when")) {
    auto condition = parse_condition(*when, origin, context + ".when");
    if (!condition) return condition.error();
    rule.when = std::move(*condition);
  }
  auto parsed = parse_field_table(*fields, MappingDialect::json_body, origin, context + ".fields");
  if (!parsed) return parsed.error();
  rule.fields = std::move(*parsed);
  if (auto item_paths = check_item_paths(rule, table, origin, context); !item_paths) {
    return item_paths.error();
  }
  return rule;
}

Expected<WebhookMapping> mapping_from(const toml::table& document, std::string_view origin) {
  constexpr std::string_view kKeys[] = {"source", "rules"};
  if (auto keys = check_keys(document, kKeys, origin, "mapping"); !keys) {
    return keys.error();
  }
  WebhookMapping mapping;
  mapping.source = document["source"].value_or(std::string{});
  const toml::array* rules = document["rules"].as_array();
  if (mapping.source.empty() || rules == nullptr || rules->empty()) {
    return mapping_error(origin, document, "mapping: needs a source and at least one [[rules]]");
  }
  for (std::size_t i = 0; i < rules->size(); ++i) {
    const std::string context = "rules[" + std::to_string(i) + "]";
    const toml::table* table = (*rules)[i].as_table();
    if (table == nullptr) return mapping_error(origin, (*rules)[i], context + ": must be a table");
    auto rule = parse_rule(*table, origin, context);
    if (!rule) return rule.error();
    mapping.rules.push_back(std::move(*rule));
  }
  return mapping;
}

}  // namespace

Expected<WebhookMapping> parse_webhook_mapping(std::string_view toml_text,
                                               std::string_view origin) {
  const auto document = parse_toml(toml_text, origin);
  if (!document) return document.error();
  return mapping_from(*document, origin);
}

Expected<WebhookMapping> load_webhook_mapping(const std::filesystem::path& path) {
  const auto document = load_toml_file(path);
  if (!document) return document.error();
  return mapping_from(*document, path.string());
}

Expected<std::vector<events::Event>> map_delivery(const WebhookMapping& mapping,
                                                  std::string_view body) {
  simdjson::dom::parser parser;  // per call: deliveries are handled on many threads
  const auto document = parser.parse(body.data(), body.size(), true);
  if (document.error()) {
    return Error::invalid("body", std::string{"is not valid JSON ("} +
                                      simdjson::error_message(document.error()) + ")");
  }
  const element root = document.value_unsafe();
  const JsonRecord whole{root, std::nullopt, 0, ""};
  std::vector<events::Event> out;
  bool any_rule = false;
  for (const WebhookRule& rule : mapping.rules) {
    if (!applies(rule, whole)) continue;
    any_rule = true;
    if (auto mapped = map_rule(rule, root, out); !mapped) return mapped.error();
    if (out.size() > kMaxEventsPerDelivery) {
      return Error{ErrorCode::too_large, "body",
                   "maps to more than " + std::to_string(kMaxEventsPerDelivery) + " events"};
    }
  }
  if (!any_rule) {
    return Error::invalid("body", "matches no rule of the \"" + mapping.source + "\" mapping");
  }
  return out;
}

}  // namespace vigie::ingest
