// Suggested plans refused, in the SQLite store (table plan_rejections, migration 9): one row
// per plan, inserted once and never updated, so the table is the audit trail of refusals.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {

Expected<bool> SqliteStore::add_plan_rejection(const PlanRejectionRow& row) {
  const std::lock_guard lock(write_mutex_);
  auto insert = writer_.prepare(
      "INSERT INTO plan_rejections(plan_id, week, rejected_by, rejected_at, reason) "
      "VALUES(?,?,?,?,?) ON CONFLICT(plan_id) DO NOTHING");
  if (!insert) return insert.error();
  auto done = insert->bind(1, row.plan_id).bind(2, row.week).bind(3, row.rejected_by)
                  .bind(4, to_millis(row.rejected_at)).bind(5, row.reason).run();
  if (!done) return done.error();
  return writer_.changes() > 0;
}

Expected<std::vector<PlanRejectionRow>> SqliteStore::plan_rejections(const std::string& week) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT plan_id, week, rejected_by, rejected_at, reason FROM plan_rejections "
      "WHERE week = ? ORDER BY rejected_at, plan_id");
  if (!stmt) return stmt.error();
  stmt->bind(1, week);
  std::vector<PlanRejectionRow> rows;
  for (;;) {
    auto step = stmt->step();
    if (!step) return step.error();
    if (!*step) return rows;
    PlanRejectionRow& row = rows.emplace_back();
    row.plan_id = stmt->text(0);
    row.week = stmt->text(1);
    row.rejected_by = stmt->text(2);
    row.rejected_at = from_millis(stmt->int64(3));
    row.reason = stmt->text(4);
  }
}

}  // namespace vigie::store::sqlite
