#include "bench/ingest_peers.hpp"

#include <memory>

#include "bench/sqlite_handle.hpp"

namespace vigie::bench {
namespace {

Expected<std::uint64_t> parse_count(const std::string& text) {
  try {
    return static_cast<std::uint64_t>(std::stoull(text));
  } catch (const std::exception&) {
    return Error::make(ErrorCode::io, "not a count: " + text.substr(0, 100));
  }
}

Expected<Database> open_fresh(const std::string& path) {
  auto db = open_database(path);
  if (!db) return db.error();
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL"}) {
    if (auto done = execute(db->get(), sql); !done) return done.error();
  }
  const std::string create =
      "CREATE TABLE events (id TEXT NOT NULL, type TEXT NOT NULL, site_id TEXT NOT NULL, "
      "occurred_at_ms INTEGER NOT NULL, source TEXT NOT NULL, actor_id TEXT NOT NULL, "
      "data TEXT NOT NULL)";
  if (auto done = execute(db->get(), create); !done) return done.error();
  return db;
}

void bind_text(sqlite3_stmt* statement, int column, std::string_view text) {
  sqlite3_bind_text(statement, column, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}

Expected<void> insert_all(sqlite3* db, std::span<const events::Event> events) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", -1, &raw,
                         nullptr) != SQLITE_OK) {
    return sqlite_error(db, "prepare");
  }
  const Statement insert(raw);
  if (auto begun = execute(db, "BEGIN"); !begun) return begun;
  for (const events::Event& event : events) {
    bind_text(raw, 1, event.id);
    bind_text(raw, 2, events::type_name(event.type));
    bind_text(raw, 3, event.site_id);
    sqlite3_bind_int64(raw, 4, to_millis(event.occurred_at));
    bind_text(raw, 5, events::source_name(event.source));
    bind_text(raw, 6, event.actor_id);
    bind_text(raw, 7, event.data);
    if (sqlite3_step(raw) != SQLITE_DONE) return sqlite_error(db, "insert");
    sqlite3_reset(raw);
  }
  return execute(db, "COMMIT");  // the one fsync of the WAL
}

Expected<std::uint64_t> sqlite_count(sqlite3* db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM events", -1, &raw, nullptr) != SQLITE_OK) {
    return sqlite_error(db, "count");
  }
  const Statement count(raw);
  if (sqlite3_step(raw) != SQLITE_ROW) return sqlite_error(db, "count");
  return static_cast<std::uint64_t>(sqlite3_column_int64(raw, 0));
}

}  // namespace

Expected<IngestMeasure> clickhouse_ingest(const ClickHouseServer& server, const std::string& table,
                                          const Bodies& chunks, int connections) {
  const std::string create = "CREATE TABLE " + table + " (" +
                             std::string{clickhouse_row_schema()} +
                             ") ENGINE = MergeTree ORDER BY (site_id, occurred_at_ms)";
  if (auto created = server.query(create); !created) return created.error();
  const LoadPlan plan{ClickHouseServer::insert_path(table), "application/json", connections,
                      "/ping"};
  const CpuMeter cpu(server.pid());
  const LoadResult load = run_load(server.target(), plan, chunks.bodies,
                                   [](std::size_t, const HttpReply& reply) {
                                     return reply.status == 200
                                                ? std::string{}
                                                : std::to_string(reply.status) + " " +
                                                      reply.body.substr(0, 300);
                                   });
  IngestMeasure measure;
  measure.events = chunks.total_events();
  measure.requests = load.requests;
  measure.seconds = load.seconds;
  measure.latency_ms = percentiles(load.latencies_ms);
  measure.client_cpu_seconds = cpu.own_seconds();
  measure.server_cpu_seconds = cpu.server_seconds();
  if (!load.first_failure.empty()) {
    return Error::make(ErrorCode::io, "ClickHouse insert failed: " + load.first_failure);
  }
  auto counted = server.query("SELECT count() FROM " + table);
  if (!counted) return counted.error();
  auto stored = parse_count(*counted);
  if (!stored) return stored.error();
  measure.stored = *stored;
  return measure;
}

Expected<IngestMeasure> sqlite_ingest(const std::string& path,
                                      std::span<const events::Event> events) {
  auto db = open_fresh(path);
  if (!db) return db.error();
  const CpuMeter cpu;
  const Stopwatch watch;
  if (auto inserted = insert_all(db->get(), events); !inserted) return inserted.error();
  IngestMeasure measure;
  measure.events = events.size();
  measure.seconds = watch.seconds();
  measure.client_cpu_seconds = cpu.own_seconds();
  auto stored = sqlite_count(db->get());
  if (!stored) return stored.error();
  measure.stored = *stored;
  return measure;
}

}  // namespace vigie::bench
