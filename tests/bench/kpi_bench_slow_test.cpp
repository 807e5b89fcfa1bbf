// `vigie bench kpi` end to end on a small company: `vigie demo` in a child process, Vigie's fold,
// a real ClickHouse server and SQLite. Asserts that every system was measured on every request,
// that the three gave the same figures, and that the ratios are the quotients of the figures
// printed. Speed itself is the benchmark's to report, not a test's to assert.
#include <gtest/gtest.h>

#include "support/child_process.hpp"
#include "support/command_json.hpp"

namespace vigie {
namespace {

TEST(KpiBench, ThreeSystemsAgreeOnEveryRequest) {
  const auto result = testing::run_vigie({"bench", "kpi", "--sites", "4", "--years", "1",
                                          "--end", "2026-11-29", "--queries", "8",
                                          "--sqlite-queries", "8", "--vigie-rounds", "5",
                                          "--peer-rounds", "2", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.out;
  const testing::CommandJson json(result.out);
  ASSERT_TRUE(json.ok());
  const auto number = [&](const char* key) { return json.number(key); };
  const auto count = [&](const char* key) { return json.count(key); };

  EXPECT_GT(count("events"), 1000u);
  EXPECT_EQ(count("sites"), 4u);
  EXPECT_TRUE(json.flag("agree"));
  // The month request twice, then the 8 random ones, on each peer.
  EXPECT_EQ(count("clickhouse_requests_compared"), 10u);
  EXPECT_EQ(count("sqlite_requests_compared"), 9u);  // SQLite: one round of the month
  EXPECT_EQ(count("clickhouse_requests_differing"), 0u);
  EXPECT_EQ(count("sqlite_requests_differing"), 0u);
  for (const char* key : {"vigie_all_kpis_p50_ms", "vigie_all_kpis_p95_ms", "vigie_random_p50_ms",
                          "clickhouse_all_kpis_p50_ms", "sqlite_all_kpis_p50_ms"}) {
    EXPECT_GT(number(key), 0) << key;
  }
  EXPECT_GE(number("vigie_all_kpis_p95_ms"), number("vigie_all_kpis_p50_ms"));
  EXPECT_NEAR(number("ratio_vs_clickhouse"),
              number("clickhouse_all_kpis_p50_ms") / number("vigie_all_kpis_p50_ms"), 1e-9);
  EXPECT_NEAR(number("ratio_vs_sqlite"),
              number("sqlite_all_kpis_p50_ms") / number("vigie_all_kpis_p50_ms"), 1e-9);
  EXPECT_EQ(json.text("month_request"),
            "month to 2026-11-29, whole company");
}

}  // namespace
}  // namespace vigie
