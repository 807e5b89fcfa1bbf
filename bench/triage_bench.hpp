// bench/triage_bench.hpp
//
// `vigie bench triage`: incident triage's speed, measured in one run.
//   1. Vigie's triage model is trained in-process on the shipped corpus with the configured
//      settings (models.triage.*), exactly as `vigie train triage` trains it, timed;
//   2. latency: each held-out text is classified one at a time — tokens, both text views, the
//      three forests, routing and SLA — `passes` times; p50/p99 per classification and the rate;
//   3. the peer: the `fasttext` program (bench/fasttext_cli_peer.hpp) trains the type's fastText
//      model on the very lines Vigie's fastText view reads, with the same arguments and seed, and
//      `predict-prob` classifies the held-out lines repeated `passes` times; Vigie's fastText view
//      alone does the same in-process. The program's start and model load are measured on one
//      line and taken out of its rate; both must give every line the same most likely class.
// A system that cannot be measured is reported missing (null in JSON), never estimated.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "bench/report.hpp"
#include "common/config.hpp"

namespace vigie::bench {

struct TriageBenchOptions {
  TriageSettings settings;  // models.triage.*: corpus, held-out texts, learners
  int passes = 10;          // over the held-out texts
  std::string fasttext_program = "fasttext";
  bool fasttext = true;     // measure the program (off: Vigie alone, no ratio)
  bool keep = false;
};

struct TriageBenchResult {
  TriageBenchOptions options;
  std::uint64_t train_texts = 0, heldout_texts = 0;
  double train_seconds = 0;           // the whole stack, saving excluded
  std::vector<double> classify_us;    // one classification each
  double classify_seconds = 0;        // all of them
  double type_accuracy = 0;           // of the classifications, on the held-out labels
  // fastText alone, the type output, on held-out lines × passes.
  std::uint64_t fasttext_lines = 0;
  double vigie_fasttext_seconds = 0;  // in-process, every line
  std::optional<double> cli_train_seconds;
  std::optional<double> cli_seconds;       // predict-prob on every line: start and load included
  std::optional<double> cli_load_seconds;  // predict-prob on one line
  std::optional<std::uint64_t> disagreements;  // lines whose most likely class differs
  std::string fasttext_program;            // the path run
  std::vector<std::string> problems;
  std::string work_dir;

  std::optional<double> vigie_per_s() const;
  std::optional<double> vigie_fasttext_per_s() const;
  std::optional<double> cli_per_s() const;  // the program's lines per second, its load taken out
  bool complete() const;
};

TriageBenchResult run_triage_bench(const TriageBenchOptions& options, const Progress& progress);

std::string render_triage_table(const TriageBenchResult& result);
std::string render_triage_json(const TriageBenchResult& result);

}  // namespace vigie::bench
