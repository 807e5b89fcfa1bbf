#include "cli/server_jobs.hpp"

#include <algorithm>

#include "common/iso_week.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "models/delay/ab_test.hpp"
#include "models/delay/drift.hpp"
#include "models/delay/history_loader.hpp"
#include "models/delay/training.hpp"
#include "models/triage/incident_text.hpp"
#include "models/triage/training.hpp"

namespace vigie::cli {
namespace {

constexpr std::string_view kTrainedBy = "vigie serve (weekly retraining)";

std::string promotion_account(std::int64_t version, const models::PromotionDecision& decision) {
  if (decision.promote) return "version " + std::to_string(version) + " trained and promoted";
  return "version " + std::to_string(version) + " trained, not promoted (worse than version " +
         std::to_string(decision.against_version) + ": " + decision.worse_metrics() + ")";
}

// The challenger's shadow predictions of the sites in its share among those the champion scored.
Expected<std::vector<models::SitePrediction>> challenger_predictions(
    const DelayModelSettings& settings, store::Store& store, models::LivePredictions& live,
    const std::vector<models::SitePrediction>& champion, Instant now) {
  auto loaded = models::load_delay_version(store, settings.challenger_version);
  if (!loaded) return loaded.error();
  if (!*loaded) {
    return Error::invalid("models.delay.challenger_version",
                          "the delay model has no version " + std::to_string(settings.challenger_version));
  }
  std::vector<models::SitePrediction> shadow;
  auto scored = live.with_history(now, [&](const models::CompanyHistory& history,
                                           const models::SimilarSites& similar) -> Expected<void> {
    const models::DelayPredictor predictor(**loaded, settings);
    for (const models::SitePrediction& p : champion) {
      const models::SiteHistory* site = history.site(p.site_id);
      if (site == nullptr || !models::in_challenger_share(p.site_id, settings.challenger_share)) continue;
      auto prediction = predictor.predict(history, similar, *site, now);
      if (!prediction) return prediction.error();
      shadow.push_back(std::move(*prediction));
    }
    return {};
  });
  if (!scored) return scored.error();
  return shadow;
}

Expected<std::string> score_sites(const Config& config, store::Store& store,
                                  models::LivePredictions& live, Instant now) {
  auto answer = live.under_way(now);
  if (!answer) return answer.error();
  if (!answer->model) return std::string{"no delay model yet: nothing scored"};
  const LocalDate day = paris_date(now);
  auto rows = models::score_rows(answer->predictions, models::kChampionArm, day, now);
  std::string account = std::to_string(rows.size()) + " sites scored by version " +
                        std::to_string(answer->model->version);
  const DelayModelSettings& settings = config.delay;
  if (settings.challenger_version != 0 && settings.challenger_version != answer->model->version) {
    auto shadow = challenger_predictions(settings, store, live, answer->predictions, now);
    if (!shadow) return shadow.error();
    auto more = models::score_rows(*shadow, models::kChallengerArm, day, now);
    account += ", " + std::to_string(more.size()) + " by challenger version " +
               std::to_string(settings.challenger_version);
    rows.insert(rows.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  if (auto stored = store.put_site_scores(rows); !stored) return stored.error();
  return account;
}

// The serving version's drift: one admin alert while anything drifted, cleared once nothing does
// (and for versions that no longer serve).
Expected<std::string> check_drift(const Config& config, store::Store& store, Instant now) {
  auto check = models::serving_version_drift(store, config.delay, paris_date(now));
  if (!check) return check.error();
  const std::string current = check->report ? models::drift_alert_key(check->report->version) : "";
  auto open = store.alerts(true, 100'000);
  if (!open) return open.error();
  for (const store::AlertRow& alert : *open) {
    if (alert.kind != models::kDriftAlertKind || alert.key == current) continue;
    if (auto cleared = store.clear_alert(alert.key, now); !cleared) return cleared.error();
  }
  if (!check->report) return "drift not measured: " + check->not_measured;
  const models::DriftReport& report = *check->report;
  if (auto alert = models::drift_alert(report, config.delay.drift_threshold, now)) {
    if (auto raised = store.raise_alert(*alert); !raised) return raised.error();
  } else if (auto cleared = store.clear_alert(current, now); !cleared) {
    return cleared.error();
  }
  const auto largest = std::max_element(report.items.begin(), report.items.end(),
                                        [](const auto& a, const auto& b) { return a.psi < b.psi; });
  const auto drifted = std::count_if(report.items.begin(), report.items.end(), [](const auto& i) { return i.drifted; });
  return "version " + std::to_string(report.version) + ", " + std::to_string(report.rows) + " predictions: " +
         std::to_string(drifted) + " of " + std::to_string(report.items.size()) + " drifted (largest PSI " +
         format_json_number(largest->psi) + ", " + largest->name + ")";
}

Expected<std::string> retrain_delay(const Config& config, store::Store& store, Instant now) {
  auto loaded = models::load_history(store);
  if (!loaded) return loaded.error();
  auto trained = models::train_delay_version(store, loaded->history, config.delay,
                                             std::string{kTrainedBy}, now);
  if (!trained) return trained.error();
  return promotion_account(trained->version, trained->promotion);
}

Expected<std::string> retrain_triage(const Config& config, store::Store& store, Instant now) {
  namespace triage = models::triage;
  const TriageSettings& settings = config.triage;
  auto corpus = triage::read_incident_corpus(settings.corpus_dir);
  if (!corpus) return corpus.error();
  auto heldout = triage::read_incident_corpus(settings.heldout_dir);
  if (!heldout) return heldout.error();
  auto set = triage::triage_training_set(store, std::move(corpus->incidents));
  if (!set) return set.error();
  auto trained = triage::train_triage_version(store, *set, heldout->incidents, triage::stack_params(settings),
                                              settings, std::string{kTrainedBy}, now);
  if (!trained) return trained.error();
  return promotion_account(trained->version, trained->promotion);
}

// Often enough that a change of teams or sites shows on the planning view within minutes
// without its asker waiting for the solver.
constexpr std::int64_t kPlanEverySeconds = 300;

Expected<std::string> prepare_plan(models::planning::PlanBoard& plans, Instant now) {
  const LocalDate monday = monday_after(paris_date(now));
  auto shown = plans.suggest(monday);
  if (!shown) return shown.error();
  return format_iso_week(monday) + ": plan " + shown->id + (shown->solved ? " solved" : " unchanged");
}

}  // namespace

std::vector<Job> server_jobs(const ServerJobParts& parts) {
  const Config& config = parts.config;
  store::Store& store = parts.store;
  alerts::AlertWatch& watch = parts.alerts;
  const JobSettings& jobs = config.jobs;
  const auto weekday = static_cast<unsigned>(jobs.retrain_weekday);
  return {
      {"alert_evaluation", "évaluation des alertes", JobTiming::every_seconds(config.alerts_every_seconds),
       [&watch](Instant now) -> Expected<std::string> {
         auto pass = watch.evaluate(now);
         if (!pass) return pass.error();
         return std::to_string(pass->open) + " rule alerts open (" + std::to_string(pass->raised) +
                " raised, " + std::to_string(pass->cleared) + " cleared)";
       }},
      {"kpi_snapshot", "sauvegarde des indicateurs", JobTiming::every_seconds(jobs.kpi_snapshot_every_seconds),
       [save = parts.save_kpis](Instant) { return save(); }},
      {"site_scoring", "score quotidien des chantiers", JobTiming::daily_at(jobs.scoring_hour, 0),
       [&config, &store, &live = parts.predictions](Instant now) { return score_sites(config, store, live, now); }},
      {"drift_check", "contrôle de dérive du modèle de retard", JobTiming::daily_at(jobs.scoring_hour, 30),
       [&config, &store](Instant now) { return check_drift(config, store, now); }},
      {"retrain_delay", "réentraînement du modèle de retard", JobTiming::weekly_at(weekday, jobs.retrain_hour, 0),
       [&config, &store](Instant now) { return retrain_delay(config, store, now); }},
      {"retrain_triage", "réentraînement du tri des incidents",
       JobTiming::weekly_at(weekday, jobs.retrain_hour + 1, 0),
       [&config, &store](Instant now) { return retrain_triage(config, store, now); }},
      {kPlanSuggestionJob, "préparation du planning de la semaine", JobTiming::every_seconds(kPlanEverySeconds),
       [&plans = parts.plans](Instant now) { return prepare_plan(plans, now); }},
  };
}

}  // namespace vigie::cli
