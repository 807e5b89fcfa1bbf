#include "models/planning/delay_effects.hpp"

#include <algorithm>
#include <cmath>

#include "common/paris_time.hpp"
#include "models/delay/completed_sites.hpp"
#include "models/delay/prediction.hpp"

namespace vigie::models::planning {

Expected<void> attach_predicted_delays(WeekProblem& problem, const LoadedDelayModel& model,
                                       const CompanyHistory& history,
                                       const DelayModelSettings& settings) {
  const Instant t = paris_instant(problem.monday, 0, 0);
  const SimilarSites similar(history);
  const DelayPredictor predictor(model, settings);
  for (PlanSite& site : problem.sites) {
    const SiteHistory* known = history.site(site.id);
    if (known == nullptr) continue;
    auto prediction = predictor.predict(history, similar, *known, t);
    if (!prediction) return prediction.error();
    std::vector<FeatureRow> rows;
    for (const PlanTeam& team : problem.teams) {
      FeatureRow row = prediction->features;
      const float crew = row[Feature::team_size];
      const auto size = static_cast<float>(team.members.size());
      row[Feature::team_size] = std::isnan(crew) ? size : std::min(crew, size);
      if (team.chief_experience_years) {
        row[Feature::chief_experience_years] = static_cast<float>(*team.chief_experience_years);
      }
      rows.push_back(row);
    }
    auto scores = model.model.score(rows);
    if (!scores) return scores.error();
    for (std::size_t k = 0; k < problem.teams.size(); ++k) {
      site.predicted_delay_days[problem.teams[k].id] = (*scores)[k].delay_days;
    }
  }
  return {};
}

}  // namespace vigie::models::planning
