// bench/kpi_queries.hpp
//
// KPI requests as people make them: a calendar period (day to year) or a range of dates, ending
// on some day of the company's history, for the whole company or a scope that combines filters
// (region, manager, type, team, status). Filter values are taken from a real site as it stood on
// that day, so a scope is never empty by construction (a status filter may still empty it).
// Seeded: the same seed gives the same requests, for Vigie and its SQL peers alike.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kpi/company.hpp"
#include "kpi/period.hpp"
#include "kpi/scope.hpp"

namespace vigie::bench {

struct KpiQuery {
  kpi::Scope scope;
  kpi::PeriodPair periods;
  LocalDate as_of{};
  std::string label;  // "month to 2026-10-31, region=Isère", for reports
};

// All 15 KPIs of the whole company for the calendar month that contains `as_of`.
KpiQuery whole_company_month(LocalDate as_of);

// `count` requests with as_of in [first, last] (first <= last).
std::vector<KpiQuery> random_queries(const kpi::Company& company, LocalDate first, LocalDate last,
                                     int count, std::uint64_t seed);

}  // namespace vigie::bench
