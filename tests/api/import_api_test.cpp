// POST /api/v1/import over real HTTP: a JSON Lines file with good and bad lines, a file larger
// than the event API's body limit (the import streams to disk instead), and the import's own
// limit. Also the event API's limit, enforced before the body is read.
#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>

#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

class ImportApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.server.max_body_bytes = 2048;
    config_.import_max_body_bytes = 8192;
    ASSERT_TRUE(server_.start());
    token_ = server_.token(store::Role::ingest);
  }

  httplib::Result post(const std::string& path, const std::string& body, bool with_token = true) {
    return server_.post(path, body, with_token ? token_ : "", "application/x-ndjson");
  }

  // A site, then `expenses` expenses on it, one JSON envelope per line.
  static std::string jsonl(int expenses) {
    std::string text = testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00") + "\n";
    for (int i = 0; i < expenses; ++i) {
      text += testing::expense_json("x" + std::to_string(i), "CH-1", "2026-01-06T08:00:00+01:00",
                                    10 + i) + "\n";
    }
    return text;
  }

  std::uint64_t stored() { return *server_.store().event_count(); }

  testing::ApiServer server_;
  Config& config_ = server_.config();
  const testing::TempDir& dir_ = server_.dir();
  std::string token_;
};

TEST_F(ImportApiTest, GoodLinesAreKeptAndBadOnesReportedByLineNumber) {
  std::string body = jsonl(2);
  body += "{\"id\":\"bad\"\n";                                                       // line 4
  body += testing::expense_json("neg", "CH-1", "2026-01-07T08:00:00+01:00", -3) + "\n";  // 5
  const auto reply = post("/api/v1/import?format=jsonl", body);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  EXPECT_NE(reply->body.find(R"("lines":5,"accepted":3,"duplicates":0,"refused_count":2)"),
            std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find(R"({"line":5,"field":"data.amount","message":"must be >= 0"})"),
            std::string::npos) << reply->body;
  EXPECT_EQ(stored(), 3u);
  // The spooled copy is gone once imported.
  EXPECT_TRUE(std::filesystem::is_empty(dir_.path() / "tmp"));
}

TEST_F(ImportApiTest, AFileLargerThanTheEventApiLimitIsImported) {
  const std::string body = jsonl(12);
  ASSERT_GT(body.size(), config_.server.max_body_bytes);
  ASSERT_LT(body.size(), config_.import_max_body_bytes);
  const auto reply = post("/api/v1/import?format=jsonl", body);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200) << reply->body;
  EXPECT_EQ(stored(), 13u);
}

TEST_F(ImportApiTest, OverItsOwnLimitGets413AndStoresNothing) {
  const std::string body = jsonl(60);
  ASSERT_GT(body.size(), config_.import_max_body_bytes);
  const auto reply = post("/api/v1/import?format=jsonl", body);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_NE(reply->body.find(R"("code":"too_large")"), std::string::npos) << reply->body;
  EXPECT_EQ(stored(), 0u);
}

TEST_F(ImportApiTest, WithoutATokenNothingIsReadOrStored) {
  const auto reply = post("/api/v1/import?format=jsonl", jsonl(1), false);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 401);
  EXPECT_EQ(stored(), 0u);
  EXPECT_FALSE(std::filesystem::exists(dir_.path() / "tmp"));
}

TEST_F(ImportApiTest, TheEventApiRefusesALargerBodyBeforeReadingIt) {
  std::string body = "[" + testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00") + "]";
  body.append(3000, ' ');
  const auto reply = post("/api/v1/events", body);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->body,
            R"({"error":{"code":"too_large","message":"the request body is over the size limit"}})");
  EXPECT_EQ(stored(), 0u);
}

}  // namespace
}  // namespace vigie::api
