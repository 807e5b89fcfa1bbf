#include "ingest/pipeline.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::ingest {
namespace {

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened);
    store_ = std::move(*opened);
    pipeline_ = std::make_unique<Pipeline>(*store_, PipelineOptions{});
  }
  Expected<SubmitResult> submit_body(const std::string& body) {
    auto parsed = events::parse_body(body, 1000);
    if (!parsed) return parsed.error();
    return pipeline_->submit(std::move(*parsed));
  }

  vigie::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Pipeline> pipeline_;
};

TEST_F(PipelineTest, BatchKeepsGoodEventsAndReportsBadOnesByIndex) {
  const std::string body =
      "[" + testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00") + "," +
      testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1250) + "," +
      R"({"id":"e2","type":"expense.recorded","site_id":"CH-1","occurred_at":"2026-02-03T09:00:00+01:00","source":"mobile","data":{"amount":-5,"category":"material"}})" +
      "," + testing::expense_json("e3", "CH-404", "2026-02-03T09:00:00+01:00", 10) + "," +
      testing::expense_json("e4", "CH-1", "2026-02-04T09:00:00+01:00", 20) + "]";
  auto result = submit_body(body);
  ASSERT_TRUE(result) << result.error().describe();
  EXPECT_EQ(result->accepted, 3u);
  EXPECT_EQ(result->duplicates, 0u);
  ASSERT_EQ(result->refused.size(), 2u);
  EXPECT_EQ(result->refused[0].index, 2u);
  EXPECT_EQ(result->refused[0].error.field, "data.amount");
  EXPECT_EQ(result->refused[0].error.message, "must be >= 0");
  EXPECT_EQ(result->refused[1].index, 3u);
  EXPECT_EQ(result->refused[1].error.field, "site_id");
  EXPECT_EQ(result->refused[1].error.message, "unknown site \"CH-404\"");
  EXPECT_EQ(*store_->event_count(), 3u);  // nothing of the refused ones
}

TEST_F(PipelineTest, RetryingABatchStoresNothingTwice) {
  const std::string body =
      "[" + testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00") + "," +
      testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1250) + "]";
  ASSERT_TRUE(submit_body(body));
  auto retry = submit_body(body);
  ASSERT_TRUE(retry);
  EXPECT_EQ(retry->accepted, 0u);
  EXPECT_EQ(retry->duplicates, 2u);
  EXPECT_EQ(*store_->event_count(), 2u);
}

TEST_F(PipelineTest, SiteKnownOnlyAfterItsUpsertIsStored) {
  auto early = submit_body(testing::expense_json("e1", "CH-9", "2026-02-03T09:00:00+01:00", 1));
  ASSERT_TRUE(early);
  ASSERT_EQ(early->refused.size(), 1u);
  ASSERT_TRUE(submit_body(testing::site_json("s9", "CH-9", "2026-01-05T08:00:00+01:00")));
  EXPECT_TRUE(pipeline_->sites().contains("CH-9"));
  auto later = submit_body(testing::expense_json("e1", "CH-9", "2026-02-03T09:00:00+01:00", 1));
  ASSERT_TRUE(later);
  EXPECT_EQ(later->accepted, 1u);
}

TEST_F(PipelineTest, ConcurrentSendersShareCommitsAndLoseNothing) {
  ASSERT_TRUE(submit_body(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00")));
  constexpr int kThreads = 8;
  constexpr int kPerThread = 50;
  std::vector<std::thread> threads;
  std::atomic<int> accepted{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string id = "e-" + std::to_string(t) + "-" + std::to_string(i);
        auto result = submit_body(testing::expense_json(id, "CH-1", "2026-02-03T09:00:00+01:00", 1));
        if (result) accepted += static_cast<int>(result->accepted);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(accepted.load(), kThreads * kPerThread);
  EXPECT_EQ(*store_->event_count(), 1u + kThreads * kPerThread);
}

TEST_F(PipelineTest, OutOfOrderEventsArePlacedByOccurredAt) {
  ASSERT_TRUE(submit_body(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00", 100000)));
  // Sent in the order the phone reconnected, not the order things happened.
  ASSERT_TRUE(submit_body("[" + testing::budget_json("b3", "CH-1", "2026-09-01T08:00:00+02:00", 130000, 50000) +
                          "," + testing::budget_json("b1", "CH-1", "2026-03-01T08:00:00+01:00", 110000, 40000) +
                          "," + testing::budget_json("b2", "CH-1", "2026-06-01T08:00:00+02:00", 120000, 45000) + "]"));
  auto site = store_->site("CH-1");
  ASSERT_TRUE(site && *site);
  EXPECT_EQ((*site)->budget_total.value, 13'000'000);
}

TEST_F(PipelineTest, ShutdownRefusesNewWork) {
  pipeline_->shutdown();
  auto result = submit_body(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"));
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::unavailable);
}

}  // namespace
}  // namespace vigie::ingest
