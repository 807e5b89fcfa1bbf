// bench/kpi_sqlite_peer.hpp
//
// SQLite computing the 15 KPIs from the raw events table (bench/kpi_flat_events.hpp) with the
// analyst's SQL (bench/kpi_sql.hpp): the peer of `vigie bench kpi` and the KPI property test's
// from-scratch path. Load every event with add(), then finish() once, then ask figures().
// Not thread-safe.
#pragma once

#include <cstdint>
#include <string>

#include "bench/kpi_figures.hpp"
#include "bench/kpi_flat_events.hpp"
#include "bench/kpi_sql.hpp"
#include "bench/sqlite_handle.hpp"
#include "events/event.hpp"

namespace vigie::bench {

class SqliteKpiPeer {
 public:
  // A fresh database at `path` (":memory:" for one in memory) with an empty events table.
  static Expected<SqliteKpiPeer> create(const std::string& path);

  Expected<void> add(const events::Event& event, std::int64_t seq);
  // Commits the events, writes the calendar over their dates, and indexes what the SQL filters on.
  Expected<void> finish();

  Expected<FlatFigures> figures(const SqlKpiRequest& request) const;
  std::uint64_t rows() const { return rows_; }

 private:
  SqliteKpiPeer(Database db, Statement insert) : db_(std::move(db)), insert_(std::move(insert)) {}

  Database db_;
  Statement insert_;
  Statement query_;
  std::uint64_t rows_ = 0;
  CalendarSpan calendar_;
};

}  // namespace vigie::bench
