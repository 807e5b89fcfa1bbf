// common/paris_time.hpp
//
// The only place that converts between UTC instants and Europe/Paris local time, with Howard
// Hinnant's date/tz over the system's tzdata: no hand-written daylight-saving rule.
#pragma once

#include <string>

#include "common/time.hpp"

namespace vigie {

// The Paris calendar day of an instant: 2026-11-23T23:30Z → 2026-11-24.
LocalDate paris_date(Instant t);
// The Paris wall-clock hour, 0–23, of an instant.
int paris_hour(Instant t);
// The same as a day number (days since 1970-01-01), the key of per-day aggregates.
std::int32_t paris_day_number(Instant t);

// The instant of a Paris wall-clock time on a day. In the autumn overlap the earlier instant is
// taken; in the spring gap the time is moved forward past the gap.
Instant paris_instant(LocalDate day, int hour, int minute, int second = 0);

// "2026-11-24T08:15:00+01:00": the Paris wall-clock time with its offset.
std::string format_paris_rfc3339(Instant t);

// "14:30": the Paris wall-clock time of an instant, to the minute (French writes 24-hour time).
std::string format_paris_clock(Instant t);

// Today in Paris, from the system clock. Only edges (CLI defaults) call this.
LocalDate paris_today();

}  // namespace vigie
