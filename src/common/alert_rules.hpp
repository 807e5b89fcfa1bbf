// common/alert_rules.hpp
//
// The alert rules of surfaces.md (Alerts) and issue 9: a threshold on one of a site's figures,
// on its level ("client satisfaction under 6") or on its change against the window before
// ("satisfaction down 2 points", "cost at completion up 15 % in a week"), set company-wide, for a site type or
// for one site (the most specific rule of a name wins), each going to an audience. A condition
// that holds raises one alert, kept until the figure is back past the threshold by the rule's
// margin (hysteresis: a figure wobbling around its threshold raises no storm). In common because
// the configuration file ([[alerts.rules]]) sets them; alerts/ evaluates them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie {

// The figures a rule may watch, per site under way (alerts/site_figures.hpp says how each is
// computed).
enum class AlertMeasure : std::uint8_t {
  budget_overrun_pct,    // (EAC − BAC) / BAC × 100, EAC = BAC × AC / EV
  client_satisfaction,   // mean client score (0–10) over the window
  days_without_report,   // days since the last daily report
  cost_at_completion_eur,  // the estimate at completion, BAC × AC / EV; before: a window ago
  utilisation_pct,       // billable hours / hours worked over the window × 100
  p_late_pct,            // the delay model's P(late) × 100
  predicted_delay_days,  // the delay model's predicted delay
  incidents_sla_at_risk,  // open incidents not yet taken with a quarter of their SLA or less left
};
inline constexpr std::array<std::string_view, 8> kAlertMeasureNames{
    "budget_overrun_pct", "client_satisfaction", "days_without_report", "cost_at_completion_eur",
    "utilisation_pct",    "p_late_pct",          "predicted_delay_days", "incidents_sla_at_risk"};
std::optional<AlertMeasure> parse_alert_measure(std::string_view name);
std::string_view alert_measure_name(AlertMeasure measure);

enum class AlertChange : std::uint8_t {
  level,    // the figure itself against the threshold
  points,   // the figure minus its value over the window before
  percent,  // that difference as a percentage of the value before
};
inline constexpr std::array<std::string_view, 3> kAlertChangeNames{"level", "points", "percent"};
std::optional<AlertChange> parse_alert_change(std::string_view name);
std::string_view alert_change_name(AlertChange change);

enum class AlertAudience : std::uint8_t { manager, direction, admin };
std::optional<AlertAudience> parse_alert_audience(std::string_view name);
std::string_view alert_audience_name(AlertAudience audience);  // "manager", …
// As alerts show it to people and store it ("Responsable d'affaire", "Direction", "admin"), and
// back; nullopt for any other text.
std::string_view alert_audience_label(AlertAudience audience);
std::optional<AlertAudience> parse_alert_audience_label(std::string_view label);

struct AlertRule {
  std::string name;          // names the condition: "budget_overrun"; one alert per name and site
  std::string id;            // the rule's own name in the configuration (alerts.rules.<id>)
  bool enabled = true;
  AlertMeasure measure = AlertMeasure::budget_overrun_pct;
  AlertChange change = AlertChange::level;
  bool above = true;         // raised when the value is above the threshold (else below)
  double threshold = 0;
  double margin = 0;         // cleared once back past threshold ∓ margin
  int window_days = 7;       // the window of windowed figures and of changes (rules on one
                             // measure share the longest of theirs)
  // "" company-wide, "type:residential" for a site type, "site:CH-2026-004" for one site.
  std::string scope;
  AlertAudience audience = AlertAudience::manager;
};

// The rules a company gets unless its configuration says otherwise (issue 9's examples).
std::vector<AlertRule> default_alert_rules();

}  // namespace vigie
