// How chiefs type on a phone: the same message, written the way a tired person writes it.
#include <cctype>
#include <string_view>

#include "demo/incident_texts.hpp"

namespace vigie::demo {
namespace {

struct Shortening {
  std::string_view full;
  std::string_view short_form;
};
constexpr Shortening kShortenings[] = {
    {"problème", "pb"},       {"Problème", "Pb"},        {"bâtiment", "bât"},
    {"sous-sol", "ss-sol"},   {"électricité", "élec"},   {"électrique", "élec"},
    {"bureau d'études", "BE"}, {"rendez-vous", "rdv"},   {"plaques BA13", "BA13"},
    {"s'il vous plaît", "svp"}, {"aujourd'hui", "auj"},  {"pour l'instant", "pr l'instant"},
    {"rez-de-chaussée", "RDC"}, {"semaine prochaine", "sem pro"}, {"quelque chose", "qqch"},
    {"tout de suite", "tt de suite"}, {"d'accord", "ok"}, {"quand", "qd"}};

// UTF-8 accented letters as chiefs drop them.
constexpr Shortening kAccents[] = {
    {"é", "e"}, {"è", "e"}, {"ê", "e"}, {"à", "a"}, {"â", "a"}, {"ç", "c"},
    {"ô", "o"}, {"î", "i"}, {"ù", "u"}, {"û", "u"}, {"É", "E"}, {"œ", "oe"}};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  std::size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
}

}  // namespace

std::string in_chief_style(Rng& rng, std::string text) {
  if (rng.chance(0.4)) {
    for (const Shortening& s : kShortenings) {
      if (rng.chance(0.7)) replace_all(text, s.full, s.short_form);
    }
  }
  if (rng.chance(0.3)) {
    for (const Shortening& a : kAccents) replace_all(text, a.full, a.short_form);
  }
  if (rng.chance(0.25) && !text.empty() && std::isupper(static_cast<unsigned char>(text[0]))) {
    text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  if (rng.chance(0.1)) replace_all(text, ", ", " ");
  return text;
}

}  // namespace vigie::demo
