#include "bench/kpi_bench.hpp"

#include <filesystem>

#include "bench/child_process.hpp"
#include "bench/clickhouse_server.hpp"
#include "bench/measured_company.hpp"
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

constexpr std::size_t kDifferencesKept = 10;

double milliseconds_since(const Stopwatch& watch) { return watch.seconds() * 1000; }

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
  auto company_dir = open_measured_company(
      {"vigie-bench-kpi", options.vigie_binary, options.sites, options.years, options.seed,
       options.end, options.data_dir, options.keep},
      progress);
  if (!company_dir) {
    result.problems.push_back(company_dir.error().describe());
    return result;
  }
  result.work_dir = company_dir->work.path();
  result.events = company_dir->events;
  const LocalDate end = company_dir->end;
  store::Store& store = *company_dir->store;

  say(progress, "Vigie: folding " + std::to_string(result.events) + " events into its aggregates");
  const Stopwatch fold;
  auto company = kpi::load_company(store);
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
        measure_clickhouse(store, result.work_dir, requests, options, result.clickhouse_version);
    if (clickhouse) {
      result.clickhouse = std::move(*clickhouse);
    } else {
      result.problems.push_back("ClickHouse: " + clickhouse.error().describe());
    }
  }
  if (!options.sqlite) return result;
  say(progress, "SQLite: loading the raw events table, then timing the same requests");
  auto sqlite = measure_sqlite(store, result.work_dir, requests, options);
  if (sqlite) {
    result.sqlite = std::move(*sqlite);
  } else {
    result.problems.push_back("SQLite: " + sqlite.error().describe());
  }
  return result;
}

}  // namespace vigie::bench
