// The data directory lock and `--version`, through the real binary.
#include <gtest/gtest.h>

#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

TEST(DataDirLock, ASecondWriterOnTheSameDirectoryStopsWithExit2) {
  const testing::TempDir dir;
  const std::string data_dir = dir.path().string();
  const int port = testing::free_port();
  testing::ChildServer server(
      {"--data-dir", data_dir, "serve", "--port", std::to_string(port)});
  ASSERT_TRUE(testing::wait_ready(port, 30));
  EXPECT_EQ(testing::run_vigie({"--data-dir", data_dir, "serve", "--port",
                                std::to_string(testing::free_port())}).exit_code, 2);
  EXPECT_EQ(testing::run_vigie({"--data-dir", data_dir, "demo", "--sites", "1", "--years", "1"})
                .exit_code, 2);
  EXPECT_EQ(server.terminate(), 0);
  // Released with the process: the directory can be written again.
  EXPECT_EQ(testing::run_vigie({"--data-dir", data_dir, "demo", "--sites", "1", "--years", "1",
                                "--end", "2026-06-30"}).exit_code, 0);
}

TEST(DataDirLock, ASecondServerOnAPortInUseFails) {
  const testing::TempDir first;
  const testing::TempDir second;
  const int port = testing::free_port();
  testing::ChildServer server(
      {"--data-dir", first.path().string(), "serve", "--port", std::to_string(port)});
  ASSERT_TRUE(testing::wait_ready(port, 30));
  EXPECT_EQ(testing::run_vigie({"--data-dir", second.path().string(), "serve", "--port",
                                std::to_string(port)}).exit_code, 1);
  EXPECT_EQ(server.terminate(), 0);
}

TEST(VersionFlag, PrintsTheVersionAndCommit) {
  const auto result = testing::run_vigie({"--version"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out.rfind("vigie 0.1.0 (commit ", 0), 0u) << result.out;
}

}  // namespace
}  // namespace vigie
