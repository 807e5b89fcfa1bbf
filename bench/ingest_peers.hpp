// bench/ingest_peers.hpp
//
// The peers `vigie bench ingest` measures Vigie against, loading the same events:
// ClickHouse (INSERT … FORMAT JSONEachRow over HTTP, the recommended bulk path) and SQLite
// (a bare bulk insert: one table, one prepared statement, one transaction, WAL,
// synchronous=FULL so that its figure is durable like Vigie's). Each counts its rows afterwards.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "bench/clickhouse_server.hpp"
#include "bench/event_corpus.hpp"
#include "bench/report.hpp"

namespace vigie::bench {

// One system's ingestion run.
struct IngestMeasure {
  std::uint64_t events = 0;    // sent
  std::uint64_t requests = 0;  // HTTP requests (0 for in-process SQLite)
  std::uint64_t stored = 0;    // counted in the system afterwards
  double seconds = 0;
  Percentiles latency_ms;                    // per request
  double client_cpu_seconds = 0;             // this process during the run
  std::optional<double> server_cpu_seconds;  // the server process during the run
  std::optional<double> server_mean_ms;      // time inside the server per request, if it says

  std::optional<double> events_per_s() const { return rate(events, seconds); }
  std::optional<double> requests_per_s() const { return rate(requests, seconds); }
};

// Creates `table` (MergeTree) in `server` and POSTs `chunks` over `connections` connections.
Expected<IngestMeasure> clickhouse_ingest(const ClickHouseServer& server, const std::string& table,
                                          const Bodies& chunks, int connections);

// Creates the database file at `path` (must not exist) and inserts `events`.
Expected<IngestMeasure> sqlite_ingest(const std::string& path,
                                      std::span<const events::Event> events);

}  // namespace vigie::bench
