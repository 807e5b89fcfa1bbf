// bench/ingest_bench.hpp
//
// `vigie bench ingest`: how fast Vigie stores events, durably, against peers on the same events
// in the same run. The demo company's events are generated in memory, then
//   1. sent to a real `vigie serve` (child process) over HTTP: first the reference events
//      (upserts) on one connection as the warm-up, untimed; then every other event in batches of
//      500 over several keep-alive connections (timed → events/s); then single-event requests
//      under fresh ids over many connections (timed → requests/s). Every reply must be 200 with
//      accepted + duplicates equal to what was sent;
//   2. loaded into a local ClickHouse server (INSERT … FORMAT JSONEachRow, large chunks);
//   3. loaded into SQLite with a bare bulk insert.
// Each system's count is checked afterwards. The whole is repeated over several rounds,
// interleaved so that a noisy neighbour slows every system alike; figures are medians over rounds
// and ratios are taken within a round. A system that cannot be measured is reported missing
// (null in JSON), never estimated.
// Not thread-safe: one run at a time per process (it starts servers and threads of its own).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/ingest_peers.hpp"

namespace vigie::bench {

struct IngestBenchOptions {
  int sites = 100;
  int years = 3;
  std::uint64_t seed = 1;
  int rounds = 3;  // every system is measured once per round; medians are reported
  std::size_t batch_size = 500;
  int batch_connections = 8;
  int single_connections = 32;
  std::uint64_t single_events = 100'000;
  std::size_t clickhouse_chunk_rows = 25'000;
  int clickhouse_connections = 2;
  bool keep = false;                        // keep the temporary directories
  std::string vigie_binary = "/proc/self/exe";
  std::string clickhouse_script;            // empty: default_clickhouse_script()
};

// One round: each system in turn on the same events (Vigie on a fresh server and store).
struct IngestRound {
  std::optional<IngestMeasure> vigie_batch;   // the timed batches (events minus reference)
  std::optional<IngestMeasure> vigie_single;  // events = requests
  std::optional<IngestMeasure> clickhouse;
  std::optional<IngestMeasure> sqlite;
  std::optional<std::uint64_t> vigie_stored;  // counted in the store once the server stopped
};

struct IngestBenchResult {
  IngestBenchOptions options;
  std::uint64_t events = 0;            // generated
  std::uint64_t reference_events = 0;  // of which sent as the untimed warm-up
  double generate_seconds = 0;
  std::vector<IngestRound> rounds;
  std::string clickhouse_version;
  std::vector<std::string> problems;  // why something is missing or a count disagrees
  std::string work_dir;               // where servers kept their data (removed unless --keep)

  // Every system measured in every round.
  bool complete() const;
  // In every round, every count matches what was sent (Vigie: events + single events).
  bool counts_agree() const;
};

// The round whose figure is the median (the lower one for an even count) among the rounds that
// measured `system`; nullptr when none did. `per_s` picks the figure (events/s or requests/s).
using SystemOfRound = std::optional<IngestMeasure> IngestRound::*;
const IngestMeasure* median_measure(const IngestBenchResult& result, SystemOfRound system,
                                    std::optional<double> (IngestMeasure::*per_s)() const =
                                        &IngestMeasure::events_per_s);
// Median over rounds of Vigie's batch events/s divided by `peer`'s, each ratio taken in its round.
std::optional<double> median_ratio(const IngestBenchResult& result, SystemOfRound peer);

// Runs the whole comparison. `progress` gets one line per step (for stderr); may be empty.
IngestBenchResult run_ingest_bench(const IngestBenchOptions& options,
                                   const std::function<void(std::string_view)>& progress);

// The results as a text table with ratios, or as one JSON object.
std::string render_ingest_table(const IngestBenchResult& result);
std::string render_ingest_json(const IngestBenchResult& result);

}  // namespace vigie::bench
