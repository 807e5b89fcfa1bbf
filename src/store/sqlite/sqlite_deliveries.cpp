// The alerts' deliveries in the SQLite store (table alert_deliveries, migration 5, and the
// watermark in meta). The watermark and the rows it covers are written in one transaction, so
// that an alert's deliveries are recorded exactly once, crash or not.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {
namespace {

constexpr std::string_view kWatermarkKey = "alert_deliveries.through";

constexpr std::string_view kDeliveryColumns =
    "SELECT id, alert_id, channel, target, status, attempts, created_at, next_attempt_at, "
    "finished_at, last_error FROM alert_deliveries ";

Expected<std::vector<AlertDeliveryRow>> read_deliveries(Statement& stmt) {
  std::vector<AlertDeliveryRow> rows;
  for (;;) {
    auto step = stmt.step();
    if (!step) return step.error();
    if (!*step) return rows;
    AlertDeliveryRow& row = rows.emplace_back();
    row.id = stmt.int64(0);
    row.alert_id = stmt.int64(1);
    row.channel = stmt.text(2);
    row.target = stmt.text(3);
    const auto status = parse_delivery_status(stmt.text(4));
    if (!status) return Error::make(ErrorCode::internal, "alert delivery " + std::to_string(row.id) +
                                                             " has an unknown status");
    row.status = *status;
    row.attempts = static_cast<int>(stmt.int64(5));
    row.created_at = from_millis(stmt.int64(6));
    row.next_attempt_at = from_millis(stmt.int64(7));
    if (!stmt.is_null(8)) row.finished_at = from_millis(stmt.int64(8));
    row.last_error = stmt.text(9);
  }
}

}  // namespace

Expected<std::int64_t> SqliteStore::alert_delivery_watermark() const {
  auto value = meta(std::string{kWatermarkKey});
  if (!value) return value.error();
  if (!*value) return std::int64_t{0};
  try {
    return static_cast<std::int64_t>(std::stoll(**value));
  } catch (const std::exception&) {
    return Error::make(ErrorCode::internal, "meta " + std::string{kWatermarkKey} + " is not a number");
  }
}

Expected<void> SqliteStore::enqueue_alert_deliveries(std::span<const AlertDeliveryRow> rows,
                                                     std::int64_t through_alert_id) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto insert = writer_.prepare(
      "INSERT INTO alert_deliveries(alert_id, channel, target, status, attempts, created_at, "
      "next_attempt_at, last_error) VALUES(?,?,?,?,0,?,?,'') "
      "ON CONFLICT(alert_id, channel, target) DO NOTHING");
  if (!insert) return insert.error();
  for (const AlertDeliveryRow& row : rows) {
    auto done = insert->bind(1, row.alert_id).bind(2, row.channel).bind(3, row.target)
                    .bind(4, delivery_status_name(DeliveryStatus::pending))
                    .bind(5, to_millis(row.created_at)).bind(6, to_millis(row.next_attempt_at))
                    .run();
    if (!done) return done;
  }
  auto watermark = writer_.prepare(
      "INSERT INTO meta(key, value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  if (!watermark) return watermark.error();
  auto moved = watermark->bind(1, kWatermarkKey).bind(2, std::to_string(through_alert_id)).run();
  if (!moved) return moved;
  return tx->commit();
}

Expected<std::vector<AlertDeliveryRow>> SqliteStore::due_alert_deliveries(Instant now,
                                                                          std::size_t limit) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kDeliveryColumns} +
                              "WHERE status = 'pending' AND next_attempt_at <= ? "
                              "ORDER BY next_attempt_at, id LIMIT ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, to_millis(now)).bind(2, static_cast<std::int64_t>(limit));
  return read_deliveries(*stmt);
}

Expected<void> SqliteStore::update_alert_delivery(const AlertDeliveryRow& row) {
  const std::lock_guard lock(write_mutex_);
  auto update = writer_.prepare(
      "UPDATE alert_deliveries SET status = ?, attempts = ?, next_attempt_at = ?, finished_at = ?, "
      "last_error = ? WHERE id = ?");
  if (!update) return update.error();
  update->bind(1, delivery_status_name(row.status)).bind(2, static_cast<std::int64_t>(row.attempts));
  update->bind(3, to_millis(row.next_attempt_at));
  if (row.finished_at) update->bind(4, to_millis(*row.finished_at));
  else update->bind_null(4);
  auto done = update->bind(5, row.last_error).bind(6, row.id).run();
  if (!done) return done;
  if (writer_.changes() == 0) {
    return Error::make(ErrorCode::not_found, "no alert delivery " + std::to_string(row.id));
  }
  return {};
}

Expected<std::vector<AlertDeliveryRow>> SqliteStore::alert_deliveries(
    std::optional<DeliveryStatus> status, std::size_t limit) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kDeliveryColumns} + (status ? "WHERE status = ? " : "") +
                              "ORDER BY id DESC LIMIT ?");
  if (!stmt) return stmt.error();
  int next = 1;
  if (status) stmt->bind(next++, delivery_status_name(*status));
  stmt->bind(next, static_cast<std::int64_t>(limit));
  return read_deliveries(*stmt);
}

}  // namespace vigie::store::sqlite
