// `vigie bench ingest [--sites N] [--years N] …`: Vigie's durable ingestion against ClickHouse
// and SQLite on the demo company's events (bench/ingest_bench.hpp).
// `vigie bench kpi [--sites N] …`: all 15 KPIs from Vigie's aggregates against analyst SQL over
// the raw events on ClickHouse and SQLite (bench/kpi_bench.hpp).
// `vigie bench delay [--sites N] …`: the delay model's training against the xgboost program
// on the same rows and parameters, and its prediction latency per site (bench/delay_bench.hpp).
// `vigie bench triage [--passes N] …`: incident triage's latency per classification, and its
// fastText view against the fasttext program on the same lines (bench/triage_bench.hpp).
// `vigie bench planner --gap FILE… --sense max|min …`: the planner's GAP solvers on OR-Library
// instances, against known optima and the cbc program (bench/planner_bench.hpp).
// Exit 0 when every system was measured and they agree; 1 when a system could not be
// measured; 4 when counts or figures differ.
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "bench/delay_bench.hpp"
#include "bench/gap_generator.hpp"
#include "bench/planner_bench.hpp"
#include "bench/triage_bench.hpp"
#include "bench/ingest_bench.hpp"
#include "bench/kpi_bench.hpp"
#include "cli/context.hpp"
#include "common/file_io.hpp"
#include "cli/exit_codes.hpp"

namespace vigie::cli {
namespace {

// Progress lines on stderr when it is a terminal; nothing in a pipe or a log.
bench::Progress progress_on_terminal() {
  const bool show = isatty(STDERR_FILENO) != 0;
  return [show](std::string_view line) {
    if (show) std::fprintf(stderr, "bench: %.*s\n", int(line.size()), line.data());
  };
}

struct IngestFlags {
  bench::IngestBenchOptions options;
  std::string format = "table";
};

// The demo company a benchmark builds: both areas measure on the same kind of company.
template <class Options>
void add_company_flags(CLI::App& command, Options& o) {
  command.add_option("--sites", o.sites, "demo company size")->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--years", o.years, "years simulated (fewer for a quick run)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--seed", o.seed, "demo generator seed")->capture_default_str();
}

void add_ingest_flags(CLI::App& command, IngestFlags& flags) {
  auto& o = flags.options;
  add_company_flags(command, o);
  command.add_option("--rounds", o.rounds, "measure every system this many times (medians)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--connections", o.batch_connections,
                     "keep-alive connections sending batches")->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--single-connections", o.single_connections,
                     "connections sending single-event requests")->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--single-events", o.single_events, "single-event requests to send")
      ->capture_default_str();
  command.add_option("--clickhouse-rows", o.clickhouse_chunk_rows, "rows per ClickHouse INSERT")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--clickhouse-connections", o.clickhouse_connections,
                     "connections sending ClickHouse INSERTs")->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--clickhouse-script", o.clickhouse_script,
                     "start/stop helper for ClickHouse (default: scripts/clickhouse-server)");
  command.add_option("--format", flags.format, "table or json")->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  command.add_flag("--keep", o.keep, "keep the temporary data directories");
}

int exit_code_of(const bench::IngestBenchResult& result) {
  if (!result.complete()) return kExitFailure;
  if (!result.counts_agree()) return kExitMismatch;
  return result.problems.empty() ? kExitOk : kExitFailure;
}

// Prints the result as a table or JSON, and the problems on stderr under JSON.
template <class Result>
void print_result(const Result& result, const std::string& format, const std::string& text) {
  std::fputs(text.c_str(), stdout);
  for (const auto& problem : result.problems) {
    if (format == "json") std::fprintf(stderr, "vigie bench: %s\n", problem.c_str());
  }
}

int run_ingest(const IngestFlags& flags) {
  const auto result = bench::run_ingest_bench(flags.options, progress_on_terminal());
  print_result(result, flags.format, flags.format == "json"
                                         ? bench::render_ingest_json(result) + "\n"
                                         : bench::render_ingest_table(result));
  return exit_code_of(result);
}

struct KpiFlags {
  bench::KpiBenchOptions options;
  std::string format = "table";
};

void add_kpi_flags(CLI::App& command, KpiFlags& flags) {
  auto& o = flags.options;
  add_company_flags(command, o);
  command.add_option("--end", o.end, "last simulated day, YYYY-MM-DD (default: today, Paris)");
  command.add_option("--data-dir", o.data_dir,
                     "measure this existing data directory instead of building the demo");
  command.add_option("--queries", o.queries, "random scopes and periods")->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  command.add_option("--query-seed", o.query_seed, "seed of the random requests")
      ->capture_default_str();
  command.add_option("--vigie-rounds", o.vigie_rounds, "repetitions of the month request (Vigie)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--peer-rounds", o.peer_rounds,
                     "repetitions of the month request (ClickHouse)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--sqlite-rounds", o.sqlite_rounds, "repetitions of the month request (SQLite)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--sqlite-queries", o.sqlite_queries,
                     "random requests also run on SQLite (the slowest)")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
  command.add_option("--clickhouse-script", o.clickhouse_script,
                     "start/stop helper for ClickHouse (default: scripts/clickhouse-server)");
  command.add_flag("--clickhouse,!--no-clickhouse", o.clickhouse,
                   "measure ClickHouse (--no-clickhouse: no ratio, no agreement)");
  command.add_flag("--sqlite,!--no-sqlite", o.sqlite, "measure SQLite (--no-sqlite: no agreement)");
  command.add_option("--format", flags.format, "table or json")->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  command.add_flag("--keep", o.keep, "keep the temporary data directories");
}

int run_kpi(const KpiFlags& flags) {
  const auto result = bench::run_kpi_bench(flags.options, progress_on_terminal());
  print_result(result, flags.format, flags.format == "json" ? bench::render_kpi_json(result) + "\n"
                                                            : bench::render_kpi_table(result));
  const bench::KpiBenchOptions& o = flags.options;
  if ((o.clickhouse && !result.clickhouse) || (o.sqlite && !result.sqlite) ||
      !result.problems.empty()) {
    return kExitFailure;
  }
  if (!o.clickhouse || !o.sqlite) return kExitOk;  // a partial run measures, it cannot agree
  return result.agree() ? kExitOk : kExitMismatch;
}

struct DelayFlags {
  bench::DelayBenchOptions options;
  std::string format = "table";
};

void add_delay_flags(CLI::App& command, DelayFlags& flags) {
  auto& o = flags.options;
  add_company_flags(command, o);
  command.add_option("--end", o.end, "last simulated day, YYYY-MM-DD (default: today, Paris)");
  command.add_option("--data-dir", o.data_dir,
                     "measure this existing data directory instead of building the demo");
  command.add_option("--rounds", o.rounds, "trainings of each system (medians)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--predict-passes", o.predict_passes,
                     "passes over the sites under way, one prediction at a time")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--xgboost", o.xgboost_program, "the xgboost program (a path or a name in PATH)")
      ->capture_default_str();
  command.add_flag("--xgboost-program,!--no-xgboost-program", o.xgboost,
                   "measure the xgboost program (--no-xgboost-program: Vigie alone, no ratio)");
  command.add_option("--format", flags.format, "table or json")->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  command.add_flag("--keep", o.keep, "keep the temporary directory (rows, configurations, logs)");
}

int run_delay(const DelayFlags& flags, const DelayModelSettings& settings) {
  bench::DelayBenchOptions options = flags.options;
  options.settings = settings;
  const auto result = bench::run_delay_bench(options, progress_on_terminal());
  print_result(result, flags.format, flags.format == "json" ? bench::render_delay_json(result) + "\n"
                                                            : bench::render_delay_table(result));
  if (!result.complete()) return kExitFailure;
  if (options.xgboost && !result.agree()) return kExitMismatch;
  return kExitOk;
}

struct TriageFlags {
  bench::TriageBenchOptions options;
  std::string format = "table";
};

void add_triage_flags(CLI::App& command, TriageFlags& flags) {
  auto& o = flags.options;
  command.add_option("--passes", o.passes, "passes over the held-out texts, one at a time")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--fasttext", o.fasttext_program, "the fasttext program (a path or a name in PATH)")
      ->capture_default_str();
  command.add_flag("--fasttext-program,!--no-fasttext-program", o.fasttext,
                   "measure the fasttext program (--no-fasttext-program: Vigie alone, no ratio)");
  command.add_option("--format", flags.format, "table or json")->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  command.add_flag("--keep", o.keep, "keep the temporary directory (lines, models, outputs)");
}

int run_triage(const TriageFlags& flags, const TriageSettings& settings) {
  bench::TriageBenchOptions options = flags.options;
  options.settings = settings;
  const auto result = bench::run_triage_bench(options, progress_on_terminal());
  print_result(result, flags.format, flags.format == "json" ? bench::render_triage_json(result) + "\n"
                                                            : bench::render_triage_table(result));
  if (!result.complete()) return kExitFailure;
  if (result.disagreements && *result.disagreements != 0) return kExitMismatch;
  return kExitOk;
}

struct PlannerFlags {
  bench::PlannerBenchOptions options;
  std::string sense;
  std::string method = "auto";
  std::string format = "table";
};

void add_planner_flags(CLI::App& command, PlannerFlags& flags) {
  auto& o = flags.options;
  command.add_option("--gap", o.files, "OR-Library GAP files (several instances with a count, or one)")
      ->required()->check(CLI::ExistingFile);
  command.add_option("--sense", flags.sense, "max or min")->required()
      ->check(CLI::IsMember({"max", "min"}));
  command.add_option("--time-limit", o.time_limit, "seconds per instance")->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--method", flags.method, "auto, exact (CBC alone) or heuristic (tabu search alone)")
      ->capture_default_str()->check(CLI::IsMember({"auto", "exact", "heuristic"}));
  command.add_option("--peer", o.peer, "cbc: also solve each instance with the cbc program")
      ->check(CLI::IsMember({"cbc"}));
  command.add_option("--cbc", o.cbc_program, "the cbc program (a path or a name in PATH)")
      ->capture_default_str();
  command.add_option("--format", flags.format, "table or json")->capture_default_str()
      ->check(CLI::IsMember({"table", "json"}));
  command.add_flag("--keep", o.keep, "keep the temporary directory (LP files, cbc's solutions)");
}

int run_planner(const PlannerFlags& flags) {
  bench::PlannerBenchOptions options = flags.options;
  options.sense = flags.sense == "min" ? models::planning::Sense::minimise : models::planning::Sense::maximise;
  options.method = flags.method == "exact"       ? models::planning::GapMethod::exact
                   : flags.method == "heuristic" ? models::planning::GapMethod::heuristic
                                                 : models::planning::GapMethod::automatic;
  const auto result = bench::run_planner_bench(options, progress_on_terminal());
  print_result(result, flags.format, flags.format == "json" ? bench::render_planner_json(result) + "\n"
                                                            : bench::render_planner_table(result));
  return result.problems.empty() ? kExitOk : kExitFailure;
}

int run_gap_instances(const std::string& dir) {
  if (auto made = make_directories(dir, false); !made) {
    std::fprintf(stderr, "vigie bench gap-instances: %s\n", made.error().describe().c_str());
    return kExitFailure;
  }
  const auto written = bench::write_generated_gaps(dir);
  if (!written) {
    std::fprintf(stderr, "vigie bench gap-instances: %s\n", written.error().describe().c_str());
    return kExitFailure;
  }
  for (const std::string& path : *written) std::printf("%s\n", path.c_str());
  return kExitOk;
}

}  // namespace

void add_bench_command(CLI::App& app, Context& context, int& exit_code) {
  auto* bench = app.add_subcommand("bench", "measure Vigie against peers on the same data");
  bench->require_subcommand(1);
  auto* ingest = bench->add_subcommand(
      "ingest", "events/s over HTTP (batches and single events) vs ClickHouse and SQLite");
  auto flags = std::make_shared<IngestFlags>();
  add_ingest_flags(*ingest, *flags);
  ingest->callback([&exit_code, flags] { exit_code = run_ingest(*flags); });
  auto* kpi = bench->add_subcommand(
      "kpi", "all 15 KPIs: Vigie's aggregates vs analyst SQL on ClickHouse and SQLite");
  auto kpi_flags = std::make_shared<KpiFlags>();
  add_kpi_flags(*kpi, *kpi_flags);
  kpi->callback([&exit_code, kpi_flags] { exit_code = run_kpi(*kpi_flags); });
  auto* delay = bench->add_subcommand(
      "delay", "delay model: training vs the xgboost program, prediction latency per site");
  auto delay_flags = std::make_shared<DelayFlags>();
  add_delay_flags(*delay, *delay_flags);
  delay->callback([&exit_code, &context, delay_flags] {
    exit_code = run_delay(*delay_flags, context.config().delay);
  });
  auto* triage = bench->add_subcommand(
      "triage", "incident triage: latency per classification, fastText vs the fasttext program");
  auto triage_flags = std::make_shared<TriageFlags>();
  add_triage_flags(*triage, *triage_flags);
  triage->callback([&exit_code, &context, triage_flags] {
    exit_code = run_triage(*triage_flags, context.config().triage);
  });
  auto* planner = bench->add_subcommand(
      "planner", "team planning's GAP solvers on OR-Library instances, against known optima and cbc");
  auto planner_flags = std::make_shared<PlannerFlags>();
  add_planner_flags(*planner, *planner_flags);
  planner->callback([&exit_code, planner_flags] { exit_code = run_planner(*planner_flags); });
  auto* instances = bench->add_subcommand(
      "gap-instances", "write 24 generated GAP instances (types C, D, E, up to 20 × 400) for bench planner");
  auto dir = std::make_shared<std::string>();
  instances->add_option("--out", *dir, "the directory to write them into")->required();
  instances->callback([&exit_code, dir] { exit_code = run_gap_instances(*dir); });
}

}  // namespace vigie::cli
