// The refusals of suggested plans in the store: one per plan, the first standing; read by week,
// oldest first; kept across a reopening (a server's restart).
#include <gtest/gtest.h>

#include <chrono>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::store {
namespace {

PlanRejectionRow rejection(const std::string& plan_id, const std::string& week, int minute,
                           const std::string& reason) {
  return {plan_id, week, "P-0042", Instant{std::chrono::minutes{minute}}, reason};
}

TEST(PlanRejectionsStore, OneRefusalPerPlanByWeekOldestFirstKeptAcrossAReopening) {
  const testing::TempDir dir;
  {
    auto store = open_store({"sqlite", dir.file("vigie.sqlite"), true});
    ASSERT_TRUE(store);
    Store& s = **store;
    EXPECT_TRUE(*s.add_plan_rejection(rejection("PL-2026-W50-bbbb", "2026-W50", 9, "trop loin")));
    EXPECT_TRUE(*s.add_plan_rejection(rejection("PL-2026-W50-aaaa", "2026-W50", 3, "")));
    EXPECT_TRUE(*s.add_plan_rejection(rejection("PL-2026-W51-cccc", "2026-W51", 1, "")));
    EXPECT_FALSE(*s.add_plan_rejection(rejection("PL-2026-W50-bbbb", "2026-W50", 12, "encore")));
  }
  auto reopened = open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(reopened);
  const auto week = (*reopened)->plan_rejections("2026-W50");
  ASSERT_TRUE(week);
  ASSERT_EQ(week->size(), 2u);
  EXPECT_EQ((*week)[0].plan_id, "PL-2026-W50-aaaa");
  EXPECT_EQ((*week)[1].plan_id, "PL-2026-W50-bbbb");
  EXPECT_EQ((*week)[1].reason, "trop loin");  // the first refusal stands
  EXPECT_EQ((*week)[1].rejected_at, Instant{std::chrono::minutes{9}});
  EXPECT_EQ((*week)[1].rejected_by, "P-0042");
  EXPECT_TRUE((*reopened)->plan_rejections("2026-W49")->empty());
}

}  // namespace
}  // namespace vigie::store
