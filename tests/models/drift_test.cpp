// Drift of the delay model (models/delay/drift.hpp): the population stability index worked by
// hand; a version's profile kept and read back; serving predictions drawn like the training rows
// raise no drift alert, and the same with one feature shifted raise one for that feature only,
// in French, to the admin.
#include <gtest/gtest.h>

#include <cmath>

#include "common/json_writer.hpp"
#include "models/delay/drift.hpp"
#include "support/random.hpp"

namespace vigie::models {
namespace {

constexpr std::size_t kConsumed = 1;  // budget_consumed_pct

TEST(Drift, PopulationStabilityByHand) {
  const std::vector<double> reference = {0, 0, 2, 2};
  const ValueProfile profile = profile_values(reference);
  // Deciles of {0, 0, 2, 2}: cut points 0 and 2; bins (< 0], (0, 2), [2 …), missing.
  EXPECT_EQ(profile.edges, (std::vector<double>{0, 2}));
  EXPECT_EQ(profile.shares, (std::vector<double>{0, 0.5, 0.5, 0}));
  EXPECT_NEAR(population_stability(profile, reference), 0, 1e-12);
  // Three of four at 2: 0.25 · ln 2 + 0.25 · ln 1.5.
  const std::vector<double> moved = {0, 2, 2, 2};
  EXPECT_NEAR(population_stability(profile, moved), 0.25 * std::log(2.0) + 0.25 * std::log(1.5), 1e-12);
  // Missing values have their own bin: half missing against none, floored at 0.0001.
  const std::vector<double> half_missing = {0, 2, std::nan(""), std::nan("")};
  EXPECT_NEAR(population_stability(profile, half_missing),
              (0.25 - 0.5) * std::log(0.25 / 0.5) * 2 + (0.5 - 0.0001) * std::log(0.5 / 0.0001), 1e-9);
}

// A row as the training set holds it: every feature drawn in [0, 1), a few missing.
DelayRow training_row(testing::Random& random) {
  DelayRow row;
  for (float& value : row.features.values) {
    value = random.chance(0.05) ? kMissing : static_cast<float>(random.real(0, 1));
  }
  return row;
}

// Stored predictions drawn the same way, with `shift` added to budget_consumed_pct.
std::vector<store::SiteScoreRow> serving_rows(testing::Random& random, std::size_t count, double shift) {
  std::vector<store::SiteScoreRow> rows;
  for (std::size_t i = 0; i < count; ++i) {
    const DelayRow drawn = training_row(random);
    JsonWriter features;
    features.begin_array();
    for (std::size_t f = 0; f < kFeatureCount; ++f) {
      const float v = drawn.features.values[f];
      if (std::isnan(v)) features.null();
      else features.value(static_cast<double>(v) + (f == kConsumed ? shift : 0.0));
    }
    features.end_array();
    store::SiteScoreRow& row = rows.emplace_back();
    row.model = "delay";
    row.version = 3;
    row.site_id = "CH-" + std::to_string(i);
    row.p_late = random.real(0, 1);
    row.features = features.take();
  }
  return rows;
}

TEST(Drift, AShiftedFeatureRaisesADriftAlertAndAnUnshiftedOneDoesNot) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  std::vector<DelayRow> training;
  std::vector<double> p_late;
  for (int i = 0; i < 3000; ++i) {
    training.push_back(training_row(random));
    p_late.push_back(random.real(0, 1));
  }
  // Kept in the version's data window and read back as it was.
  const std::string window = R"({"cut":"2026-06-01","profile":)" + profile_json(training_profile(training, p_late)) + "}";
  const auto profile = parse_profile(window);
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile_json(*profile), profile_json(training_profile(training, p_late)));
  EXPECT_FALSE(parse_profile(R"({"cut":"2026-06-01"})"));  // a version trained before profiles

  const auto steady = measure_drift(*profile, serving_rows(random, 1500, 0.0), 3, 0.2);
  ASSERT_TRUE(steady) << steady.error().describe();
  EXPECT_EQ(steady->rows, 1500u);
  EXPECT_EQ(steady->items.size(), kFeatureCount - 2 + 1);  // season and weekday left out, P(late) in
  EXPECT_FALSE(steady->any());
  for (const DriftItem& item : steady->items) EXPECT_LT(item.psi, 0.05) << item.name;
  EXPECT_FALSE(drift_alert(*steady, 0.2, instant_now()));

  const auto shifted = measure_drift(*profile, serving_rows(random, 1500, 0.3), 3, 0.2);
  ASSERT_TRUE(shifted);
  for (std::size_t f = 0; f < shifted->items.size(); ++f) {
    EXPECT_EQ(shifted->items[f].drifted, f == kConsumed) << shifted->items[f].name << " " << shifted->items[f].psi;
  }
  const auto alert = drift_alert(*shifted, 0.2, instant_now());
  ASSERT_TRUE(alert);
  EXPECT_EQ(alert->key, "model_drift:delay:3");
  EXPECT_EQ(alert->kind, "model_drift");
  EXPECT_EQ(alert->audience, "admin");
  EXPECT_EQ(alert->title, "Dérive des données du modèle de retard (version 3)");
  EXPECT_NE(alert->message.find("Sur 1 500 prédictions récentes, 1 indicateur s'écarte de ce que la version 3 "
                                "a appris (indice de stabilité PSI au-delà de 0,20) : part du budget "
                                "consommée (budget_consumed_pct) "),
            std::string::npos)
      << alert->message;
  EXPECT_NE(alert->message.find("À faire : vérifier les données reçues"), std::string::npos);

  // A stored row whose features are not the model's is named.
  auto broken = serving_rows(random, 1, 0.0);
  broken[0].features = "[1, 2]";
  const auto refused = measure_drift(*profile, broken, 3, 0.2);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("CH-0"), std::string::npos);
}

}  // namespace
}  // namespace vigie::models
