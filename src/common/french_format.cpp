#include "common/french_format.hpp"

#include <cmath>

#include <cstdio>

namespace vigie {

std::string format_integer_fr(std::int64_t value) {
  // Through unsigned so that the most negative value has a magnitude too.
  const bool negative = value < 0;
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(value) + 1 : static_cast<std::uint64_t>(value);
  std::string digits = std::to_string(magnitude);
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, " ");
  return negative ? "-" + digits : digits;
}

std::string count_fr(std::uint64_t count, std::string_view singular, std::string_view plural) {
  return format_integer_fr(static_cast<std::int64_t>(count)) + " " +
         std::string{count < 2 ? singular : plural};
}

std::string format_decimal_fr(double value, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  const std::string text = buf;
  const auto point = text.find('.');
  const std::string whole = text.substr(0, point);
  const bool negative = !whole.empty() && whole[0] == '-';
  std::string digits = negative ? whole.substr(1) : whole;
  for (std::size_t i = digits.size(); i > 3; i -= 3) digits.insert(i - 3, " ");
  std::string out = (negative ? "-" : "") + digits;
  if (point != std::string::npos) out += "," + text.substr(point + 1);
  return out;
}

std::string format_euros_fr(double euros) {
  const double size = std::fabs(euros);
  if (size >= 1e6) return format_decimal_fr(euros / 1e6, 1) + " M€";
  if (size >= 1e4) return format_decimal_fr(euros / 1e3, 1) + " k€";
  return format_decimal_fr(euros, 0) + " €";
}

}  // namespace vigie
