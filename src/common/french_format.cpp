#include "common/french_format.hpp"

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

}  // namespace vigie
