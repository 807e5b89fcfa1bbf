// The company's incidents as triage folds them (company_incidents.hpp): what still needs
// classifying, which labels people gave, the share of predictions corrected, the next training
// set changing with a relabelling (issue 7, "Done means"), and the alert of a critical incident.
#include <gtest/gtest.h>

#include "events/parse.hpp"
#include "models/triage/critical_alert.hpp"
#include "models/triage/company_incidents.hpp"
#include "models/triage/similar_incidents.hpp"
#include "models/triage/training.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::models::triage {
namespace {

using testing::event_from;
using testing::event_json;

const std::string kAt = "2026-12-03T09:40:00+01:00";

events::Event opened(const std::string& incident, const std::string& labels = "") {
  return event_from(event_json("o-" + incident, "incident.opened", "CH-1", kAt,
                               R"({"incident_id":")" + incident +
                                   R"(","description":"Chute d'un ouvrier depuis l'échafaudage")" +
                                   labels + "}"));
}

events::Event relabelled(const std::string& incident, const std::string& labels) {
  return event_from(event_json("r-" + incident + labels, "incident.relabelled", "CH-1",
                               "2026-12-03T11:00:00+01:00",
                               R"({"incident_id":")" + incident + "\"," + labels + "}"));
}

events::Event resolved(const std::string& incident) {
  return event_from(event_json("s-" + incident, "incident.resolved", "CH-1",
                               "2026-12-03T15:00:00+01:00",
                               R"({"incident_id":")" + incident + R"(","resolution":"fait"})"));
}

// Vigie's own event: parsed as the store reads it back.
events::Event classified(const std::string& incident, const std::string& labels) {
  auto event = events::parse_event(
      event_json("c-" + incident, "incident.classified", "CH-1", kAt,
                 R"({"incident_id":")" + incident + "\"," + labels + R"(,"model_version":2})"),
      events::Origin::vigie);
  EXPECT_TRUE(event) << event.error().describe();
  return *event;
}

TEST(CompanyIncidents, AnOpeningWithoutLabelsWaitsForAClassification) {
  CompanyIncidents incidents;
  incidents.apply(opened("I-1"));
  incidents.apply(opened("I-2", R"(,"category":"safety","severity":"high","urgency":"1h")"));
  incidents.apply(opened("I-3", R"(,"category":"safety")"));
  EXPECT_TRUE(incidents.find("CH-1", "I-1")->needs_classification());
  EXPECT_FALSE(incidents.find("CH-1", "I-2")->needs_classification());
  EXPECT_TRUE(incidents.find("CH-1", "I-3")->needs_classification());  // severity, urgency missing

  incidents.apply(classified("I-1", R"("category":"safety","severity":"critical","urgency":"1h")"));
  const IncidentRecord& one = *incidents.find("CH-1", "I-1");
  EXPECT_FALSE(one.needs_classification());
  EXPECT_EQ(one.model_version, 2);
  EXPECT_EQ(one.labels(), (Labels{Type::security, Severity::critical, Urgency::within_1h}));
  // A prediction alone is no person's label: it does not train the next version.
  EXPECT_FALSE(one.person_labels());
}

TEST(CompanyIncidents, ACorrectionOverridesThePredictionAndConfirmsTheRest) {
  CompanyIncidents incidents;
  incidents.apply(opened("I-1"));
  incidents.apply(classified("I-1", R"("category":"safety","severity":"critical","urgency":"1h")"));
  incidents.apply(relabelled("I-1", R"("severity":"high")"));
  const IncidentRecord& record = *incidents.find("CH-1", "I-1");
  EXPECT_EQ(record.labels(), (Labels{Type::security, Severity::high, Urgency::within_1h}));
  EXPECT_TRUE(record.prediction_corrected(Output::severity));
  EXPECT_FALSE(record.prediction_corrected(Output::type));
  // The person who corrected the severity read the type and urgency and left them.
  EXPECT_EQ(record.person_labels(), (Labels{Type::security, Severity::high, Urgency::within_1h}));
}

TEST(CompanyIncidents, TheShareOfCorrectedPredictions) {
  CompanyIncidents incidents;
  for (const std::string id : {"I-1", "I-2", "I-3", "I-4"}) {
    incidents.apply(opened(id));
    incidents.apply(classified(id, R"("category":"technical","severity":"medium","urgency":"1d")"));
  }
  incidents.apply(relabelled("I-1", R"("category":"material")"));        // corrected
  incidents.apply(relabelled("I-2", R"("severity":"medium")"));          // confirmed, not corrected
  incidents.apply(relabelled("I-3", R"("severity":"low","urgency":"3d")"));  // corrected twice
  incidents.apply(opened("I-5", R"(,"category":"safety","severity":"low","urgency":"3d")"));
  incidents.apply(relabelled("I-5", R"("severity":"medium")"));  // a chief's label, not Vigie's
  const CorrectionShare share = incidents.correction_share();
  EXPECT_EQ(share.classified, 4u);
  EXPECT_EQ(share.corrected, 2u);
  EXPECT_DOUBLE_EQ(share.share(), 0.5);
  EXPECT_EQ(share.predicted, (std::array<std::size_t, 3>{4, 4, 4}));
  EXPECT_EQ(share.changed, (std::array<std::size_t, 3>{1, 1, 1}));
}

TEST(CompanyIncidents, ARelabelledIncidentChangesTheNextTrainingSet) {
  testing::TempDir dir;
  auto store = store::open_store({"sqlite", dir.file("vigie.db"), false});
  ASSERT_TRUE(store);
  const std::vector<events::Event> first = {
      testing::event_from(testing::site_json("s-1", "CH-1", "2026-01-05T08:00:00+01:00")),
      opened("I-1", R"(,"category":"technical","severity":"medium","urgency":"1d")"),
      opened("I-2"),
      classified("I-2", R"("category":"material","severity":"low","urgency":"3d")"),
  };
  ASSERT_TRUE((*store)->append(first));
  IncidentText shipped;
  shipped.description = "Livraison de parpaings en retard";
  shipped.labels = {Type::material, Severity::medium, Urgency::within_1d};

  auto before = triage_training_set(**store, {shipped});
  ASSERT_TRUE(before) << before.error().describe();
  EXPECT_EQ(before->shipped, 1u);
  ASSERT_EQ(before->company, 1u);  // I-1 labelled by its chief; I-2 only predicted
  ASSERT_EQ(before->texts.size(), 2u);
  EXPECT_EQ(before->texts[1].id, "CH-1/I-1");
  EXPECT_EQ(before->texts[1].site_type, "tertiaire");
  EXPECT_EQ(before->texts[1].labels, (Labels{Type::technical, Severity::medium, Urgency::within_1d}));

  const std::vector<events::Event> corrections = {
      relabelled("I-1", R"("severity":"critical","urgency":"1h")"),
      relabelled("I-2", R"("category":"administrative")"),
  };
  ASSERT_TRUE((*store)->append(corrections));
  auto after = triage_training_set(**store, {shipped});
  ASSERT_TRUE(after);
  ASSERT_EQ(after->company, 2u);
  EXPECT_EQ(after->corrected, 2u);
  EXPECT_EQ(after->texts[1].labels, (Labels{Type::technical, Severity::critical, Urgency::within_1h}));
  EXPECT_EQ(after->texts[2].id, "CH-1/I-2");
  // I-2's text is I-1's (same site, opened at the same instant, not before): no similar one.
  EXPECT_EQ(after->texts[2].similar_labels, kNoLabels);
  EXPECT_EQ(after->texts[2].labels, (Labels{Type::administrative, Severity::low, Urgency::within_3d}));
}

TEST(SimilarIncidents, JaccardOfWordSets) {
  EXPECT_DOUBLE_EQ(jaccard({"a", "b", "c"}, {"b", "c", "d"}), 0.5);
  EXPECT_DOUBLE_EQ(jaccard({}, {}), 0.0);
  EXPECT_EQ(word_set("Fuite, fuite à l'étage"), (std::vector<std::string>{"a", "etage", "fuite", "l"}));
}

events::Event opened_text(const std::string& site, const std::string& incident,
                          const std::string& at, const std::string& text, const std::string& labels) {
  return event_from(event_json("o-" + site + incident, "incident.opened", site, at,
                               R"({"incident_id":")" + incident + R"(","description":")" + text +
                                   "\"" + labels + "}"));
}

TEST(SimilarIncidents, TheLabelsOfTheMostSimilarRecentIncidentOfTheSite) {
  CompanyIncidents incidents;
  incidents.apply(opened_text("CH-1", "I-1", "2026-11-20T09:00:00+01:00",
                              "Fuite sur la colonne d'eau au R+2",
                              R"(,"category":"technical","severity":"medium","urgency":"1d")"));
  incidents.apply(opened_text("CH-1", "I-2", "2026-11-25T09:00:00+01:00",
                              "Livraison de parpaings en retard",
                              R"(,"category":"material","severity":"low","urgency":"3d")"));
  incidents.apply(opened_text("CH-2", "I-9", "2026-11-26T09:00:00+01:00",
                              "Fuite sur la colonne d'eau au R+1",
                              R"(,"category":"safety","severity":"high","urgency":"4h")"));
  const auto words = word_set("Nouvelle fuite sur la colonne d'eau au R+3");  // 8 of 11 words shared
  const auto at = [](const char* text) { return *parse_rfc3339(text); };
  EXPECT_EQ(incidents.similar_labels("CH-1", words, at("2026-11-30T10:00:00+01:00"), "I-5"),
            (Labels{Type::technical, Severity::medium, Urgency::within_1d}));
  // Only before the incident, within 30 days, on its own site, and not itself.
  EXPECT_EQ(incidents.similar_labels("CH-1", words, at("2026-11-20T08:00:00+01:00"), "I-5"), kNoLabels);
  EXPECT_EQ(incidents.similar_labels("CH-1", words, at("2026-12-21T10:00:00+01:00"), "I-5"), kNoLabels);
  EXPECT_EQ(incidents.similar_labels("CH-3", words, at("2026-11-30T10:00:00+01:00"), "I-5"), kNoLabels);
  EXPECT_EQ(incidents.similar_labels("CH-1", words, at("2026-11-30T10:00:00+01:00"), "I-1"), kNoLabels);
  // A correction of the similar incident is what counts.
  incidents.apply(relabelled("I-1", R"("severity":"high")"));
  EXPECT_EQ(incidents.similar_labels("CH-1", words, at("2026-11-30T10:00:00+01:00"), "I-5")[1],
            Severity::high);
}

TEST(CriticalAlert, SaysWhatWhereWhyAndWhatToDoInFrench) {
  CompanyIncidents incidents;
  incidents.apply(opened("I-7", R"(,"category":"safety")"));
  incidents.apply(classified("I-7", R"("severity":"critical","urgency":"1h","severity_probability":0.874)"));
  const IncidentRecord& record = *incidents.find("CH-1", "I-7");
  ASSERT_TRUE(is_open_critical(record));
  const auto alert = critical_alert(record, "Résidence Les Tilleuls", SlaHours{}, Instant{});
  EXPECT_EQ(alert.key, "incident_critical:CH-1:I-7");
  EXPECT_EQ(alert.audience, "Direction");
  EXPECT_EQ(alert.title, "Incident critique sur Résidence Les Tilleuls (CH-1)");
  EXPECT_EQ(alert.message,
            "Incident I-7 ouvert le 03/12/2026 à 09:40 : « Chute d'un ouvrier depuis "
            "l'échafaudage ». Gravité Critique (prédit par Vigie, probabilité 87 %, modèle de "
            "triage version 2), type Sécurité, urgence < 1 h. Prise en charge attendue avant le "
            "03/12/2026 à 10:40 (SLA 1 h). Files : Responsable d'affaire, Direction. À faire : "
            "appeler le chef de chantier, vérifier que la zone est sécurisée et que les secours "
            "ont été prévenus si quelqu'un est blessé, puis prendre l'incident en charge.");
  EXPECT_EQ(alert.figures,
            R"({"incident_id":"I-7","type":"Sécurité","severity":"Critique","urgency":"< 1 h",)"
            R"("model_version":2,"severity_probability":0.874})");

  incidents.apply(resolved("I-7"));
  EXPECT_FALSE(is_open_critical(*incidents.find("CH-1", "I-7")));
}

TEST(CriticalAlert, ACorrectionBelowCritiqueEndsIt) {
  CompanyIncidents incidents;
  incidents.apply(opened("I-8", R"(,"severity":"critical")"));
  EXPECT_TRUE(is_open_critical(*incidents.find("CH-1", "I-8")));
  incidents.apply(relabelled("I-8", R"("severity":"high")"));
  EXPECT_FALSE(is_open_critical(*incidents.find("CH-1", "I-8")));
}

}  // namespace
}  // namespace vigie::models::triage
