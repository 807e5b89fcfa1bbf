#include "bench/ingest_bench.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "bench/child_process.hpp"
#include "bench/clickhouse_server.hpp"
#include "bench/report.hpp"
#include "bench/vigie_server.hpp"

namespace vigie::bench {
namespace {

constexpr std::string_view kEventsRoute = "/api/v1/events";

std::string make_dir(const std::string& parent, const std::string& name) {
  const std::string path = parent + "/" + name;
  std::filesystem::create_directories(path);
  return path;
}

// What Vigie acknowledged over one load run.
struct Acks {
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> duplicates{0};
};

ReplyCheck vigie_reply_check(const Bodies& bodies, Acks& acks) {
  return [&bodies, &acks](std::size_t index, const HttpReply& reply) -> std::string {
    if (reply.status != 200) return std::to_string(reply.status) + " " + reply.body.substr(0, 300);
    const auto accepted = json_count(reply.body, "accepted");
    const auto duplicates = json_count(reply.body, "duplicates");
    if (!accepted || !duplicates || *accepted + *duplicates != bodies.event_counts[index]) {
      return "not every event was stored: " + reply.body.substr(0, 300);
    }
    acks.accepted += *accepted;
    acks.duplicates += *duplicates;
    return {};
  };
}

// Sum and count of the server's own timing of the events route, from /metrics.
struct RouteTiming {
  double seconds = 0;
  double count = 0;
};

std::optional<double> prometheus_sample(const std::string& text, const std::string& series) {
  const auto at = text.find("\n" + series + " ");
  if (at == std::string::npos) return std::nullopt;
  return std::strtod(text.c_str() + at + series.size() + 2, nullptr);
}

RouteTiming events_route_timing(const VigieServer& server, const std::string& save_as) {
  const std::string text = server.metrics();
  std::ofstream{save_as} << text;
  const std::string labels = "{route=\"" + std::string{kEventsRoute} + "\"}";
  const std::string name = "vigie_http_request_duration_seconds";
  return {prometheus_sample(text, name + "_sum" + labels).value_or(0),
          prometheus_sample(text, name + "_count" + labels).value_or(0)};
}

// One timed load run against Vigie; `label` names the metrics files kept in the data dir.
Expected<IngestMeasure> vigie_load(const VigieServer& server, const Bodies& bodies,
                                   int connections, const std::string& metrics_prefix) {
  Acks acks;
  const RouteTiming before = events_route_timing(server, metrics_prefix + "-before.prom");
  const CpuMeter cpu(server.pid());
  const LoadPlan plan{std::string{kEventsRoute}, "application/json", connections, "/healthz"};
  const LoadResult load = run_load(server.target(), plan, bodies.bodies,
                                   vigie_reply_check(bodies, acks));
  IngestMeasure measure;
  measure.client_cpu_seconds = cpu.own_seconds();
  measure.server_cpu_seconds = cpu.server_seconds();
  if (!load.first_failure.empty()) {
    return Error::make(ErrorCode::io, "Vigie refused a request: " + load.first_failure);
  }
  const RouteTiming after = events_route_timing(server, metrics_prefix + "-after.prom");
  measure.events = bodies.total_events();
  measure.requests = load.requests;
  measure.stored = acks.accepted;
  measure.seconds = load.seconds;
  measure.latency_ms = percentiles(load.latencies_ms);
  if (after.count > before.count) {
    measure.server_mean_ms = 1e3 * (after.seconds - before.seconds) / (after.count - before.count);
  }
  return measure;
}

// Warm-up, batches, singles: fills round.vigie_*; returns the first failure.
Expected<void> measure_vigie_phases(const VigieServer& server, const EventCorpus& corpus,
                                    const IngestBenchOptions& options, const std::string& dir,
                                    IngestRound& round, const Progress& progress) {
  say(progress, "Vigie: warm-up with the " + std::to_string(corpus.reference_count) +
                    " reference events");
  auto warm_up = vigie_load(server, vigie_batches(corpus.reference(), options.batch_size), 1,
                            dir + "/metrics-warmup");
  if (!warm_up) return warm_up.error();
  {
    const Bodies batches = vigie_batches(corpus.others(), options.batch_size);
    say(progress, "Vigie: " + std::to_string(batches.total_events()) + " events in " +
                      std::to_string(batches.bodies.size()) + " batches");
    auto measured = vigie_load(server, batches, options.batch_connections, dir + "/metrics-batch");
    if (!measured) return measured.error();
    round.vigie_batch = *measured;
  }
  const Bodies singles = vigie_singles(corpus.others(), options.single_events);
  say(progress, "Vigie: " + std::to_string(singles.bodies.size()) + " single-event requests");
  auto measured = vigie_load(server, singles, options.single_connections, dir + "/metrics-single");
  if (!measured) return measured.error();
  round.vigie_single = *measured;
  return {};
}

// Adds the problems of a round, prefixed with its number.
struct RoundProblems {
  IngestBenchResult& result;
  int round;
  void add(const std::string& problem) const {
    result.problems.push_back("round " + std::to_string(round) + ": " + problem);
  }
};

void measure_vigie(const EventCorpus& corpus, const std::string& dir, IngestRound& round,
                   const RoundProblems& problems, const Progress& progress) {
  const IngestBenchOptions& options = problems.result.options;
  auto server = VigieServer::start({options.vigie_binary, dir});
  if (!server) return problems.add("Vigie: " + server.error().describe());
  auto measured = measure_vigie_phases(*server, corpus, options, dir, round, progress);
  if (!measured) problems.add("Vigie: " + measured.error().describe());
  if (const int status = server->stop(); status != 0) {
    problems.add("Vigie: serve exited with status " + std::to_string(status) + " (see " +
                 server->log_path() + ")");
  }
  auto stored = server->stored_events();
  if (!stored) return problems.add("Vigie: cannot count stored events: " + stored.error().describe());
  round.vigie_stored = *stored;
}

void measure_clickhouse(const EventCorpus& corpus, const ClickHouseServer& server,
                        IngestRound& round, const RoundProblems& problems,
                        const Progress& progress) {
  const IngestBenchOptions& options = problems.result.options;
  const Bodies chunks = clickhouse_chunks(corpus.events, options.clickhouse_chunk_rows);
  say(progress, "ClickHouse: " + std::to_string(corpus.events.size()) + " rows in " +
                    std::to_string(chunks.bodies.size()) + " inserts");
  const std::string table = "events_" + std::to_string(problems.round);
  auto measured = clickhouse_ingest(server, table, chunks, options.clickhouse_connections);
  if (!measured) return problems.add(measured.error().describe());
  round.clickhouse = *measured;
}

void measure_sqlite(const EventCorpus& corpus, const std::string& dir, IngestRound& round,
                    const RoundProblems& problems, const Progress& progress) {
  say(progress, "SQLite: bare bulk insert of " + std::to_string(corpus.events.size()) + " rows");
  auto measured = sqlite_ingest(dir + "/bare.sqlite", corpus.events);
  if (!measured) return problems.add(measured.error().describe());
  round.sqlite = *measured;
}

void check_counts(const IngestRound& round, std::uint64_t events, std::uint64_t vigie_expected,
                  const RoundProblems& problems) {
  if (round.vigie_stored && *round.vigie_stored != vigie_expected) {
    problems.add("Vigie stored " + std::to_string(*round.vigie_stored) + " events, expected " +
                 std::to_string(vigie_expected));
  }
  for (const auto& [name, measure] :
       {std::pair{"ClickHouse", &round.clickhouse}, std::pair{"SQLite", &round.sqlite}}) {
    if (*measure && (*measure)->stored != events) {
      problems.add(std::string{name} + " holds " + std::to_string((*measure)->stored) +
                   " rows, expected " + std::to_string(events));
    }
  }
}

Expected<ClickHouseServer> start_clickhouse(const std::string& work, IngestBenchResult& result,
                                            const Progress& progress) {
  say(progress, "ClickHouse: starting a local server");
  auto server = ClickHouseServer::start({result.options.clickhouse_script, work + "/clickhouse"});
  if (!server) {
    result.problems.push_back("ClickHouse could not start: " + server.error().describe());
    return server;
  }
  result.clickhouse_version = server->version();
  return server;
}

void run_rounds(const EventCorpus& corpus, const std::string& work, IngestBenchResult& result,
                const Progress& progress) {
  auto clickhouse = start_clickhouse(work, result, progress);
  for (int number = 1; number <= std::max(result.options.rounds, 1); ++number) {
    say(progress, "round " + std::to_string(number));
    const RoundProblems problems{result, number};
    const std::string dir = make_dir(work, "round-" + std::to_string(number));
    IngestRound round;
    measure_vigie(corpus, make_dir(dir, "vigie"), round, problems, progress);
    if (clickhouse) measure_clickhouse(corpus, *clickhouse, round, problems, progress);
    measure_sqlite(corpus, make_dir(dir, "sqlite"), round, problems, progress);
    check_counts(round, result.events, result.events + result.options.single_events, problems);
    result.rounds.push_back(std::move(round));
  }
  if (clickhouse) clickhouse->stop();
}

}  // namespace

bool IngestBenchResult::complete() const {
  return !rounds.empty() && std::all_of(rounds.begin(), rounds.end(), [](const IngestRound& r) {
           return r.vigie_batch && r.vigie_single && r.clickhouse && r.sqlite;
         });
}

bool IngestBenchResult::counts_agree() const {
  const std::uint64_t vigie_expected = events + options.single_events;
  return complete() && std::all_of(rounds.begin(), rounds.end(), [&](const IngestRound& r) {
           return r.vigie_stored == vigie_expected && r.clickhouse->stored == events &&
                  r.sqlite->stored == events;
         });
}

const IngestMeasure* median_measure(const IngestBenchResult& result, SystemOfRound system,
                                    std::optional<double> (IngestMeasure::*per_s)() const) {
  std::vector<const IngestMeasure*> measured;
  for (const IngestRound& round : result.rounds) {
    if (round.*system) measured.push_back(&*(round.*system));
  }
  if (measured.empty()) return nullptr;
  std::sort(measured.begin(), measured.end(), [per_s](const auto* a, const auto* b) {
    return (a->*per_s)().value_or(0) < (b->*per_s)().value_or(0);
  });
  return measured[(measured.size() - 1) / 2];
}

std::optional<double> median_ratio(const IngestBenchResult& result, SystemOfRound peer) {
  std::vector<double> ratios;
  for (const IngestRound& round : result.rounds) {
    if (!round.vigie_batch || !(round.*peer)) continue;
    if (const auto r = ratio(round.vigie_batch->events_per_s(), (round.*peer)->events_per_s())) {
      ratios.push_back(*r);
    }
  }
  if (ratios.empty()) return std::nullopt;
  std::sort(ratios.begin(), ratios.end());
  return ratios[(ratios.size() - 1) / 2];
}

IngestBenchResult run_ingest_bench(const IngestBenchOptions& options, const Progress& progress) {
  IngestBenchResult result;
  result.options = options;
  auto work = TempDir::create("vigie-bench-ingest");
  if (!work) {
    result.problems.push_back(work.error().describe());
    return result;
  }
  if (options.keep) work->keep();
  result.work_dir = work->path();

  say(progress, "generating the demo company: " + std::to_string(options.sites) + " sites, " +
                    std::to_string(options.years) + " years");
  const Stopwatch watch;
  auto corpus = build_corpus({options.seed, options.sites, options.years, LocalDate{}});
  result.generate_seconds = watch.seconds();
  if (!corpus) {
    result.problems.push_back(corpus.error().describe());
    return result;
  }
  result.events = corpus->events.size();
  result.reference_events = corpus->reference_count;
  run_rounds(*corpus, work->path(), result, progress);
  return result;
}

}  // namespace vigie::bench
