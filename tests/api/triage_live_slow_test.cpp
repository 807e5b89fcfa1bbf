// Incident triage in a running server (issue 7, point 3), with a real triage version trained on
// a slice of the shipped corpus: an incident stored before the start (a crash after the
// acknowledgement) is classified by the catch-up; one opened without labels is classified on
// arrival and stored as incident.classified naming the version; a Critique raises exactly one
// alert to Direction, which its resolution clears; a correction counts in the share of corrected
// predictions; the classify route answers in models.md's French values.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <vector>

#include <map>

#include "events/data_fields.hpp"
#include "models/triage/training.hpp"
#include "support/api_server.hpp"
#include "support/tiny_company.hpp"
#include "support/triage_corpus.hpp"

namespace vigie::api {
namespace {

const std::string kSite = "CH-1";

std::string opened_json(const std::string& incident, const std::string& description,
                        const std::string& labels = "") {
  return testing::event_json("o-" + incident, "incident.opened", kSite, "2026-12-03T09:40:00+01:00",
                             R"({"incident_id":")" + incident + R"(","description":")" +
                                 description + "\"" + labels + "}");
}

class TriageLiveTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::vector<events::Event> before = {
        testing::event_from(testing::site_json("s-1", kSite, "2026-01-05T08:00:00+01:00")),
        testing::event_from(opened_json("I-0", "Plus de béton pour finir la dalle, livraison demain matin")),
    };
    ASSERT_TRUE(server_.store().append(before));
    auto set = models::triage::triage_training_set(server_.store(), testing::triage_corpus_slice(20));
    ASSERT_TRUE(set) << set.error().describe();
    auto trained = models::triage::train_triage_version(
        server_.store(), *set, {}, testing::small_triage_params(), TriageSettings{}, "test",
        instant_now());
    ASSERT_TRUE(trained) << trained.error().describe();
    reader_ = server_.token(store::Role::direction);
    admin_ = server_.token(store::Role::admin);
    ASSERT_TRUE(server_.start());
    server_.stack().triage().wait_idle();
  }

  void send(const std::string& event) {
    const auto reply = server_.post("/api/v1/events", event, admin_);
    ASSERT_TRUE(reply);
    ASSERT_EQ(reply->status, 200) << reply->body;
    server_.stack().triage().wait_idle();
  }

  // The stored incident.classified events' data, by incident id.
  std::map<std::string, std::string> classifications() {
    std::map<std::string, std::string> out;
    const events::EventType types[] = {events::EventType::incident_classified};
    EXPECT_TRUE(server_.store().scan_events_of_types(0, types, [&](std::int64_t, const events::Event& e) {
      EXPECT_EQ(e.source, events::Source::vigie);
      out[std::string{events::DataFields::of(e)->text("incident_id")}] = e.data;
    }));
    return out;
  }

  simdjson::dom::element get(const std::string& path) {
    const auto reply = server_.client().Get(path, {{"Authorization", "Bearer " + reader_}});
    EXPECT_TRUE(reply);
    if (!reply) return {};
    EXPECT_EQ(reply->status, 200) << reply->body;
    bodies_.push_back(reply->body);
    simdjson::dom::element root;
    EXPECT_EQ(parsers_.emplace_back().parse(bodies_.back()).get(root), simdjson::SUCCESS);
    return root;
  }

  testing::ApiServer server_;
  std::string reader_, admin_;
  std::list<std::string> bodies_;
  std::list<simdjson::dom::parser> parsers_;
};

TEST_F(TriageLiveTest, ClassifiesOnArrivalAndCatchesUpAtStart) {
  auto stored = classifications();
  ASSERT_EQ(stored.count("I-0"), 1u) << "the incident stored before the start is classified";
  send(opened_json("I-1", "Câble dénudé au TGBT du RDC, zone balisée"));
  send(opened_json("I-2", "Plans de ferraillage du voile V3 pas à jour",
                   R"(,"category":"technical","severity":"medium","urgency":"1d")"));
  stored = classifications();
  ASSERT_EQ(stored.count("I-1"), 1u);
  EXPECT_EQ(stored.count("I-2"), 0u) << "an incident its chief labelled is not classified";
  for (const std::string id : {"I-0", "I-1"}) {
    SCOPED_TRACE(id);
    simdjson::dom::parser parser;
    const auto data = parser.parse(stored[id]);
    EXPECT_EQ(data["model_version"].get_int64().value(), 1);
    for (const char* field : {"category", "severity", "urgency"}) {
      EXPECT_EQ(data[field].error(), simdjson::SUCCESS) << field;
      const double p = data[std::string{field} + "_probability"].get_double().value();
      EXPECT_GT(p, 0.25);  // the most likely of four classes
      EXPECT_LE(p, 1.0);
    }
  }
  const auto model = get("/api/v1/models/triage");
  EXPECT_EQ(model["model"]["version"].get_int64().value(), 1);
  EXPECT_EQ(model["corrections"]["classified"].get_uint64().value(), 2u);
  EXPECT_EQ(model["corrections"]["corrected"].get_uint64().value(), 0u);
}

TEST_F(TriageLiveTest, ACorrectionCountsInTheShareOfCorrectedPredictions) {
  simdjson::dom::parser parser;
  const std::string predicted{parser.parse(classifications()["I-0"])["category"].get_string().value()};
  const std::string other = predicted == "safety" ? "administrative" : "safety";
  send(testing::event_json("r-0", "incident.relabelled", kSite, "2026-12-03T11:00:00+01:00",
                           R"({"incident_id":"I-0","category":")" + other + "\"}"));
  const auto model = get("/api/v1/models/triage");
  EXPECT_EQ(model["corrections"]["classified"].get_uint64().value(), 1u);
  EXPECT_EQ(model["corrections"]["corrected"].get_uint64().value(), 1u);
  EXPECT_DOUBLE_EQ(model["corrections"]["share"].get_double().value(), 1.0);
  EXPECT_EQ(model["corrections"]["type"]["corrected"].get_uint64().value(), 1u);
  EXPECT_EQ(model["corrections"]["severity"]["corrected"].get_uint64().value(), 0u);
}

TEST_F(TriageLiveTest, ACritiqueRaisesOneAlertUntilResolved) {
  send(opened_json("I-3", "Ouvrier tombé de l'échafaudage au R+2, il saigne, pompiers appelés",
                   R"(,"severity":"critical")"));
  send(testing::event_json("r-3", "incident.relabelled", kSite, "2026-12-03T09:50:00+01:00",
                           R"({"incident_id":"I-3","urgency":"1h"})"));  // still Critique
  // The incident's alerts only: the site's rule alerts (no daily report since January) may be
  // there too (alerts/alert_watch.hpp).
  const auto critical = [](simdjson::dom::element reply) {
    std::vector<simdjson::dom::element> out;
    for (auto alert : reply["alerts"].get_array()) {
      if (alert["kind"].get_string().value() == "incident_critical") out.push_back(alert);
    }
    return out;
  };
  const auto alerts = critical(get("/api/v1/alerts"));
  ASSERT_EQ(alerts.size(), 1u);
  const auto alert = alerts.at(0);
  EXPECT_EQ(alert["kind"].get_string().value(), "incident_critical");
  EXPECT_EQ(alert["audience"].get_string().value(), "Direction");
  EXPECT_EQ(alert["site_id"].get_string().value(), kSite);
  EXPECT_EQ(alert["title"].get_string().value(), "Incident critique sur Lyon Tertiaire – Tour Oxygène (CH-1)");
  const std::string_view message = alert["message"].get_string().value();
  EXPECT_NE(message.find("Gravité Critique (indiqué par le chef de chantier)"), std::string_view::npos)
      << message;
  EXPECT_NE(message.find("urgence < 1 h"), std::string_view::npos) << message;
  EXPECT_NE(message.find("avant le 03/12/2026 à 10:40 (SLA 1 h)"), std::string_view::npos) << message;
  EXPECT_TRUE(alert["cleared_at"].is_null());

  send(testing::event_json("s-3", "incident.resolved", kSite, "2026-12-03T12:00:00+01:00",
                           R"({"incident_id":"I-3","resolution":"Blessé évacué, garde-corps posé"})"));
  EXPECT_EQ(critical(get("/api/v1/alerts")).size(), 0u);
  const auto history = critical(get("/api/v1/alerts?status=all"));
  ASSERT_EQ(history.size(), 1u);
  EXPECT_FALSE(history.at(0)["cleared_at"].is_null());
}

TEST_F(TriageLiveTest, ClassifiesATextWithoutStoringIt) {
  const auto events_before = *server_.store().event_count();
  const auto reply = server_.post("/api/v1/incidents/classify",
                                  R"({"id":"x1","description":"Nacelle en panne, batterie HS",)"
                                  R"("site_type":"industriel","opened_at":"2026-12-04T07:30:00+01:00"})",
                                  reader_);
  ASSERT_TRUE(reply);
  ASSERT_EQ(reply->status, 200) << reply->body;
  simdjson::dom::parser parser;
  const auto body = parser.parse(reply->body);
  EXPECT_EQ(body["id"].get_string().value(), "x1");
  EXPECT_EQ(body["model_version"].get_int64().value(), 1);
  const std::string_view type = body["type"].get_string().value();
  EXPECT_TRUE(type == "Sécurité" || type == "Technique" || type == "Matériel" || type == "Administratif");
  const std::string_view urgency = body["urgency"].get_string().value();
  const std::map<std::string_view, double> sla = {{"< 1 h", 1}, {"< 4 h", 4}, {"< 1 j", 24}, {"< 3 j", 72}};
  ASSERT_EQ(sla.count(urgency), 1u);
  EXPECT_EQ(body["sla_hours"].get_double().value(), sla.at(urgency));
  double total = 0;
  const simdjson::dom::object type_probabilities = body["probabilities"]["type"].get_object().value();
  for (auto [label, p] : type_probabilities) total += p.get_double().value();
  EXPECT_NEAR(total, 1.0, 1e-4);
  EXPECT_EQ(*server_.store().event_count(), events_before);
}

}  // namespace
}  // namespace vigie::api
