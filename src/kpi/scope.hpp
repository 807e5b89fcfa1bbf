// kpi/scope.hpp
//
// Which sites a KPI request covers, and a site as it stood at the end of a day. kpis.md:
// scope filters (region, manager, site type, team, status) combine; states are read at the end
// of the period, the latest occurred_at winning; "sites of the period" are those in progress at
// its end (active or suspended) and those whose actual_end falls in it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kpi/company.hpp"
#include "kpi/period.hpp"

namespace vigie::kpi {

struct Scope {  // an empty text matches every site
  std::string region;
  std::string manager;
  std::string type;
  std::string team;
  std::optional<SiteStatus> status;
  std::string chief;  // not a query filter: a chief's token sees the sites they lead
};

// The last instant of a Paris day: states "at the end of the period" are read there.
Instant end_of_day(LocalDate day);

// The running totals a KPI reads at the end of a period.
struct ToEnd {
  std::int64_t expense_cents = 0;  // AC (KPI 2, 14)
  std::int64_t design_queue = 0;   // items waiting for the design office (KPI 7)
  std::int64_t photo_bytes = 0;    // storage used (KPI 9)
};

// A site at the end of a day. `known` is false before its first site.upserted.
struct SiteAt {
  const SiteState* site = nullptr;
  bool known = false;
  const SiteAttributes* record = nullptr;  // into the site's timeline: nothing copied per request
  const SiteAttributes& attributes() const;
  SiteStatus status = SiteStatus::planned;
  std::int64_t budget_cents = 0;
  double percent_complete = 0;  // 100 once completed
  std::optional<LocalDate> actual_end;
  // Set by sites_in_scope, for the period it was given, once per site rather than once per KPI
  // (kpi/company.hpp sum_days): the sums of the period's days, and the states that are sums of
  // every day to its end (kept small: a request copies thousands of these).
  DayCounters period_sums;
  ToEnd to_end;
};
SiteAt site_at(const SiteState& site, Instant end);  // `end`: end_of_day(day), computed once

bool in_scope(const SiteAt& site, const Scope& scope);

// In progress at the end of `period` (active or suspended), or finished within it.
bool in_progress(const SiteAt& site);
bool completed_in(const SiteAt& site, const Period& period);

// The sites in `scope` as they stood at the end of `period`, with their sums over it.
std::vector<SiteAt> sites_in_scope(const Company& company, const Scope& scope, const Period& period);

}  // namespace vigie::kpi
