// `vigie bench ingest` end to end on a small company: real Vigie server, real ClickHouse, real
// SQLite. Asserts that every system was measured, that the stored counts match what was sent,
// and that the ratio is the quotient of the figures it prints (one round: no median in between).
#include <gtest/gtest.h>

#include "support/child_process.hpp"
#include "support/command_json.hpp"

namespace vigie {
namespace {

TEST(IngestBench, MeasuresEverySystemAndTheCountsAgree) {
  const auto result = testing::run_vigie({"bench", "ingest", "--sites", "3", "--years", "1",
                                          "--rounds", "1", "--single-events", "300",
                                          "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.out;
  const testing::CommandJson json(result.out);
  ASSERT_TRUE(json.ok());

  const auto number = [&](const char* key) { return json.number(key); };
  const auto count = [&](const char* key) { return json.count(key); };
  const std::uint64_t events = count("events");
  EXPECT_GT(events, 1000u);  // three sites over a year give thousands of events
  EXPECT_EQ(count("vigie_stored"), events + 300);
  EXPECT_EQ(count("clickhouse_stored"), events);
  EXPECT_EQ(count("sqlite_stored"), events);
  EXPECT_TRUE(json.flag("agree"));
  for (const char* key : {"vigie_batch_events_per_s", "vigie_single_requests_per_s",
                          "clickhouse_events_per_s", "sqlite_events_per_s"}) {
    EXPECT_GT(number(key), 0) << key;
  }
  EXPECT_NEAR(number("ratio_vs_clickhouse"),
              number("vigie_batch_events_per_s") / number("clickhouse_events_per_s"), 1e-9);
  EXPECT_NEAR(number("ratio_vs_sqlite"),
              number("vigie_batch_events_per_s") / number("sqlite_events_per_s"), 1e-9);
}

}  // namespace
}  // namespace vigie
