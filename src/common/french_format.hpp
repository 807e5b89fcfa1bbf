// common/french_format.hpp
//
// Numbers as French readers expect them: digits grouped by three with a space ("597 973").
// Dates are in time.hpp (format_date_fr).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigie {

// Exact, grouped: 1234567 → "1 234 567", -1200 → "-1 200".
std::string format_integer_fr(std::int64_t value);

// A count and its noun, agreed: French takes the singular for 0 and 1.
// (1, "ligne lue", "lignes lues") → "1 ligne lue"; (1200, …) → "1 200 lignes lues".
std::string count_fr(std::uint64_t count, std::string_view singular, std::string_view plural);

// A decimal with a comma: (3.14159, 1) → "3,1"; grouped like integers: (12345.6, 1) → "12 345,6".
std::string format_decimal_fr(double value, int decimals);

// Money, short: 12 500 000 → "12,5 M€", 45 300 → "45,3 k€", 980 → "980 €".
std::string format_euros_fr(double euros);

}  // namespace vigie
