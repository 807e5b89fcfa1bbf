#include "cli/server_jobs.hpp"

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
      {"retrain_delay", "réentraînement du modèle de retard", JobTiming::weekly_at(weekday, jobs.retrain_hour, 0),
       [&config, &store](Instant now) { return retrain_delay(config, store, now); }},
      {"retrain_triage", "réentraînement du tri des incidents",
       JobTiming::weekly_at(weekday, jobs.retrain_hour + 1, 0),
       [&config, &store](Instant now) { return retrain_triage(config, store, now); }},
  };
}

}  // namespace vigie::cli
