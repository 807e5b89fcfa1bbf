#include "store/sqlite/database.hpp"

namespace vigie::store::sqlite {

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(stmt_.get(), index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_.get(), index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_.get(), index);
  return *this;
}

Statement& Statement::bind_optional(int index, std::string_view text) {
  return text.empty() ? bind_null(index) : bind(index, text);
}

Expected<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Error error = Error::make(ErrorCode::io, std::string{"sqlite: "} +
                                               sqlite3_errmsg(sqlite3_db_handle(stmt_.get())));
  sqlite3_reset(stmt_.get());
  return error;
}

Expected<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return row.error();
    if (!*row) break;
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

std::string_view Statement::text(int column) const {
  const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(stmt_.get(), column));
  if (data == nullptr) return {};
  return {data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_.get(), column))};
}

Expected<Database> Database::open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                 nullptr);
  Database db;
  db.db_.reset(raw);
  if (rc != SQLITE_OK) return db.last_error("open " + path);
  sqlite3_busy_timeout(raw, 10'000);
  return db;
}

Error Database::last_error(std::string_view doing) const {
  return Error::make(ErrorCode::io, "sqlite: " + std::string{doing} + ": " +
                                        (db_ ? sqlite3_errmsg(db_.get()) : "no connection"));
}

Expected<void> Database::exec(std::string_view sql) {
  char* message = nullptr;
  const std::string text{sql};
  if (sqlite3_exec(db_.get(), text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    Error error = Error::make(ErrorCode::io, std::string{"sqlite: "} + (message ? message : "?"));
    sqlite3_free(message);
    return error;
  }
  return {};
}

Expected<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
    return last_error("prepare");
  }
  return Statement{stmt};
}

Expected<Transaction> Transaction::begin(Database& db) {
  auto begun = db.exec("BEGIN IMMEDIATE");
  if (!begun) return begun.error();
  return Transaction{db};
}

Transaction::~Transaction() {
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

Expected<void> Transaction::commit() {
  auto done = db_->exec("COMMIT");
  if (!done) return done;
  db_ = nullptr;
  return {};
}

}  // namespace vigie::store::sqlite
