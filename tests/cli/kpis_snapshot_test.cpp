// The KPI snapshot through the binary: `vigie kpis --rebuild` writes it and the next `vigie
// kpis` reads it, folding nothing; a server saves its state when it stops; a damaged snapshot
// changes no figure. Which path a run took is read from its logs, not from its timing.
#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <sstream>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie {
namespace {

std::string file_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class KpisSnapshotTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(testing::run_vigie({"--data-dir", data_dir_, "demo", "--sites", "3", "--years", "1",
                                  "--end", "2026-11-29"})
                  .exit_code,
              0);
  }

  // `vigie kpis … --format json` and what it logged.
  struct Run {
    int exit_code;
    std::string json;
    std::string log;
  };
  Run kpis(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"--data-dir", data_dir_, "--log-level", "info", "kpis",
                                     "--as-of",    "2026-10-31", "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = testing::run_vigie(args, log_path_);
    return {result.exit_code, result.out, file_text(log_path_)};
  }

  testing::TempDir dir_;
  std::string data_dir_ = dir_.file("data");
  std::string snapshot_ = data_dir_ + "/kpi/aggregates.vks";
  std::string log_path_ = dir_.file("stderr.log");
};

TEST_F(KpisSnapshotTest, RebuildWritesTheSnapshotThatTheNextRunReads) {
  const Run rebuilt = kpis({"--rebuild"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.log;
  EXPECT_NE(rebuilt.log.find("kpi snapshot ignored: rebuilding"), std::string::npos) << rebuilt.log;
  EXPECT_NE(rebuilt.log.find("kpi snapshot written"), std::string::npos) << rebuilt.log;
  EXPECT_TRUE(std::filesystem::exists(snapshot_));
  EXPECT_EQ(rebuilt.json.rfind(R"({"period":{"from":"2026-10-01","to":"2026-10-31"},)", 0), 0u);

  const Run next = kpis();
  ASSERT_EQ(next.exit_code, 0) << next.log;
  EXPECT_NE(next.log.find("kpi snapshot read"), std::string::npos) << next.log;
  EXPECT_NE(next.log.find(R"("from_snapshot":true,"events_folded":0,)"), std::string::npos)
      << next.log;
  EXPECT_EQ(next.json, rebuilt.json);
}

// A one-shot command's output is its answer: the snapshot's info lines only when asked for.
TEST_F(KpisSnapshotTest, SaysNothingOnStderrUnlessAsked) {
  const auto result = testing::run_vigie({"--data-dir", data_dir_, "kpis", "--as-of", "2026-10-31"},
                                         log_path_);
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_EQ(file_text(log_path_), "");
  EXPECT_NE(result.out.find("1. Chantiers actifs"), std::string::npos);
}

TEST_F(KpisSnapshotTest, ADamagedSnapshotChangesNoFigure) {
  const Run rebuilt = kpis({"--rebuild"});
  ASSERT_EQ(rebuilt.exit_code, 0) << rebuilt.log;
  std::filesystem::resize_file(snapshot_, std::filesystem::file_size(snapshot_) - 3);
  const Run next = kpis();
  ASSERT_EQ(next.exit_code, 0) << next.log;
  EXPECT_NE(next.log.find(R"("level":"warn","msg":"kpi snapshot unreadable)"), std::string::npos)
      << next.log;
  EXPECT_EQ(next.json, rebuilt.json);
}

TEST_F(KpisSnapshotTest, RebuildFailsWhenTheSnapshotCannotBeWritten) {
  std::filesystem::create_directories(data_dir_);
  std::ofstream{data_dir_ + "/kpi"} << "a file where the directory should be";
  const Run rebuilt = kpis({"--rebuild"});
  EXPECT_EQ(rebuilt.exit_code, 1);
  EXPECT_NE(rebuilt.log.find("vigie kpis: the snapshot was not written"), std::string::npos)
      << rebuilt.log;
}

// The demo is too small for a load to save a snapshot; the server saves its state at SIGTERM,
// with the events it folded live.
TEST_F(KpisSnapshotTest, AServerSavesItsStateWhenItStops) {
  const Run before = kpis();
  auto token =
      testing::run_vigie({"--data-dir", data_dir_, "token", "create", "--role", "ingest"}).out;
  while (!token.empty() && token.back() == '\n') token.pop_back();
  const int port = testing::free_port();
  testing::ChildServer server(
      {"--data-dir", data_dir_, "--log-level", "warn", "serve", "--port", std::to_string(port)});
  ASSERT_TRUE(testing::wait_ready(port, 30));
  httplib::Client http("127.0.0.1", port);
  const auto posted =
      http.Post("/api/v1/events", {{"Authorization", "Bearer " + token}},
                testing::site_json("s-new", "CH-NEW", "2026-10-05T08:00:00+02:00", 123456),
                "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 200) << posted->body;
  EXPECT_FALSE(std::filesystem::exists(snapshot_));
  EXPECT_EQ(server.terminate(), 0);
  ASSERT_TRUE(std::filesystem::exists(snapshot_));

  const Run next = kpis();
  ASSERT_EQ(next.exit_code, 0) << next.log;
  EXPECT_NE(next.log.find(R"("from_snapshot":true,"events_folded":0,)"), std::string::npos)
      << next.log;
  EXPECT_NE(next.json, before.json);  // the new site's budget counts in October
  EXPECT_EQ(next.json, kpis({"--rebuild"}).json);
}

// A new store in a data directory that kept an old snapshot: `vigie demo` removes it.
TEST_F(KpisSnapshotTest, BuildingANewStoreDropsTheOldSnapshot) {
  ASSERT_EQ(kpis({"--rebuild"}).exit_code, 0);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(data_dir_ + "/vigie.sqlite" + suffix);
  }
  ASSERT_EQ(testing::run_vigie({"--data-dir", data_dir_, "demo", "--sites", "2", "--years", "1",
                                "--end", "2026-11-29"})
                .exit_code,
            0);
  EXPECT_FALSE(std::filesystem::exists(snapshot_));
}

}  // namespace
}  // namespace vigie
