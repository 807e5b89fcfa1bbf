// The alert rules' changes through the API in the SQLite store (table alert_rule_changes,
// migration 7): appended, never updated, so the table is the audit trail too.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {

Expected<std::int64_t> SqliteStore::add_alert_rule_change(const AlertRuleChangeRow& row) {
  const std::lock_guard lock(write_mutex_);
  auto insert = writer_.prepare(
      "INSERT INTO alert_rule_changes(rule_id, settings, changed_by, changed_at) VALUES(?,?,?,?)");
  if (!insert) return insert.error();
  auto done = insert->bind(1, row.rule_id).bind(2, row.settings).bind(3, row.changed_by)
                  .bind(4, to_millis(row.changed_at)).run();
  if (!done) return done.error();
  return writer_.last_insert_rowid();
}

Expected<std::vector<AlertRuleChangeRow>> SqliteStore::alert_rule_changes() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT id, rule_id, settings, changed_by, changed_at FROM alert_rule_changes ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<AlertRuleChangeRow> rows;
  for (;;) {
    auto step = stmt->step();
    if (!step) return step.error();
    if (!*step) return rows;
    AlertRuleChangeRow& row = rows.emplace_back();
    row.id = stmt->int64(0);
    row.rule_id = stmt->text(1);
    row.settings = stmt->text(2);
    row.changed_by = stmt->text(3);
    row.changed_at = from_millis(stmt->int64(4));
  }
}

}  // namespace vigie::store::sqlite
