// cli/server_jobs.hpp
//
// The jobs `vigie serve` schedules (issue 9, point 4; common/job_scheduler.hpp):
//   alert_evaluation  every alerts.evaluate_every_seconds: the alert rules on the live figures
//   kpi_snapshot      every jobs.kpi_snapshot_every_seconds: the KPI aggregates saved
//   site_scoring      daily (jobs.scoring_hour, Paris): each site under way scored by the serving
//                     delay model and, in the challenger's share, by the challenger; stored with
//                     version, arm and features (models/delay/ab_test.hpp)
//   drift_check       half an hour later: the serving version's drift over those predictions, one
//                     admin alert while anything drifted (models/delay/drift.hpp)
//   retrain_delay     weekly (jobs.retrain_weekday, jobs.retrain_hour, Paris): the delay model
//                     trained on the whole history, promoted only if not worse (models/promotion)
//   retrain_triage    an hour later: the triage model, the same way
//   plan_suggestion   at start and every 5 minutes: the coming week's suggested plan, solved
//                     again only if what it reads changed, so the planning view opens at once
//                     (models/planning/plan_board.hpp)
// Each returns a one-line account in English for the log and GET /api/v1/jobs.
#pragma once

#include <functional>
#include <vector>

#include "alerts/alert_watch.hpp"
#include "common/config.hpp"
#include "common/job_scheduler.hpp"
#include "models/delay/live_predictions.hpp"
#include "models/planning/plan_board.hpp"
#include "store/store.hpp"

namespace vigie::cli {

struct ServerJobParts {
  const Config& config;
  store::Store& store;
  alerts::AlertWatch& alerts;
  models::LivePredictions& predictions;
  models::planning::PlanBoard& plans;
  std::function<Expected<std::string>()> save_kpis;  // the KPI snapshot, if anything changed
};

std::vector<Job> server_jobs(const ServerJobParts& parts);

// The name of the job that prepares the coming week's plan: the server runs it once at start.
inline constexpr const char* kPlanSuggestionJob = "plan_suggestion";

}  // namespace vigie::cli
