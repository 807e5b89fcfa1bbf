// The ClickHouse peer of `vigie bench kpi` gives the engine's figures: the properties of
// tests/kpi/kpi_sql_property_slow_test.cpp (the demo company with random scopes, periods and
// as_of dates; the hand-worked fixture's requests; every figure of both sides) with
// bench/kpi_sql_clickhouse.cpp's SQL, on one throwaway local ClickHouse server for the suite.
#include <gtest/gtest.h>

#include <memory>

#include "bench/child_process.hpp"
#include "bench/clickhouse_server.hpp"
#include "bench/kpi_clickhouse_peer.hpp"
#include "support/kpi_demo.hpp"
#include "support/random.hpp"

namespace vigie {
namespace {

class ClickHouseKpiPeerTest : public ::testing::Test {
 protected:
  struct Server {
    bench::TempDir dir;
    bench::ClickHouseServer server;
  };

  static void SetUpTestSuite() {
    auto dir = bench::TempDir::create("vigie-kpi-clickhouse");
    ASSERT_TRUE(dir) << dir.error().describe();
    auto server = bench::ClickHouseServer::start({bench::default_clickhouse_script(), dir->path()});
    ASSERT_TRUE(server) << server.error().describe();
    server_ = new Server{std::move(*dir), std::move(*server)};
  }
  static void TearDownTestSuite() {
    delete server_;  // stops the server, then removes its directory
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_, nullptr) << "no ClickHouse server"; }

  // `company`'s events loaded into fresh tables, in INSERTs of `batch_rows` rows.
  static std::unique_ptr<bench::ClickHouseKpiPeer> load(const testing::KpiDemo& company,
                                                        std::size_t batch_rows) {
    auto peer = bench::ClickHouseKpiPeer::create(server_->server, batch_rows);
    EXPECT_TRUE(peer) << peer.error().describe();
    if (!peer) return nullptr;
    EXPECT_TRUE(testing::load_peer(company, *peer));
    return std::make_unique<bench::ClickHouseKpiPeer>(std::move(*peer));
  }

  static testing::PeerFigures figures_of(const bench::ClickHouseKpiPeer& peer) {
    return [&peer](const bench::SqlKpiRequest& request) { return peer.figures(request); };
  }

  static Server* server_;
};

ClickHouseKpiPeerTest::Server* ClickHouseKpiPeerTest::server_ = nullptr;

TEST_F(ClickHouseKpiPeerTest, FiguresEqualTheEngineOnTheDemoCompany) {
  const testing::KpiDemo demo = testing::load_kpi_demo();
  const auto peer = load(demo, 25'000);  // small batches: the load goes through several INSERTs
  ASSERT_TRUE(peer);
  ASSERT_GT(peer->rows(), 50'000u);
  const auto stored = server_->server.query("SELECT count() FROM events");
  ASSERT_TRUE(stored) << stored.error().describe();
  EXPECT_EQ(std::stoull(*stored), peer->rows());

  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  const auto queries = testing::kpi_demo_queries(demo.company, 60, random.next());
  EXPECT_EQ(testing::expect_peer_agrees(demo.company, queries, figures_of(*peer)), 61u);

  // A scope value is written into the SQL as a literal, whatever it holds: no site matches it.
  bench::SqlKpiRequest hostile = bench::current_side({}, queries.back().periods);
  hostile.scope.region = "l'Isère\\' OR 1 = 1 -- {t}";
  const auto figures = peer->figures(hostile);
  ASSERT_TRUE(figures) << figures.error().describe();
  EXPECT_EQ(std::get<double>(figures->at("1.in_progress")), 0);
  EXPECT_EQ(std::get<double>(figures->at("9.photos")), 0);
}

TEST_F(ClickHouseKpiPeerTest, FiguresEqualTheEngineOnTheHandWorkedFixture) {
  const testing::KpiDemo fixture = testing::load_kpi_fixture();
  ASSERT_EQ(fixture.events.size(), 80u);
  const auto peer = load(fixture, bench::ClickHouseKpiPeer::kDefaultBatchRows);
  ASSERT_TRUE(peer);
  const auto queries = testing::kpi_fixture_queries();
  EXPECT_EQ(testing::expect_peer_agrees(fixture.company, queries, figures_of(*peer)), 4u);
}

}  // namespace
}  // namespace vigie
