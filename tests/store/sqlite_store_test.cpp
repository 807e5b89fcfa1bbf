#include <gtest/gtest.h>

#include <vector>

#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::store {
namespace {

using testing::event_from;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(*opened);
  }
  AppendResult append(const std::vector<std::string>& jsons) {
    std::vector<events::Event> batch;
    for (const auto& json : jsons) batch.push_back(event_from(json));
    auto result = store_->append(batch);
    EXPECT_TRUE(result) << result.error().describe();
    return result ? *result : AppendResult{};
  }

  vigie::testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(SqliteStoreTest, SameIdTwiceIsStoredOnce) {
  const auto site = testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00");
  const auto expense = testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1250);
  const auto first = append({site, expense});
  EXPECT_EQ(first.accepted, 2u);
  const auto retry = append({site, expense});  // a phone retrying the whole batch
  EXPECT_EQ(retry.accepted, 0u);
  EXPECT_EQ(retry.duplicates, 2u);
  const auto within = append({testing::expense_json("e2", "CH-1", "2026-02-03T09:00:00+01:00", 10),
                              testing::expense_json("e2", "CH-1", "2026-02-03T09:00:00+01:00", 10)});
  EXPECT_EQ(within.accepted, 1u);
  EXPECT_EQ(within.duplicates, 1u);
  EXPECT_EQ(*store_->event_count(), 3u);
}

TEST_F(SqliteStoreTest, SiteRecordKeepsTheLatestByOccurredAt) {
  append({testing::site_json("s2", "CH-1", "2026-03-01T08:00:00+01:00", 300000)});
  // An older upsert arriving late (a phone offline for days) must not undo the newer one.
  append({testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00", 250000)});
  auto site = store_->site("CH-1");
  ASSERT_TRUE(site && *site);
  EXPECT_EQ((*site)->budget_total.value, 30'000'000);
  EXPECT_EQ((*site)->budget_material.value, 12'000'000);
  EXPECT_EQ((*site)->required_skills, (std::vector<std::string>{"gros oeuvre", "électricité"}));
  EXPECT_EQ((*site)->type, "tertiaire");
  EXPECT_EQ((*site)->complexity, 3);
}

TEST_F(SqliteStoreTest, BudgetRevisionsAndCompletionArePlacedByOccurredAt) {
  append({testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00", 250000)});
  append({testing::budget_json("b2", "CH-1", "2026-06-01T08:00:00+02:00", 280000, 100000),
          testing::budget_json("b1", "CH-1", "2026-04-01T08:00:00+02:00", 260000, 90000)});
  append({testing::completed_json("c1", "CH-1", "2026-12-20T17:00:00+01:00", "2026-12-20")});
  auto site = store_->site("CH-1");
  ASSERT_TRUE(site && *site);
  EXPECT_EQ((*site)->budget_total.value, 28'000'000);  // b2 is the later revision
  EXPECT_EQ((*site)->budget_material.value, 10'000'000);
  EXPECT_EQ((*site)->status, "completed");
  ASSERT_TRUE((*site)->actual_end);
  EXPECT_EQ(format_iso_date(*(*site)->actual_end), "2026-12-20");
  // A site.upserted older than the revision keeps the revised budget.
  append({testing::site_json("s0", "CH-1", "2026-02-01T08:00:00+01:00", 1)});
  site = store_->site("CH-1");
  EXPECT_EQ((*site)->budget_total.value, 28'000'000);
}

TEST_F(SqliteStoreTest, DigestIgnoresArrivalOrder) {
  const std::vector<std::string> events = {
      testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"),
      testing::person_json("p1", "P-0001", "2026-01-01T08:00:00+01:00"),
      testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1250),
      testing::budget_json("b1", "CH-1", "2026-04-01T08:00:00+02:00", 260000, 90000)};
  append(events);
  vigie::testing::TempDir other_dir;
  auto other = open_store({"sqlite", other_dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(other);
  std::vector<events::Event> reversed;
  for (auto it = events.rbegin(); it != events.rend(); ++it) reversed.push_back(event_from(*it));
  // The site must come first for entity maintenance; its place among the others is free.
  std::rotate(reversed.begin(), reversed.end() - 1, reversed.end());
  ASSERT_TRUE((*other)->append(reversed));
  EXPECT_EQ(*store_->content_digest(), *(*other)->content_digest());
  ASSERT_TRUE((*other)->append(std::vector<events::Event>{
      event_from(testing::expense_json("e9", "CH-1", "2026-02-04T09:00:00+01:00", 1))}));
  EXPECT_NE(*store_->content_digest(), *(*other)->content_digest());
}

TEST_F(SqliteStoreTest, ReopeningKeepsDataAndSchema) {
  append({testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00")});
  store_.reset();
  auto reopened = open_store({"sqlite", dir_.file("vigie.sqlite"), true});
  ASSERT_TRUE(reopened) << reopened.error().describe();
  EXPECT_EQ(*(*reopened)->event_count(), 1u);
  EXPECT_EQ(*(*reopened)->site_ids(), std::vector<std::string>{"CH-1"});
}

TEST_F(SqliteStoreTest, TokensAreFoundByHashOnly) {
  ASSERT_TRUE(store_->put_token({"abc123", Role::manager, "P-0002", "tablette", Instant{}}));
  auto found = store_->token_by_hash("abc123");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->role, Role::manager);
  EXPECT_EQ((*found)->person_id, "P-0002");
  EXPECT_FALSE(*store_->token_by_hash("abc124"));
}

TEST_F(SqliteStoreTest, DeliveryIdsRefuseReplaysUntilForgotten) {
  const Instant t0 = from_millis(1'800'000'000'000);
  EXPECT_TRUE(*store_->remember_delivery("erp", "d-1", t0, t0 - std::chrono::minutes(10)));
  EXPECT_FALSE(*store_->remember_delivery("erp", "d-1", t0, t0 - std::chrono::minutes(10)));
  EXPECT_TRUE(*store_->remember_delivery("weather", "d-1", t0, t0 - std::chrono::minutes(10)));
  const Instant later = t0 + std::chrono::hours(1);
  EXPECT_TRUE(*store_->remember_delivery("erp", "d-1", later, later - std::chrono::minutes(10)));
}

TEST_F(SqliteStoreTest, ScanReturnsEventsInArrivalOrder) {
  append({testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"),
          testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1250)});
  std::vector<std::string> ids;
  auto last = store_->scan_events(0, 10, [&](std::int64_t, const events::Event& e) { ids.push_back(e.id); });
  ASSERT_TRUE(last);
  EXPECT_EQ(*last, 2);
  EXPECT_EQ(ids, (std::vector<std::string>{"s1", "e1"}));
  ids.clear();
  ASSERT_TRUE(store_->scan_events(1, 10, [&](std::int64_t, const events::Event& e) { ids.push_back(e.id); }));
  EXPECT_EQ(ids, std::vector<std::string>{"e1"});
}

TEST(OpenStore, UnknownEngineIsRefusedByName) {
  auto opened = open_store({"oracle", "/tmp/x", true});
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().field, "store.engine");
}

}  // namespace
}  // namespace vigie::store
