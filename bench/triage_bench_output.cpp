// The results of `vigie bench triage` as a text table or one JSON object (bench/triage_bench.hpp).
#include "bench/report.hpp"
#include "bench/triage_bench.hpp"

namespace vigie::bench {
namespace {

// Vigie's time per line over the program's (below 1: Vigie faster).
std::optional<double> ratio_vs_cli(const TriageBenchResult& result) {
  return ratio(result.cli_per_s(), result.vigie_fasttext_per_s());
}

std::optional<bool> same_predictions(const TriageBenchResult& result) {
  if (!result.disagreements) return std::nullopt;
  return *result.disagreements == 0;
}

}  // namespace

std::string render_triage_table(const TriageBenchResult& result) {
  const auto& us = result.classify_us;
  std::string out = "vigie bench triage: trained on " + format_count(double(result.train_texts)) +
                    " texts in " + format_fixed(result.train_seconds, 1) + " s; " +
                    format_count(double(result.heldout_texts)) + " held-out texts × " +
                    std::to_string(result.options.passes) + " passes\n";
  Table latency({"one classification", "per s", "p50 µs", "p95 µs", "p99 µs", "max µs"});
  latency.add_row({"Vigie, whole triage", format_count(result.vigie_per_s()),
                   format_fixed(percentile(us, &Percentiles::p50), 1),
                   format_fixed(percentile(us, &Percentiles::p95), 1),
                   format_fixed(percentile(us, &Percentiles::p99), 1),
                   format_fixed(percentile(us, &Percentiles::max), 1)});
  out += latency.render();
  out += "type accuracy of these classifications: " + format_fixed(result.type_accuracy, 3) + "\n";
  Table peer({"fastText alone (type)", "lines per s", "train s"});
  peer.add_row({"Vigie, in-process", format_count(result.vigie_fasttext_per_s()), ""});
  peer.add_row({"fasttext predict-prob", format_count(result.cli_per_s()),
                format_fixed(result.cli_train_seconds, 2)});
  out += peer.render();
  out += "the program's start and model load: " + format_fixed(result.cli_load_seconds, 3) +
         " s (taken out of its rate)\n";
  out += "ratio Vigie / fasttext program, time per line: " + format_fixed(ratio_vs_cli(result), 2) +
         " (below 1: Vigie faster)\n";
  const auto same = same_predictions(result);
  out += std::string{"same most likely class on every line: "} +
         (!same ? "n/a" : *same ? "yes" : "NO (" + std::to_string(*result.disagreements) + " differ)") +
         "\n";
  for (const std::string& problem : result.problems) out += "problem: " + problem + "\n";
  return out;
}

std::string render_triage_json(const TriageBenchResult& result) {
  const auto& us = result.classify_us;
  ResultJson json;
  json.set("train_texts", std::uint64_t{result.train_texts})
      .set("heldout_texts", std::uint64_t{result.heldout_texts})
      .set("passes", std::uint64_t(result.options.passes))
      .set("train_s", result.train_seconds)
      .set("classifications", std::uint64_t(us.size()))
      .set("vigie_per_s", result.vigie_per_s())
      .set("vigie_p50_us", percentile(us, &Percentiles::p50))
      .set("vigie_p95_us", percentile(us, &Percentiles::p95))
      .set("vigie_p99_us", percentile(us, &Percentiles::p99))
      .set("vigie_max_us", percentile(us, &Percentiles::max))
      .set("type_accuracy", result.type_accuracy)
      .set("fasttext_lines", std::uint64_t{result.fasttext_lines})
      .set("vigie_fasttext_per_s", result.vigie_fasttext_per_s())
      .set("fasttext_cli_per_s", result.cli_per_s())
      .set("fasttext_cli_load_s", result.cli_load_seconds)
      .set("fasttext_cli_train_s", result.cli_train_seconds)
      .set("ratio_vs_cli", ratio_vs_cli(result));
  const auto same = same_predictions(result);
  if (same) {
    json.set("same_predictions", *same);
  } else {
    json.set("same_predictions", std::optional<std::string>{});
  }
  json.set("fasttext_program", result.fasttext_program).set("work_dir", result.work_dir);
  return json.render();
}

}  // namespace vigie::bench
