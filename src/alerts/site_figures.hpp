// alerts/site_figures.hpp
//
// What the alert rules watch, per site under way at an instant (common/alert_rules.hpp): each
// measure over a window and over the window before it, from the KPI state (kpi/company.hpp) and
// the delay model's last predictions. A measure without data (no progress yet, no client score
// in the window, no prediction) is absent: a rule on it neither raises nor clears.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/alert_rules.hpp"
#include "common/time.hpp"
#include "kpi/company.hpp"

namespace vigie::alerts {

struct SiteFigures {
  std::string site_id;
  std::string site_type;
  std::string manager_id;
  // By measure: the value now and over the window before (windowed measures only), and the
  // window in days they were computed over.
  std::array<std::optional<double>, kAlertMeasureNames.size()> now, before;
  std::array<int, kAlertMeasureNames.size()> window_days{};

  std::optional<double> value(AlertMeasure m) const { return now[static_cast<std::size_t>(m)]; }
  std::optional<double> previous(AlertMeasure m) const { return before[static_cast<std::size_t>(m)]; }
};

// The delay model's last word on a site.
struct SitePredictionFigures {
  double p_late = 0;  // 0–1
  double predicted_delay_days = 0;
};

// Every site in progress (active or suspended) at `now`, windows of `window_days` Paris days
// ending with now's day (by measure: alert_engine.hpp measure_windows).
std::vector<SiteFigures> site_figures(
    const kpi::Company& company, Instant now,
    const std::map<std::string, SitePredictionFigures>& predictions,
    const std::array<int, kAlertMeasureNames.size()>& window_days);

}  // namespace vigie::alerts
