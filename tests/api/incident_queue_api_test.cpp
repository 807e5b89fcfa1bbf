// The design office's incident queue over real HTTP (surfaces.md, Bureau d'études), on two sites
// with incidents dated from the moment the test starts:
//
//   id     site  opened     urgency  taken        resolved    state
//   INC-1  CH-A  now − 30 m  4h       —            —           waiting, due now + 3 h 30
//   INC-2  CH-A  now − 3 h   1h       now − 2 h    —           in progress, due now − 2 h
//   INC-3  CH-B  r3 − 90 m   4h       —            r3 = now−1 s  resolved today in 1,5 h: within
//   SLA INC-4  CH-B  r4 − 5 h    1h       —            r4 = now−2 s  resolved today in 5 h: SLA
//   missed INC-5  CH-B  now − 10 m  (Vigie: 1d, p 0,7)  —  —          waiting, due now + 23 h 50
//   INC-6  CH-B  now − 50 h  4h       —            now − 48 h  resolved before today: not counted
//
// Direction sees 2 waiting, 1 in progress, 2 resolved today (mean (1,5 + 5) / 2 = 3,25 h, SLA met
// 1 of 2); chiefs' scores in the last 92 days: 6 (CH-A) and 8 (CH-B), mean 7 (a score of 100 days
// ago and a client's are not counted). CH-A's manager sees CH-A only.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "events/parse.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

using namespace std::chrono_literals;
using testing::event_from;
using testing::event_json;

std::string at(Instant t) { return format_rfc3339_utc(t); }

std::string person(const std::string& id, const std::string& name, const std::string& role) {
  return event_json("p-" + id, "person.upserted", "", "2026-01-05T08:00:00+01:00",
                    R"({"id":")" + id + R"(","name":")" + name + R"(","role":")" + role + R"("})");
}

std::string site(const std::string& id, const std::string& manager) {
  return event_json("s-" + id, "site.upserted", id, "2026-01-05T08:00:00+01:00",
                    testing::site_data(id, "tertiaire", "Rhône", manager, "T-1", 100000,
                                       "2026-01-05", "2027-06-30", "active"));
}

std::string opened(const std::string& id, const std::string& site_id, Instant when,
                   const std::string& labels) {
  return event_json("o-" + id, "incident.opened", site_id, at(when),
                    R"({"incident_id":")" + id +
                        R"(","description":"Fissure sur le voile du R+1")" + labels + "}");
}

std::string incident_event(const std::string& type, const std::string& id,
                           const std::string& site_id, Instant when, const std::string& more) {
  return event_json(type + "-" + id, type, site_id, at(when),
                    R"({"incident_id":")" + id + "\"" + more + "}");
}

std::string chief_score(const std::string& event_id, const std::string& site_id, Instant when,
                        double score, const std::string& respondent = "chief") {
  return event_json(
      event_id, "satisfaction.recorded", site_id, at(when),
      R"({"score":)" + std::to_string(score) + R"(,"respondent":")" + respondent + R"("})");
}

constexpr const char* kLabels4h = R"(,"category":"technical","severity":"high","urgency":"4h")";
constexpr const char* kLabels1h = R"(,"category":"safety","severity":"critical","urgency":"1h")";

class IncidentQueueApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    now_ = std::chrono::floor<std::chrono::seconds>(instant_now());
    const Instant r3 = now_ - 1s, r4 = now_ - 2s;
    std::vector<events::Event> company;
    for (const std::string& json :
         {person("P-D", "Dana Roux", "design_office"),
          person("P-MA", "Marc Alba", "manager"),
          person("P-MB", "Lina Berg", "manager"),
          person("P-CCH-A", "Chef Alpha", "chief"),
          site("CH-A", "P-MA"),
          site("CH-B", "P-MB"),
          opened("INC-1", "CH-A", now_ - 30min, kLabels4h),
          opened("INC-2", "CH-A", now_ - 3h, kLabels1h),
          incident_event("incident.taken", "INC-2", "CH-A", now_ - 2h, R"(,"by":"P-D")"),
          opened("INC-3", "CH-B", r3 - 90min, kLabels4h),
          incident_event("incident.resolved", "INC-3", "CH-B", r3, R"(,"resolution":"Repris")"),
          opened("INC-4", "CH-B", r4 - 5h, kLabels1h),
          incident_event("incident.resolved", "INC-4", "CH-B", r4, R"(,"resolution":"Repris")"),
          opened("INC-5", "CH-B", now_ - 10min, ""),
          opened("INC-6", "CH-B", now_ - 50h, kLabels4h),
          incident_event("incident.resolved", "INC-6", "CH-B", now_ - 48h,
                         R"(,"resolution":"Repris")"),
          chief_score("q1", "CH-A", now_ - 24h * 10, 6),
          chief_score("q2", "CH-B", now_ - 24h * 20, 8),
          chief_score("q3", "CH-B", now_ - 24h * 100, 2),
          chief_score("q4", "CH-A", now_ - 24h, 3, "client")}) {
      company.push_back(event_from(json));
    }
    // Vigie's triage of INC-5, opened without labels (only Vigie may write it).
    auto classified = events::parse_event(
        event_json(
            "c-INC-5", "incident.classified", "CH-B", at(now_ - 10min),
            R"({"incident_id":"INC-5","category":"technical","category_probability":0.87,)"
            R"("severity":"medium","severity_probability":0.6,"urgency":"1d","urgency_probability":0.7,)"
            R"("model_version":3})"),
        events::Origin::vigie);
    ASSERT_TRUE(classified) << classified.error().describe();
    company.push_back(std::move(*classified));
    ASSERT_TRUE(server_.store().append(company));
    direction_ = server_.token(store::Role::direction);
    office_ = server_.token(store::Role::design_office, "P-D");
    manager_a_ = server_.token(store::Role::manager, "P-MA");
    ASSERT_TRUE(server_.start());
  }

  simdjson::dom::element get(const std::string& path, const std::string& token, int status = 200) {
    const auto reply = server_.client().Get(path, {{"Authorization", "Bearer " + token}});
    EXPECT_TRUE(reply);
    if (!reply) return {};
    EXPECT_EQ(reply->status, status) << reply->body;
    return parser_.parse(reply->body);  // valid until the next parse
  }

  std::vector<std::string> ids(simdjson::dom::element queue) {
    std::vector<std::string> out;
    for (auto incident : queue["incidents"].get_array())
      out.emplace_back(incident["id"].get_string().value());
    return out;
  }

  Instant now_;
  testing::ApiServer server_;
  std::string direction_, office_, manager_a_;
  simdjson::dom::parser parser_;
};

TEST_F(IncidentQueueApiTest, CountsTheDayAndOrdersTheOpenIncidentsBySlaDue) {
  simdjson::dom::element queue = get("/api/v1/incidents", direction_);
  EXPECT_EQ(std::string_view{queue["state"].get_string()}, "open");
  EXPECT_EQ(int64_t{queue["counts"]["waiting"].get_int64()}, 2);
  EXPECT_EQ(int64_t{queue["counts"]["in_progress"].get_int64()}, 1);
  EXPECT_EQ(int64_t{queue["counts"]["resolved_today"].get_int64()}, 2);
  const auto today = queue["today"];
  EXPECT_DOUBLE_EQ(double{today["mean_resolution_hours"].get_double()}, 3.25);
  EXPECT_DOUBLE_EQ(double{today["resolution_target_hours"].get_double()}, 2);
  EXPECT_EQ(int64_t{today["resolved_with_sla"].get_int64()}, 2);
  EXPECT_EQ(int64_t{today["resolved_within_sla"].get_int64()}, 1);
  EXPECT_DOUBLE_EQ(double{today["sla_met_share"].get_double()}, 0.5);
  EXPECT_DOUBLE_EQ(double{today["chief_satisfaction"].get_double()}, 7);
  EXPECT_EQ(int64_t{today["chief_responses"].get_int64()}, 2);
  EXPECT_EQ(int64_t{today["chief_satisfaction_days"].get_int64()}, 92);
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"INC-2", "INC-1", "INC-5"}));

  const auto first = queue["incidents"].at(1);  // INC-1
  EXPECT_EQ(std::string_view{first["site_name"].get_string()}, "Chantier CH-A");
  EXPECT_EQ(std::string_view{first["chief_id"].get_string()}, "P-CCH-A");
  EXPECT_EQ(std::string_view{first["chief_name"].get_string()}, "Chef Alpha");
  EXPECT_EQ(std::string_view{first["state"].get_string()}, "waiting");
  EXPECT_EQ(std::string_view{first["opened_at"].get_string()}, at(now_ - 30min));
  EXPECT_EQ(std::string_view{first["sla_due_at"].get_string()}, at(now_ - 30min + 4h));
  EXPECT_DOUBLE_EQ(double{first["sla_hours"].get_double()}, 4);
  EXPECT_EQ(std::string_view{first["labels"]["category"]["label"].get_string()}, "Technique");
  EXPECT_EQ(std::string_view{first["labels"]["category"]["source"].get_string()}, "given");
  EXPECT_TRUE(first["labels"]["category"]["probability"].is_null());
  EXPECT_TRUE(first["model_version"].is_null());

  const auto taken = queue["incidents"].at(0);  // INC-2
  EXPECT_EQ(std::string_view{taken["state"].get_string()}, "in_progress");
  EXPECT_EQ(std::string_view{taken["taken_by"].get_string()}, "P-D");
  EXPECT_EQ(std::string_view{taken["taken_by_name"].get_string()}, "Dana Roux");
  EXPECT_EQ(std::string_view{taken["taken_at"].get_string()}, at(now_ - 2h));
  EXPECT_EQ(std::string_view{taken["sla_due_at"].get_string()}, at(now_ - 3h + 1h));

  const auto predicted = queue["incidents"].at(2);  // INC-5: Vigie's labels
  EXPECT_TRUE(predicted["chief_name"].is_null());   // CH-B's chief is no stored person
  const auto urgency = predicted["labels"]["urgency"];
  EXPECT_EQ(std::string_view{urgency["value"].get_string()}, "1d");
  EXPECT_EQ(std::string_view{urgency["label"].get_string()}, "< 1 j");
  EXPECT_EQ(std::string_view{urgency["source"].get_string()}, "predicted");
  EXPECT_DOUBLE_EQ(double{urgency["probability"].get_double()}, 0.7);
  EXPECT_EQ(int64_t{predicted["model_version"].get_int64()}, 3);
  EXPECT_EQ(std::string_view{predicted["sla_due_at"].get_string()}, at(now_ - 10min + 24h));
}

TEST_F(IncidentQueueApiTest, ListsOneStateOnRequestAndRefusesAnUnknownOne) {
  EXPECT_EQ(ids(get("/api/v1/incidents?state=resolved_today", direction_)),
            (std::vector<std::string>{"INC-3", "INC-4"}));  // the latest resolution first
  EXPECT_EQ(ids(get("/api/v1/incidents?state=waiting", direction_)),
            (std::vector<std::string>{"INC-1", "INC-5"}));
  EXPECT_EQ(ids(get("/api/v1/incidents?state=in_progress", direction_)),
            (std::vector<std::string>{"INC-2"}));
  const auto bad = server_.client().Get("/api/v1/incidents?state=closed",
                                        {{"Authorization", "Bearer " + direction_}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_EQ(bad->body, R"({"error":{"code":"invalid","field":"state",)"
                       R"("message":"must be open, waiting, in_progress or resolved_today"}})");
  EXPECT_EQ(server_.client().Get("/api/v1/incidents")->status, 401);
}

TEST_F(IncidentQueueApiTest, AManagerSeesOnlyTheirSitesIncidents) {
  simdjson::dom::element queue = get("/api/v1/incidents", manager_a_);
  EXPECT_EQ(ids(queue), (std::vector<std::string>{"INC-2", "INC-1"}));
  EXPECT_EQ(int64_t{queue["counts"]["waiting"].get_int64()}, 1);
  EXPECT_EQ(int64_t{queue["counts"]["resolved_today"].get_int64()}, 0);
  EXPECT_TRUE(queue["today"]["mean_resolution_hours"].is_null());
  EXPECT_TRUE(queue["today"]["sla_met_share"].is_null());
  EXPECT_DOUBLE_EQ(double{queue["today"]["chief_satisfaction"].get_double()}, 6);
  // Another site's incident does not exist for them.
  EXPECT_EQ(server_.post("/api/v1/incidents/INC-5/take", "", manager_a_)->status, 404);
}

TEST_F(IncidentQueueApiTest, TakingRecordsIncidentTakenOnceAndNamesWhoTookIt) {
  const auto reply = server_.post("/api/v1/incidents/INC-1/take", "", office_);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  simdjson::dom::element incident = parser_.parse(reply->body);
  EXPECT_EQ(std::string_view{incident["state"].get_string()}, "in_progress");
  EXPECT_EQ(std::string_view{incident["taken_by"].get_string()}, "P-D");
  EXPECT_EQ(std::string_view{incident["taken_by_name"].get_string()}, "Dana Roux");

  // The event is stored as the design office's, from the web.
  std::vector<events::Event> taken;
  ASSERT_TRUE(server_.store().scan_events_of_types(
      0, std::array{events::EventType::incident_taken},
      [&](std::int64_t, const events::Event& e) { taken.push_back(e); }));
  ASSERT_EQ(taken.size(), 2U);  // INC-2's and this one
  EXPECT_EQ(taken[1].actor_id, "P-D");
  EXPECT_EQ(taken[1].source, events::Source::web);
  EXPECT_NE(taken[1].data.find(R"("by":"P-D")"), std::string::npos) << taken[1].data;

  simdjson::dom::element queue = get("/api/v1/incidents", direction_);
  EXPECT_EQ(int64_t{queue["counts"]["waiting"].get_int64()}, 1);
  EXPECT_EQ(int64_t{queue["counts"]["in_progress"].get_int64()}, 2);

  const auto again = server_.post("/api/v1/incidents/INC-1/take", "", manager_a_);
  EXPECT_EQ(again->status, 409);
  EXPECT_EQ(again->body,
            R"({"error":{"code":"conflict","message":"incident INC-1 is already taken by P-D"}})");
  EXPECT_EQ(server_.post("/api/v1/incidents/INC-3/take", "", office_)->body,
            R"({"error":{"code":"conflict","message":"incident INC-3 is resolved"}})");
  EXPECT_EQ(server_.post("/api/v1/incidents/INC-9/take", "", office_)->status, 404);
  const auto direction = server_.post("/api/v1/incidents/INC-5/take", "", direction_);
  EXPECT_EQ(direction->status, 403);
  EXPECT_EQ(
      direction->body,
      R"({"error":{"code":"forbidden","message":"role direction may not record incident.taken"}})");
}

TEST_F(IncidentQueueApiTest, ACorrectionIsRecordedAndShownBesideThePrediction) {
  const auto reply =
      server_.post("/api/v1/incidents/INC-5/labels", R"({"category":"safety"})", office_);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  simdjson::dom::element incident = parser_.parse(reply->body);
  const auto category = incident["labels"]["category"];
  EXPECT_EQ(std::string_view{category["value"].get_string()}, "safety");
  EXPECT_EQ(std::string_view{category["label"].get_string()}, "Sécurité");
  EXPECT_EQ(std::string_view{category["source"].get_string()}, "corrected");
  EXPECT_EQ(std::string_view{category["predicted"].get_string()}, "technical");
  EXPECT_DOUBLE_EQ(double{category["probability"].get_double()}, 0.87);
  EXPECT_EQ(std::string_view{incident["labels"]["severity"]["source"].get_string()}, "predicted");

  // An urgency corrected moves the SLA: < 1 h from the opening.
  const auto urgent =
      server_.post("/api/v1/incidents/INC-5/labels", R"({"urgency":"1h"})", office_);
  ASSERT_EQ(urgent->status, 200) << urgent->body;
  EXPECT_EQ(std::string_view{parser_.parse(urgent->body)["sla_due_at"].get_string()},
            at(now_ - 10min + 1h));

  std::vector<events::Event> relabelled;
  ASSERT_TRUE(server_.store().scan_events_of_types(
      0, std::array{events::EventType::incident_relabelled},
      [&](std::int64_t, const events::Event& e) { relabelled.push_back(e); }));
  ASSERT_EQ(relabelled.size(), 2U);
  EXPECT_EQ(relabelled[0].actor_id, "P-D");
  EXPECT_NE(relabelled[0].data.find(R"("category":"safety")"), std::string::npos)
      << relabelled[0].data;
}

struct Refusal {
  std::string_view name, body, field, message;
};
constexpr Refusal kRefusals[] = {
    {"unknown value", R"({"category":"fire"})", "category",
     "must be safety, technical, material or administrative"},
    {"not a string", R"({"urgency":4})", "urgency", "must be 1h, 4h, 1d or 3d"},
    {"unknown label", R"({"colour":"red"})", "colour",
     "is not a label: category, severity or urgency"},
    {"no label", "{}", "body", "must give category, severity or urgency"},
    {"not an object", "[1]", "body", "must be a JSON object with category, severity or urgency"},
};

TEST_F(IncidentQueueApiTest, RefusesABadCorrectionNamingTheFieldAndStoresNothing) {
  for (const Refusal& c : kRefusals) {
    SCOPED_TRACE(c.name);
    const auto reply = server_.post("/api/v1/incidents/INC-5/labels", std::string{c.body}, office_);
    ASSERT_TRUE(reply);
    EXPECT_EQ(reply->status, 422);
    EXPECT_EQ(reply->body, R"({"error":{"code":"invalid","field":")" + std::string{c.field} +
                               R"(","message":")" + std::string{c.message} + R"("}})");
  }
  EXPECT_EQ(server_.post("/api/v1/incidents/INC-5/labels", R"({"category":"safety"})", direction_)
                ->status,
            403);
  std::size_t relabelled = 0;
  ASSERT_TRUE(server_.store().scan_events_of_types(
      0, std::array{events::EventType::incident_relabelled},
      [&](std::int64_t, const events::Event&) { ++relabelled; }));
  EXPECT_EQ(relabelled, 0U);
}

}  // namespace
}  // namespace vigie::api
