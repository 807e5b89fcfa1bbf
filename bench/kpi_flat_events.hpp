// bench/kpi_flat_events.hpp
//
// The raw events table an analyst queries in a BI tool, as an ELT job would load it: one row per
// event, the envelope's columns plus every `data` field the KPIs read as a typed, nullable
// column, and the Paris date of `occurred_at` as a day number (`day`) beside the instant. Next
// to it, the date dimension every BI model has (`calendar`: working day, days in the month).
// Both SQL peers of `vigie bench kpi` and the KPI property test load exactly these rows, so the
// SQL that recomputes the KPIs (bench/kpi_sql_*.cpp) is the only thing that differs.
// Flattening reads the envelope's JSON generically (events/data_fields.hpp), never the KPI fold.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "events/event.hpp"

namespace vigie::bench {

using FlatValue = std::variant<std::monostate, std::int64_t, double, std::string>;

enum class FlatType { integer, real, text };

struct FlatColumn {
  std::string_view name;
  FlatType type;
};

// The columns of table `events`, in order.
std::span<const FlatColumn> flat_event_columns();

// The position of column `name` in flat_event_columns() (which must have it).
std::size_t flat_event_column(std::string_view name);

// One event as a row of flat_event_columns(); `seq` is its arrival order (ties of occurred_at).
std::vector<FlatValue> flatten_event(const events::Event& event, std::int64_t seq);

// The columns of table `calendar`: day, working (0/1), month_days, working_index (working days
// up to and including the day, counted from `first`).
std::span<const FlatColumn> calendar_columns();
std::vector<std::vector<FlatValue>> calendar_rows(std::int32_t first_day, std::int32_t last_day);

// The days a peer's calendar covers: those of the loaded rows (`day` and `date_day`) widened by
// 400 days, since absences run on past the last event and periods may start before the first.
class CalendarSpan {
 public:
  void include(const std::vector<FlatValue>& row);  // a row of flatten_event()
  // calendar_rows() over the span; the single day 0 when no row was included.
  std::vector<std::vector<FlatValue>> rows() const;

 private:
  std::int32_t first_day_ = INT32_MAX;
  std::int32_t last_day_ = INT32_MIN;
};

}  // namespace vigie::bench
