#include "common/time.hpp"

#include <cmath>
#include <cstdio>

namespace vigie {
namespace {

// Reads exactly `width` digits at text[pos]; -1 when they are not all digits.
int read_digits(std::string_view text, std::size_t pos, std::size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    const char c = text[pos + i];
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::optional<LocalDate> date_at(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const int y = read_digits(text, 0, 4);
  const int m = read_digits(text, 5, 2);
  const int d = read_digits(text, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const LocalDate date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                       std::chrono::day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

std::optional<LocalDate> parse_iso_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_at(text);
}

std::string format_iso_date(LocalDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return buf;
}

std::string format_date_fr(LocalDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", static_cast<unsigned>(d.day()),
                static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
  return buf;
}

std::optional<Instant> parse_rfc3339(std::string_view text) {
  using namespace std::chrono;
  const auto date = date_at(text);
  if (!date || text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
    return std::nullopt;
  }
  if (text[13] != ':' || text[16] != ':') return std::nullopt;
  const int hh = read_digits(text, 11, 2);
  const int mm = read_digits(text, 14, 2);
  const int ss = read_digits(text, 17, 2);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return std::nullopt;
  std::size_t pos = 19;
  int millis = 0;
  if (text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 3) millis = millis * 10 + (text[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 3; ++i) millis *= 10;
  }
  if (pos >= text.size()) return std::nullopt;  // no offset
  int offset_minutes = 0;
  if (text[pos] == 'Z' || text[pos] == 'z') {
    ++pos;
  } else if (text[pos] == '+' || text[pos] == '-') {
    const int sign = text[pos] == '-' ? -1 : 1;
    const int oh = read_digits(text, pos + 1, 2);
    const int om = read_digits(text, pos + 4, 2);
    if (oh < 0 || om < 0 || oh > 23 || om > 59 || text[pos + 3] != ':') return std::nullopt;
    offset_minutes = sign * (oh * 60 + om);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  const sys_days day{*date};
  return Instant{day} + hours{hh} + minutes{mm} + seconds{ss} + milliseconds{millis} -
         minutes{offset_minutes};
}

std::string format_rfc3339_utc(Instant t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const LocalDate date{day};
  const hh_mm_ss<milliseconds> tod{t - day};
  char buf[40];
  const long long ms = tod.subseconds().count();
  if (ms == 0) {
    std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lldZ", format_iso_date(date).c_str(),
                  static_cast<long long>(tod.hours().count()),
                  static_cast<long long>(tod.minutes().count()),
                  static_cast<long long>(tod.seconds().count()));
  } else {
    std::snprintf(buf, sizeof buf, "%sT%02lld:%02lld:%02lld.%03lldZ", format_iso_date(date).c_str(),
                  static_cast<long long>(tod.hours().count()),
                  static_cast<long long>(tod.minutes().count()),
                  static_cast<long long>(tod.seconds().count()), ms);
  }
  return buf;
}

std::int32_t days_since_epoch(LocalDate d) {
  return static_cast<std::int32_t>(std::chrono::sys_days{d}.time_since_epoch().count());
}

LocalDate date_from_days(std::int32_t days) {
  return LocalDate{std::chrono::sys_days{std::chrono::days{days}}};
}

Instant instant_now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::int64_t to_millis(Instant t) { return t.time_since_epoch().count(); }
Instant from_millis(std::int64_t ms) { return Instant{std::chrono::milliseconds{ms}}; }

std::chrono::milliseconds millis_from_seconds(double seconds) {
  return std::chrono::milliseconds{static_cast<std::int64_t>(std::llround(seconds * 1000.0))};
}

}  // namespace vigie
