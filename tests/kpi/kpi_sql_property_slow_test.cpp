// The property of the KPI engine: on the demo company, for random scopes, periods and as_of
// dates, the incremental figures (kpi::Company's aggregates) equal a from-scratch recomputation
// by plain SQL over the raw events table in SQLite (bench/kpi_sql_sqlite.cpp), which shares no
// code with the fold. Every figure of every KPI, for the period and its previous period.
#include <gtest/gtest.h>

#include "bench/event_corpus.hpp"
#include "bench/kpi_queries.hpp"
#include "bench/kpi_sqlite_peer.hpp"
#include "kpi/report.hpp"
#include "support/random.hpp"

namespace vigie {
namespace {

using namespace std::chrono;

struct DemoFixture {
  kpi::Company company;
  bench::SqliteKpiPeer sql;
};

// 20 sites over 2 years: every event type, sites of every status, thousands of events a month.
DemoFixture load_demo() {
  const demo::DemoOptions options{7, 20, 2, 2026y / November / 29d};
  auto corpus = bench::build_corpus(options);
  EXPECT_TRUE(corpus) << corpus.error().describe();
  auto sql = bench::SqliteKpiPeer::create(":memory:");
  EXPECT_TRUE(sql) << sql.error().describe();
  kpi::Company company;
  std::int64_t seq = 0;
  for (const events::Event& event : corpus->events) {
    company.apply(event);  // the store's order is the corpus order: seq breaks ties alike
    EXPECT_TRUE(sql->add(event, ++seq));
  }
  company.refresh();
  EXPECT_TRUE(sql->finish());
  return {std::move(company), std::move(*sql)};
}

void expect_same_figures(const bench::FlatFigures& engine, const bench::FlatFigures& sql,
                         const std::string& side) {
  const auto differences = bench::figure_differences(engine, sql);
  std::string all;
  for (const std::string& line : differences) all += "\n  " + line;
  EXPECT_TRUE(differences.empty()) << side << ":" << all;
}

TEST(KpiSqlProperty, IncrementalFiguresEqualSqlOverRawEvents) {
  DemoFixture demo = load_demo();
  ASSERT_GT(demo.sql.rows(), 10'000u);
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  // as_of from the company's first months to its last day: early, busy and late periods.
  auto queries = bench::random_queries(demo.company, 2025y / January / 15d, 2026y / November / 29d,
                                       60, random.next());
  queries.push_back(bench::whole_company_month(2026y / October / 31d));
  int compared = 0;
  for (const bench::KpiQuery& query : queries) {
    SCOPED_TRACE(query.label);
    const kpi::KpiReport report =
        kpi::compute_report(demo.company, query.scope, query.periods, query.as_of, {}, {}, {});
    const auto now = demo.sql.figures(bench::current_side(query.scope, query.periods));
    const auto before = demo.sql.figures(bench::previous_side(query.scope, query.periods));
    ASSERT_TRUE(now && before);
    expect_same_figures(bench::flat_figures(report, false), *now, "value");
    expect_same_figures(bench::flat_figures(report, true), *before, "previous");
    ++compared;
  }
  EXPECT_EQ(compared, 61);
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
