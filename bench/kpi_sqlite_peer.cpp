#include "bench/kpi_sqlite_peer.hpp"

#include <algorithm>

#include "bench/kpi_flat_events.hpp"

namespace vigie::bench {
namespace {

std::string_view sql_type(FlatType type) {
  switch (type) {
    case FlatType::integer: return "INTEGER";
    case FlatType::real: return "REAL";
    case FlatType::text: return "TEXT";
  }
  return "";
}

std::string create_table(std::string_view table, std::span<const FlatColumn> columns) {
  std::string sql = "CREATE TABLE " + std::string{table} + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += std::string{columns[i].name} + " " + std::string{sql_type(columns[i].type)};
  }
  return sql + ")";
}

std::string insert_sql(std::string_view table, std::size_t columns) {
  std::string sql = "INSERT INTO " + std::string{table} + " VALUES (";
  for (std::size_t i = 0; i < columns; ++i) sql += i == 0 ? "?" : ", ?";
  return sql + ")";
}

Expected<void> insert_row(sqlite3* db, sqlite3_stmt* insert, const std::vector<FlatValue>& row) {
  for (std::size_t i = 0; i < row.size(); ++i) {
    const int column = static_cast<int>(i) + 1;
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            sqlite3_bind_null(insert, column);
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            sqlite3_bind_int64(insert, column, value);
          } else if constexpr (std::is_same_v<T, double>) {
            sqlite3_bind_double(insert, column, value);
          } else {
            sqlite3_bind_text(insert, column, value.data(), static_cast<int>(value.size()),
                              SQLITE_TRANSIENT);
          }
        },
        row[i]);
  }
  if (sqlite3_step(insert) != SQLITE_DONE) return sqlite_error(db, "insert");
  sqlite3_reset(insert);
  return {};
}

void bind_text(sqlite3_stmt* query, const char* name, const std::string& text) {
  sqlite3_bind_text(query, sqlite3_bind_parameter_index(query, name), text.data(),
                    static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void bind_day(sqlite3_stmt* query, const char* name, LocalDate day) {
  sqlite3_bind_int64(query, sqlite3_bind_parameter_index(query, name), days_since_epoch(day));
}

FlatFigure column_figure(sqlite3_stmt* query, int column, std::string_view key) {
  if (is_names_figure(key)) {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(query, column));
    return split_names(text == nullptr ? std::string_view{} : std::string_view{text});
  }
  if (sqlite3_column_type(query, column) == SQLITE_NULL) return std::monostate{};
  return sqlite3_column_double(query, column);
}

}  // namespace

Expected<SqliteKpiPeer> SqliteKpiPeer::create(const std::string& path) {
  auto db = open_database(path);
  if (!db) return db.error();
  // A bulk load that the benchmark measures apart: durability is not what is compared here.
  for (const std::string& sql :
       {std::string{"PRAGMA journal_mode=OFF"}, std::string{"PRAGMA synchronous=OFF"},
        create_table("events", flat_event_columns()), create_table("calendar", calendar_columns()),
        std::string{"BEGIN"}}) {
    if (auto done = execute(db->get(), sql); !done) return done.error();
  }
  auto insert = prepare(db->get(), insert_sql("events", flat_event_columns().size()));
  if (!insert) return insert.error();
  return SqliteKpiPeer(std::move(*db), std::move(*insert));
}

Expected<void> SqliteKpiPeer::add(const events::Event& event, std::int64_t seq) {
  const std::vector<FlatValue> row = flatten_event(event, seq);
  calendar_.include(row);
  if (auto inserted = insert_row(db_.get(), insert_.get(), row); !inserted) return inserted;
  ++rows_;
  return {};
}

Expected<void> SqliteKpiPeer::finish() {
  auto insert = prepare(db_.get(), insert_sql("calendar", calendar_columns().size()));
  if (!insert) return insert.error();
  for (const auto& row : calendar_.rows()) {
    if (auto inserted = insert_row(db_.get(), insert->get(), row); !inserted) return inserted;
  }
  for (const char* sql : {"COMMIT", "CREATE INDEX events_type_day ON events(type, day)",
                          "CREATE INDEX events_site ON events(site_id, type)",
                          "CREATE UNIQUE INDEX calendar_day ON calendar(day)",
                          "CREATE INDEX calendar_working ON calendar(working, working_index)", "ANALYZE"}) {
    if (auto done = execute(db_.get(), sql); !done) return done;
  }
  auto query = prepare(db_.get(), std::string{sqlite_kpi_sql()});
  if (!query) return query.error();
  query_ = std::move(*query);
  return {};
}

Expected<FlatFigures> SqliteKpiPeer::figures(const SqlKpiRequest& request) const {
  sqlite3_stmt* query = query_.get();
  sqlite3_reset(query);
  bind_day(query, ":f", request.period.from);
  bind_day(query, ":t", request.period.to);
  bind_day(query, ":bf", request.before.from);
  bind_day(query, ":bt", request.before.to);
  const kpi::Scope& scope = request.scope;
  bind_text(query, ":region", scope.region);
  bind_text(query, ":manager", scope.manager);
  bind_text(query, ":type", scope.type);
  bind_text(query, ":team", scope.team);
  bind_text(query, ":status",
            scope.status ? std::string{kpi::site_status_name(*scope.status)} : std::string{});
  if (sqlite3_step(query) != SQLITE_ROW) return sqlite_error(db_.get(), "KPI query");
  FlatFigures out;
  for (int column = 0; column < sqlite3_column_count(query); ++column) {
    const std::string key = sqlite3_column_name(query, column);
    out[key] = column_figure(query, column, key);
  }
  sqlite3_reset(query);
  return out;
}

}  // namespace vigie::bench
