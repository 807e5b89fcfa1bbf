// GET /api/v1/kpis over real HTTP: the contract, an accepted event visible at the next request,
// a manager limited to their own sites, and refusals naming the parameter.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <map>
#include <string>
#include <vector>

#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using testing::event_from;
using testing::event_json;
using testing::site_data;

class KpisApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<events::Event> company = {
        event_from(event_json("s1", "site.upserted", "CH-1", "2026-01-05T08:00:00+01:00",
            site_data("CH-1", "tertiaire", "Rhône", "P-M1", "T-01", 250000, "2026-01-05", "2026-12-18", "active"))),
        event_from(event_json("s2", "site.upserted", "CH-2", "2026-02-02T08:00:00+01:00",
            site_data("CH-2", "residentiel", "Isère", "P-M2", "T-02", 80000, "2026-02-02", "2026-12-18", "active"))),
        event_from(testing::person_json("p1", "P-M2", "2026-01-01T08:00:00+01:00", "manager")),
        event_from(testing::expense_json("e1", "CH-1", "2026-11-05T10:00:00+01:00", 1000)),
        event_from(testing::expense_json("e2", "CH-2", "2026-11-06T10:00:00+01:00", 500)),
    };
    ASSERT_TRUE(server_.store().append(company));
    direction_ = server_.token(store::Role::direction);
    ingest_ = server_.token(store::Role::ingest);
    manager_ = server_.token(store::Role::manager, "P-M2");
    ASSERT_TRUE(server_.start());
  }

  httplib::Result get(const std::string& query, const std::string& token) {
    return server_.client().Get("/api/v1/kpis" + query, {{"Authorization", "Bearer " + token}});
  }

  testing::ApiServer server_;
  std::string direction_, ingest_, manager_;
};

constexpr const char* kNovember = "?period=month&as_of=2026-11-24";

TEST_F(KpisApiTest, AllFifteenWithTheContractsShape) {
  const auto reply = get(kNovember, direction_);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  EXPECT_EQ(reply->body.rfind(R"({"period":{"from":"2026-11-01","to":"2026-11-24"},)", 0), 0u);
  EXPECT_NE(reply->body.find(R"({"id":15,"name":"Économies optimisation")"), std::string::npos);
  EXPECT_NE(reply->body.find(R"("value":{"budget_total":330000,"actual_cost":1500,)"), std::string::npos)
      << reply->body.substr(0, 800);
}

TEST_F(KpisApiTest, AnAcceptedEventShowsAtTheNextRequest) {
  ASSERT_EQ(server_.post("/api/v1/events",
                         testing::expense_json("e3", "CH-1", "2026-11-20T10:00:00+01:00", 250.5),
                         ingest_)->status, 200);
  const auto reply = get(kNovember, direction_);
  ASSERT_TRUE(reply);
  EXPECT_NE(reply->body.find(R"("value":{"budget_total":330000,"actual_cost":1750.5,)"), std::string::npos)
      << reply->body.substr(0, 800);
}

TEST_F(KpisApiTest, AManagerSeesOnlyTheirSitesWhateverTheQuerySays) {
  const auto reply = get(std::string{kNovember} + "&manager=P-M1", manager_);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200);
  EXPECT_NE(reply->body.find(R"("scope":{"manager":"P-M2"})"), std::string::npos);
  EXPECT_NE(reply->body.find(R"("value":{"budget_total":80000,"actual_cost":500,)"), std::string::npos)
      << reply->body.substr(0, 800);
}

TEST_F(KpisApiTest, OneKpiWithItsFiguresSiteBySite) {
  const auto reply = server_.client().Get("/api/v1/kpis/2?period=month&as_of=2026-11-24",
                                          {{"Authorization", "Bearer " + direction_}});
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  EXPECT_NE(reply->body.find(R"("kpi":{"id":2,"name":"Budget global vs réalisé","value":{"budget_total":330000,)"),
            std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find(R"("breakdown":[{"site_id":"CH-1","value":{"budget_total":250000,"actual_cost":1000,)"),
            std::string::npos) << reply->body;
  EXPECT_NE(reply->body.find(R"({"site_id":"CH-2","value":{"budget_total":80000,"actual_cost":500,)"),
            std::string::npos) << reply->body;
  EXPECT_EQ(server_.client().Get("/api/v1/kpis/16", {{"Authorization", "Bearer " + direction_}})->status, 404);
}

TEST_F(KpisApiTest, BreakdownsByTeamByDayAndTheDefaultOfEachKpi) {
  const auto by_team = get("/2?period=month&as_of=2026-11-24&by=team", direction_);
  ASSERT_EQ(by_team->status, 200) << by_team->body;
  EXPECT_NE(by_team->body.find(R"("breakdown_by":"team","breakdown":[{"team_id":"T-01","value":)"
                               R"({"budget_total":250000,"actual_cost":1000,)"),
            std::string::npos) << by_team->body;
  EXPECT_NE(by_team->body.find(R"({"team_id":"T-02","value":{"budget_total":80000,"actual_cost":500,)"),
            std::string::npos);
  // Day by day, a state (AC to date) is read at each day's end: 1 000 € on the 5th, 1 500 € on the 6th.
  const auto by_day = get("/2?from=2026-11-05&to=2026-11-06&by=day", direction_);
  ASSERT_EQ(by_day->status, 200) << by_day->body;
  EXPECT_NE(by_day->body.find(R"("breakdown":[{"date":"2026-11-05","value":{"budget_total":330000,)"
                              R"("actual_cost":1000,)"), std::string::npos) << by_day->body;
  EXPECT_NE(by_day->body.find(R"({"date":"2026-11-06","value":{"budget_total":330000,"actual_cost":1500,)"),
            std::string::npos);
  // Week by week, the same state read at each week's end, the weeks cut at the period's ends:
  // Thursday 5 to Sunday 8 (W45), Monday 9 to Tuesday 10 (W46).
  const auto days = get("/2?from=2026-11-05&to=2026-11-10&by=day", direction_);
  const auto weeks = get("/2?from=2026-11-05&to=2026-11-10&by=week", direction_);
  ASSERT_EQ(weeks->status, 200) << weeks->body;
  simdjson::dom::parser day_parser, week_parser;
  std::map<std::string, std::string> day_values;
  for (auto row : day_parser.parse(days->body)["kpi"]["breakdown"].get_array()) {
    day_values[std::string{row["date"].get_string().value()}] = simdjson::minify(row["value"]);
  }
  std::vector<std::string> week_keys;
  for (auto row : week_parser.parse(weeks->body)["kpi"]["breakdown"].get_array()) {
    week_keys.emplace_back(row["week"].get_string().value());
    const std::string last_day = week_keys.size() == 1 ? "2026-11-08" : "2026-11-10";
    const std::string value = simdjson::minify(row["value"]);
    // The stock (budget, AC) is the last day's; the period sums may differ.
    EXPECT_EQ(value.substr(0, value.find(",\"spent_share\"")),
              day_values[last_day].substr(0, day_values[last_day].find(",\"spent_share\"")))
        << week_keys.back();
  }
  EXPECT_EQ(week_keys, (std::vector<std::string>{"2026-W45", "2026-W46"}));
  // Photos per day are broken down by day, productivity by chief, unless asked otherwise.
  EXPECT_NE(get("/9?period=week&as_of=2026-11-24", direction_)->body.find(R"("breakdown_by":"day")"),
            std::string::npos);
  const auto chiefs = get("/6?period=month&as_of=2026-11-24", direction_);
  EXPECT_NE(chiefs->body.find(R"("breakdown_by":"chief","breakdown":[{"chief_id":"P-CCH-1",)"),
            std::string::npos) << chiefs->body;
  const auto wrong = get("/6?by=region", direction_);
  EXPECT_EQ(wrong->status, 422);
  EXPECT_NE(wrong->body.find(R"("field":"by")"), std::string::npos);
}

TEST_F(KpisApiTest, RefusalsNameTheParameter) {
  EXPECT_EQ(server_.client().Get("/api/v1/kpis")->status, 401);
  EXPECT_EQ(get(kNovember, ingest_)->status, 403);  // an ingest token does not read
  const auto period = get("?period=semester", direction_);
  EXPECT_EQ(period->status, 422);
  EXPECT_EQ(period->body,
            R"({"error":{"code":"invalid","field":"period","message":"must be one of day, week, month, quarter, year"}})");
  const auto date = get("?from=2026-11-01&to=24/11/2026", direction_);
  EXPECT_EQ(date->status, 422);
  EXPECT_NE(date->body.find(R"("field":"to")"), std::string::npos);
}

}  // namespace
}  // namespace vigie::api
