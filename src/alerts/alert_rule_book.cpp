#include "alerts/alert_rule_book.hpp"

#include <simdjson.h>

#include <algorithm>

#include "common/alert_config.hpp"
#include "common/json_writer.hpp"

namespace vigie::alerts {
namespace {

using Entry = AlertRuleBook::Entry;

Expected<SettingValue> field_value(const std::string& field, simdjson::dom::element value) {
  switch (value.type()) {
    case simdjson::dom::element_type::STRING:
      return SettingValue{std::string{value.get_string().value()}};
    case simdjson::dom::element_type::INT64:
      return SettingValue{std::to_string(value.get_int64().value()), false};
    case simdjson::dom::element_type::UINT64:
      return SettingValue{std::to_string(value.get_uint64().value()), false};
    case simdjson::dom::element_type::DOUBLE:
      return SettingValue{format_json_number(value.get_double().value()), false};
    case simdjson::dom::element_type::BOOL:
      return SettingValue{value.get_bool().value() ? "true" : "false", false};
    default:
      return Error::invalid(field, "must be a string, a number, true or false");
  }
}

// Applies one change (its fields over the rule of its id, or a rule of its own) to `entries`.
Expected<void> apply_change(std::vector<Entry>& entries, const store::AlertRuleChangeRow& change) {
  auto fields = parse_rule_fields(change.settings);
  if (!fields) return fields.error();
  auto entry = std::find_if(entries.begin(), entries.end(),
                            [&](const Entry& e) { return e.rule.id == change.rule_id; });
  Entry added;
  if (entry == entries.end()) {
    if (!fields->contains("measure")) {
      return Error::invalid("measure", "there is no rule " + change.rule_id +
                                           " in the configuration: a new rule must name its measure");
    }
    added.rule.id = change.rule_id;
    added.rule.name = change.rule_id;
  }
  Entry& target = entry == entries.end() ? added : *entry;
  AlertRule rule = target.rule;
  for (const auto& [field, value] : *fields) {
    auto set = set_alert_rule_field(rule, field, value, field);
    if (!set) return set.error();
  }
  target.rule = std::move(rule);
  target.last_change = change;
  if (entry == entries.end()) entries.push_back(std::move(added));
  return {};
}

std::vector<AlertRule> rules_of(const std::vector<Entry>& entries) {
  std::vector<AlertRule> rules;
  rules.reserve(entries.size());
  for (const Entry& entry : entries) rules.push_back(entry.rule);
  return rules;
}

}  // namespace

Expected<RuleFields> parse_rule_fields(std::string_view json) {
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(json.data(), json.size()).get_object().get(object) != simdjson::SUCCESS) {
    return Error::invalid("body", "must be a JSON object of the rule's fields");
  }
  RuleFields fields;
  for (const auto [key, element] : object) {
    const std::string field{key};
    auto value = field_value(field, element);
    if (!value) return value.error();
    if (!fields.emplace(field, std::move(*value)).second) return Error::invalid(field, "is given twice");
  }
  return fields;
}

std::string rule_fields_json(const RuleFields& fields) {
  JsonWriter json;
  json.begin_object();
  for (const auto& [field, value] : fields) {
    json.key(field);
    if (value.is_string) json.value(value.text);
    else json.raw(value.text);
  }
  json.end_object();
  return json.take();
}

AlertRuleBook::AlertRuleBook(store::Store& store, std::vector<AlertRule> configured)
    : store_(store), configured_(std::move(configured)) {
  entries_ = *build({});
}

Expected<std::unique_ptr<AlertRuleBook>> AlertRuleBook::load(store::Store& store,
                                                             std::vector<AlertRule> configured,
                                                             const Logger& log) {
  auto changes = store.alert_rule_changes();
  if (!changes) return changes.error();
  std::unique_ptr<AlertRuleBook> book{new AlertRuleBook(store, std::move(configured))};
  std::map<std::string, store::AlertRuleChangeRow> api;
  for (store::AlertRuleChangeRow& change : *changes) {
    if (change.settings.empty()) api.erase(change.rule_id);
    else api[change.rule_id] = std::move(change);
  }
  for (const auto& [id, change] : api) {
    auto fits = apply_change(book->entries_, change);
    if (fits) {
      book->api_.emplace(id, change);
    } else {
      log.warn("alert rule changed through the API left out: it no longer fits the configuration",
               {{"rule", id}, {"error", fits.error().describe()}});
    }
  }
  return book;
}

Expected<std::vector<Entry>> AlertRuleBook::build(
    const std::map<std::string, store::AlertRuleChangeRow>& api) const {
  std::vector<Entry> entries;
  for (const AlertRule& rule : configured_) entries.push_back({rule, true, std::nullopt});
  for (const auto& [id, change] : api) {
    auto applied = apply_change(entries, change);
    if (!applied) return applied.error();
  }
  return entries;
}

std::vector<AlertRule> AlertRuleBook::rules() const {
  const std::lock_guard lock(mutex_);
  return rules_of(entries_);
}

std::vector<Entry> AlertRuleBook::entries() const {
  const std::lock_guard lock(mutex_);
  return entries_;
}

std::optional<Entry> AlertRuleBook::entry(const std::string& id) const {
  const std::lock_guard lock(mutex_);
  for (const Entry& entry : entries_) {
    if (entry.rule.id == id) return entry;
  }
  return std::nullopt;
}

Expected<Entry> AlertRuleBook::change(const std::string& id, std::string_view fields,
                                      const std::string& by, Instant at) {
  auto parsed = parse_rule_fields(fields);
  if (!parsed) return parsed.error();
  if (parsed->empty()) {
    return Error::invalid("body", "sets no field (DELETE puts a rule back to the configuration's)");
  }
  store::AlertRuleChangeRow row{0, id, rule_fields_json(*parsed), by, at};
  const std::lock_guard lock(mutex_);
  auto api = api_;
  api[id] = row;
  auto checked = build(api);  // refused before anything is stored
  if (!checked) return checked.error();
  auto recorded = record(std::move(row));
  if (!recorded) return recorded.error();
  for (const Entry& entry : entries_) {
    if (entry.rule.id == id) return entry;
  }
  return Error::make(ErrorCode::internal, "alert rule " + id + " vanished after its change");
}

Expected<bool> AlertRuleBook::reset(const std::string& id, const std::string& by, Instant at) {
  const std::lock_guard lock(mutex_);
  if (!api_.contains(id)) return false;
  auto recorded = record({0, id, "", by, at});
  if (!recorded) return recorded.error();
  return true;
}

// Under mutex_: stores the change, then makes it the rule's state and tells the listener.
Expected<void> AlertRuleBook::record(store::AlertRuleChangeRow row) {
  auto id = store_.add_alert_rule_change(row);
  if (!id) return id.error();
  row.id = *id;
  auto api = api_;
  if (row.settings.empty()) api.erase(row.rule_id);
  else api[row.rule_id] = std::move(row);
  auto entries = build(api);
  if (!entries) return entries.error();
  api_ = std::move(api);
  entries_ = std::move(*entries);
  if (listener_) listener_(rules_of(entries_));
  return {};
}

void AlertRuleBook::set_listener(Listener listener) {
  const std::lock_guard lock(mutex_);
  listener_ = std::move(listener);
}

}  // namespace vigie::alerts
