#include "models/triage/similar_incidents.hpp"

#include <algorithm>

#include "models/triage/text_tokens.hpp"

namespace vigie::models::triage {

std::vector<std::string> word_set(std::string_view text) {
  std::vector<std::string> words = text_tokens(text);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::size_t common = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++common;
      ++i;
      ++j;
    }
  }
  const std::size_t all = a.size() + b.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

}  // namespace vigie::models::triage
