#include "models/triage/text_tokens.hpp"

#include <cstdint>

namespace vigie::models::triage {
namespace {

// The next code point of `text` from `i` (advanced); 0xFFFD for an invalid sequence.
char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

// The ASCII spelling of a letter or digit, lower case and unaccented; a symbol that carries
// meaning as its word (in its own token); nullptr for a separator.
const char* ascii_of(char32_t cp, char buffer[2]) {
  if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
    buffer[0] = static_cast<char>(cp);
    return buffer;
  }
  if (cp >= 'A' && cp <= 'Z') {
    buffer[0] = static_cast<char>(cp - 'A' + 'a');
    return buffer;
  }
  switch (cp) {
    case U'à': case U'â': case U'ä': case U'á': case U'ã': case U'À': case U'Â': case U'Ä': case U'Á':
      return "a";
    case U'é': case U'è': case U'ê': case U'ë': case U'É': case U'È': case U'Ê': case U'Ë':
      return "e";
    case U'î': case U'ï': case U'í': case U'Î': case U'Ï': return "i";
    case U'ô': case U'ö': case U'ó': case U'õ': case U'Ô': case U'Ö': return "o";
    case U'ù': case U'û': case U'ü': case U'ú': case U'Ù': case U'Û': case U'Ü': return "u";
    case U'ÿ': case U'Ÿ': return "y";
    case U'ç': case U'Ç': return "c";
    case U'ñ': case U'Ñ': return "n";
    case U'œ': case U'Œ': return "oe";
    case U'æ': case U'Æ': return "ae";
    case U'²': return "2";
    case U'³': return "3";
    default: return nullptr;
  }
}

// Symbols that are words of their own.
const char* symbol_word(char32_t cp) {
  switch (cp) {
    case U'€': return "eur";
    case U'%': return "pct";
    case U'°': return "deg";
    default: return nullptr;
  }
}

}  // namespace

std::vector<std::string> text_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) tokens.push_back(std::move(word));
    word.clear();
  };
  char buffer[2] = {0, 0};
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = next_code_point(text, i);
    if (const char* ascii = ascii_of(cp, buffer)) {
      word += ascii;
    } else if (const char* symbol = symbol_word(cp)) {
      flush();
      tokens.emplace_back(symbol);
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

std::string joined_tokens(const std::vector<std::string>& tokens) {
  std::string line;
  for (const std::string& token : tokens) {
    if (!line.empty()) line += ' ';
    line += token;
  }
  return line;
}

std::string normalized_text(std::string_view text) { return joined_tokens(text_tokens(text)); }

}  // namespace vigie::models::triage
