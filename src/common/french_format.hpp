// common/french_format.hpp
//
// Numbers as French readers expect them: digits grouped by three with a space ("597 973").
// Dates are in time.hpp (format_date_fr); money and percentages will join this file.
#pragma once

#include <cstdint>
#include <string>

namespace vigie {

// Exact, grouped: 1234567 → "1 234 567", -1200 → "-1 200".
std::string format_integer_fr(std::int64_t value);

}  // namespace vigie
