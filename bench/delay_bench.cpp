#include "bench/delay_bench.hpp"

#include <cmath>

#include "bench/child_process.hpp"
#include "bench/measured_company.hpp"
#include "bench/xgboost_cli_peer.hpp"
#include "common/paris_time.hpp"
#include "models/delay/model.hpp"
#include "models/delay/training.hpp"
#include "models/delay/history_loader.hpp"

namespace vigie::bench {
namespace {

constexpr double kMetricTolerance = 1e-6;  // relative: the program prints 17 digits

std::string eval_metric_of(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string metric;
  for (const auto& [name, value] : params) {
    if (name == "eval_metric") metric = value;
  }
  return metric;
}

// One training of both models by Vigie, saving included (the program saves its model too).
Expected<models::DelayModel> train_vigie(const DelayBenchOptions& options,
                                         const models::DelayDataset& data, double& seconds) {
  const Stopwatch watch;
  auto model = models::DelayModel::train(options.settings, data);
  if (!model) return model.error();
  if (auto saved = model->save(); !saved) return saved.error();
  seconds = watch.seconds();
  return model;
}

// The two jobs of the program, with the rounds and final metrics of Vigie's training.
std::vector<CliJob> describe_models(const DelayBenchOptions& options, const models::DelayModel& model,
                                    const std::string& dir, DelayBenchResult& result) {
  std::vector<CliJob> jobs;
  const auto add = [&](const char* name, const models::Booster& booster,
                       std::vector<std::pair<std::string, std::string>> params) {
    ModelRun run;
    run.name = name;
    run.metric = eval_metric_of(params);
    run.rounds = booster.rounds_trained();
    run.vigie_metric = booster.validation_scores().empty() ? std::nan("")
                                                           : booster.validation_scores().back();
    result.models.push_back(run);
    jobs.push_back({dir, name, std::move(params), booster.rounds_trained()});
  };
  add("classifier", model.classifier(), models::classifier_params(options.settings));
  add("regressor", model.regressor(), models::regressor_params(options.settings));
  return jobs;
}

// Trains both models with the program once; the wall time of the two runs.
Expected<double> train_cli(const std::string& program, const std::vector<CliJob>& jobs,
                           DelayBenchResult& result) {
  double seconds = 0;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    auto run = run_cli_job(program, jobs[i]);
    if (!run) return run.error();
    if (run->last_round + 1 != jobs[i].rounds) {
      return Error::make(ErrorCode::io, program + " trained " + std::to_string(run->last_round + 1) +
                                            " rounds of the " + jobs[i].name + ", not " +
                                            std::to_string(jobs[i].rounds));
    }
    seconds += run->seconds;
    result.models[i].cli_metric = run->last_metric;
    result.models[i].cli_seconds.push_back(run->seconds);
  }
  return seconds;
}

// Training: Vigie then the program, `rounds` times. Vigie's model, for the predictions.
std::optional<models::DelayModel> measure_training(const DelayBenchOptions& options, const models::DelayDataset& data,
                      const std::string& dir, DelayBenchResult& result, const Progress& progress) {
  std::optional<std::string> program;
  if (options.xgboost) {
    auto found = find_program(options.xgboost_program, "--xgboost", "xgboost");
    if (found) {
      program = *found;
      result.xgboost_program = *found;
    } else {
      result.problems.push_back(found.error().describe());
    }
  }
  std::vector<CliJob> jobs;
  std::optional<models::DelayModel> kept;
  for (int round = 0; round < options.rounds; ++round) {
    say(progress, "training " + std::to_string(round + 1) + "/" + std::to_string(options.rounds) +
                      ": Vigie");
    double seconds = 0;
    auto model = train_vigie(options, data, seconds);
    if (!model) {
      result.problems.push_back("Vigie's training: " + model.error().describe());
      return std::nullopt;
    }
    result.vigie_seconds.push_back(seconds);
    if (round == 0) {
      jobs = describe_models(options, *model, dir, result);
      for (const auto& job : jobs) {
        const bool regressor = job.name == "regressor";
        auto prepared = prepare_cli_job(job, models::to_dataset(data.train, regressor),
                                        models::to_dataset(data.validation, regressor));
        if (!prepared) {
          result.problems.push_back(prepared.error().describe());
          program.reset();
        }
      }
    }
    if (round + 1 == options.rounds) kept.emplace(std::move(*model));
    if (!program) continue;
    say(progress, "training " + std::to_string(round + 1) + "/" + std::to_string(options.rounds) +
                      ": the xgboost program");
    auto cli = train_cli(*program, jobs, result);
    if (!cli) {
      result.problems.push_back(cli.error().describe());
      program.reset();
      continue;
    }
    result.cli_seconds.push_back(*cli);
  }
  return kept;
}

double microseconds_since(const Stopwatch& watch) { return watch.seconds() * 1e6; }

// One site at a time, as serving recomputes a site whose events changed.
void measure_prediction(const DelayBenchOptions& options, const models::CompanyHistory& history,
                        const models::SimilarSites& similar, const models::DelayModel& model,
                        Instant t, DelayBenchResult& result) {
  std::vector<const models::SiteHistory*> sites;
  for (const auto& site : history.sites()) {
    if (models::under_way_at(site, t)) sites.push_back(&site);
  }
  result.sites_scored = sites.size();
  const models::FeatureContext context{history, similar, model.regions()};
  double sink = 0;  // keeps the work observable
  for (int pass = 0; pass < options.predict_passes; ++pass) {
    for (const auto* site : sites) {
      const Stopwatch whole;
      const models::FeatureRow row = models::features_at(*site, t, context);
      const double features = microseconds_since(whole);
      auto scores = model.score(std::span(&row, 1));
      const double total = microseconds_since(whole);
      if (!scores) {
        result.problems.push_back("scoring " + site->id + ": " + scores.error().describe());
        return;
      }
      sink += scores->front().p_late;
      result.predict_us.push_back(total);
      result.features_us.push_back(features);
      result.score_us.push_back(total - features);
    }
  }
  if (std::isnan(sink)) result.problems.push_back("a prediction is not a number");
}

}  // namespace

std::optional<double> DelayBenchResult::vigie_train_s() const {
  return percentile(vigie_seconds, &Percentiles::p50);
}

std::optional<double> DelayBenchResult::cli_train_s() const {
  return percentile(cli_seconds, &Percentiles::p50);
}

bool DelayBenchResult::agree() const {
  if (models.empty()) return false;
  for (const auto& m : models) {
    if (!m.cli_metric) return false;
    const double scale = std::max(1.0, std::fabs(m.vigie_metric));
    if (!(std::fabs(*m.cli_metric - m.vigie_metric) <= kMetricTolerance * scale)) return false;
  }
  return true;
}

bool DelayBenchResult::complete() const {
  const bool trained = static_cast<int>(vigie_seconds.size()) == options.rounds;
  const bool peer = !options.xgboost || static_cast<int>(cli_seconds.size()) == options.rounds;
  return trained && peer && !predict_us.empty() && problems.empty();
}

DelayBenchResult run_delay_bench(const DelayBenchOptions& options, const Progress& progress) {
  DelayBenchResult result;
  result.options = options;
  const auto& o = options;
  auto company = open_measured_company({"vigie-bench-delay", o.vigie_binary, o.sites, o.years,
                                        o.seed, o.end, o.data_dir, o.keep},
                                       progress);
  if (!company) {
    result.problems.push_back(company.error().describe());
    return result;
  }
  result.work_dir = company->work.path();
  result.events = company->events;

  say(progress, "loading the history and building the training rows");
  auto loaded = models::load_history(*company->store);
  if (!loaded) {
    result.problems.push_back(loaded.error().describe());
    return result;
  }
  const models::CompanyHistory& history = loaded->history;
  const Stopwatch rows;
  const models::SimilarSites similar(history);
  auto data = models::build_delay_dataset(history, similar,
                                          models::delay_dataset_options(options.settings));
  if (!data) {
    result.problems.push_back(data.error().describe());
    return result;
  }
  result.dataset_seconds = rows.seconds();
  result.train_rows = data->train.size();
  result.validation_rows = data->validation.size();

  auto model = measure_training(options, *data, result.work_dir, result, progress);
  if (!model) return result;  // the reason is in problems
  say(progress, "predicting, one site at a time");
  const Instant end_of_last_day = paris_instant(company->end, 23, 59, 59);
  measure_prediction(options, history, similar, *model, end_of_last_day, result);
  return result;
}

}  // namespace vigie::bench
