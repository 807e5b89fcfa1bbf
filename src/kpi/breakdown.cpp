#include "kpi/breakdown.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "common/enum_names.hpp"
#include "common/iso_week.hpp"

namespace vigie::kpi {
namespace {

constexpr std::array<std::string_view, 5> kNames = {"site", "chief", "team", "day", "week"};

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

// The current period cut into consecutive slices, each a period of its own (the same length
// before it as its previous): `last_of(first day, period)` is a slice's last day, `key_of(slice)`
// its row's key.
template <class LastOf, class KeyOf>
std::vector<BreakdownRow> by_slice(const Company& company, const Scope& scope, const PeriodPair& periods,
                                   int id, const KpiSettings& settings, LastOf last_of, KeyOf key_of) {
  std::vector<BreakdownRow> rows;
  const Period& whole = periods.current;
  for (std::int32_t day = days_since_epoch(whole.from); day <= days_since_epoch(whole.to);) {
    const Period slice{date_from_days(day), last_of(date_from_days(day), whole)};
    rows.push_back({key_of(slice), figures_for(company, sites_in_scope(company, scope, slice), slice,
                                              period_before(slice), id, settings)});
    day = days_since_epoch(slice.to) + 1;
  }
  return rows;
}

std::vector<BreakdownRow> by_day(const Company& company, const Scope& scope,
                                 const PeriodPair& periods, int id, const KpiSettings& settings) {
  return by_slice(
      company, scope, periods, id, settings, [](LocalDate day, const Period&) { return day; },
      [](const Period& slice) { return format_iso_date(slice.from); });
}

// ISO weeks, Monday to Sunday, the first and last cut at the period's ends.
std::vector<BreakdownRow> by_week(const Company& company, const Scope& scope,
                                  const PeriodPair& periods, int id, const KpiSettings& settings) {
  const auto sunday_or_end = [](LocalDate day, const Period& whole) {
    const LocalDate sunday = date_from_days(days_since_epoch(monday_of(day)) + 6);
    return std::min(sunday, whole.to);
  };
  return by_slice(company, scope, periods, id, settings, sunday_or_end,
                  [](const Period& slice) { return format_iso_week(slice.from); });
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
    case BreakdownBy::week:
      return by_week(company, scope, periods, id, settings);
  }
  return {};
}

}  // namespace vigie::kpi
