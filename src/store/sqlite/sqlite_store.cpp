#include "store/sqlite/sqlite_store.hpp"

#include <chrono>
#include <functional>
#include <span>
#include <string>

#include "events/parse.hpp"
#include "store/sqlite/migrations.hpp"

namespace vigie::store::sqlite {
namespace {

Expected<Database> open_connection(const StoreConfig& config) {
  auto db = Database::open(config.path);
  if (!db) return db.error();
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA foreign_keys=ON",
                             "PRAGMA temp_store=MEMORY", "PRAGMA cache_size=-65536"}) {
    auto done = db->exec(pragma);
    if (!done) return done.error();
  }
  auto sync = db->exec(config.durable ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=OFF");
  if (!sync) return sync.error();
  return db;
}

Expected<Statement> prepare(Database& db, std::string_view sql) { return db.prepare(sql); }

// "?,?,?" for an IN list of `n` values.
std::string placeholders(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ",?";
  return out;
}

void bind_types(Statement& stmt, int first, std::span<const events::EventType> types) {
  for (const events::EventType type : types) stmt.bind(first++, events::type_name(type));
}

// Steps through rows of (seq, raw), handing each parsed event to `visit`. A stored event that no
// longer parses is an internal error naming its seq.
Expected<void> visit_stored(Statement& stmt,
                            const std::function<void(std::int64_t seq, const events::Event&)>& visit) {
  for (;;) {
    auto row = stmt.step();
    if (!row) return row.error();
    if (!*row) return {};
    auto event = events::parse_event(stmt.text(1), events::Origin::vigie);
    if (!event) {
      return Error::make(ErrorCode::internal, "stored event " + std::to_string(stmt.int64(0)) +
                                                  " no longer parses: " + event.error().describe());
    }
    visit(stmt.int64(0), *event);
  }
}

}  // namespace

Expected<std::unique_ptr<SqliteStore>> SqliteStore::open(const StoreConfig& config) {
  auto writer = open_connection(config);
  if (!writer) return writer.error();
  auto migrated = migrate(*writer);
  if (!migrated) return migrated.error();
  auto reader = open_connection(config);
  if (!reader) return reader.error();

  auto insert_event = prepare(*writer,
      "INSERT OR IGNORE INTO events(id,type,site_id,occurred_at,received_at,source,actor_id,raw) "
      "VALUES(?,?,?,?,?,?,?,?)");
  auto upsert_site = prepare(*writer,
      "INSERT INTO sites(id,name,client,type,region,city,lat,lon,budget_total_cents,"
      "budget_material_cents,planned_start,planned_end,actual_end,status,complexity,manager_id,"
      "chief_id,team_id,subcontractors,required_skills,record_at,budget_at,status_at) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?21,?21) "
      "ON CONFLICT(id) DO UPDATE SET name=excluded.name, client=excluded.client, "
      "type=excluded.type, region=excluded.region, city=excluded.city, lat=excluded.lat, "
      "lon=excluded.lon, planned_start=excluded.planned_start, planned_end=excluded.planned_end, "
      "complexity=excluded.complexity, manager_id=excluded.manager_id, "
      "chief_id=excluded.chief_id, team_id=excluded.team_id, "
      "subcontractors=excluded.subcontractors, required_skills=excluded.required_skills, "
      "record_at=excluded.record_at, "
      "budget_total_cents=CASE WHEN budget_at<=excluded.record_at THEN excluded.budget_total_cents ELSE budget_total_cents END, "
      "budget_material_cents=CASE WHEN budget_at<=excluded.record_at THEN excluded.budget_material_cents ELSE budget_material_cents END, "
      "budget_at=MAX(budget_at, excluded.record_at), "
      "status=CASE WHEN status_at<=excluded.record_at THEN excluded.status ELSE status END, "
      "actual_end=CASE WHEN status_at<=excluded.record_at THEN excluded.actual_end ELSE actual_end END, "
      "status_at=MAX(status_at, excluded.record_at) "
      "WHERE excluded.record_at >= sites.record_at");
  auto revise_budget = prepare(*writer,
      "UPDATE sites SET budget_total_cents=?1, budget_material_cents=?2, budget_at=?3 "
      "WHERE id=?4 AND budget_at<=?3");
  auto complete_site = prepare(*writer,
      "UPDATE sites SET actual_end=?1, status='completed', status_at=?2 "
      "WHERE id=?3 AND status_at<=?2");
  auto upsert_entity = prepare(*writer,
      "INSERT INTO entities(kind,id,label,record,record_at) VALUES(?,?,?,?,?) "
      "ON CONFLICT(kind,id) DO UPDATE SET label=excluded.label, record=excluded.record, "
      "record_at=excluded.record_at WHERE excluded.record_at >= entities.record_at");
  for (auto* stmt : {&insert_event, &upsert_site, &revise_budget, &complete_site, &upsert_entity}) {
    if (!*stmt) return stmt->error();
  }
  WriteStatements statements{std::move(*insert_event), std::move(*upsert_site),
                             std::move(*revise_budget), std::move(*complete_site),
                             std::move(*upsert_entity)};
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(std::move(*writer), std::move(*reader), std::move(statements)));
}

SqliteStore::SqliteStore(Database writer, Database reader, WriteStatements statements)
    : writer_(std::move(writer)), write_(std::move(statements)), reader_(std::move(reader)) {}

Expected<AppendResult> SqliteStore::append(std::span<const events::Event> batch) {
  const std::int64_t received_at = to_millis(instant_now());
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  AppendResult result;
  result.statuses.reserve(batch.size());
  for (const events::Event& event : batch) {
    auto inserted = write_.insert_event.bind(1, event.id)
                        .bind(2, events::type_name(event.type))
                        .bind_optional(3, event.site_id)
                        .bind(4, to_millis(event.occurred_at))
                        .bind(5, received_at)
                        .bind(6, events::source_name(event.source))
                        .bind_optional(7, event.actor_id)
                        .bind(8, event.raw)
                        .run();
    if (!inserted) return inserted.error();
    if (writer_.changes() == 0) {
      result.statuses.push_back(AppendStatus::duplicate);
      ++result.duplicates;
      continue;
    }
    auto applied = apply_to_entities(event);
    if (!applied) return applied.error();
    result.statuses.push_back(AppendStatus::accepted);
    ++result.accepted;
  }
  auto committed = tx->commit();
  if (!committed) return committed.error();
  return result;
}

Expected<std::int64_t> SqliteStore::scan_events(
    std::int64_t after_seq, std::size_t limit,
    const std::function<void(std::int64_t, const events::Event&)>& visit) const {
  std::optional<Error> failure;
  auto last = scan_raw(after_seq, limit, [&](const StoredEvent& stored) {
    if (failure) return;
    auto event = events::parse_event(stored.raw, events::Origin::vigie);
    if (!event) {
      failure = Error::make(ErrorCode::internal, "stored event " + std::to_string(stored.seq) +
                                                     " no longer parses: " +
                                                     event.error().describe());
      return;
    }
    visit(stored.seq, *event);
  });
  if (failure) return *failure;
  return last;
}

Expected<std::int64_t> SqliteStore::scan_raw(
    std::int64_t after_seq, std::size_t limit,
    const std::function<void(const StoredEvent&)>& visit) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT seq, occurred_at, raw FROM events WHERE seq > ? ORDER BY seq LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, after_seq).bind(2, static_cast<std::int64_t>(limit));
  std::int64_t last = after_seq;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    last = stmt->int64(0);
    visit(StoredEvent{last, from_millis(stmt->int64(1)), stmt->text(2)});
  }
  return last;
}

Expected<std::int64_t> SqliteStore::scan_events_of_types(
    std::int64_t after_seq, std::span<const events::EventType> types,
    const std::function<void(std::int64_t, const events::Event&)>& visit) const {
  const std::lock_guard lock(read_mutex_);
  // One writer: every seq up to the highest is committed, so the rows up to it are all there.
  auto top = reader_.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
  if (!top) return top.error();
  auto found = top->step();
  if (!found) return found.error();
  const std::int64_t watermark = top->int64(0);
  if (types.empty()) return watermark;
  auto stmt = reader_.prepare("SELECT seq, raw FROM events WHERE seq > ? AND seq <= ? AND type IN (" +
                              placeholders(types.size()) + ") ORDER BY seq");
  if (!stmt) return stmt.error();
  stmt->bind(1, after_seq).bind(2, watermark);
  bind_types(*stmt, 3, types);
  if (auto read = visit_stored(*stmt, visit); !read) return read.error();
  return watermark;
}

Expected<std::vector<events::Event>> SqliteStore::recent_site_events(
    const std::string& site_id, std::span<const events::EventType> types, Instant until,
    std::size_t limit) const {
  std::vector<events::Event> found;
  if (types.empty()) return found;
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT seq, raw FROM events WHERE site_id = ? AND occurred_at <= ? AND type IN (" +
                              placeholders(types.size()) + ") ORDER BY occurred_at DESC, seq DESC LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, site_id).bind(2, to_millis(until));
  bind_types(*stmt, 3, types);
  stmt->bind(3 + static_cast<int>(types.size()), static_cast<std::int64_t>(limit));
  auto read = visit_stored(*stmt, [&found](std::int64_t, const events::Event& event) { found.push_back(event); });
  if (!read) return read.error();
  return found;
}

Expected<std::int64_t> SqliteStore::last_seq() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT COALESCE(MAX(seq), 0) FROM events");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return stmt->int64(0);
}

Expected<std::uint64_t> SqliteStore::event_count() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT COUNT(*) FROM events");
  if (!stmt) return stmt.error();
  auto row = stmt->step();
  if (!row) return row.error();
  return static_cast<std::uint64_t>(stmt->int64(0));
}

Expected<std::vector<TypeCount>> SqliteStore::event_counts_by_type() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT type, COUNT(*) FROM events GROUP BY type ORDER BY type");
  if (!stmt) return stmt.error();
  std::vector<TypeCount> counts;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    const auto type = events::parse_type(stmt->text(0));
    if (type) counts.push_back({*type, static_cast<std::uint64_t>(stmt->int64(1))});
  }
  return counts;
}

}  // namespace vigie::store::sqlite
