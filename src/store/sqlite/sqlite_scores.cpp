// The stored predictions of the SQLite store (table site_scores, migration 6). A day is kept as
// its number of days since 1970-01-01 (Paris date), so a range of days is an index range.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {

Expected<void> SqliteStore::put_site_scores(std::span<const SiteScoreRow> rows) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto insert = writer_.prepare(
      "INSERT OR REPLACE INTO site_scores(model, version, arm, site_id, day, scored_at, p_late, "
      "delay_days, features) VALUES(?,?,?,?,?,?,?,?,?)");
  if (!insert) return insert.error();
  for (const SiteScoreRow& row : rows) {
    auto done = insert->bind(1, row.model).bind(2, row.version).bind(3, row.arm).bind(4, row.site_id)
                    .bind(5, static_cast<std::int64_t>(days_since_epoch(row.day)))
                    .bind(6, to_millis(row.scored_at)).bind(7, row.p_late).bind(8, row.delay_days)
                    .bind(9, row.features).run();
    if (!done) return done;
  }
  return tx->commit();
}

Expected<std::vector<SiteScoreRow>> SqliteStore::site_scores(const std::string& model, LocalDate from,
                                                             LocalDate to) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT version, arm, site_id, day, scored_at, p_late, delay_days, features FROM site_scores "
      "WHERE model = ? AND day BETWEEN ? AND ? ORDER BY day, site_id, version");
  if (!stmt) return stmt.error();
  stmt->bind(1, model).bind(2, static_cast<std::int64_t>(days_since_epoch(from)))
      .bind(3, static_cast<std::int64_t>(days_since_epoch(to)));
  std::vector<SiteScoreRow> rows;
  for (;;) {
    auto step = stmt->step();
    if (!step) return step.error();
    if (!*step) return rows;
    SiteScoreRow& row = rows.emplace_back();
    row.model = model;
    row.version = stmt->int64(0);
    row.arm = stmt->text(1);
    row.site_id = stmt->text(2);
    row.day = date_from_days(static_cast<std::int32_t>(stmt->int64(3)));
    row.scored_at = from_millis(stmt->int64(4));
    row.p_late = stmt->real(5);
    row.delay_days = stmt->real(6);
    row.features = stmt->text(7);
  }
}

}  // namespace vigie::store::sqlite
