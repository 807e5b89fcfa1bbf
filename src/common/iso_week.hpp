// common/iso_week.hpp
//
// ISO 8601 weeks, how planners name a week ("2026-W49": Monday 30/11 to Sunday 06/12/2026).
// Week 1 is the week holding 4 January; a week belongs to the year of its Thursday.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/time.hpp"

namespace vigie {

// "2026-W49" → its Monday; nullopt if malformed or the year has no such week (W53 of most years).
std::optional<LocalDate> parse_iso_week(std::string_view text);
// The week of a day as "2026-W49".
std::string format_iso_week(LocalDate day);
// The Monday of the week holding `day`, and the next one (the coming week a planner means).
LocalDate monday_of(LocalDate day);
LocalDate monday_after(LocalDate day);

}  // namespace vigie
