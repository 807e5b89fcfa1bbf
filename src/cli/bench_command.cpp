// `vigie bench ingest [--sites N] [--years N] …`: Vigie's durable ingestion against ClickHouse
// and SQLite on the demo company's events (bench/ingest_bench.hpp). Exit 0 when every system
// was measured and the counts agree; 1 when a system could not be measured; 4 when counts differ.
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "bench/ingest_bench.hpp"
#include "cli/context.hpp"
#include "cli/exit_codes.hpp"

namespace vigie::cli {
namespace {

struct IngestFlags {
  bench::IngestBenchOptions options;
  std::string format = "table";
};

void add_ingest_flags(CLI::App& command, IngestFlags& flags) {
  auto& o = flags.options;
  command.add_option("--sites", o.sites, "demo company size")->capture_default_str()
      ->check(CLI::PositiveNumber);
  command.add_option("--years", o.years, "years simulated (fewer for a quick run)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  command.add_option("--seed", o.seed, "demo generator seed")->capture_default_str();
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

int run_ingest(const IngestFlags& flags) {
  const bool show_progress = isatty(STDERR_FILENO) != 0;
  const auto result = bench::run_ingest_bench(flags.options, [show_progress](std::string_view line) {
    if (show_progress) std::fprintf(stderr, "bench: %.*s\n", int(line.size()), line.data());
  });
  const std::string text = flags.format == "json" ? bench::render_ingest_json(result) + "\n"
                                                  : bench::render_ingest_table(result);
  std::fputs(text.c_str(), stdout);
  for (const auto& problem : result.problems) {
    if (flags.format == "json") std::fprintf(stderr, "vigie bench: %s\n", problem.c_str());
  }
  return exit_code_of(result);
}

}  // namespace

void add_bench_command(CLI::App& app, Context& /*context*/, int& exit_code) {
  auto* bench = app.add_subcommand("bench", "measure Vigie against peers on the same data");
  bench->require_subcommand(1);
  auto* ingest = bench->add_subcommand(
      "ingest", "events/s over HTTP (batches and single events) vs ClickHouse and SQLite");
  auto flags = std::make_shared<IngestFlags>();
  add_ingest_flags(*ingest, *flags);
  ingest->callback([&exit_code, flags] { exit_code = run_ingest(*flags); });
}

}  // namespace vigie::cli
