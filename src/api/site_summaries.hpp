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
#include "api/routes.hpp"
#include "events/records.hpp"
#include "kpi/company.hpp"
#include "kpi/scope.hpp"
#include "models/delay/prediction.hpp"

namespace vigie::api {

// Persons' and teams' names and records by id, read from the store once per request.
struct PeopleBook {
  std::unordered_map<std::string, std::string> person_names;
  std::unordered_map<std::string, std::vector<std::string>> team_members;  // team → person ids
  std::string name(const std::string& person_id) const;  // the id itself when unknown
};
Expected<PeopleBook> read_people(const store::Store& store);

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
};

// The sites in `scope` that `principal` sees, as of `now`, by name. `only_site`: just that one.
// Without an active delay model, no site has a prediction.
Expected<std::vector<SiteSummary>> site_summaries(ApiServices& services, const Principal& principal,
                                                  const kpi::Scope& scope, Instant now,
                                                  const std::string& only_site = {});

// "high" (P(late) ≥ 70 %, the alert rule's threshold), "medium" (≥ 40 %), "low"; empty without
// a prediction.
std::string risk_level(const SiteSummary& site);

}  // namespace vigie::api
