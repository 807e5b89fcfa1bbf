// bench/kpi_clickhouse_peer.hpp
//
// ClickHouse computing the 15 KPIs from the raw events table (bench/kpi_flat_events.hpp) with the
// analyst's SQL (bench/kpi_sql.hpp, clickhouse_kpi_sql): the column-store peer of `vigie bench
// kpi`, with the same interface and figures as SqliteKpiPeer. Load every event with add(), then
// finish() once, then ask figures(). The server must outlive the peer. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "bench/clickhouse_server.hpp"
#include "bench/kpi_figures.hpp"
#include "bench/kpi_flat_events.hpp"
#include "bench/kpi_sql.hpp"
#include "events/event.hpp"

namespace vigie::bench {

class ClickHouseKpiPeer {
 public:
  static constexpr std::size_t kDefaultBatchRows = 200'000;

  // Creates the tables `events` and `calendar` on `server`, replacing any of that name. Events
  // are sent in INSERTs of `batch_rows` rows.
  static Expected<ClickHouseKpiPeer> create(const ClickHouseServer& server,
                                            std::size_t batch_rows = kDefaultBatchRows);

  // Buffers the event's row; sends the buffer when it holds `batch_rows` rows.
  Expected<void> add(const events::Event& event, std::int64_t seq);
  // Sends the last rows, writes the calendar over their dates, and merges the table's parts.
  Expected<void> finish();

  // Runs the KPI statements one after the other; fails with the first statement that fails.
  Expected<FlatFigures> figures(const SqlKpiRequest& request) const;
  std::uint64_t rows() const { return rows_; }

 private:
  ClickHouseKpiPeer(const ClickHouseServer& server, std::size_t batch_rows)
      : server_(&server), batch_rows_(batch_rows) {}
  Expected<void> flush();

  const ClickHouseServer* server_;
  std::size_t batch_rows_;
  std::string pending_;  // JSONEachRow lines not yet sent
  std::size_t pending_rows_ = 0;
  std::uint64_t rows_ = 0;
  CalendarSpan calendar_;
};

}  // namespace vigie::bench
