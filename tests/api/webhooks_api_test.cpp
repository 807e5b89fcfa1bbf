// Webhooks over real HTTP with the shipped ERP mapping: a good signature stores the invoice's
// lines, a bad one gets 401 and stores nothing, the same delivery again gets 409.
#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <filesystem>

#include "ingest/webhook_receiver.hpp"
#include "support/api_server.hpp"
#include "support/child_process.hpp"
#include "support/tiny_company.hpp"
#include "support/webhook_samples.hpp"

namespace vigie::api {
namespace {

constexpr std::string_view kSecret = "erp-shared-secret-0123456789";

using vigie::testing::kErpInvoice;

std::string now_unix() {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch())
                            .count());
}

class WebhooksApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.config().webhooks.push_back(
        {"erp", std::string{kSecret}, (testing::source_dir() / "config/webhooks/erp.toml").string()});
    const std::vector<events::Event> site = {
        testing::event_from(testing::site_json("s1", "CH-2025-017", "2025-03-01T08:00:00+01:00"))};
    ASSERT_TRUE(server_.store().append(site));
    ASSERT_TRUE(server_.start());
  }

  httplib::Result deliver(const std::string& signature, const std::string& delivery_id) {
    const httplib::Headers headers = {{"X-Vigie-Signature", signature},
                                      {"X-Vigie-Delivery", delivery_id},
                                      {"X-Vigie-Timestamp", now_unix()}};
    return server_.client().Post("/api/v1/webhooks/erp", headers, std::string{kErpInvoice},
                                 "application/json");
  }

  std::uint64_t stored() { return *server_.store().event_count(); }

  testing::ApiServer server_;
};

TEST_F(WebhooksApiTest, GoodSignatureStoresOneExpensePerInvoiceLine) {
  const auto reply = deliver(*webhook_signature(kSecret, kErpInvoice), "dlv-1");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"accepted":3,"duplicates":0,"refused":[]})");
  EXPECT_EQ(stored(), 4u);  // the site and three expenses
}

TEST_F(WebhooksApiTest, BadSignatureGets401AndStoresNothing) {
  for (const std::string& signature :
       {*webhook_signature("not-the-erp-secret-987654321", kErpInvoice),
        std::string{"sha256=00"}, std::string{}}) {
    const auto reply = deliver(signature, "dlv-2");
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 401) << signature;
    EXPECT_NE(reply->body.find(R"("code":"unauthorized")"), std::string::npos) << reply->body;
    EXPECT_EQ(reply->body.find(kSecret), std::string::npos);
  }
  EXPECT_EQ(stored(), 1u);
}

TEST_F(WebhooksApiTest, ReplayedDeliveryGets409) {
  const std::string signature = *webhook_signature(kSecret, kErpInvoice);
  ASSERT_EQ(deliver(signature, "dlv-3")->status, 200);
  const auto replay = deliver(signature, "dlv-3");
  ASSERT_TRUE(replay);
  EXPECT_EQ(replay->status, 409);
  EXPECT_EQ(replay->body, R"({"error":{"code":"conflict","message":"replayed delivery"}})");
  EXPECT_EQ(stored(), 4u);
}

}  // namespace
}  // namespace vigie::api
