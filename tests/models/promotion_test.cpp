// The promotion rule on its own (models/promotion.hpp): equal is not worse, one worse metric is
// enough to keep the serving version, the first version is always promoted; the decision as JSON
// and in French names the worse metrics with both values.
#include <gtest/gtest.h>

#include "models/promotion.hpp"

namespace vigie::models {
namespace {

TEST(Promotion, NotWorseOnAnyMetricIsPromotedAndOneWorseMetricIsEnoughToKeepTheServingVersion) {
  const auto equal = decide_promotion(3, {{"f1", 0.8, 0.8, true}, {"brier", 0.1, 0.1, false}});
  EXPECT_TRUE(equal.promote);
  const auto better = decide_promotion(3, {{"f1", 0.85, 0.8, true}, {"brier", 0.09, 0.1, false}});
  EXPECT_TRUE(better.promote);
  const auto worse_brier = decide_promotion(3, {{"f1", 0.85, 0.8, true}, {"brier", 0.12, 0.1, false}});
  EXPECT_FALSE(worse_brier.promote);
  EXPECT_EQ(worse_brier.worse_metrics(), "brier 0.12 > 0.1");
  EXPECT_EQ(promotion_fr(worse_brier, 4),
            "version 4 enregistrée mais non promue : moins bonne que la version 3, qui reste active, "
            "sur les mêmes données de test (brier 0,120 au lieu de 0,100). `vigie models promote` la "
            "rendrait active malgré tout.");
  EXPECT_EQ(worse_brier.json(),
            R"({"promoted":false,"against_version":3,"metrics":[{"name":"f1","candidate":0.85,"current":0.8,)"
            R"("worse":false},{"name":"brier","candidate":0.12,"current":0.1,"worse":true}]})");
  const auto first = decide_promotion(0, {});
  EXPECT_TRUE(first.promote);
  EXPECT_EQ(promotion_fr(first, 1), "version 1 enregistrée et active (la première).");
}

}  // namespace
}  // namespace vigie::models
