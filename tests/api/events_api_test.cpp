// The event API over real HTTP: a ServerStack on a free port, a real client.
#include <gtest/gtest.h>
#include <httplib.h>

#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

class EventsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.config().server.max_batch_events = 5;
    server_.config().server.max_body_bytes = 64 * 1024;
    ingest_token_ = server_.token(store::Role::ingest);
    direction_token_ = server_.token(store::Role::direction);
    admin_token_ = server_.token(store::Role::admin);
    ASSERT_TRUE(server_.start());
    client_ = &server_.client();
  }

  httplib::Result post(const std::string& body, const std::string& token) {
    return server_.post("/api/v1/events", body, token);
  }

  testing::ApiServer server_;
  store::Store* store_ = &server_.store();
  httplib::Client* client_ = nullptr;
  std::string ingest_token_, direction_token_, admin_token_;
};

TEST_F(EventsApiTest, RefusesWithoutTokenAndWithTheWrongRole) {
  const std::string body = testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00");
  auto none = post(body, "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(none->body, R"({"error":{"code":"unauthorized","message":"missing bearer token or session"}})");
  EXPECT_EQ(none->get_header_value("WWW-Authenticate"), "Bearer");
  auto wrong = post(body, "vgt_0000");
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(wrong->body, R"({"error":{"code":"unauthorized","message":"unknown token"}})");
  EXPECT_EQ(wrong->get_header_value("WWW-Authenticate"), "Bearer");
  auto direction = post(body, direction_token_);
  EXPECT_EQ(direction->status, 403);
  EXPECT_EQ(*store_->event_count(), 0u);
}

TEST_F(EventsApiTest, OneBadEventGets422NamingTheField) {
  ASSERT_EQ(post(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"), ingest_token_)->status, 200);
  auto bad = post(testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", -5), ingest_token_);
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(bad->body,
            R"({"error":{"code":"invalid","field":"data.amount","message":"must be >= 0"}})");
  EXPECT_EQ(*store_->event_count(), 1u);
}

TEST_F(EventsApiTest, ArrayAnswersWithCountsAndRefusalsByIndex) {
  const std::string body = "[" + testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00") +
                           "," + testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 10) +
                           "," + testing::expense_json("e2", "CH-2", "2026-02-03T09:00:00+01:00", 10) + "]";
  auto first = post(body, ingest_token_);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->body,
            R"({"accepted":2,"duplicates":0,"refused":[{"index":2,"field":"site_id","message":"unknown site \"CH-2\""}]})");
  auto again = post(body, ingest_token_);
  EXPECT_EQ(again->body,
            R"({"accepted":0,"duplicates":2,"refused":[{"index":2,"field":"site_id","message":"unknown site \"CH-2\""}]})");
}

TEST_F(EventsApiTest, OverTheLimitsGets413WithJson) {
  std::string many = "[";
  for (int i = 0; i < 6; ++i) {
    many += (i ? "," : "") + testing::site_json("s" + std::to_string(i), "CH-1", "2026-01-05T08:00:00+01:00");
  }
  many += "]";
  auto too_many = post(many, ingest_token_);
  ASSERT_TRUE(too_many);
  EXPECT_EQ(too_many->status, 413);
  EXPECT_NE(too_many->body.find(R"("code":"too_large","field":"body")"), std::string::npos);
  auto too_big = post(std::string(70 * 1024, ' ') + "[]", ingest_token_);
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  EXPECT_NE(too_big->body.find(R"("code":"too_large")"), std::string::npos);
  EXPECT_EQ(*store_->event_count(), 0u);
}

TEST_F(EventsApiTest, MetricsCountEventsByTypeAndSource) {
  ASSERT_EQ(post(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"), ingest_token_)->status, 200);
  (void)post(testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", -1), ingest_token_);
  EXPECT_EQ(client_->Get("/metrics")->status, 401);
  auto metrics = client_->Get("/metrics", {{"Authorization", "Bearer " + admin_token_}});
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->status, 200);
  EXPECT_NE(metrics->body.find("vigie_events_accepted_total{type=\"site.upserted\",source=\"web\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("vigie_http_requests_total{route=\"/api/v1/events\",method=\"POST\",status=\"422\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("vigie_ingest_queue_depth 0"), std::string::npos);
}

TEST_F(EventsApiTest, HealthIsOpenAndUnknownRoutesAreJson404) {
  auto health = client_->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(client_->Get("/readyz")->status, 200);
  auto missing = client_->Get("/api/v1/nothing");
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->body, R"({"error":{"code":"not_found","message":"no such route"}})");
}

}  // namespace
}  // namespace vigie::api
