// The alerts of the store: one open alert per key (a second raise while it is open stores
// nothing), cleared into the history, and acknowledged once — the first acknowledgement stands,
// an unknown alert is no answer.
#include <gtest/gtest.h>

#include <chrono>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::store {
namespace {

AlertRow alert(const std::string& key, int minute) {
  AlertRow row;
  row.key = key;
  row.kind = "budget_overrun";
  row.site_id = "CH-1";
  row.audience = "Responsable d'affaire";
  row.title = "Dépassement";
  row.message = "Dépassement : 12 %";
  row.figures = R"({"value":12})";
  row.raised_at = Instant{std::chrono::minutes{minute}};
  return row;
}

TEST(AlertsStore, OneOpenAlertPerKeyClearedIntoTheHistoryAndAcknowledgedOnce) {
  const testing::TempDir dir;
  auto store = open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(store);
  Store& s = **store;
  const auto first = s.raise_alert(alert("rule:budget_overrun:CH-1", 1));
  ASSERT_TRUE(first && *first);
  EXPECT_FALSE(*s.raise_alert(alert("rule:budget_overrun:CH-1", 2)));  // still open
  EXPECT_EQ(s.alerts(true, 10)->size(), 1u);

  const auto acked = s.acknowledge_alert(**first, "P-0042", Instant{std::chrono::minutes{5}});
  ASSERT_TRUE(acked && *acked);
  EXPECT_EQ((*acked)->acknowledged_by, "P-0042");
  EXPECT_EQ((*acked)->acknowledged_at, Instant{std::chrono::minutes{5}});
  EXPECT_FALSE((*acked)->cleared_at);  // seen is not solved: it stays open
  const auto again = s.acknowledge_alert(**first, "direction", Instant{std::chrono::minutes{6}});
  ASSERT_TRUE(again && *again);
  EXPECT_EQ((*again)->acknowledged_by, "P-0042");
  EXPECT_EQ((*again)->acknowledged_at, Instant{std::chrono::minutes{5}});
  EXPECT_FALSE(*s.acknowledge_alert(**first + 100, "P-0042", Instant{}));

  EXPECT_TRUE(*s.clear_alert("rule:budget_overrun:CH-1", Instant{std::chrono::minutes{9}}));
  EXPECT_TRUE(s.alerts(true, 10)->empty());
  const auto history = s.alerts(false, 10);
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ(history->front().acknowledged_by, "P-0042");
  EXPECT_EQ(history->front().cleared_at, Instant{std::chrono::minutes{9}});
  // Cleared, the condition may raise a new alert.
  EXPECT_TRUE(*s.raise_alert(alert("rule:budget_overrun:CH-1", 10)));
}

}  // namespace
}  // namespace vigie::store
