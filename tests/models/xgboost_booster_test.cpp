// XGBoost through Vigie's wrapper, on data whose answer is known: a label that is a clear
// function of two features learns to near-perfect accuracy; the contributions add up to the
// margin and go to the features that matter; a saved model predicts the same after loading;
// early stopping stops on a label that is pure noise.
#include "models/xgboost_booster.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "support/random.hpp"

namespace vigie::models {
namespace {

// Four features uniform in [0, 1); the label is 1 when x0 + x1 > 1 (x2, x3 are noise), or a
// coin toss when `noise_only`.
Dataset make_data(testing::Random& random, std::size_t rows, bool noise_only) {
  Dataset data;
  data.columns = 4;
  for (std::size_t r = 0; r < rows; ++r) {
    float x[4];
    for (float& value : x) value = static_cast<float>(random.integer(0, 9999)) / 10000.0f;
    data.values.insert(data.values.end(), x, x + 4);
    const bool label = noise_only ? random.integer(0, 1) == 1 : x[0] + x[1] > 1.0f;
    data.labels.push_back(label ? 1.0f : 0.0f);
  }
  return data;
}

TrainingParams classifier() {
  TrainingParams params;
  params.values = {{"objective", "binary:logistic"}, {"eval_metric", "logloss"},
                   {"max_depth", "3"}, {"eta", "0.3"}, {"nthread", "2"}, {"seed", "1"}};
  params.max_rounds = 200;
  params.early_stopping_rounds = 10;
  return params;
}

TEST(XgboostBooster, LearnsAClearRuleAndExplainsIt) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  const Dataset train = make_data(random, 2000, false);
  const Dataset valid = make_data(random, 500, false);
  const Dataset test = make_data(random, 500, false);
  auto booster = Booster::train(classifier(), train, valid);
  ASSERT_TRUE(booster) << booster.error().describe();

  auto p = booster->predict(test);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->size(), test.rows());
  int right = 0;
  for (std::size_t r = 0; r < test.rows(); ++r) right += ((*p)[r] > 0.5f) == (test.labels[r] > 0.5f);
  EXPECT_GT(right, 470);  // > 94 %: the boundary is a diagonal that depth-3 trees approximate

  auto contributions = booster->contributions(test);
  ASSERT_TRUE(contributions);
  ASSERT_EQ(contributions->size(), test.rows() * 5);
  double signal = 0;
  double noise = 0;
  for (std::size_t r = 0; r < test.rows(); ++r) {
    const float* c = contributions->data() + r * 5;
    const double margin = c[0] + c[1] + c[2] + c[3] + c[4];
    EXPECT_NEAR(1 / (1 + std::exp(-margin)), (*p)[r], 1e-4);  // they add up to the logit
    signal += std::abs(c[0]) + std::abs(c[1]);
    noise += std::abs(c[2]) + std::abs(c[3]);
  }
  EXPECT_GT(signal, 10 * noise);
}

TEST(XgboostBooster, ASavedModelPredictsTheSameAfterLoading) {
  testing::Random random = testing::seeded_random();
  const Dataset train = make_data(random, 500, false);
  const Dataset valid = make_data(random, 200, false);
  auto booster = Booster::train(classifier(), train, valid);
  ASSERT_TRUE(booster);
  auto bytes = booster->save();
  ASSERT_TRUE(bytes);
  auto loaded = Booster::load(*bytes);
  ASSERT_TRUE(loaded) << loaded.error().describe();
  EXPECT_EQ(loaded->best_round(), booster->best_round());
  EXPECT_EQ(*loaded->predict(valid), *booster->predict(valid));
  EXPECT_FALSE(Booster::load("{not a model"));
}

TEST(XgboostBooster, StopsEarlyWhenTheValidationStopsImproving) {
  testing::Random random = testing::seeded_random();
  const Dataset train = make_data(random, 1000, true);
  const Dataset valid = make_data(random, 300, true);
  auto booster = Booster::train(classifier(), train, valid);
  ASSERT_TRUE(booster);
  // Noise: the validation loss is best within the first rounds, and training stops 10 later.
  EXPECT_LT(booster->rounds_trained(), 60);
  EXPECT_EQ(booster->rounds_trained(), booster->best_round() + 1 + 10);
}

}  // namespace
}  // namespace vigie::models
