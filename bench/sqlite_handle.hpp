// bench/sqlite_handle.hpp
//
// SQLite peers' handles for the benchmarks, which use SQLite's C API directly (as LevelDB's
// db_bench_sqlite3 does) rather than Vigie's store: owning pointers, and errors that say what
// was being done.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>

#include "common/error.hpp"
#include "common/expected.hpp"

namespace vigie::bench {

struct CloseDatabase {
  void operator()(sqlite3* db) const noexcept { sqlite3_close(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const noexcept { sqlite3_finalize(statement); }
};
using Database = std::unique_ptr<sqlite3, CloseDatabase>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

inline Error sqlite_error(sqlite3* db, const std::string& doing) {
  return Error::make(ErrorCode::io, "SQLite, " + doing + ": " + sqlite3_errmsg(db));
}

inline Expected<void> execute(sqlite3* db, const std::string& sql) {
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return sqlite_error(db, sql.substr(0, 200));
  }
  return {};
}

inline Expected<Statement> prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK) {
    return sqlite_error(db, "prepare " + sql.substr(0, 200));
  }
  return Statement(raw);
}

// Opens (creating) the database at `path` (":memory:" for one in memory).
inline Expected<Database> open_database(const std::string& path) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(path.c_str(), &raw,
                                     SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw);
  if (opened != SQLITE_OK) return sqlite_error(db.get(), "open " + path);
  return db;
}

}  // namespace vigie::bench
