// store/sqlite/database.hpp
//
// RAII wrappers over the SQLite C API: a connection, a prepared statement with bound
// parameters (the only way SQL receives values), and a transaction that rolls back unless
// committed. Not thread-safe: each connection is used under its owner's mutex.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/expected.hpp"

namespace vigie::store::sqlite {

struct ConnectionClose {
  void operator()(sqlite3* db) const noexcept { sqlite3_close_v2(db); }
};
struct StatementFinalize {
  void operator()(sqlite3_stmt* stmt) const noexcept { sqlite3_finalize(stmt); }
};

class Statement {
 public:
  Statement() = default;
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}

  // Binds by 1-based position. Text is copied by SQLite (SQLITE_TRANSIENT) unless `stable`.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_null(int index);
  Statement& bind_optional(int index, std::string_view text);  // empty → NULL

  // Steps once: true when a row is ready, false when done. Errors become Error{io}.
  Expected<bool> step();
  Expected<void> run();  // steps to the end and resets
  void reset();

  std::int64_t int64(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
  double real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
  std::string_view text(int column) const;
  int column_count() const { return sqlite3_column_count(stmt_.get()); }
  bool is_null(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }

 private:
  std::unique_ptr<sqlite3_stmt, StatementFinalize> stmt_;
};

class Database {
 public:
  static Expected<Database> open(const std::string& path);

  Expected<void> exec(std::string_view sql);
  Expected<Statement> prepare(std::string_view sql);
  std::int64_t changes() const { return sqlite3_changes64(db_.get()); }
  std::int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_.get()); }
  Error last_error(std::string_view doing) const;

 private:
  std::unique_ptr<sqlite3, ConnectionClose> db_;
};

class Transaction {
 public:
  static Expected<Transaction> begin(Database& db);
  ~Transaction();  // ROLLBACK if still open
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  Expected<void> commit();

 private:
  explicit Transaction(Database& db) : db_(&db) {}
  Database* db_;
};

}  // namespace vigie::store::sqlite
