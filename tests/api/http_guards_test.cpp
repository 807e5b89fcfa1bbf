// What the HTTP layer refuses before a route runs: a wrong method (405 with Allow), a form body
// (415) — but not an empty body typed as a form, as `curl -d ''` sends —, an event body of
// unknown length (411), and what the open home page does not show. A route's answer carries its
// handler's time (Server-Timing).
#include <gtest/gtest.h>
#include <httplib.h>

#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

class HttpGuardsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.start());
    client_ = &server_.client();
    headers_ = {{"Authorization", "Bearer " + server_.token(store::Role::ingest)}};
  }

  testing::ApiServer server_;
  store::Store& store_ = server_.store();
  httplib::Client* client_ = nullptr;
  httplib::Headers headers_;
};

TEST_F(HttpGuardsTest, AWrongMethodOnAKnownPathIs405WithAllow) {
  const auto reply = client_->Get("/api/v1/events", headers_);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 405);
  EXPECT_EQ(reply->get_header_value("Allow"), "POST");
  EXPECT_EQ(reply->body, R"({"error":{"code":"invalid","message":"method not allowed; use POST"}})");
}

// Every answer of a route says how long its handler took, for the browser's Resource Timing.
TEST_F(HttpGuardsTest, ARouteSaysItsOwnTimeInServerTiming) {
  const auto reply = client_->Get("/api/v1/kpis", {{"Authorization", "Bearer " + server_.token(store::Role::admin)}});
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  const std::string timing = reply->get_header_value("Server-Timing");
  ASSERT_TRUE(timing.starts_with("app;dur=")) << timing;
  const double ms = std::stod(timing.substr(8));
  EXPECT_GE(ms, 0);
  EXPECT_LT(ms, 60'000);
}

TEST_F(HttpGuardsTest, AFormBodyIs415AndNothingIsStored) {
  const auto reply = client_->Post("/api/v1/events", headers_,
                                   testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"),
                                   "application/x-www-form-urlencoded");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 415);
  EXPECT_EQ(*store_.event_count(), 0u);
}

TEST_F(HttpGuardsTest, AnEmptyBodyTypedAsAFormIsNoForm) {
  const httplib::Headers admin = {{"Authorization", "Bearer " + server_.token(store::Role::admin)}};
  const auto reply = client_->Post("/api/v1/alerts/999/ack", admin, "", "application/x-www-form-urlencoded");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404) << reply->body;  // the route ran: there is no alert 999
}

TEST_F(HttpGuardsTest, AnEventBodyOfUnknownLengthIs411) {
  const std::string body = testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00");
  const auto reply = client_->Post(
      "/api/v1/events", headers_,
      [&body](std::size_t, httplib::DataSink& sink) {  // no length: sent chunked
        sink.write(body.data(), body.size());
        sink.done();
        return true;
      },
      "application/json");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 411);
  EXPECT_EQ(*store_.event_count(), 0u);
}

TEST_F(HttpGuardsTest, TheHomeLeadsToTheSignInPageWhichShowsNoCompanyFigure) {
  ASSERT_EQ(client_->Post("/api/v1/events", headers_,
                          testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"),
                          "application/json")->status, 200);
  const auto home = client_->Get("/");
  ASSERT_TRUE(home);
  EXPECT_EQ(home->status, 303);
  EXPECT_EQ(home->get_header_value("Location"), "/connexion");
  const auto page = client_->Get("/connexion");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(page->body.find("<title>Connexion — Vigie</title>"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"), std::string::npos);
  EXPECT_EQ(page->body.find("CH-1"), std::string::npos);
  EXPECT_EQ(client_->Get("/nulle-part")->status, 404);

  // Its script is served by its content's name, cached for a year, and not sent twice.
  const auto start = page->body.find("/assets/connexion-");
  ASSERT_NE(start, std::string::npos);
  const std::string script = page->body.substr(start, page->body.find('"', start) - start);
  const auto first = client_->Get(script);
  ASSERT_EQ(first->status, 200);
  EXPECT_EQ(first->get_header_value("Cache-Control"), "public, max-age=31536000, immutable");
  const auto again = client_->Get(script, {{"If-None-Match", first->get_header_value("ETag")}});
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

}  // namespace
}  // namespace vigie::api
