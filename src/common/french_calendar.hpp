// common/french_calendar.hpp
//
// Working days as kpis.md counts them: Monday to Friday, not a French public holiday (the 11
// national ones: eight fixed dates, and Easter Monday, Ascension and Whit Monday, which move
// with Easter). Alsace-Moselle's two extra days are not counted.
#pragma once

#include "common/time.hpp"

namespace vigie {

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
LocalDate easter_sunday(int year);

bool is_french_public_holiday(LocalDate day);

// Monday–Friday and not a public holiday.
bool is_working_day(LocalDate day);

// Working days in [first, last], inclusive; 0 when last < first.
int working_days_between(LocalDate first, LocalDate last);

}  // namespace vigie
