#include "common/iso_week.hpp"

#include <charconv>
#include <cstdio>

namespace vigie {
namespace {

// 0 for Monday … 6 for Sunday.
int weekday_from_monday(LocalDate day) {
  return static_cast<int>((std::chrono::weekday{std::chrono::sys_days{day}}.c_encoding() + 6) % 7);
}

LocalDate week_one_monday(int year) {
  const LocalDate fourth{std::chrono::year{year}, std::chrono::January, std::chrono::day{4}};
  return monday_of(fourth);
}

}  // namespace

LocalDate monday_of(LocalDate day) {
  return date_from_days(days_since_epoch(day) - weekday_from_monday(day));
}

LocalDate monday_after(LocalDate day) { return date_from_days(days_since_epoch(monday_of(day)) + 7); }

std::optional<LocalDate> parse_iso_week(std::string_view text) {
  if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) return std::nullopt;
  int year = 0, week = 0;
  const auto [year_end, year_error] = std::from_chars(text.data(), text.data() + 4, year);
  const auto [week_end, week_error] = std::from_chars(text.data() + 6, text.data() + 8, week);
  if (year_error != std::errc{} || year_end != text.data() + 4 || week_error != std::errc{} ||
      week_end != text.data() + 8 || year < 1970 || week < 1 || week > 53) {
    return std::nullopt;
  }
  const LocalDate monday = date_from_days(days_since_epoch(week_one_monday(year)) + 7 * (week - 1));
  // W53 of a year with 52 weeks is week 1 of the next.
  if (format_iso_week(monday) != std::string{text.substr(0, 5)} + "W" + std::string{text.substr(6)}) {
    return std::nullopt;
  }
  return monday;
}

std::string format_iso_week(LocalDate day) {
  // The week's Thursday names its year.
  const LocalDate thursday = date_from_days(days_since_epoch(monday_of(day)) + 3);
  const int year = static_cast<int>(thursday.year());
  const int week = (days_since_epoch(monday_of(day)) - days_since_epoch(week_one_monday(year))) / 7 + 1;
  char text[32];
  std::snprintf(text, sizeof text, "%04d-W%02d", year, week);
  return text;
}

}  // namespace vigie
