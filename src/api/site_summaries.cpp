#include "api/site_summaries.hpp"

#include <algorithm>

#include "common/paris_time.hpp"
#include "common/text_fold.hpp"
#include "kpi/live_company.hpp"
#include "models/delay/live_predictions.hpp"

namespace vigie::api {

int SiteSummary::highest_open_severity() const {
  for (int severity = 4; severity >= 1; --severity) {
    if (open_by_severity[static_cast<std::size_t>(severity - 1)] > 0) return severity;
  }
  return 0;
}

int SiteSummary::urgency() const {
  const int severity = highest_open_severity();
  const double p_late = prediction ? prediction->p_late : 0.0;
  if (severity == 4) return 3;
  if (p_late >= 0.7) return 2;
  return severity == 3 || p_late >= 0.4 ? 1 : 0;
}

std::string risk_level(const SiteSummary& site) {
  if (!site.prediction) return "";
  if (site.prediction->p_late >= 0.7) return "high";
  return site.prediction->p_late >= 0.4 ? "medium" : "low";
}

Expected<std::vector<SiteSummary>> site_summaries(ApiServices& services, const kpi::Scope& scope, Instant now,
                                                  const std::string& only_site) {
  auto records = services.store.sites();
  if (!records) return records.error();
  std::unordered_map<std::string, const events::SiteRecord*> record_of;
  for (const auto& record : *records) record_of.emplace(record.id, &record);

  const LocalDate today = paris_date(now);
  const std::int32_t day = days_since_epoch(today);
  const Instant end = kpi::end_of_day(today);
  std::vector<SiteSummary> summaries;
  services.kpis->read([&](const kpi::Company& company) {
    std::unordered_map<std::size_t, std::size_t> summary_of;  // index in company.sites() → in summaries
    const auto& sites = company.sites();
    for (std::size_t i = 0; i < sites.size(); ++i) {
      if (!only_site.empty() && sites[i].id != only_site) continue;
      const auto record = record_of.find(sites[i].id);
      if (record == record_of.end()) continue;
      const kpi::SiteAt at = kpi::site_at(sites[i], end);
      if (!at.known || !kpi::in_scope(at, scope)) continue;
      const kpi::DayCounters sums = kpi::sum_to(sites[i], day);
      SiteSummary summary;
      summary.record = *record->second;
      summary.status = at.status;
      summary.budget_cents = at.budget_cents;
      summary.actual_cost_cents = sums.expense_cents;
      summary.percent_complete = at.percent_complete;
      summary.photos = sums.photos;
      summary.reports = sums.reports;
      summary_of.emplace(i, summaries.size());
      summaries.push_back(std::move(summary));
    }
    company.visit_incidents([&](std::size_t site, std::string_view id, const kpi::Incident& incident) {
      const auto found = summary_of.find(site);
      if (found == summary_of.end() || !incident.opened_at || incident.resolved_at) return;
      SiteSummary& summary = summaries[found->second];
      OpenIncident open{std::string{id}, *incident.opened_at, incident.taken_at, kpi::labels_at(incident)};
      if (open.labels.severity && *open.labels.severity >= 1 && *open.labels.severity <= 4) {
        ++summary.open_by_severity[static_cast<std::size_t>(*open.labels.severity - 1)];
      }
      summary.open_incidents.push_back(std::move(open));
    });
  });

  if (services.predictions != nullptr && !summaries.empty()) {
    auto answer = only_site.empty() ? services.predictions->under_way(now, scope.manager)
                                    : services.predictions->site(only_site, now, scope.manager);
    if (!answer) return answer.error();
    std::unordered_map<std::string, models::SitePrediction*> prediction_of;
    for (auto& prediction : answer->predictions) prediction_of.emplace(prediction.site_id, &prediction);
    for (auto& summary : summaries) {
      const auto found = prediction_of.find(summary.record.id);
      if (found != prediction_of.end()) summary.prediction = std::move(*found->second);
    }
  }
  for (auto& summary : summaries) {
    std::sort(summary.open_incidents.begin(), summary.open_incidents.end(),
              [](const OpenIncident& a, const OpenIncident& b) { return a.opened_at > b.opened_at; });
  }
  // By name as people read it: accents do not send "Échirolles" after "Voiron".
  std::vector<std::pair<std::string, SiteSummary>> keyed;
  keyed.reserve(summaries.size());
  for (auto& summary : summaries) keyed.emplace_back(plain_lower(summary.record.name) + '\x1f' + summary.record.id, std::move(summary));
  std::sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 0; i < keyed.size(); ++i) summaries[i] = std::move(keyed[i].second);
  return summaries;
}

}  // namespace vigie::api
