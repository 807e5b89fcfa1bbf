// The alerts of the store: one open alert per key (a second raise while it is open stores
// nothing), cleared into the history, and acknowledged once — the first acknowledgement stands,
// an unknown alert is no answer. Their deliveries: recorded with the watermark, once, kept
// across a restart; due by their time; their outcome recorded.
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

AlertDeliveryRow delivery(std::int64_t alert_id, const std::string& target, int minute) {
  AlertDeliveryRow row;
  row.alert_id = alert_id;
  row.channel = "webhook";
  row.target = target;
  row.created_at = Instant{std::chrono::minutes{minute}};
  row.next_attempt_at = Instant{std::chrono::minutes{minute}};
  return row;
}

TEST(AlertsStore, DeliveriesAreRecordedOnceWithTheWatermarkAndKeptAcrossARestart) {
  const testing::TempDir dir;
  std::int64_t first = 0, second = 0;
  {
    auto store = open_store({"sqlite", dir.file("vigie.sqlite"), true});
    ASSERT_TRUE(store);
    Store& s = **store;
    first = **s.raise_alert(alert("rule:a:CH-1", 1));
    second = **s.raise_alert(alert("rule:b:CH-1", 2));
    EXPECT_EQ(*s.alert_delivery_watermark(), 0);
    EXPECT_EQ(s.alerts_after(0, 10)->size(), 2u);
    const AlertDeliveryRow rows[] = {delivery(first, "late", 5), delivery(first, "early", 3),
                                     delivery(second, "late", 4)};
    ASSERT_TRUE(s.enqueue_alert_deliveries(rows, second));
    ASSERT_TRUE(s.enqueue_alert_deliveries(rows, second));  // again: nothing more
    EXPECT_EQ(s.alert_deliveries(std::nullopt, 10)->size(), 3u);
  }
  auto store = open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(store);
  Store& s = **store;
  EXPECT_EQ(*s.alert_delivery_watermark(), second);
  EXPECT_TRUE(s.alerts_after(second, 10)->empty());
  const auto due = s.due_alert_deliveries(Instant{std::chrono::minutes{4}}, 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 2u);  // the one due at minute 5 is not yet
  EXPECT_EQ(due->at(0).target, "early");
  EXPECT_EQ(due->at(1).alert_id, second);

  AlertDeliveryRow tried = due->at(0);
  tried.attempts = 1;
  tried.last_error = "webhook early answered HTTP 503";
  tried.next_attempt_at = Instant{std::chrono::minutes{10}};
  ASSERT_TRUE(s.update_alert_delivery(tried));
  AlertDeliveryRow done = due->at(1);
  done.attempts = 1;
  done.status = DeliveryStatus::delivered;
  done.finished_at = Instant{std::chrono::minutes{4}};
  ASSERT_TRUE(s.update_alert_delivery(done));
  const auto now_due = s.due_alert_deliveries(Instant{std::chrono::minutes{6}}, 10);
  ASSERT_EQ(now_due->size(), 1u);
  EXPECT_EQ(now_due->front().target, "late");
  EXPECT_EQ(now_due->front().alert_id, first);
  const auto retried = s.alert_deliveries(DeliveryStatus::pending, 10);
  ASSERT_EQ(retried->size(), 2u);
  EXPECT_EQ(retried->at(0).target, "early");  // newest first: ids 2, then 1
  EXPECT_EQ(retried->at(0).last_error, "webhook early answered HTTP 503");
  EXPECT_EQ(retried->at(0).attempts, 1);
  const auto delivered = s.alert_deliveries(DeliveryStatus::delivered, 10);
  ASSERT_EQ(delivered->size(), 1u);
  EXPECT_EQ(delivered->front().finished_at, Instant{std::chrono::minutes{4}});
  ASSERT_TRUE(s.alert(first));
  EXPECT_EQ((*s.alert(first))->key, "rule:a:CH-1");
  EXPECT_FALSE(*s.alert(second + 1));
}

}  // namespace
}  // namespace vigie::store
