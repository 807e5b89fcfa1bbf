#include "bench/kpi_bench.hpp"

#include <filesystem>

#include "bench/child_process.hpp"
#include "bench/clickhouse_server.hpp"
#include "bench/kpi_clickhouse_peer.hpp"
#include "bench/kpi_figures.hpp"
#include "bench/kpi_queries.hpp"
#include "bench/kpi_sqlite_peer.hpp"
#include "bench/report.hpp"
#include "common/paris_time.hpp"
#include "kpi/company_loader.hpp"
#include "kpi/report_json.hpp"
#include "store/store.hpp"

namespace vigie::bench {
namespace {

using Progress = std::function<void(std::string_view)>;

constexpr std::size_t kDifferencesKept = 10;

void say(const Progress& progress, const std::string& line) {
  if (progress) progress(line);
}

double milliseconds_since(const Stopwatch& watch) { return watch.seconds() * 1000; }

// `vigie demo` into `data_dir`, as a user would build it.
Expected<void> build_demo(const KpiBenchOptions& options, const std::string& data_dir,
                          const std::string& end) {
  std::vector<std::string> argv = {options.vigie_binary, "--data-dir", data_dir, "demo",
                                   "--sites", std::to_string(options.sites),
                                   "--years", std::to_string(options.years),
                                   "--seed", std::to_string(options.seed), "--end", end};
  auto demo = ChildProcess::spawn(argv, data_dir + "-demo.log");
  if (!demo) return demo.error();
  if (const int status = demo->wait(); status != 0) {
    return Error::make(ErrorCode::io, "vigie demo exited with status " + std::to_string(status) +
                                          " (see " + data_dir + "-demo.log)");
  }
  return {};
}

// Every stored event, in arrival order, to each peer.
template <class Peer>
Expected<std::uint64_t> load_peer(const store::Store& store, Peer& peer) {
  constexpr std::size_t kChunk = 100'000;
  std::int64_t after = 0;
  std::optional<Error> failed;
  for (;;) {
    auto last = store.scan_events(after, kChunk, [&](std::int64_t seq, const events::Event& e) {
      if (failed) return;
      if (auto added = peer.add(e, seq); !added) failed = added.error();
    });
    if (!last) return last.error();
    if (failed) return *failed;
    if (*last == after) break;
    after = *last;
  }
  if (auto finished = peer.finish(); !finished) return finished.error();
  return peer.rows();
}

// Vigie: the report of all 15 KPIs and its JSON, as GET /api/v1/kpis builds them.
kpi::KpiReport vigie_report(const kpi::Company& company, const KpiQuery& query, double& ms,
                            std::size_t& json_bytes) {
  const Stopwatch watch;
  kpi::KpiReport report =
      kpi::compute_report(company, query.scope, query.periods, query.as_of, {}, {}, {});
  json_bytes = kpi::report_json(report).size();
  ms = milliseconds_since(watch);
  return report;
}

void note_differences(KpiTimings& timings, const std::string& label, const std::string& side,
                      const FlatFigures& vigie, const FlatFigures& peer, bool& differed) {
  for (const std::string& line : figure_differences(vigie, peer)) {
    differed = true;
    if (timings.differences.size() < kDifferencesKept) {
      timings.differences.push_back(label + " (" + side + "): " + line);
    }
  }
}

// One request on a peer: both sides timed together, then compared with Vigie's report.
template <class Peer>
Expected<double> peer_request(const Peer& peer, const KpiQuery& query,
                              const kpi::KpiReport& vigie, KpiTimings& timings) {
  const Stopwatch watch;
  auto now = peer.figures(current_side(query.scope, query.periods));
  if (!now) return now.error();
  auto before = peer.figures(previous_side(query.scope, query.periods));
  if (!before) return before.error();
  const double ms = milliseconds_since(watch);
  bool differed = false;
  note_differences(timings, query.label, "value", flat_figures(vigie, false), *now, differed);
  note_differences(timings, query.label, "previous", flat_figures(vigie, true), *before, differed);
  ++timings.compared;
  if (differed) ++timings.disagreements;
  return ms;
}

struct Requests {
  KpiQuery month;
  std::vector<KpiQuery> random;
  kpi::KpiReport month_report;
  std::vector<kpi::KpiReport> random_reports;
};

void time_vigie(const kpi::Company& company, Requests& requests, int rounds,
                KpiBenchResult& result) {
  double ms = 0;
  std::size_t bytes = 0;
  for (int round = 0; round < rounds; ++round) {
    requests.month_report = vigie_report(company, requests.month, ms, result.month_json_bytes);
    result.vigie.month_ms.push_back(ms);
  }
  for (const KpiQuery& query : requests.random) {
    requests.random_reports.push_back(vigie_report(company, query, ms, bytes));
    result.vigie.random_ms.push_back(ms);
  }
}

template <class Peer>
Expected<void> time_peer(const Peer& peer, const Requests& requests, int rounds,
                         std::size_t random_count, KpiTimings& out) {
  for (int round = 0; round < rounds; ++round) {
    auto ms = peer_request(peer, requests.month, requests.month_report, out);
    if (!ms) return ms.error();
    out.month_ms.push_back(*ms);
  }
  for (std::size_t i = 0; i < requests.random.size() && i < random_count; ++i) {
    auto ms = peer_request(peer, requests.random[i], requests.random_reports[i], out);
    if (!ms) return ms.error();
    out.random_ms.push_back(*ms);
  }
  return {};
}

Expected<KpiTimings> measure_sqlite(const store::Store& store, const std::string& dir,
                                    const Requests& requests, const KpiBenchOptions& options) {
  auto peer = SqliteKpiPeer::create(dir + "/kpi-peer.sqlite");
  if (!peer) return peer.error();
  KpiTimings timings;
  const Stopwatch watch;
  if (auto loaded = load_peer(store, *peer); !loaded) return loaded.error();
  timings.load_seconds = watch.seconds();
  auto timed = time_peer(*peer, requests, options.sqlite_rounds,
                         static_cast<std::size_t>(options.sqlite_queries), timings);
  if (!timed) return timed.error();
  return timings;
}

Expected<KpiTimings> measure_clickhouse(const store::Store& store, const std::string& dir,
                                        const Requests& requests, const KpiBenchOptions& options,
                                        std::string& version) {
  auto server = ClickHouseServer::start({options.clickhouse_script, dir + "/clickhouse"});
  if (!server) return server.error();
  version = server->version();
  auto peer = ClickHouseKpiPeer::create(*server, options.clickhouse_chunk_rows);
  if (!peer) return peer.error();
  KpiTimings timings;
  const Stopwatch watch;
  if (auto loaded = load_peer(store, *peer); !loaded) return loaded.error();
  timings.load_seconds = watch.seconds();
  auto timed = time_peer(*peer, requests, options.peer_rounds, requests.random.size(), timings);
  if (!timed) return timed.error();
  server->stop();
  return timings;
}

}  // namespace

bool KpiBenchResult::agree() const {
  return clickhouse && sqlite && clickhouse->disagreements == 0 && sqlite->disagreements == 0 &&
         clickhouse->compared > 0 && sqlite->compared > 0;
}

KpiBenchResult run_kpi_bench(const KpiBenchOptions& options, const Progress& progress) {
  KpiBenchResult result;
  result.options = options;
  auto work = TempDir::create("vigie-bench-kpi");
  if (!work) {
    result.problems.push_back(work.error().describe());
    return result;
  }
  if (options.keep) work->keep();
  result.work_dir = work->path();

  const LocalDate end = options.end.empty() ? paris_today()
                                            : parse_iso_date(options.end).value_or(paris_today());
  std::string data_dir = options.data_dir;
  if (data_dir.empty()) {
    data_dir = work->path() + "/vigie";
    say(progress, "building the demo company: " + std::to_string(options.sites) + " sites, " +
                      std::to_string(options.years) + " years, ending " + format_iso_date(end));
    if (auto built = build_demo(options, data_dir, format_iso_date(end)); !built) {
      result.problems.push_back(built.error().describe());
      return result;
    }
  }
  auto store = store::open_store({"sqlite", data_dir + "/vigie.sqlite", false});
  if (!store) {
    result.problems.push_back(store.error().describe());
    return result;
  }
  const auto count = (*store)->event_count();
  const auto last = (*store)->last_seq();
  if (!count || !last) {
    result.problems.push_back("cannot count the stored events");
    return result;
  }
  result.events = *count;

  say(progress, "Vigie: folding " + std::to_string(result.events) + " events into its aggregates");
  const Stopwatch fold;
  auto company = kpi::load_company(**store);
  if (!company) {
    result.problems.push_back(company.error().describe());
    return result;
  }
  result.vigie.load_seconds = fold.seconds();
  result.sites = company->sites().size();

  // The last day with events: the month request is "this month" on the company's last day.
  Requests requests;
  requests.month = whole_company_month(end);
  result.month_label = requests.month.label;
  const LocalDate first = date_from_days(days_since_epoch(end) - 365 * options.years + 60);
  requests.random = random_queries(*company, first, end, options.queries, options.query_seed);
  say(progress, "Vigie: timing the requests");
  time_vigie(*company, requests, options.vigie_rounds, result);

  if (options.clickhouse) {
    say(progress, "ClickHouse: loading the raw events table, then timing the same requests");
    auto clickhouse =
        measure_clickhouse(**store, work->path(), requests, options, result.clickhouse_version);
    if (clickhouse) {
      result.clickhouse = std::move(*clickhouse);
    } else {
      result.problems.push_back("ClickHouse: " + clickhouse.error().describe());
    }
  }
  if (!options.sqlite) return result;
  say(progress, "SQLite: loading the raw events table, then timing the same requests");
  auto sqlite = measure_sqlite(**store, work->path(), requests, options);
  if (sqlite) {
    result.sqlite = std::move(*sqlite);
  } else {
    result.problems.push_back("SQLite: " + sqlite.error().describe());
  }
  return result;
}

}  // namespace vigie::bench
