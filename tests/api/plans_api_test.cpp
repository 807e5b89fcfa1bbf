// Team planning over real HTTP: the suggestion of a week against a crossed current plan (two
// teams each sent to the other's town), its acceptance recorded as plan.accepted (once, however
// often it is accepted), the accepted plan as the week's current plan, its savings in KPI 15,
// and the refusals (an id never shown, a role that may not accept, a week that is not one). A
// plan refused: recorded in the store with who, when and why, shown as refused with the
// suggestion, the current plan kept; refused or accepted once, the first decision standing. The
// next suggestion sees what changed in the store.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "common/time.hpp"
#include "models/planning/plan_costs.hpp"
#include "support/api_server.hpp"
#include "support/json_edit.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using testing::event_from;
using testing::event_json;
using testing::with_member;

constexpr double kLyonLat = 45.76, kLyonLon = 4.84, kGrenobleLat = 45.19, kGrenobleLon = 5.72;
constexpr const char* kEarly = "2026-01-05T08:00:00+01:00";

std::string chief(const std::string& id, double lat, double lon) {
  return R"({"id":")" + id + R"(","name":"Chef )" + id + R"(","role":"chief","home_lat":)" +
         std::to_string(lat) + R"(,"home_lon":)" + std::to_string(lon) + R"(,"skills":["maconnerie"]})";
}

std::string team(const std::string& id, const std::string& chief_id, const std::string& vehicle) {
  return R"({"id":")" + id + R"(","chief_id":")" + chief_id + R"(","member_ids":[],"vehicle_ids":[")" +
         vehicle + R"("],"weekly_capacity_hours":40})";
}

std::string site(const std::string& id, const std::string& team_id, double lat, double lon) {
  std::string data = testing::site_data(id, "tertiaire", "Auvergne-Rhône-Alpes", "P-M", team_id,
                                        100000, "2026-01-05", "2027-06-30", "active");
  data = with_member(data, "lat", std::to_string(lat));
  data = with_member(data, "lon", std::to_string(lon));
  return with_member(data, "required_skills", R"(["maconnerie"])");
}

class PlansApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<events::Event> company = {
        event_from(event_json("p1", "person.upserted", "", kEarly, chief("P-A", kLyonLat, kLyonLon))),
        event_from(event_json("p2", "person.upserted", "", kEarly, chief("P-B", kGrenobleLat, kGrenobleLon))),
        event_from(testing::person_json("p3", "P-D", kEarly, "design_office")),
        event_from(event_json("v1", "vehicle.upserted", "", kEarly, R"({"id":"V-A","kind":"utilitaire"})")),
        event_from(event_json("v2", "vehicle.upserted", "", kEarly, R"({"id":"V-B","kind":"utilitaire"})")),
        event_from(event_json("t1", "team.upserted", "", kEarly, team("T-A", "P-A", "V-A"))),
        event_from(event_json("t2", "team.upserted", "", kEarly, team("T-B", "P-B", "V-B"))),
        // The current plan crosses them: Lyon's site to Grenoble's team and back.
        event_from(event_json("s1", "site.upserted", "CH-LYON", kEarly, site("CH-LYON", "T-B", kLyonLat, kLyonLon))),
        event_from(event_json("s2", "site.upserted", "CH-GRE", kEarly, site("CH-GRE", "T-A", kGrenobleLat, kGrenobleLon))),
        event_from(event_json("h1", "timesheet.recorded", "CH-LYON", "2026-12-01T17:00:00+01:00",
                              R"({"person_id":"P-B","date":"2026-12-01","hours_total":8,"hours_billable":8})")),
        event_from(event_json("h2", "timesheet.recorded", "CH-GRE", "2026-12-01T17:00:00+01:00",
                              R"({"person_id":"P-A","date":"2026-12-01","hours_total":8,"hours_billable":8})")),
    };
    ASSERT_TRUE(server_.store().append(company));
    direction_ = server_.token(store::Role::direction);
    design_office_ = server_.token(store::Role::design_office, "P-D");
    ASSERT_TRUE(server_.start());
  }

  httplib::Result suggested(const std::string& query = "?week=2026-W50") {
    return server_.client().Get("/api/v1/plans/suggested" + query,
                                {{"Authorization", "Bearer " + direction_}});
  }

  // One person-day on each site, each driven there and back from the other town.
  static double crossed_km() {
    return 2 * 2 * models::planning::road_km(kLyonLat, kLyonLon, kGrenobleLat, kGrenobleLon, 1.3);
  }

  // The week's suggestion, its id in `id`.
  simdjson::dom::element suggestion(std::string& id) {
    const auto reply = suggested();
    EXPECT_TRUE(reply && reply->status == 200);
    simdjson::dom::element plan = parser_.parse(reply->body);
    id = std::string{plan["id"].get_string().value()};
    return plan;
  }

  httplib::Result reject(const std::string& id, const std::string& body, const std::string& token) {
    return server_.post("/api/v1/plans/" + id + "/reject", body, token);
  }

  testing::ApiServer server_;
  std::string direction_, design_office_;
  simdjson::dom::parser parser_;
};

TEST_F(PlansApiTest, SuggestsAcceptsOnceAndTheAcceptedPlanBecomesTheCurrentOne) {
  const auto first = suggested();
  ASSERT_TRUE(first);
  ASSERT_EQ(first->status, 200) << first->body;
  simdjson::dom::element plan = parser_.parse(first->body);
  const std::string id{plan["id"].get_string().value()};
  EXPECT_EQ(id.substr(0, 12), "PL-2026-W50-");
  EXPECT_EQ(int64_t{plan["changes"].get_int64()}, 2);
  EXPECT_NEAR(double{plan["savings"]["km"].get_double()}, crossed_km(), 0.11);
  EXPECT_EQ(double{plan["score"].get_double()}, 100);
  EXPECT_EQ(std::string_view{plan["teams"].at(0)["team_id"].get_string()}, "T-A");
  EXPECT_EQ(std::string_view{plan["teams"].at(0)["chief_name"].get_string()}, "Chef P-A");

  EXPECT_EQ(server_.post("/api/v1/plans/PL-2026-W50-00000000/accept", "", direction_)->status, 404);
  EXPECT_EQ(server_.post("/api/v1/plans/" + id + "/accept", "", design_office_)->status, 403);
  const auto accepted = server_.post("/api/v1/plans/" + id + "/accept", "", direction_);
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  simdjson::dom::element answer = parser_.parse(accepted->body);
  EXPECT_EQ(int64_t{answer["sites"].get_int64()}, 2);
  EXPECT_EQ(int64_t{answer["recorded"].get_int64()}, 2);
  EXPECT_EQ(std::string_view{answer["accepted_by"].get_string()}, "direction");
  EXPECT_FALSE(answer["accepted_at"].is_null());
  const auto again = server_.post("/api/v1/plans/" + id + "/accept", "", direction_);
  ASSERT_EQ(again->status, 200);
  EXPECT_EQ(int64_t{parser_.parse(again->body)["recorded"].get_int64()}, 0);  // duplicates

  // The week's current plan is now the accepted one: nothing left to change or save.
  simdjson::dom::element after = parser_.parse(suggested()->body);
  EXPECT_EQ(int64_t{after["changes"].get_int64()}, 0);
  EXPECT_NEAR(double{after["savings"]["km"].get_double()}, 0, 1e-9);
  EXPECT_EQ(std::string_view{after["assignments"].at(0)["current_team_id"].get_string()},
            std::string_view{after["assignments"].at(0)["team_id"].get_string()});

  // KPI 15 counts the savings on the day of acceptance (today).
  const auto kpis = server_.client().Get("/api/v1/kpis?period=month",
                                         {{"Authorization", "Bearer " + direction_}});
  ASSERT_EQ(kpis->status, 200);
  simdjson::dom::element report = parser_.parse(kpis->body);
  const auto k15 = report["kpis"].at(14)["value"];
  EXPECT_NEAR(double{k15["km_saved"].get_double()}, crossed_km(), 0.05);
  EXPECT_NEAR(double{k15["hours_saved"].get_double()}, crossed_km() / 60, 0.01);
}

// The board solves a week once and shows it again while nothing it reads changed (the jobs
// test sees "unchanged"); a change that reaches the store is in the next suggestion.
TEST_F(PlansApiTest, TheNextSuggestionSeesWhatChangedInTheStore) {
  const std::string first = suggested()->body;
  EXPECT_EQ(suggested()->body, first);
  EXPECT_NE(first.find(R"("chief_name":"Chef P-A")"), std::string::npos) << first;
  std::string renamed = chief("P-A", kLyonLat, kLyonLon);
  renamed.replace(renamed.find("Chef P-A"), 8, "Alain Roux");
  ASSERT_TRUE(server_.store().append(std::vector{
      event_from(event_json("p1b", "person.upserted", "", "2026-02-01T08:00:00+01:00", renamed))}));
  const std::string after = suggested()->body;
  EXPECT_NE(after.find(R"("chief_name":"Alain Roux")"), std::string::npos) << after;
  EXPECT_EQ(after.find("Chef P-A"), std::string::npos) << after;
}

TEST_F(PlansApiTest, ARefusalIsRecordedWithWhoWhenAndWhyAndTheCurrentPlanStays) {
  std::string id;
  simdjson::dom::element before = suggestion(id);
  EXPECT_TRUE(before["decision"].is_null());
  EXPECT_EQ(before["decisions"].get_array().size(), 0u);

  const auto refused = reject(id, R"({"reason":"  Équipe B en formation lundi  "})", direction_);
  ASSERT_EQ(refused->status, 200) << refused->body;
  simdjson::dom::element answer = parser_.parse(refused->body);
  EXPECT_EQ(std::string_view{answer["plan_id"].get_string()}, id);
  EXPECT_EQ(std::string_view{answer["week"].get_string()}, "2026-W50");
  EXPECT_EQ(std::string_view{answer["decision"]["status"].get_string()}, "rejected");
  EXPECT_EQ(std::string_view{answer["decision"]["by"].get_string()}, "direction");
  EXPECT_EQ(std::string_view{answer["decision"]["reason"].get_string()}, "Équipe B en formation lundi");

  // In the store, not only in this server's memory: it outlives a restart.
  const auto rows = server_.store().plan_rejections("2026-W50");
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().plan_id, id);
  EXPECT_EQ(rows->front().rejected_by, "direction");
  EXPECT_EQ(rows->front().reason, "Équipe B en formation lundi");
  EXPECT_EQ(std::string_view{answer["decision"]["at"].get_string()}, format_rfc3339_utc(rows->front().rejected_at));

  // The same suggestion comes back refused; the current plan is still the crossed one.
  std::string again_id;
  simdjson::dom::element after = suggestion(again_id);
  EXPECT_EQ(again_id, id);
  EXPECT_EQ(std::string_view{after["decision"]["status"].get_string()}, "rejected");
  EXPECT_EQ(std::string_view{after["decision"]["reason"].get_string()}, "Équipe B en formation lundi");
  ASSERT_EQ(after["decisions"].get_array().size(), 1u);
  EXPECT_EQ(int64_t{after["changes"].get_int64()}, 2);
  EXPECT_NEAR(double{after["savings"]["km"].get_double()}, crossed_km(), 0.11);

  // Another week's suggestion carries none of this week's decisions.
  simdjson::dom::element other = parser_.parse(suggested("?week=2026-W51")->body);
  EXPECT_TRUE(other["decision"].is_null());
  EXPECT_EQ(other["decisions"].get_array().size(), 0u);
}

TEST_F(PlansApiTest, AReasonIsOptional) {
  std::string id;
  suggestion(id);
  const auto refused = reject(id, "", direction_);
  ASSERT_EQ(refused->status, 200) << refused->body;
  EXPECT_TRUE(parser_.parse(refused->body)["decision"]["reason"].is_null());
  EXPECT_EQ(server_.store().plan_rejections("2026-W50")->front().reason, "");
}

TEST_F(PlansApiTest, APlanIsRefusedOnceAndNeverAcceptedAfter) {
  std::string id;
  suggestion(id);
  ASSERT_EQ(reject(id, R"({"reason":"trop de changements"})", direction_)->status, 200);
  const auto twice = reject(id, R"({"reason":"encore"})", direction_);
  EXPECT_EQ(twice->status, 409);
  EXPECT_NE(twice->body.find("already rejected by direction"), std::string::npos) << twice->body;
  const auto accepted = server_.post("/api/v1/plans/" + id + "/accept", "", direction_);
  EXPECT_EQ(accepted->status, 409);
  EXPECT_NE(accepted->body.find("already rejected by direction"), std::string::npos) << accepted->body;
  // The first refusal stands, and nothing was accepted.
  const auto rows = server_.store().plan_rejections("2026-W50");
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ(rows->front().reason, "trop de changements");
  EXPECT_EQ(int64_t{parser_.parse(suggested()->body)["changes"].get_int64()}, 2);
}

TEST_F(PlansApiTest, AnAcceptedPlanCannotBeRefused) {
  std::string id;
  suggestion(id);
  const auto accepted = server_.post("/api/v1/plans/" + id + "/accept", "", direction_);
  ASSERT_EQ(accepted->status, 200) << accepted->body;
  const std::string accepted_at{parser_.parse(accepted->body)["accepted_at"].get_string().value()};
  std::string again;
  simdjson::dom::element after = suggestion(again);  // read from the plan.accepted events
  ASSERT_EQ(again, id);
  EXPECT_EQ(std::string_view{after["decision"]["status"].get_string()}, "accepted");
  EXPECT_EQ(std::string_view{after["decision"]["by"].get_string()}, "direction");
  EXPECT_EQ(std::string_view{after["decision"]["at"].get_string()}, accepted_at);

  const auto refused = reject(id, "", direction_);
  EXPECT_EQ(refused->status, 409);
  EXPECT_NE(refused->body.find("already accepted by direction at " + accepted_at), std::string::npos)
      << refused->body;
  EXPECT_TRUE(server_.store().plan_rejections("2026-W50")->empty());
}

struct RejectRefusal {
  std::string_view name;
  std::string body;
  int status;
  std::string_view field;
};

TEST_F(PlansApiTest, RefusesARejectionFromAnotherRoleOrWithABadReason) {
  std::string id;
  suggestion(id);
  const std::string long_reason(501, 'x');
  const RejectRefusal cases[] = {
      {"reason not a string", R"({"reason":12})", 422, "reason"},
      {"reason too long", R"({"reason":")" + long_reason + R"("})", 422, "reason"},
      {"body not an object", R"(["non"])", 422, "body"},
  };
  for (const RejectRefusal& c : cases) {
    SCOPED_TRACE(c.name);
    const auto reply = reject(id, c.body, direction_);
    EXPECT_EQ(reply->status, c.status);
    EXPECT_NE(reply->body.find(R"("field":")" + std::string{c.field} + R"(")"), std::string::npos) << reply->body;
  }
  const auto design_office = reject(id, "", design_office_);
  EXPECT_EQ(design_office->status, 403);
  EXPECT_NE(design_office->body.find("not role design_office"), std::string::npos) << design_office->body;
  EXPECT_EQ(reject(id, "", "")->status, 401);
  EXPECT_EQ(reject("PL-2026-W50-00000000", "", direction_)->status, 404);
  EXPECT_TRUE(server_.store().plan_rejections("2026-W50")->empty());
  // 500 characters, accents counted once, is within the limit.
  std::string longest;
  for (int i = 0; i < 500; ++i) longest += "é";
  EXPECT_EQ(reject(id, R"({"reason":")" + longest + R"("})", direction_)->status, 200);
}

TEST_F(PlansApiTest, RefusesAWeekThatIsNotOne) {
  const auto reply = suggested("?week=2021-W53");
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 422);
  EXPECT_NE(reply->body.find(R"("field":"week")"), std::string::npos);
  EXPECT_EQ(server_.client().Get("/api/v1/plans/suggested")->status, 401);
}

}  // namespace
}  // namespace vigie::api
