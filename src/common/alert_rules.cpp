#include "common/alert_rules.hpp"

#include "common/enum_names.hpp"

namespace vigie {
namespace {

constexpr std::array<std::string_view, 3> kAudienceNames{"manager", "direction", "admin"};
constexpr std::array<std::string_view, 3> kAudienceLabels{"Responsable d'affaire", "Direction", "admin"};

AlertRule rule(std::string name, AlertMeasure measure, AlertChange change, bool above,
               double threshold, double margin, int window_days, AlertAudience audience) {
  AlertRule out;
  out.id = name;
  out.name = std::move(name);
  out.measure = measure;
  out.change = change;
  out.above = above;
  out.threshold = threshold;
  out.margin = margin;
  out.window_days = window_days;
  out.audience = audience;
  return out;
}

}  // namespace

std::optional<AlertMeasure> parse_alert_measure(std::string_view name) {
  return enum_named<AlertMeasure>(name, kAlertMeasureNames);
}

std::string_view alert_measure_name(AlertMeasure measure) {
  return kAlertMeasureNames[static_cast<std::size_t>(measure)];
}

std::optional<AlertChange> parse_alert_change(std::string_view name) {
  return enum_named<AlertChange>(name, kAlertChangeNames);
}

std::string_view alert_change_name(AlertChange change) {
  return kAlertChangeNames[static_cast<std::size_t>(change)];
}

std::optional<AlertAudience> parse_alert_audience(std::string_view name) {
  return enum_named<AlertAudience>(name, kAudienceNames);
}

std::string_view alert_audience_name(AlertAudience audience) {
  return kAudienceNames[static_cast<std::size_t>(audience)];
}

std::string_view alert_audience_label(AlertAudience audience) {
  return kAudienceLabels[static_cast<std::size_t>(audience)];
}

std::optional<AlertAudience> parse_alert_audience_label(std::string_view label) {
  return enum_named<AlertAudience>(label, kAudienceLabels);
}

std::vector<AlertRule> default_alert_rules() {
  using enum AlertMeasure;
  using enum AlertChange;
  using enum AlertAudience;
  return {
      rule("budget_overrun", budget_overrun_pct, level, true, 10, 2, 7, manager),
      rule("satisfaction_low", client_satisfaction, level, false, 6, 0.5, 30, manager),
      rule("satisfaction_drop", client_satisfaction, points, false, -2, 0.5, 30, manager),
      rule("no_report", days_without_report, level, true, 3, 0, 7, manager),
      rule("cost_jump", cost_at_completion_eur, percent, true, 15, 5, 7, manager),
      rule("utilisation_low", utilisation_pct, level, false, 60, 5, 7, manager),
      rule("late_risk", p_late_pct, level, true, 70, 5, 7, manager),
      rule("predicted_delay", predicted_delay_days, level, true, 10, 2, 7, direction),
      rule("sla_at_risk", incidents_sla_at_risk, level, true, 0, 0, 7, manager),
  };
}

}  // namespace vigie
