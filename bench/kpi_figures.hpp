// bench/kpi_figures.hpp
//
// KPI figures as a flat map, "<kpi>.<key>[.<sub-key>]" → value, so that Vigie's report and a SQL
// peer's row compare key by key: numbers and counts as double, "no data" as monostate, lists of
// names (KPI 12) as lists. Comparison allows for floating-point sums taken in another order.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kpi/report.hpp"

namespace vigie::bench {

using FlatFigure = std::variant<std::monostate, double, std::vector<std::string>>;
using FlatFigures = std::map<std::string, FlatFigure>;

// The `value` (or, with `previous`, the `previous`) figures of every KPI that comes from events:
// KPI 14 `alerts_sent` and KPI 15 come from the alerts and the planner and are left out.
FlatFigures flat_figures(const kpi::KpiReport& report, bool previous);

// One line per figure that differs or that `peer` lacks ("4.mean_severity: 2.5 vs 2.25");
// empty when they agree. Numbers agree within 1e-6 relative (1e-6 absolute near zero).
std::vector<std::string> figure_differences(const FlatFigures& vigie, const FlatFigures& peer);

std::string describe(const FlatFigure& figure);

// KPI 12's lists of feature names ("12.most_used", "12.least_used"), which the SQL peers return
// as one text, the names joined by '|' ("" for none).
bool is_names_figure(std::string_view key);
std::vector<std::string> split_names(std::string_view joined);

}  // namespace vigie::bench
