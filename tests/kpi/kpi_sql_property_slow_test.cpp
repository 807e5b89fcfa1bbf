// The property of the KPI engine: on the demo company, for random scopes, periods and as_of
// dates, the incremental figures (kpi::Company's aggregates) equal a from-scratch recomputation
// by plain SQL over the raw events table in SQLite (bench/kpi_sql_sqlite.cpp), which shares no
// code with the fold. Every figure of every KPI, for the period and its previous period.
#include <gtest/gtest.h>

#include "bench/kpi_sqlite_peer.hpp"
#include "support/kpi_demo.hpp"
#include "support/random.hpp"

namespace vigie {
namespace {

TEST(KpiSqlProperty, IncrementalFiguresEqualSqlOverRawEvents) {
  const testing::KpiDemo demo = testing::load_kpi_demo();
  auto sql = bench::SqliteKpiPeer::create(":memory:");
  ASSERT_TRUE(sql) << sql.error().describe();
  ASSERT_TRUE(testing::load_peer(demo, *sql));
  ASSERT_GT(sql->rows(), 10'000u);
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  const auto queries = testing::kpi_demo_queries(demo.company, 60, random.next());
  const std::size_t compared = testing::expect_peer_agrees(
      demo.company, queries,
      [&](const bench::SqlKpiRequest& request) { return sql->figures(request); });
  EXPECT_EQ(compared, 61u);
}

// The hand-worked fixture's requests: 80 events chosen for the rules' edge cases (clock changes,
// late events, a relabelling, an absence, dates on either side of midnight).
TEST(KpiSqlProperty, HandWorkedFixtureFiguresEqualSql) {
  const testing::KpiDemo fixture = testing::load_kpi_fixture();
  ASSERT_EQ(fixture.events.size(), 80u);
  auto sql = bench::SqliteKpiPeer::create(":memory:");
  ASSERT_TRUE(sql) << sql.error().describe();
  ASSERT_TRUE(testing::load_peer(fixture, *sql));
  const auto queries = testing::kpi_fixture_queries();
  const std::size_t compared = testing::expect_peer_agrees(
      fixture.company, queries,
      [&](const bench::SqlKpiRequest& request) { return sql->figures(request); });
  EXPECT_EQ(compared, 4u);
}

// The comparison itself can fail: a figure changed on one side is reported.
TEST(KpiSqlProperty, ADifferentFigureIsReported) {
  bench::FlatFigures engine{{"4.incidents", 3.0}, {"12.most_used", std::vector<std::string>{"a"}}};
  bench::FlatFigures sql = engine;
  EXPECT_TRUE(bench::figure_differences(engine, sql).empty());
  sql["4.incidents"] = 3.0001;
  EXPECT_EQ(bench::figure_differences(engine, sql).size(), 1u);
  sql["4.incidents"] = std::monostate{};
  EXPECT_EQ(bench::figure_differences(engine, sql).size(), 1u);
  sql.erase("4.incidents");
  EXPECT_EQ(bench::figure_differences(engine, sql).front(), "4.incidents: missing from the peer");
}

}  // namespace
}  // namespace vigie
