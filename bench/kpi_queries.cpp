#include "bench/kpi_queries.hpp"

#include <array>

#include "demo/rng.hpp"

namespace vigie::bench {
namespace {

std::string describe_scope(const kpi::Scope& scope) {
  std::string out;
  const auto add = [&out](const char* name, const std::string& value) {
    if (!value.empty()) out += std::string{", "} + name + "=" + value;
  };
  add("region", scope.region);
  add("manager", scope.manager);
  add("type", scope.type);
  add("team", scope.team);
  if (scope.status) add("status", std::string{kpi::site_status_name(*scope.status)});
  return out.empty() ? ", whole company" : out;
}

// Filters taken from one site as it stood on `as_of`; each filter with probability 1/3.
kpi::Scope random_scope(const kpi::Company& company, LocalDate as_of, demo::Rng& rng) {
  kpi::Scope scope;
  if (company.sites().empty() || rng.chance(0.3)) return scope;  // the whole company, often
  const Instant end = kpi::end_of_day(as_of);
  const kpi::SiteAt site = kpi::site_at(company.sites()[rng.below(company.sites().size())], end);
  if (!site.known) return scope;
  const kpi::SiteAttributes& a = site.attributes();
  if (rng.chance(1.0 / 3)) scope.region = a.region;
  if (rng.chance(1.0 / 3)) scope.manager = a.manager_id;
  if (rng.chance(1.0 / 3)) scope.type = a.type;
  if (rng.chance(1.0 / 3)) scope.team = a.team_id;
  if (rng.chance(0.2)) scope.status = site.status;
  return scope;
}

}  // namespace

KpiQuery whole_company_month(LocalDate as_of) {
  return {{}, kpi::calendar_periods(kpi::PeriodKind::month, as_of), as_of,
          "month to " + format_iso_date(as_of) + ", whole company"};
}

std::vector<KpiQuery> random_queries(const kpi::Company& company, LocalDate first, LocalDate last,
                                     int count, std::uint64_t seed) {
  constexpr std::array kKinds = {kpi::PeriodKind::day, kpi::PeriodKind::week,
                                 kpi::PeriodKind::month, kpi::PeriodKind::quarter,
                                 kpi::PeriodKind::year};
  demo::Rng rng(seed);
  std::vector<KpiQuery> queries;
  const int span = days_since_epoch(last) - days_since_epoch(first);
  for (int i = 0; i < count; ++i) {
    KpiQuery query;
    query.as_of = date_from_days(days_since_epoch(first) + rng.between(0, span));
    const std::size_t kind = rng.below(kKinds.size() + 1);
    if (kind < kKinds.size()) {
      query.periods = kpi::calendar_periods(kKinds[kind], query.as_of);
      query.label = std::string{kpi::period_kind_name(kKinds[kind])} + " to ";
    } else {  // a range of up to four months ending at as_of
      const LocalDate from = date_from_days(days_since_epoch(query.as_of) - rng.between(0, 120));
      query.periods = kpi::range_periods(from, query.as_of);
      query.label = format_iso_date(from) + " to ";
    }
    query.scope = random_scope(company, query.as_of, rng);
    query.label += format_iso_date(query.as_of) + describe_scope(query.scope);
    queries.push_back(std::move(query));
  }
  return queries;
}

}  // namespace vigie::bench
