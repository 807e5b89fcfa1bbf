// Incident triage over real HTTP, without a trained version: the classify route refuses an empty
// or oversized text naming the field (before any model), answers 404 naming the command while no
// version exists, and no sender may write Vigie's own incident.classified.
#include <gtest/gtest.h>
#include <httplib.h>

#include "models/triage/incident_text.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

class IncidentsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_.config().server.max_body_bytes = 64 * 1024;
    reader_ = server_.token(store::Role::direction);
    admin_ = server_.token(store::Role::admin);
    ASSERT_TRUE(server_.start());
  }

  httplib::Result classify(const std::string& body, const std::string& token) {
    return server_.post("/api/v1/incidents/classify", body, token);
  }

  testing::ApiServer server_;
  std::string reader_, admin_;
};

TEST_F(IncidentsApiTest, RefusesAnEmptyOrOversizedText) {
  const auto empty = classify(R"({"description":"  \n "})", reader_);
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 422);
  EXPECT_EQ(empty->body,
            R"({"error":{"code":"invalid","field":"description","message":"is empty"}})");

  const std::string big(models::triage::kMaxDescriptionBytes + 1, 'a');
  const auto oversized = classify(R"({"description":")" + big + "\"}", reader_);
  ASSERT_TRUE(oversized);
  EXPECT_EQ(oversized->status, 422);
  EXPECT_EQ(oversized->body, R"({"error":{"code":"invalid","field":"description",)"
                             R"j("message":"is longer than 8000 bytes (8001)"}})j");

  const auto missing = classify(R"({"site_type":"tertiaire"})", reader_);
  EXPECT_EQ(missing->status, 422);
  EXPECT_NE(missing->body.find(R"("field":"description","message":"is required")"), std::string::npos);
  const auto bad_type = classify(R"({"description":"fuite","site_type":"maison"})", reader_);
  EXPECT_EQ(bad_type->status, 422);
  EXPECT_NE(bad_type->body.find(R"("field":"site_type")"), std::string::npos);
  const auto not_json = classify("fuite au R+2", reader_);
  EXPECT_EQ(not_json->status, 422);
  EXPECT_NE(not_json->body.find(R"("field":"body")"), std::string::npos);
  EXPECT_EQ(classify(R"({"description":"fuite"})", "")->status, 401);
}

TEST_F(IncidentsApiTest, NoVersionYetIs404NamingTheCommand) {
  const auto reply = classify(R"({"description":"Fuite sur la colonne d'eau au R+2"})", reader_);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  EXPECT_NE(reply->body.find("vigie train triage"), std::string::npos);
  const auto model = server_.client().Get("/api/v1/models/triage",
                                          {{"Authorization", "Bearer " + reader_}});
  EXPECT_EQ(model->status, 404);
}

TEST_F(IncidentsApiTest, NoSenderWritesVigiesOwnClassification) {
  ASSERT_EQ(server_.post("/api/v1/events",
                         testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"), admin_)->status,
            200);
  const auto forged = server_.post(
      "/api/v1/events",
      testing::event_json("c1", "incident.classified", "CH-1", "2026-12-01T10:00:00+01:00",
                          R"({"incident_id":"I-1","severity":"low","model_version":1})"),
      admin_);
  ASSERT_TRUE(forged);
  EXPECT_EQ(forged->status, 422);
  EXPECT_NE(forged->body.find("incident.classified is written by Vigie only"), std::string::npos);
  EXPECT_EQ(*server_.store().event_count(), 1u);
}

TEST_F(IncidentsApiTest, AlertsListIsEmptyAndItsFilterChecked) {
  const auto open = server_.client().Get("/api/v1/alerts", {{"Authorization", "Bearer " + reader_}});
  ASSERT_TRUE(open);
  EXPECT_EQ(open->status, 200);
  EXPECT_EQ(open->body, R"({"alerts":[]})");
  const auto bad = server_.client().Get("/api/v1/alerts?status=closed",
                                        {{"Authorization", "Bearer " + reader_}});
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find(R"("field":"status")"), std::string::npos);
}

}  // namespace
}  // namespace vigie::api
