// common/time.hpp
//
// Time in one type. `Instant` (UTC, milliseconds) inside; `LocalDate` for calendar days.
// Parsing and formatting of RFC 3339 instants and ISO dates live here; conversion to and from
// Paris local time lives in paris_time.hpp, the only place that knows the zone.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie {

using Instant = std::chrono::sys_time<std::chrono::milliseconds>;
using LocalDate = std::chrono::year_month_day;

// "2026-11-24T08:15:00+01:00", "2026-11-24T07:15:00.250Z". The offset is required: an instant
// without one is ambiguous. Returns nullopt on anything else.
std::optional<Instant> parse_rfc3339(std::string_view text);

// "2026-11-24T07:15:00.250Z" (milliseconds only when non-zero).
std::string format_rfc3339_utc(Instant t);

// "2026-11-24" → date; nullopt if malformed or not a real day (2026-02-30).
std::optional<LocalDate> parse_iso_date(std::string_view text);
std::string format_iso_date(LocalDate d);
// "24/11/2026": how a date is shown to people.
std::string format_date_fr(LocalDate d);

// Days since 1970-01-01, for compact storage and arithmetic.
std::int32_t days_since_epoch(LocalDate d);
LocalDate date_from_days(std::int32_t days);

std::int64_t to_millis(Instant t);
// The system clock as an Instant. Only edges (requests, commands, logs) call this; the rest is
// handed its instants, so that it can be tested at any date.
Instant instant_now();
Instant from_millis(std::int64_t ms);
// A setting in seconds (0.5, 30) as a wait, to the nearest millisecond.
std::chrono::milliseconds millis_from_seconds(double seconds);

}  // namespace vigie
