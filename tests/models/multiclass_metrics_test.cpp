// Accuracy, per-class and macro figures, weighted F1 and the confusion matrix, on an example
// worked by hand.
#include <gtest/gtest.h>

#include "models/multiclass_metrics.hpp"

namespace vigie::models {
namespace {

TEST(MulticlassMetrics, AsWorkedByHand) {
  // truth 0 0 0 1 1 2 / predicted 0 0 1 1 2 2.
  const std::vector<int> truth = {0, 0, 0, 1, 1, 2};
  const std::vector<int> predicted = {0, 0, 1, 1, 2, 2};
  const auto m = multiclass_metrics(truth, predicted, {"a", "b", "c", "d"});
  EXPECT_NEAR(m.accuracy, 4.0 / 6, 1e-12);
  ASSERT_EQ(m.per_class.size(), 4u);
  // a: predicted twice, both right (P 1); 3 present (R 2/3); F1 0.8.
  EXPECT_NEAR(m.per_class[0].precision, 1.0, 1e-12);
  EXPECT_NEAR(m.per_class[0].recall, 2.0 / 3, 1e-12);
  EXPECT_NEAR(m.per_class[0].f1, 0.8, 1e-12);
  // b: P 1/2, R 1/2. c: P 1/2, R 1, F1 2/3. d: never present nor predicted: all 0.
  EXPECT_NEAR(m.per_class[1].f1, 0.5, 1e-12);
  EXPECT_NEAR(m.per_class[2].f1, 2.0 / 3, 1e-12);
  EXPECT_EQ(m.per_class[3].precision, 0);
  EXPECT_EQ(m.per_class[3].support, 0u);
  EXPECT_NEAR(m.macro_precision, (1 + 0.5 + 0.5 + 0) / 4, 1e-12);
  EXPECT_NEAR(m.macro_recall, (2.0 / 3 + 0.5 + 1 + 0) / 4, 1e-12);
  EXPECT_NEAR(m.macro_f1, (0.8 + 0.5 + 2.0 / 3 + 0) / 4, 1e-12);
  EXPECT_NEAR(m.weighted_f1, (0.8 * 3 + 0.5 * 2 + 2.0 / 3 * 1) / 6, 1e-12);
  EXPECT_EQ(m.confusion[0], (std::vector<std::size_t>{2, 1, 0, 0}));
  EXPECT_EQ(m.confusion[1], (std::vector<std::size_t>{0, 1, 1, 0}));
  EXPECT_EQ(m.confusion[2], (std::vector<std::size_t>{0, 0, 1, 0}));
}

}  // namespace
}  // namespace vigie::models
