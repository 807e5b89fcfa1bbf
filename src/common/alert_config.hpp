// common/alert_config.hpp
//
// The alert rules in the configuration file, one table per rule (issue 9, point 1):
//
//   [alerts.rules.budget_overrun]          # a default rule (common/alert_rules.hpp): changed
//   threshold = 15                         # where a key is given, kept elsewhere
//
//   [alerts.rules.overrun_residential]     # a rule of its own: `measure` required
//   condition = "budget_overrun"           # overrides that condition for these sites (default:
//   measure = "budget_overrun_pct"         # the table's name)
//   scope = "type:residentiel"             # "" company-wide, "type:<site type>", "site:<id>"
//   threshold = 8
//
// Keys: condition, measure, change (level | points | percent), when (above | below), threshold,
// margin, window_days, scope, audience (manager | direction | admin), enabled (false switches a
// rule off). A bad value is refused naming its key.
#pragma once

#include <string>
#include <vector>

#include "common/alert_rules.hpp"
#include "common/config.hpp"

namespace vigie {

inline constexpr std::string_view kAlertRulesPrefix = "alerts.rules.";

// Applies one `alerts.rules.<id>.<field>` setting to `rules` (a new id adds a rule).
Expected<void> apply_alert_rule_setting(std::vector<AlertRule>& rules, const std::string& key,
                                        const SettingValue& value);

// Sets one field of `rule` ("threshold", "scope"…, the keys above); refused naming `key`.
Expected<void> set_alert_rule_field(AlertRule& rule, const std::string& field, const SettingValue& value,
                                    const std::string& key);

// After every setting: each rule the configuration added names its measure.
Expected<void> check_alert_rule_settings(const Settings& merged);

// The rules as settings (for `vigie config`): "alerts.rules.<id>.<field>" → value.
std::vector<std::pair<std::string, std::string>> alert_rule_settings(const std::vector<AlertRule>& rules);

}  // namespace vigie
