// common/text_fold.hpp
//
// French text without its accents, for what must not depend on them: the order of names in a
// table ("Échirolles" among the E, not after "Voiron") and e-mail addresses made from names.
#pragma once

#include <string>
#include <string_view>

namespace vigie {

// The accented letters of French names (UTF-8) as their plain letters ("œ" → "oe"), ASCII
// letters in lower case; every other byte as it is.
std::string plain_lower(std::string_view text);

}  // namespace vigie
