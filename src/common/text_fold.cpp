#include "common/text_fold.hpp"

#include <array>
#include <utility>

namespace vigie {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 38> kFolds{{
    {"à", "a"}, {"â", "a"}, {"ä", "a"}, {"á", "a"}, {"ç", "c"}, {"é", "e"}, {"è", "e"}, {"ê", "e"},
    {"ë", "e"}, {"î", "i"}, {"ï", "i"}, {"í", "i"}, {"ô", "o"}, {"ö", "o"}, {"ó", "o"}, {"ù", "u"},
    {"û", "u"}, {"ü", "u"}, {"ÿ", "y"}, {"ñ", "n"}, {"œ", "oe"}, {"æ", "ae"}, {"À", "a"}, {"Â", "a"},
    {"Ç", "c"}, {"É", "e"}, {"È", "e"}, {"Ê", "e"}, {"Ë", "e"}, {"Î", "i"}, {"Ï", "i"}, {"Ô", "o"},
    {"Ö", "o"}, {"Ù", "u"}, {"Û", "u"}, {"Ü", "u"}, {"Œ", "oe"}, {"Æ", "ae"},
}};

}  // namespace

std::string plain_lower(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    bool folded = false;
    for (const auto& [accented, plain] : kFolds) {
      if (text.starts_with(accented)) {
        out += plain;
        text.remove_prefix(accented.size());
        folded = true;
        break;
      }
    }
    if (folded) continue;
    const char c = text.front();
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    text.remove_prefix(1);
  }
  return out;
}

}  // namespace vigie
