// kpi/period.hpp
//
// The period of a KPI request and the previous one it is compared with (kpis.md, "the figures'
// names"): day, week (from Monday), month, quarter or year ending at `as_of`, calendar-aligned
// (the month that contains as_of, up to as_of), and the same span one unit earlier
// (1–24 November → 1–24 October; a day of month the earlier month lacks becomes its last day);
// or any range of dates, whose previous period is the same number of days just before it.
// Dates are Paris calendar days, both ends included.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/expected.hpp"
#include "common/time.hpp"

namespace vigie::kpi {

enum class PeriodKind { day, week, month, quarter, year };

std::optional<PeriodKind> parse_period_kind(std::string_view name);
std::string_view period_kind_name(PeriodKind kind);

struct Period {
  LocalDate from;
  LocalDate to;  // included
  int days() const;
  bool operator==(const Period&) const = default;
};

struct PeriodPair {
  Period current;
  Period previous;
};

// The calendar period of `kind` that contains `as_of`, cut at as_of, and the one before it.
PeriodPair calendar_periods(PeriodKind kind, LocalDate as_of);

// [from, to] and the same number of days just before `from`. Requires from <= to.
PeriodPair range_periods(LocalDate from, LocalDate to);

// The same number of days just before `period`: what a period's figures that compare with an
// earlier span (KPI 5) compare with, when the period is itself a previous period or a day.
Period period_before(const Period& period);

// What a request or a command line asks for, as given (empty: absent): a calendar period
// (month by default) ending at as_of (today by default), or a range from–to (as_of then
// defaults to `to`).
struct PeriodQuery {
  std::string period;
  std::string from;
  std::string to;
  std::string as_of;
};
struct ResolvedPeriods {
  PeriodPair periods;
  LocalDate as_of;
};
// Errors name the parameter: "period", "from", "to" or "as_of".
Expected<ResolvedPeriods> resolve_periods(const PeriodQuery& query, LocalDate today);

}  // namespace vigie::kpi
