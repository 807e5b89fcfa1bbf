#include "common/paris_time.hpp"

#include <date/tz.h>

#include <cstdio>

namespace vigie {
namespace {

const date::time_zone* paris() {
  // locate_zone is thread-safe and returns a pointer into the immutable database.
  static const date::time_zone* const zone = date::locate_zone("Europe/Paris");
  return zone;
}

}  // namespace

LocalDate paris_date(Instant t) {
  const auto local_day = std::chrono::floor<std::chrono::days>(paris()->to_local(t));
  return LocalDate{std::chrono::sys_days{local_day.time_since_epoch()}};
}

int paris_hour(Instant t) {
  const auto local = paris()->to_local(t);
  const auto since_midnight = local - std::chrono::floor<std::chrono::days>(local);
  return static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(since_midnight).count());
}

std::string format_paris_clock(Instant t) {
  const auto local = paris()->to_local(t);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(
      local - std::chrono::floor<std::chrono::days>(local));
  char text[8];
  std::snprintf(text, sizeof text, "%02d:%02d", static_cast<int>(minutes.count() / 60),
                static_cast<int>(minutes.count() % 60));
  return text;
}

std::int32_t paris_day_number(Instant t) { return days_since_epoch(paris_date(t)); }

Instant paris_instant(LocalDate day, int hour, int minute, int second) {
  using namespace std::chrono;
  const date::local_time<milliseconds> local{
      duration_cast<milliseconds>(sys_days{day}.time_since_epoch() + hours{hour} +
                                  minutes{minute} + seconds{second})};
  const auto info = paris()->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return Instant{local.time_since_epoch() - duration_cast<milliseconds>(info.first.offset)};
    case date::local_info::ambiguous:
      return Instant{local.time_since_epoch() - duration_cast<milliseconds>(info.first.offset)};
    case date::local_info::nonexistent:
      // The gap: the wall clock jumps over it, so the same instant as the end of the gap.
      return Instant{duration_cast<milliseconds>(info.second.begin.time_since_epoch())};
  }
  return Instant{};
}

std::string format_paris_rfc3339(Instant t) {
  using namespace std::chrono;
  const auto info = paris()->get_info(floor<seconds>(t));
  const auto local = t + duration_cast<milliseconds>(info.offset);
  const auto day = floor<days>(local);
  const hh_mm_ss<milliseconds> tod{local - day};
  const long long offset_min = duration_cast<minutes>(info.offset).count();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld%c%02lld:%02lld",
                format_iso_date(LocalDate{day}).c_str(),
                static_cast<long long>(tod.hours().count()),
                static_cast<long long>(tod.minutes().count()),
                static_cast<long long>(tod.seconds().count()), offset_min < 0 ? '-' : '+',
                (offset_min < 0 ? -offset_min : offset_min) / 60,
                (offset_min < 0 ? -offset_min : offset_min) % 60);
  return buf;
}

LocalDate paris_today() {
  return paris_date(instant_now());
}

}  // namespace vigie
