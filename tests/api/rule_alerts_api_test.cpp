// The rule alerts in a running server (alerts/alert_watch.hpp): a site whose estimate at
// completion overruns its budget by more than 10 % raises one alert at start, shown by
// GET /api/v1/alerts with its figures; more spending while it lasts raises no second one; a
// progress report that brings the figure back clears it, and the history keeps it; an alert is
// acknowledged once, by a person or a role, never by an ingest token. An admin moves the threshold
// through the API past the figure and the alert clears; puts the rule back and it is raised
// again; a refused change stores nothing, and the changes are kept with who made them.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using testing::event_json;

constexpr const char* kKey = "budget_overrun";

class RuleAlertsApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // 100 000 €, half done, 60 000 € spent: EV 50 000 €, 20 % over at completion.
    const std::vector<events::Event> company = testing::overrunning_site();
    ASSERT_TRUE(server_.store().append(company));
    direction_ = server_.token(store::Role::direction);
    ingest_ = server_.token(store::Role::ingest);
    ASSERT_TRUE(server_.start());
  }

  // The overrun alerts of CH-1 (open ones, or the history), waiting up to 30 s for `count`.
  std::vector<std::string> overrun_alerts(bool history, std::size_t count) {
    std::vector<std::string> found;
    for (int tries = 0; tries < 300; ++tries) {
      const auto reply = server_.client().Get(
          history ? "/api/v1/alerts?status=all" : "/api/v1/alerts",
          {{"Authorization", "Bearer " + direction_}});
      EXPECT_TRUE(reply && reply->status == 200);
      if (!reply) return {};
      simdjson::dom::parser parser;
      found.clear();
      for (auto alert : parser.parse(reply->body)["alerts"].get_array()) {
        if (std::string_view{alert["kind"].get_string().value()} != kKey) continue;
        EXPECT_EQ(std::string_view{alert["site_id"].get_string().value()}, "CH-1");
        found.push_back(std::string{alert["message"].get_string().value()} + "|" +
                        (alert["cleared_at"].is_null() ? "open" : "cleared"));
      }
      if (found.size() == count) return found;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return found;
  }

  void post(const std::string& event) {
    const auto posted = server_.post("/api/v1/events", event, ingest_);
    ASSERT_TRUE(posted);
    ASSERT_EQ(posted->status, 200) << posted->body;
  }

  testing::ApiServer server_;
  std::string direction_, ingest_;
};

TEST_F(RuleAlertsApiTest, AnOverrunRaisesOneAlertWhileItLastsAndClearsWhenItGoesBack) {
  const auto raised = overrun_alerts(false, 1);
  ASSERT_EQ(raised.size(), 1u);
  EXPECT_EQ(raised[0].substr(0, raised[0].find(" À faire")),
            "Dépassement du budget à terminaison : 20,0 % (seuil : au-dessus de 10,0 %).");
  // KPI 14 counts it among this month's budget alerts sent, none the month before.
  const auto k14 = server_.client().Get("/api/v1/kpis/14", {{"Authorization", "Bearer " + direction_}});
  ASSERT_TRUE(k14);
  simdjson::dom::parser k14_parser;
  const auto kpi = k14_parser.parse(k14->body)["kpi"];
  EXPECT_EQ(kpi["value"]["alerts_sent"].get_int64().value(), 1) << k14->body;
  EXPECT_EQ(kpi["previous"]["alerts_sent"].get_int64().value(), 0);

  // Acknowledged by Direction (a token without a person: its role); the first one stands.
  const auto listed = server_.client().Get("/api/v1/alerts", {{"Authorization", "Bearer " + direction_}});
  ASSERT_TRUE(listed);
  simdjson::dom::parser parser;
  std::int64_t id = 0;
  for (auto alert : parser.parse(listed->body)["alerts"].get_array()) {
    if (std::string_view{alert["kind"].get_string().value()} == kKey) id = alert["id"].get_int64().value();
  }
  ASSERT_GT(id, 0);
  const std::string ack = "/api/v1/alerts/" + std::to_string(id) + "/ack";
  const auto acked = server_.post(ack, "", direction_);
  ASSERT_TRUE(acked);
  ASSERT_EQ(acked->status, 200) << acked->body;
  simdjson::dom::parser ack_parser;
  const auto body = ack_parser.parse(acked->body);
  EXPECT_EQ(std::string_view{body["acknowledged_by"].get_string().value()}, "direction");
  EXPECT_TRUE(body["cleared_at"].is_null());
  const auto manager = server_.post(ack, "", server_.token(store::Role::manager, "P-M"));
  ASSERT_TRUE(manager);
  simdjson::dom::parser manager_parser;
  EXPECT_EQ(std::string_view{manager_parser.parse(manager->body)["acknowledged_by"].get_string().value()},
            "direction");
  EXPECT_EQ(server_.post(ack, "", ingest_)->status, 403);
  EXPECT_EQ(server_.post("/api/v1/alerts/999999/ack", "", direction_)->status, 404);

  // 6 000 € more: 32 % over, the same condition: no second alert.
  post(event_json("e2", "expense.recorded", "CH-1", "2026-11-25T10:00:00+01:00",
                  R"({"amount":6000,"category":"labour"})"));
  std::this_thread::sleep_for(std::chrono::seconds(3));  // past the watch's settling second
  EXPECT_EQ(overrun_alerts(true, 1).size(), 1u);

  // 70 % done: EV 70 000 € for 66 000 € spent, under budget: cleared, kept in the history.
  post(event_json("g2", "progress.reported", "CH-1", "2026-11-26T17:00:00+01:00",
                  R"({"percent_complete":70})"));
  EXPECT_TRUE(overrun_alerts(false, 0).empty());
  const auto history = overrun_alerts(true, 1);
  ASSERT_EQ(history.size(), 1u);
  EXPECT_TRUE(history[0].ends_with("|cleared")) << history[0];
}

TEST_F(RuleAlertsApiTest, AManagerSeesOnlyTheAlertsOfTheirOwnSites) {
  ASSERT_EQ(overrun_alerts(false, 1).size(), 1u);
  const char* at = "2026-01-05T08:00:00+01:00";
  const std::vector<events::Event> persons{
      testing::event_from(testing::person_json("p8", "P-X", at, "manager")),
      testing::event_from(testing::person_json("p9", "P-B", at, "design_office"))};
  ASSERT_TRUE(server_.store().append(persons));
  // "kind@site" of each alert a token sees.
  const auto kinds = [this](const std::string& token) {
    const auto reply = server_.client().Get("/api/v1/alerts", {{"Authorization", "Bearer " + token}});
    EXPECT_TRUE(reply && reply->status == 200);
    std::vector<std::string> out;
    simdjson::dom::parser parser;
    for (auto alert : parser.parse(reply->body)["alerts"].get_array()) {
      out.push_back(std::string{alert["kind"].get_string().value()} + "@" +
                    std::string{alert["site_id"].get_string().value()});
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // CH-1 is P-M's: they see all its alerts, as Direction does (its overrun and, the fixture's
  // last report being old, no_report).
  const auto own = kinds(server_.token(store::Role::manager, "P-M"));
  EXPECT_EQ(own, kinds(direction_));
  EXPECT_NE(std::find(own.begin(), own.end(), std::string{kKey} + "@CH-1"), own.end());
  const std::string other = server_.token(store::Role::manager, "P-X");
  EXPECT_TRUE(kinds(other).empty());
  EXPECT_TRUE(kinds(server_.token(store::Role::design_office, "P-B")).empty());
  // Nor may the other manager acknowledge it.
  simdjson::dom::parser parser;
  const auto listed = server_.client().Get("/api/v1/alerts", {{"Authorization", "Bearer " + direction_}});
  const std::int64_t id = parser.parse(listed->body)["alerts"].at(0)["id"].get_int64().value();
  EXPECT_EQ(server_.post("/api/v1/alerts/" + std::to_string(id) + "/ack", "", other)->status, 404);
}

TEST_F(RuleAlertsApiTest, AThresholdMovedThroughTheApiClearsTheAlertAndPuttingItBackRaisesItAgain) {
  ASSERT_EQ(overrun_alerts(false, 1).size(), 1u);
  const std::string admin = server_.token(store::Role::admin);
  const auto put = [this](const std::string& body, const std::string& token) {
    return server_.client().Put("/api/v1/alerts/rules/budget_overrun",
                                {{"Authorization", "Bearer " + token}}, body, "application/json");
  };
  const auto changes = [this] {
    const auto reply = server_.client().Get("/api/v1/alerts/rules/changes",
                                            {{"Authorization", "Bearer " + direction_}});
    EXPECT_TRUE(reply && reply->status == 200);
    simdjson::dom::parser parser;
    return reply ? parser.parse(reply->body)["changes"].get_array().size() : 0;
  };

  EXPECT_EQ(put(R"({"threshold":25})", direction_)->status, 403);
  const auto refused = put(R"({"threshold":"vingt-cinq"})", admin);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  simdjson::dom::parser refused_parser;
  EXPECT_EQ(std::string_view{refused_parser.parse(refused->body)["error"]["field"].get_string().value()},
            "threshold");
  EXPECT_EQ(changes(), 0u);

  // 20 % over, threshold 25 % (margin 2): the condition no longer holds.
  const auto moved = put(R"({"threshold":25})", admin);
  ASSERT_TRUE(moved);
  ASSERT_EQ(moved->status, 200) << moved->body;
  simdjson::dom::parser moved_parser;
  const auto rule = moved_parser.parse(moved->body);
  EXPECT_EQ(rule["threshold"].get_double().value(), 25);
  EXPECT_EQ(rule["margin"].get_double().value(), 2);
  EXPECT_EQ(std::string_view{rule["api_change"]["changed_by"].get_string().value()}, "admin");
  EXPECT_TRUE(overrun_alerts(false, 0).empty());
  const auto listed = server_.client().Get("/api/v1/alerts/rules", {{"Authorization", "Bearer " + direction_}});
  ASSERT_TRUE(listed);
  simdjson::dom::parser listed_parser;
  double threshold = 0;
  for (auto entry : listed_parser.parse(listed->body)["rules"].get_array()) {
    if (std::string_view{entry["id"].get_string().value()} == kKey) threshold = entry["threshold"].get_double().value();
  }
  EXPECT_EQ(threshold, 25);

  // Back to the configuration's 10 %: raised again, a second alert in the history.
  const auto reset = server_.client().Delete("/api/v1/alerts/rules/budget_overrun",
                                             {{"Authorization", "Bearer " + admin}});
  ASSERT_TRUE(reset);
  ASSERT_EQ(reset->status, 200) << reset->body;
  EXPECT_EQ(overrun_alerts(false, 1).size(), 1u);
  EXPECT_EQ(overrun_alerts(true, 2).size(), 2u);
  EXPECT_EQ(changes(), 2u);
  EXPECT_EQ(server_.client().Delete("/api/v1/alerts/rules/budget_overrun",
                                    {{"Authorization", "Bearer " + admin}})->status, 404);
}

}  // namespace
}  // namespace vigie::api
