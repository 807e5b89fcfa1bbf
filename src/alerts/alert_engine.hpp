// alerts/alert_engine.hpp
//
// The life of rule alerts (issue 9, points 1–2): given the rules, the figures of the sites under
// way and the keys of the alerts already open, what to raise and what to clear. A condition that
// newly holds raises one alert; while it is open, the alert stays until the figure is back past
// the threshold by the rule's margin (hysteresis), its site is no longer under way, or its rule
// is gone. A figure without data changes nothing. Pure: the caller stores the outcome
// (store::Store raise_alert / clear_alert).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "alerts/alert_text.hpp"
#include "alerts/site_figures.hpp"
#include "common/alert_rules.hpp"
#include "store/rows.hpp"

namespace vigie::alerts {

// The rule of `name` that applies to `site`: scoped to the site, else to its type, else
// company-wide; nullptr when none.
const AlertRule* rule_for(const std::vector<AlertRule>& rules, const std::string& name,
                          const SiteFigures& site);

// The value a rule compares with its threshold; nullopt without data.
std::optional<Observed> observe(const AlertRule& rule, const SiteFigures& site);

struct AlertChanges {
  std::vector<store::AlertRow> raise;
  std::vector<std::string> clear;  // keys of open alerts
};

// `open_keys`: the keys of the open alerts (those not starting with kRuleKeyPrefix are not the
// rules' and are left alone). `site_names` by id, for the words.
AlertChanges evaluate_alerts(const std::vector<AlertRule>& rules,
                             const std::vector<SiteFigures>& sites,
                             const std::set<std::string>& open_keys,
                             const std::map<std::string, std::string>& site_names, Instant now);

// The window each measure is computed over: the longest any rule on it asks (7 days when none);
// the words of an alert name the window its figure really covers.
std::array<int, kAlertMeasureNames.size()> measure_windows(const std::vector<AlertRule>& rules);

}  // namespace vigie::alerts
