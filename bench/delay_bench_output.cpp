// The results of `vigie bench delay` as a text table or one JSON object (bench/delay_bench.hpp).
#include "bench/delay_bench.hpp"
#include "bench/report.hpp"

namespace vigie::bench {
namespace {

std::optional<double> p99(const std::vector<double>& samples) {
  return percentile(samples, &Percentiles::p99);
}

std::optional<double> median(const std::vector<double>& samples) {
  return percentile(samples, &Percentiles::p50);
}

std::string metric_text(std::optional<double> value) { return format_fixed(value, 6); }

}  // namespace

std::string render_delay_table(const DelayBenchResult& result) {
  const auto& o = result.options;
  std::string out = "vigie bench delay: " + format_count(double(result.events)) + " events; " +
                    format_count(double(result.train_rows)) + " training rows (" +
                    format_count(double(result.validation_rows)) +
                    " validation), built in " + format_fixed(result.dataset_seconds, 2) + " s\n";
  Table training({"training", "rounds", "Vigie metric", "program metric", "Vigie s", "program s"});
  for (const ModelRun& m : result.models) {
    training.add_row({m.name + " (" + m.metric + ")", std::to_string(m.rounds),
                      metric_text(m.vigie_metric), metric_text(m.cli_metric), "",
                      format_fixed(median(m.cli_seconds), 3)});
  }
  training.add_row({"both, median of " + std::to_string(o.rounds), "", "", "",
                    format_fixed(result.vigie_train_s(), 3), format_fixed(result.cli_train_s(), 3)});
  out += training.render();
  out += "ratio Vigie / xgboost program: " +
         format_fixed(ratio(result.vigie_train_s(), result.cli_train_s()), 2) +
         " (below 1: Vigie faster; the program reads LIBSVM files, Vigie its rows in memory)\n";
  out += std::string{"same trees (last validation metric equal): "} +
         (result.agree() ? "yes" : "NO") + "\n";
  Table predict({"prediction, one site", "p50 µs", "p95 µs", "p99 µs", "max µs"});
  const auto row = [&](const char* name, const std::vector<double>& samples) {
    predict.add_row({name, format_fixed(median(samples), 1),
                     format_fixed(percentile(samples, &Percentiles::p95), 1),
                     format_fixed(p99(samples), 1),
                     format_fixed(percentile(samples, &Percentiles::max), 1)});
  };
  row("features + both models", result.predict_us);
  row("  features", result.features_us);
  row("  both models", result.score_us);
  out += std::to_string(result.sites_scored) + " sites under way, " +
         std::to_string(o.predict_passes) + " passes\n" + predict.render();
  for (const std::string& problem : result.problems) out += "problem: " + problem + "\n";
  return out;
}

std::string render_delay_json(const DelayBenchResult& result) {
  ResultJson json;
  json.set("events", std::uint64_t{result.events})
      .set("train_rows", std::uint64_t{result.train_rows})
      .set("validation_rows", std::uint64_t{result.validation_rows})
      .set("dataset_s", result.dataset_seconds);
  for (const ModelRun& m : result.models) {
    json.set(m.name + "_rounds", std::uint64_t(m.rounds))
        .set(m.name + "_metric", m.metric)
        .set(m.name + "_vigie_metric", m.vigie_metric)
        .set(m.name + "_cli_metric", m.cli_metric);
  }
  json.set("training_repetitions", std::uint64_t(result.options.rounds))
      .set("vigie_train_s", result.vigie_train_s())
      .set("xgboost_cli_train_s", result.cli_train_s())
      .set("ratio_vs_cli", ratio(result.vigie_train_s(), result.cli_train_s()))
      .set("same_trees", result.agree())
      .set("sites_scored", std::uint64_t{result.sites_scored})
      .set("predictions", std::uint64_t(result.predict_us.size()))
      .set("predict_us_p50", median(result.predict_us))
      .set("predict_us_p99", p99(result.predict_us))
      .set("features_us_p99", p99(result.features_us))
      .set("score_us_p99", p99(result.score_us))
      .set("xgboost_program", result.xgboost_program)
      .set("work_dir", result.work_dir);
  return json.render();
}

}  // namespace vigie::bench
