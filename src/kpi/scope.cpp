#include "kpi/scope.hpp"

#include "common/paris_time.hpp"

namespace vigie::kpi {
namespace {

bool matches(const std::string& wanted, const std::string& value) {
  return wanted.empty() || wanted == value;
}

}  // namespace

const SiteAttributes& SiteAt::attributes() const {
  static const SiteAttributes kUnknown;  // before the site's first record
  return record != nullptr ? *record : kUnknown;
}

Instant end_of_day(LocalDate day) {
  const LocalDate next{std::chrono::sys_days{day} + std::chrono::days{1}};
  return paris_instant(next, 0, 0) - std::chrono::milliseconds{1};
}

SiteAt site_at(const SiteState& site, Instant end) {
  SiteAt out;
  out.site = &site;
  const SiteAttributes* attributes = site.attributes.at(end);
  if (attributes == nullptr) return out;
  out.known = true;
  out.record = attributes;
  if (const auto* status = site.status.at(end)) out.status = *status;
  if (const auto* budget = site.budget_cents.at(end)) out.budget_cents = *budget;
  if (const auto* percent = site.percent_complete.at(end)) out.percent_complete = *percent;
  if (const auto* actual_end = site.actual_end.at(end)) out.actual_end = *actual_end;
  if (out.status == SiteStatus::completed) out.percent_complete = 100;  // kpis.md, "States"
  return out;
}

bool in_scope(const SiteAt& site, const Scope& scope) {
  const SiteAttributes& a = site.attributes();
  return site.known && matches(scope.region, a.region) && matches(scope.manager, a.manager_id) &&
         matches(scope.type, a.type) && matches(scope.team, a.team_id) &&
         (!scope.status || *scope.status == site.status) && matches(scope.chief, a.chief_id);
}

bool in_progress(const SiteAt& site) {
  return site.status == SiteStatus::active || site.status == SiteStatus::suspended;
}

bool completed_in(const SiteAt& site, const Period& period) {
  return site.status == SiteStatus::completed && site.actual_end &&
         *site.actual_end >= period.from && *site.actual_end <= period.to;
}

std::vector<SiteAt> sites_in_scope(const Company& company, const Scope& scope,
                                   const Period& period) {
  std::vector<SiteAt> out;
  const Instant end = end_of_day(period.to);
  const std::int32_t first = days_since_epoch(period.from);
  const std::int32_t last = days_since_epoch(period.to);
  for (const SiteState& site : company.sites()) {
    SiteAt at = site_at(site, end);
    if (!in_scope(at, scope)) continue;
    at.period_sums = sum_days(site, first, last);
    const DayCounters to_end = sum_to(site, last);
    at.to_end = {to_end.expense_cents, to_end.design_queue, to_end.photo_bytes};
    out.push_back(std::move(at));
  }
  return out;
}

}  // namespace vigie::kpi
