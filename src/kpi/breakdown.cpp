#include "kpi/breakdown.hpp"

#include <array>
#include <map>

#include "common/enum_names.hpp"

namespace vigie::kpi {
namespace {

constexpr std::array<std::string_view, 4> kNames = {"site", "chief", "team", "day"};

FigureSet figures_for(const Company& company, const std::vector<SiteAt>& sites,
                      const Period& period, const Period& before, int id,
                      const KpiSettings& settings) {
  const OutsideFigures none;
  const FigureInputs inputs{company, sites, sites_of_period(sites, period), period, before,
                            settings, none};
  return figures_of(id, inputs);
}

// The scope's sites grouped by `key_of`, each group's figures for the current period.
template <class KeyOf>
std::vector<BreakdownRow> by_group(const Company& company, const Scope& scope,
                                   const PeriodPair& periods, int id,
                                   const KpiSettings& settings, KeyOf key_of) {
  std::map<std::string, std::vector<SiteAt>> groups;
  for (SiteAt& site : sites_in_scope(company, scope, periods.current)) {
    groups[key_of(site)].push_back(std::move(site));
  }
  std::vector<BreakdownRow> rows;
  for (const auto& [key, sites] : groups) {
    rows.push_back({key, figures_for(company, sites, periods.current, periods.previous, id,
                                     settings)});
  }
  return rows;
}

// Each day of the current period as a period of its own (the day before as its previous).
std::vector<BreakdownRow> by_day(const Company& company, const Scope& scope,
                                 const PeriodPair& periods, int id, const KpiSettings& settings) {
  std::vector<BreakdownRow> rows;
  for (std::int32_t day = days_since_epoch(periods.current.from);
       day <= days_since_epoch(periods.current.to); ++day) {
    const Period one{date_from_days(day), date_from_days(day)};
    rows.push_back({format_iso_date(one.from),
                    figures_for(company, sites_in_scope(company, scope, one), one,
                                period_before(one), id, settings)});
  }
  return rows;
}

}  // namespace

std::optional<BreakdownBy> parse_breakdown_by(std::string_view name) {
  return enum_named<BreakdownBy>(name, kNames);
}

std::string_view breakdown_by_name(BreakdownBy by) { return kNames[static_cast<std::size_t>(by)]; }

BreakdownBy default_breakdown(int id) {
  switch (id) {
    case 6:
    case 8:
    case 12:
      return BreakdownBy::chief;
    case 9:
      return BreakdownBy::day;
    default:
      return BreakdownBy::site;
  }
}

std::vector<BreakdownRow> breakdown(const Company& company, const Scope& scope,
                                    const PeriodPair& periods, int id, BreakdownBy by,
                                    const KpiSettings& settings) {
  switch (by) {
    case BreakdownBy::site:
      return by_group(company, scope, periods, id, settings,
                      [](const SiteAt& site) { return site.site->id; });
    case BreakdownBy::chief:
      return by_group(company, scope, periods, id, settings,
                      [](const SiteAt& site) { return site.attributes().chief_id; });
    case BreakdownBy::team:
      return by_group(company, scope, periods, id, settings,
                      [](const SiteAt& site) { return site.attributes().team_id; });
    case BreakdownBy::day:
      return by_day(company, scope, periods, id, settings);
  }
  return {};
}

}  // namespace vigie::kpi
