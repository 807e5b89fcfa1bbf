// api/site_summaries.hpp
//
// What the dashboards show of each site (issue 10: "Tous les chantiers" and the Vue 360°): its
// record from the store (name, client, dates, people), its figures from the live KPI state at
// the end of today (status, budget, spent, progress, photos, reports), its open incidents by
// severity, and its delay prediction when a model is active. Only the sites the asker sees.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/auth.hpp"
#include "api/people_book.hpp"
#include "api/routes.hpp"
#include "events/records.hpp"
#include "kpi/company.hpp"
#include "kpi/scope.hpp"
#include "models/delay/prediction.hpp"

namespace vigie::api {

struct OpenIncident {
  std::string id;
  Instant opened_at{};
  std::optional<Instant> taken_at;
  kpi::Labels labels;
};

struct SiteSummary {
  events::SiteRecord record;
  kpi::SiteStatus status = kpi::SiteStatus::planned;
  std::int64_t budget_cents = 0;
  std::int64_t actual_cost_cents = 0;
  double percent_complete = 0;
  std::int64_t photos = 0;
  std::int64_t reports = 0;
  std::vector<OpenIncident> open_incidents;
  std::array<int, 4> open_by_severity{};  // Faible … Critique; an incident without severity is in none
  std::optional<models::SitePrediction> prediction;

  int highest_open_severity() const;  // 0 when none
  // How soon someone must look (the urgency the table shows and sorts by): 3 a Critique
  // incident open, 2 a high risk of delay, 1 an Élevée incident open or a medium risk, 0 else.
  int urgency() const;
};

// The sites in `scope` as of `now`, by name (accents folded); `only_site`: just that one. The
// caller narrows `scope` to what the asker sees (api/scope_query.hpp).
// Without an active delay model, no site has a prediction.
Expected<std::vector<SiteSummary>> site_summaries(ApiServices& services, const kpi::Scope& scope, Instant now,
                                                  const std::string& only_site = {});

// "high" (P(late) ≥ 70 %, the default threshold of the late_risk alert), "medium" (≥ 40 %),
// "low"; empty without a prediction.
std::string risk_level(const SiteSummary& site);

}  // namespace vigie::api
