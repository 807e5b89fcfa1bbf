// kpi/breakdown.hpp
//
// One KPI split into rows (GET /api/v1/kpis/{n}): per site, per chief, per team (the sites of
// the scope grouped by their chief or team at the period's end, each group's figures computed
// as if it were the scope), per day (each day of the period as a one-day period) or per ISO
// week (each week as a period, cut at the period's ends: a year of money in 53 points rather than
// 365, which a chart of the year reads as well at a seventh of the work). Defaults
// follow what the KPI is about: chiefs for productivity (6), utilisation (8) and adoption (12),
// days for photos per day (9), sites otherwise.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kpi/one_kpi.hpp"

namespace vigie::kpi {

enum class BreakdownBy { site, chief, team, day, week };

std::optional<BreakdownBy> parse_breakdown_by(std::string_view name);
std::string_view breakdown_by_name(BreakdownBy by);
BreakdownBy default_breakdown(int id);

struct BreakdownRow {
  std::string key;  // site id, chief's person id, team id, ISO date or ISO week ("2026-W48");
                    // "" for sites with none
  FigureSet value;
};

// Rows in key order (days and weeks in date order). Figures from outside the events (alerts, plans) are
// not split and stay empty.
std::vector<BreakdownRow> breakdown(const Company& company, const Scope& scope,
                                    const PeriodPair& periods, int id, BreakdownBy by,
                                    const KpiSettings& settings);

}  // namespace vigie::kpi
