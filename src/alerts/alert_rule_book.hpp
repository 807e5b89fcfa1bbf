// alerts/alert_rule_book.hpp
//
// The alert rules a server evaluates (issue 9, point 1): the configuration's (the defaults and
// [alerts.rules.*], common/alert_config.hpp) with the changes made through the API on top, kept
// in the store so that they outlive a restart. A change sets some fields of one rule, the others
// staying the configuration's, or adds a rule of its own (which names its measure); putting a
// rule back drops the API's fields (and a rule of the API's own). A change is checked like the
// configuration file (the same keys and bounds, refused naming the field), stores nothing when
// refused, and is recorded with who made it: the store's changes are the audit trail.
// Thread-safe.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/alert_rules.hpp"
#include "common/config.hpp"
#include "common/log.hpp"
#include "store/store.hpp"

namespace vigie::alerts {

// The fields a change gives, field → value ("threshold" → 15), from or to their stored JSON
// object; refused naming the field when a value is not a string, number or boolean.
using RuleFields = std::map<std::string, SettingValue>;
Expected<RuleFields> parse_rule_fields(std::string_view json);
std::string rule_fields_json(const RuleFields& fields);

class AlertRuleBook {
 public:
  struct Entry {
    AlertRule rule;                        // as evaluated
    bool configured = false;               // the configuration has a rule of this id
    // The API's change in force (its settings: the fields it set over the configuration's).
    std::optional<store::AlertRuleChangeRow> last_change;
  };
  // Called with the rules after each change (the alert watch's set_rules).
  using Listener = std::function<void(const std::vector<AlertRule>&)>;

  // The configuration's rules and the store's changes. A stored change that no longer fits the
  // configuration (a rule it changed was removed from the file) is left out with a warning.
  static Expected<std::unique_ptr<AlertRuleBook>> load(store::Store& store,
                                                       std::vector<AlertRule> configured,
                                                       const Logger& log);

  std::vector<AlertRule> rules() const;
  std::vector<Entry> entries() const;
  std::optional<Entry> entry(const std::string& id) const;

  // Sets the API's fields of rule `id` to exactly `fields` (a JSON object), for `by` at `at`;
  // the rule as it now stands.
  Expected<Entry> change(const std::string& id, std::string_view fields, const std::string& by,
                         Instant at);
  // Drops the API's fields of rule `id`; false when it had none (nothing recorded).
  Expected<bool> reset(const std::string& id, const std::string& by, Instant at);

  void set_listener(Listener listener);

 private:
  AlertRuleBook(store::Store& store, std::vector<AlertRule> configured);
  // The entries from the configuration and `api` (rule id → its change), or the first refusal.
  Expected<std::vector<Entry>> build(const std::map<std::string, store::AlertRuleChangeRow>& api) const;
  Expected<void> record(store::AlertRuleChangeRow row);

  store::Store& store_;
  const std::vector<AlertRule> configured_;
  mutable std::mutex mutex_;
  std::map<std::string, store::AlertRuleChangeRow> api_;  // rule id → the change in effect
  std::vector<Entry> entries_;
  Listener listener_;
};

}  // namespace vigie::alerts
