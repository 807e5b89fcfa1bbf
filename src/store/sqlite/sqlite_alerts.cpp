// The alerts of the SQLite store (table alerts, migrations 3 and 4). The partial unique index on
// the open alerts' key makes "one condition, one open alert" the database's rule, not the
// callers'.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {
namespace {

constexpr std::string_view kAlertColumns =
    "SELECT id, key, kind, COALESCE(site_id, ''), audience, title, message, figures, raised_at, "
    "cleared_at, acknowledged_at, COALESCE(acknowledged_by, '') FROM alerts ";

AlertRow read_alert(const Statement& stmt) {
  AlertRow row;
  row.id = stmt.int64(0);
  row.key = stmt.text(1);
  row.kind = stmt.text(2);
  row.site_id = stmt.text(3);
  row.audience = stmt.text(4);
  row.title = stmt.text(5);
  row.message = stmt.text(6);
  row.figures = stmt.text(7);
  row.raised_at = from_millis(stmt.int64(8));
  if (!stmt.is_null(9)) row.cleared_at = from_millis(stmt.int64(9));
  if (!stmt.is_null(10)) row.acknowledged_at = from_millis(stmt.int64(10));
  row.acknowledged_by = stmt.text(11);
  return row;
}

Expected<std::vector<AlertRow>> read_alerts(Statement& stmt) {
  std::vector<AlertRow> rows;
  for (;;) {
    auto step = stmt.step();
    if (!step) return step.error();
    if (!*step) return rows;
    rows.push_back(read_alert(stmt));
  }
}

// The alert of `id` through `db` (the writer sees its own transaction's writes), if any.
Expected<std::optional<AlertRow>> alert_by_id(Database& db, std::int64_t id) {
  auto stmt = db.prepare(std::string{kAlertColumns} + "WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  auto rows = read_alerts(*stmt);
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<AlertRow>{};
  return std::optional<AlertRow>{std::move(rows->front())};
}

}  // namespace

Expected<std::optional<std::int64_t>> SqliteStore::raise_alert(const AlertRow& row) {
  const std::lock_guard lock(write_mutex_);
  auto insert = writer_.prepare(
      "INSERT INTO alerts(key, kind, site_id, audience, title, message, figures, raised_at) "
      "VALUES(?,?,?,?,?,?,?,?) ON CONFLICT(key) WHERE cleared_at IS NULL DO NOTHING");
  if (!insert) return insert.error();
  insert->bind(1, row.key).bind(2, row.kind).bind(4, row.audience).bind(5, row.title);
  insert->bind(6, row.message).bind(7, row.figures).bind(8, to_millis(row.raised_at));
  if (!row.site_id.empty()) insert->bind(3, row.site_id);
  auto done = insert->run();
  if (!done) return done.error();
  if (writer_.changes() == 0) return std::optional<std::int64_t>{};
  return std::optional<std::int64_t>{writer_.last_insert_rowid()};
}

Expected<bool> SqliteStore::clear_alert(const std::string& key, Instant at) {
  const std::lock_guard lock(write_mutex_);
  auto update = writer_.prepare("UPDATE alerts SET cleared_at = ? WHERE key = ? AND cleared_at IS NULL");
  if (!update) return update.error();
  auto done = update->bind(1, to_millis(at)).bind(2, key).run();
  if (!done) return done.error();
  return writer_.changes() > 0;
}

Expected<std::vector<AlertRow>> SqliteStore::alerts(bool open_only, std::size_t limit) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kAlertColumns} +
                              (open_only ? "WHERE cleared_at IS NULL " : "") +
                              "ORDER BY raised_at DESC, id DESC LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, static_cast<std::int64_t>(limit));
  return read_alerts(*stmt);
}

Expected<std::vector<AlertRow>> SqliteStore::alerts_after(std::int64_t after_id,
                                                          std::size_t limit) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kAlertColumns} + "WHERE id > ? ORDER BY id LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, after_id).bind(2, static_cast<std::int64_t>(limit));
  return read_alerts(*stmt);
}

Expected<std::vector<AlertRow>> SqliteStore::alerts_raised(Instant from, Instant to) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kAlertColumns} + "WHERE raised_at >= ? AND raised_at < ? ORDER BY id");
  if (!stmt) return stmt.error();
  stmt->bind(1, to_millis(from)).bind(2, to_millis(to));
  return read_alerts(*stmt);
}

Expected<std::optional<AlertRow>> SqliteStore::alert(std::int64_t id) const {
  const std::lock_guard lock(read_mutex_);
  return alert_by_id(reader_, id);
}

Expected<std::optional<AlertRow>> SqliteStore::acknowledge_alert(std::int64_t id,
                                                                 const std::string& by, Instant at) {
  const std::lock_guard lock(write_mutex_);
  auto update = writer_.prepare(
      "UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? "
      "WHERE id = ? AND acknowledged_at IS NULL");
  if (!update) return update.error();
  auto done = update->bind(1, to_millis(at)).bind(2, by).bind(3, id).run();
  if (!done) return done.error();
  return alert_by_id(writer_, id);
}

}  // namespace vigie::store::sqlite
