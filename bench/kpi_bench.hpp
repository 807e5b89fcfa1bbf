// bench/kpi_bench.hpp
//
// `vigie bench kpi`: how fast Vigie answers "all 15 KPIs" against the SQL an analyst would run
// in a BI tool over the raw events, in the same run on the same events:
//   1. the demo company is built by `vigie demo` (child process) into a fresh data directory,
//      or an existing data directory is reused (--data-dir);
//   2. Vigie folds the stored events into its aggregates (kpi::load_company: the from-scratch
//      path, timed apart); every stored event is also loaded, flattened the same way
//      (bench/kpi_flat_events.hpp), into a local ClickHouse server and into SQLite;
//   3. the requests: the whole company for the month of the last day, then `queries` random
//      scopes and periods (bench/kpi_queries.hpp). Vigie computes each report in-process
//      (kpi::compute_report and its JSON, the work behind GET /api/v1/kpis); each peer runs its
//      SQL for the period and for the previous period. Every peer's figures are compared with
//      Vigie's (bench/kpi_figures.hpp).
// Figures are latencies (p50/p95 over the month request's repetitions, and over the random
// requests) and ratios peer time / Vigie time. A system that cannot be measured is reported
// missing (null in JSON), never estimated.
// Not thread-safe: one run at a time per process.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::bench {

struct KpiBenchOptions {
  int sites = 2000;
  int years = 3;
  std::uint64_t seed = 1;
  std::string end;        // last simulated day, YYYY-MM-DD (default: today, Paris)
  std::string data_dir;   // reuse this Vigie data directory instead of building the demo
  int queries = 50;       // random scopes and periods
  std::uint64_t query_seed = 1;
  int vigie_rounds = 50;  // repetitions of the month request for Vigie (in-process, cheap)
  int peer_rounds = 3;    // … for ClickHouse
  int sqlite_rounds = 1;  // … for SQLite, a minute per request at 2000 sites
  int sqlite_queries = 5;  // of the random requests, the first ones also run on SQLite
  std::size_t clickhouse_chunk_rows = 200'000;
  bool clickhouse = true;  // measure the peers (off: Vigie alone, e.g. to profile it)
  bool sqlite = true;
  bool keep = false;
  std::string vigie_binary = "/proc/self/exe";
  std::string clickhouse_script;  // empty: default_clickhouse_script()
};

// One system's timings, in milliseconds per request (all 15 KPIs, period and previous period).
struct KpiTimings {
  std::vector<double> month_ms;   // the whole-company month request, repeated
  std::vector<double> random_ms;  // one per random request
  std::size_t compared = 0;       // requests whose figures were compared with Vigie's
  std::size_t disagreements = 0;  // of those, requests where some figure differed
  std::vector<std::string> differences;  // the first few, "<request>: <figure>: a vs b"
  double load_seconds = 0;        // loading the events (the peers) or folding them (Vigie)
};

struct KpiBenchResult {
  KpiBenchOptions options;
  std::uint64_t events = 0;  // stored in the data directory
  std::uint64_t sites = 0;   // known to the aggregates
  std::string month_label;
  std::size_t month_json_bytes = 0;  // Vigie's answer to the month request
  KpiTimings vigie;
  std::optional<KpiTimings> clickhouse;
  std::optional<KpiTimings> sqlite;
  std::string clickhouse_version;
  std::vector<std::string> problems;  // why something is missing
  std::string work_dir;

  // Both peers were measured and every compared figure agreed.
  bool agree() const;
};

KpiBenchResult run_kpi_bench(const KpiBenchOptions& options,
                             const std::function<void(std::string_view)>& progress);

std::string render_kpi_table(const KpiBenchResult& result);
std::string render_kpi_json(const KpiBenchResult& result);

}  // namespace vigie::bench
