// alerts/alert_text.hpp
//
// An alert's words, in French for the people it goes to (surfaces.md: what, where, why with the
// figures, and what to do), and its figures as JSON for the API. Pure.
#pragma once

#include <optional>
#include <string>

#include "alerts/site_figures.hpp"
#include "common/alert_rules.hpp"
#include "store/rows.hpp"

namespace vigie::alerts {

// "rule:budget_overrun:CH-2026-004": one open alert per rule name and site.
inline constexpr std::string_view kRuleKeyPrefix = "rule:";
std::string rule_alert_key(const AlertRule& rule, const std::string& site_id);

// The compared value: the figure (level), or its change against the window before.
struct Observed {
  double value = 0;
  std::optional<double> now, before;  // the figure and its value before (changes)
};

// `site_name` may be empty (the alert then names the site by its id alone).
store::AlertRow describe_alert(const AlertRule& rule, const SiteFigures& site,
                               const std::string& site_name, const Observed& observed, Instant now);

}  // namespace vigie::alerts
