// models/triage/text_tokens.hpp
//
// How triage reads a chief's text before any model sees it: lower case, accents folded (a third
// of the messages are typed without them: "echafaudage" and "échafaudage" must be one word),
// ligatures opened (œ → oe), elisions split (l'échafaudage → l echafaudage), digits kept, a few
// symbols that carry meaning spelled out (€ → eur, % → pct, ° → deg, ² → 2), every other mark a
// separator. Both text models (fastText and the TF-IDF linear model) read these tokens, so
// they see the same words. Pure; UTF-8 in, ASCII out; invalid bytes are separators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vigie::models::triage {

std::vector<std::string> text_tokens(std::string_view text);

// Tokens joined by single spaces: the line fastText reads.
std::string joined_tokens(const std::vector<std::string>& tokens);
// joined_tokens(text_tokens(text)).
std::string normalized_text(std::string_view text);

}  // namespace vigie::models::triage
