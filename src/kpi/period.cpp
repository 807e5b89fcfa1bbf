#include "kpi/period.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "common/enum_names.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;

constexpr std::array<std::string_view, 5> kNames = {"day", "week", "month", "quarter", "year"};

LocalDate plus_days(LocalDate day, int days) {
  return LocalDate{sys_days{day} + std::chrono::days{days}};
}

// `day` moved `count` months earlier, its day of month clamped to that month's length.
LocalDate months_earlier(LocalDate day, int count) {
  const year_month shifted = year_month{day.year(), day.month()} - months{count};
  const auto last = year_month_day_last{shifted.year(), month_day_last{shifted.month()}}.day();
  return LocalDate{shifted.year(), shifted.month(), std::min(day.day(), last)};
}

// First day of the calendar unit that contains `day`.
LocalDate unit_start(PeriodKind kind, LocalDate day) {
  switch (kind) {
    case PeriodKind::day:
      return day;
    case PeriodKind::week: {
      const weekday w{sys_days{day}};
      const int since_monday = static_cast<int>((w - Monday).count());
      return plus_days(day, -since_monday);
    }
    case PeriodKind::month:
      return LocalDate{day.year(), day.month(), std::chrono::day{1}};
    case PeriodKind::quarter: {
      const unsigned first = (static_cast<unsigned>(day.month()) - 1) / 3 * 3 + 1;
      return LocalDate{day.year(), month{first}, std::chrono::day{1}};
    }
    case PeriodKind::year:
      return LocalDate{day.year(), January, std::chrono::day{1}};
  }
  return day;
}

// The same date one unit earlier.
LocalDate one_unit_earlier(PeriodKind kind, LocalDate day) {
  switch (kind) {
    case PeriodKind::day: return plus_days(day, -1);
    case PeriodKind::week: return plus_days(day, -7);
    case PeriodKind::month: return months_earlier(day, 1);
    case PeriodKind::quarter: return months_earlier(day, 3);
    case PeriodKind::year: return months_earlier(day, 12);
  }
  return day;
}

}  // namespace

std::optional<PeriodKind> parse_period_kind(std::string_view name) {
  return enum_named<PeriodKind>(name, kNames);
}

std::string_view period_kind_name(PeriodKind kind) { return kNames[static_cast<std::size_t>(kind)]; }

Period period_before(const Period& period) {
  return range_periods(period.from, period.to).previous;
}

int Period::days() const { return static_cast<int>((sys_days{to} - sys_days{from}).count()) + 1; }

PeriodPair calendar_periods(PeriodKind kind, LocalDate as_of) {
  const Period current{unit_start(kind, as_of), as_of};
  const Period previous{one_unit_earlier(kind, current.from), one_unit_earlier(kind, as_of)};
  return {current, previous};
}

PeriodPair range_periods(LocalDate from, LocalDate to) {
  const Period current{from, to};
  const Period previous{plus_days(from, -current.days()), plus_days(from, -1)};
  return {current, previous};
}

Expected<ResolvedPeriods> resolve_periods(const PeriodQuery& query, LocalDate today) {
  const auto date = [](const std::string& text, const char* name) -> Expected<LocalDate> {
    const auto parsed = parse_iso_date(text);
    if (!parsed) return Error::invalid(name, "must be a date YYYY-MM-DD");
    return *parsed;
  };
  LocalDate as_of = today;
  if (!query.as_of.empty()) {
    auto given = date(query.as_of, "as_of");
    if (!given) return given.error();
    as_of = *given;
  }
  if (!query.from.empty() || !query.to.empty()) {
    auto from = date(query.from, "from");
    if (!from) return from.error();
    auto to = date(query.to, "to");
    if (!to) return to.error();
    if (*to < *from) return Error::invalid("to", "must not be before from");
    return ResolvedPeriods{range_periods(*from, *to), query.as_of.empty() ? *to : as_of};
  }
  const auto kind = parse_period_kind(query.period.empty() ? "month" : query.period);
  if (!kind) return Error::invalid("period", "must be one of day, week, month, quarter, year");
  return ResolvedPeriods{calendar_periods(*kind, as_of), as_of};
}

}  // namespace vigie::kpi
