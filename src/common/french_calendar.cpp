#include "common/french_calendar.hpp"

namespace vigie {
namespace {

using namespace std::chrono;

LocalDate plus_days(LocalDate day, int days) {
  return LocalDate{sys_days{day} + std::chrono::days{days}};
}

}  // namespace

LocalDate easter_sunday(int y) {
  const int a = y % 19;
  const int b = y / 100;
  const int c = y % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = ((h + l - 7 * m + 114) % 31) + 1;
  return LocalDate{year{y}, std::chrono::month{static_cast<unsigned>(month)},
                   std::chrono::day{static_cast<unsigned>(day)}};
}

bool is_french_public_holiday(LocalDate day) {
  const unsigned m = static_cast<unsigned>(day.month());
  const unsigned d = static_cast<unsigned>(day.day());
  constexpr std::pair<unsigned, unsigned> kFixed[] = {
      {1, 1}, {5, 1}, {5, 8}, {7, 14}, {8, 15}, {11, 1}, {11, 11}, {12, 25}};
  for (const auto& [fixed_month, fixed_day] : kFixed) {
    if (m == fixed_month && d == fixed_day) return true;
  }
  const LocalDate easter = easter_sunday(static_cast<int>(day.year()));
  for (const int offset : {1, 39, 50}) {  // Easter Monday, Ascension, Whit Monday
    if (day == plus_days(easter, offset)) return true;
  }
  return false;
}

bool is_working_day(LocalDate day) {
  const weekday w{sys_days{day}};
  if (w == Saturday || w == Sunday) return false;
  return !is_french_public_holiday(day);
}

int working_days_between(LocalDate first, LocalDate last) {
  int count = 0;
  for (sys_days d = sys_days{first}; d <= sys_days{last}; d += std::chrono::days{1}) {
    count += is_working_day(LocalDate{d}) ? 1 : 0;
  }
  return count;
}

}  // namespace vigie
