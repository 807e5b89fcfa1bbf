// The model registry of the SQLite store (tables model_versions and model_promotions,
// migration 2). The active version of a model is the one of its latest promotion.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {
namespace {

// The columns of a listing; the file only when asked for.
std::string select_versions(bool with_file) {
  return std::string{
             "SELECT v.model, v.version, v.created_at, v.trained_by, v.params, v.data_window, "
             "v.metrics, "} +
         (with_file ? "v.file" : "''") +
         ", (SELECT p.promoted_at FROM model_promotions p WHERE p.model = v.model AND "
         "p.version = v.version ORDER BY p.promoted_at DESC, p.rowid DESC LIMIT 1), "
         "(SELECT p.promoted_by FROM model_promotions p WHERE p.model = v.model AND "
         "p.version = v.version ORDER BY p.promoted_at DESC, p.rowid DESC LIMIT 1), "
         "COALESCE((SELECT p.version FROM model_promotions p WHERE p.model = v.model "
         "ORDER BY p.promoted_at DESC, p.rowid DESC LIMIT 1) = v.version, 0) "
         "FROM model_versions v WHERE v.model = ? ";
}

ModelVersionRow version_row(const Statement& stmt) {
  ModelVersionRow row;
  row.model = stmt.text(0);
  row.version = stmt.int64(1);
  row.created_at = from_millis(stmt.int64(2));
  row.trained_by = stmt.text(3);
  row.params = stmt.text(4);
  row.data_window = stmt.text(5);
  row.metrics = stmt.text(6);
  row.file = stmt.text(7);
  if (!stmt.is_null(8)) row.promoted_at = from_millis(stmt.int64(8));
  row.promoted_by = stmt.text(9);
  row.active = stmt.int64(10) != 0;
  return row;
}

}  // namespace

Expected<std::int64_t> SqliteStore::add_model_version(const ModelVersionRow& row) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto next = writer_.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE model = ?");
  if (!next) return next.error();
  next->bind(1, row.model);
  auto found = next->step();
  if (!found) return found.error();
  const std::int64_t version = next->int64(0);
  auto insert = writer_.prepare(
      "INSERT INTO model_versions(model, version, created_at, trained_by, params, data_window, "
      "metrics, file) VALUES(?,?,?,?,?,?,?,?)");
  if (!insert) return insert.error();
  auto done = insert->bind(1, row.model).bind(2, version).bind(3, to_millis(row.created_at))
                  .bind(4, row.trained_by).bind(5, row.params).bind(6, row.data_window)
                  .bind(7, row.metrics).bind(8, row.file).run();
  if (!done) return done.error();
  auto committed = tx->commit();
  if (!committed) return committed.error();
  return version;
}

Expected<bool> SqliteStore::promote_model_version(const std::string& model, std::int64_t version,
                                                  Instant at, const std::string& by) {
  const std::lock_guard lock(write_mutex_);
  auto insert = writer_.prepare(
      "INSERT INTO model_promotions(model, version, promoted_at, promoted_by) "
      "SELECT model, version, ?, ? FROM model_versions WHERE model = ? AND version = ?");
  if (!insert) return insert.error();
  auto done = insert->bind(1, to_millis(at)).bind(2, by).bind(3, model).bind(4, version).run();
  if (!done) return done.error();
  return writer_.changes() == 1;
}

Expected<std::vector<ModelVersionRow>> SqliteStore::model_versions(const std::string& model) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(select_versions(false) + "ORDER BY v.version DESC");
  if (!stmt) return stmt.error();
  stmt->bind(1, model);
  std::vector<ModelVersionRow> rows;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    rows.push_back(version_row(*stmt));
  }
  return rows;
}

Expected<std::optional<ModelVersionRow>> SqliteStore::model_version(const std::string& model,
                                                                    std::int64_t version) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      select_versions(true) +
      (version == 0 ? "AND v.version = (SELECT p.version FROM model_promotions p WHERE p.model = ? "
                      "ORDER BY p.promoted_at DESC, p.rowid DESC LIMIT 1)"
                    : "AND v.version = ?"));
  if (!stmt) return stmt.error();
  stmt->bind(1, model);
  version == 0 ? stmt->bind(2, model) : stmt->bind(2, version);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<ModelVersionRow>{};
  return std::optional<ModelVersionRow>{version_row(*stmt)};
}

Expected<std::vector<ModelPromotionRow>> SqliteStore::model_promotions(const std::string& model) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT version, promoted_at, promoted_by FROM model_promotions WHERE model = ? "
      "ORDER BY promoted_at, rowid");
  if (!stmt) return stmt.error();
  stmt->bind(1, model);
  std::vector<ModelPromotionRow> rows;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return rows;
    rows.push_back({stmt->int64(0), from_millis(stmt->int64(1)), std::string{stmt->text(2)}});
  }
}

}  // namespace vigie::store::sqlite
