// What triage reads of a text (tokens), of a JSON line (refusals naming line and field), and the
// TF-IDF features, with figures worked by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "models/triage/incident_text.hpp"
#include "models/triage/text_tokens.hpp"
#include "models/triage/tfidf_vectorizer.hpp"

namespace vigie::models::triage {
namespace {

TEST(TextTokens, FoldsAccentsSplitsElisionsAndSpellsSymbols) {
  EXPECT_EQ(text_tokens("L'échafaudage du RDC : 3,5 m² à 12 €!"),
            (Tokens{"l", "echafaudage", "du", "rdc", "3", "5", "m2", "a", "12", "eur"}));
  EXPECT_EQ(text_tokens("Gros Œuvre, 5°C, 100%"), (Tokens{"gros", "oeuvre", "5", "deg", "c", "100", "pct"}));
  // Typed without accents or with them: the same tokens.
  EXPECT_EQ(text_tokens("Fenêtre cassée"), text_tokens("fenetre CASSEE"));
  // An invalid byte separates, as punctuation does.
  EXPECT_EQ(text_tokens("pelle\xff" "HS"), (Tokens{"pelle", "hs"}));
  EXPECT_EQ(normalized_text("  Béton   livré  "), "beton livre");
}

TEST(IncidentLines, RefusesABadLineByLineAndFieldAndKeepsTheOthers) {
  const std::string text =
      R"({"description": "banche instable", "type": "Sécurité", "severity": "Élevé", "urgency": "< 1 h"})" "\n"
      "\n"
      R"({"description": "   ", "type": "Sécurité", "severity": "Élevé", "urgency": "< 1 h"})" "\n"
      R"({"description": "toupie en retard", "type": "Materiel", "severity": "Moyen", "urgency": "< 4 h"})" "\n"
      R"({"description": "DICT manquante", "type": "Administratif", "severity": "Moyen", "urgency": "< 1 j", "opened_at": "hier"})" "\n"
      "not json\n"
      R"({"id": "X-9", "description": "plan faux", "site_type": "tertiaire", "type": "Technique", "severity": "Faible", "urgency": "< 3 j", "opened_at": "2026-03-12T07:48:00+01:00"})" "\n";
  const auto read = read_incident_lines(text, "t.jsonl", LabelsWanted::required);
  ASSERT_EQ(read.incidents.size(), 2u);
  EXPECT_EQ(read.incidents[0].id, "t.jsonl:1");
  EXPECT_EQ(read.incidents[0].labels, (std::array<int, kOutputs>{0, 2, 0}));
  EXPECT_EQ(read.incidents[1].id, "X-9");
  EXPECT_EQ(read.incidents[1].site_type, "tertiaire");
  ASSERT_TRUE(read.incidents[1].opened_at);
  ASSERT_EQ(read.refused.size(), 4u);
  EXPECT_EQ(read.refused[0].field, "t.jsonl:3: description");
  EXPECT_EQ(read.refused[1].field, "t.jsonl:4: type");
  EXPECT_NE(read.refused[1].message.find("Matériel"), std::string::npos);  // says what is allowed
  EXPECT_EQ(read.refused[2].field, "t.jsonl:5: opened_at");
  EXPECT_EQ(read.refused[3].field, "t.jsonl:6");
}

TEST(IncidentLines, LabelsAreOptionalWhereTheyAreAnswers) {
  const auto read = read_incident_lines(R"({"id": "1", "description": "fuite"})", "stdin",
                                        LabelsWanted::none);
  ASSERT_EQ(read.incidents.size(), 1u);
  EXPECT_EQ(read.incidents[0].labels, (std::array<int, kOutputs>{-1, -1, -1}));
}

TEST(Description, EmptyOrOversizeIsRefused) {
  EXPECT_TRUE(check_description("fuite au R+1"));
  EXPECT_EQ(check_description(" \n\t").error().field, "description");
  EXPECT_TRUE(check_description(std::string(kMaxDescriptionBytes, 'a')));
  const auto big = check_description(std::string(kMaxDescriptionBytes + 1, 'a'));
  ASSERT_FALSE(big);
  EXPECT_NE(big.error().message.find("8001"), std::string::npos);
}

TEST(Tfidf, WeightsAsWorkedByHand) {
  // Words only (no bigrams, no character n-grams), every feature kept.
  const TfidfParams words{1, 9, 8, false};
  const std::vector<Tokens> texts = {{"grue", "panne"}, {"grue", "vent"}, {"toupie"}};
  const auto v = TfidfVectorizer::fit(texts, words);
  EXPECT_EQ(v.features(), 4);  // grue, panne, toupie, vent
  // idf = ln((1 + 3) / (1 + df)) + 1: grue (df 2) 1.2877, panne (df 1) 1.6931.
  // "grue grue panne": tf grue = 1 + ln 2 = 1.6931 → 2.1802; panne 1.6931; unit length.
  const auto row = v.transform({"grue", "grue", "panne", "inconnu"});
  ASSERT_EQ(row.size(), 2u);  // the unseen word is dropped
  const double grue = (1 + std::log(2.0)) * (std::log(4.0 / 3.0) + 1);
  const double panne = std::log(2.0) + 1;
  const double norm = std::sqrt(grue * grue + panne * panne);
  double sum = 0;
  for (const auto& [index, weight] : row) sum += weight * weight;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  std::vector<double> weights = {row[0].second, row[1].second};
  std::sort(weights.begin(), weights.end());
  EXPECT_NEAR(weights[0], panne / norm, 1e-12);
  EXPECT_NEAR(weights[1], grue / norm, 1e-12);
}

TEST(Tfidf, SavedAndLoadedReadsTheSame) {
  const std::vector<Tokens> texts = {text_tokens("banche instable au R+2"),
                                     text_tokens("banche livrée cassée"),
                                     text_tokens("instable, zone balisée")};
  const auto v = TfidfVectorizer::fit(texts, TfidfParams{1, 3, 5, true});
  const auto loaded = TfidfVectorizer::load(v.save());
  ASSERT_TRUE(loaded) << loaded.error().describe();
  const Tokens probe = text_tokens("banche instable cassée");
  EXPECT_EQ(loaded->transform(probe), v.transform(probe));
  EXPECT_GT(v.transform(probe).size(), 10u);  // words, a bigram and character n-grams
  EXPECT_FALSE(TfidfVectorizer::load("tfidf 1 3 5 1 10\n"));  // cut short
}

}  // namespace
}  // namespace vigie::models::triage
