#include "kpi/budget_alerts.hpp"

#include <algorithm>
#include <set>
#include <string_view>

#include "common/paris_time.hpp"

namespace vigie::kpi {
namespace {

bool about_budget(std::string_view kind) { return kind == "budget_overrun" || kind == "cost_jump"; }

}  // namespace

std::int64_t budget_alerts_sent(const Company& company, const Scope& scope, const Period& period,
                                std::span<const store::AlertRow> history) {
  std::set<std::string_view> sites;
  for (const SiteAt& site : sites_in_scope(company, scope, period)) sites.insert(site.site->id);
  std::int64_t sent = 0;
  for (const store::AlertRow& alert : history) {
    if (!about_budget(alert.kind) || !sites.contains(alert.site_id)) continue;
    const LocalDate day = paris_date(alert.raised_at);
    sent += day >= period.from && day <= period.to ? 1 : 0;
  }
  return sent;
}

Expected<std::vector<store::AlertRow>> alerts_of_periods(const store::Store& store, const PeriodPair& periods) {
  const LocalDate first = std::min(periods.previous.from, periods.current.from);
  const LocalDate last = std::max(periods.previous.to, periods.current.to);
  return store.alerts_raised(paris_instant(first, 0, 0), paris_instant(date_from_days(days_since_epoch(last) + 1), 0, 0));
}

std::pair<OutsideFigures, OutsideFigures> outside_figures(const Company& company, const Scope& scope,
                                                          const PeriodPair& periods,
                                                          std::span<const store::AlertRow> history) {
  return {OutsideFigures{budget_alerts_sent(company, scope, periods.current, history)},
          OutsideFigures{budget_alerts_sent(company, scope, periods.previous, history)}};
}

}  // namespace vigie::kpi
