// Routing and SLA rules of models.md (Model 3), one row per rule, and the mapping between the
// French values and the event catalogue's.
#include <gtest/gtest.h>

#include "models/triage/labels.hpp"

namespace vigie::models::triage {
namespace {

struct RoutingCase {
  const char* type;
  const char* severity;
  std::vector<Queue> queues;
  const char* rule;
};

class Routing : public ::testing::TestWithParam<RoutingCase> {};

TEST_P(Routing, FollowsTheRule) {
  const RoutingCase& c = GetParam();
  const auto type = class_of(Output::type, c.type);
  const auto severity = class_of(Output::severity, c.severity);
  ASSERT_TRUE(type && severity);
  EXPECT_EQ(routing(*type, *severity), c.queues) << c.rule;
}

constexpr auto BE = Queue::design_office;
constexpr auto RA = Queue::site_manager;
constexpr auto DIR = Queue::direction;

INSTANTIATE_TEST_SUITE_P(
    ModelsMd, Routing,
    ::testing::Values(
        RoutingCase{"Technique", "Faible", {BE}, "Technique → Bureau d'études"},
        RoutingCase{"Technique", "Élevé", {BE}, "Technique Élevé is not Sécurité: no Direction"},
        RoutingCase{"Sécurité", "Moyen", {RA}, "Sécurité → Responsable d'affaire"},
        RoutingCase{"Matériel", "Moyen", {RA}, "Matériel → Responsable d'affaire"},
        RoutingCase{"Administratif", "Faible", {RA}, "Administratif → Responsable d'affaire"},
        RoutingCase{"Sécurité", "Élevé", {RA, DIR}, "Sécurité from Élevé up → Direction as well"},
        RoutingCase{"Sécurité", "Critique", {RA, DIR}, "Sécurité Critique → Direction as well"},
        RoutingCase{"Technique", "Critique", {BE, DIR}, "any Critique → Direction as well"},
        RoutingCase{"Matériel", "Critique", {RA, DIR}, "any Critique → Direction as well"},
        RoutingCase{"Administratif", "Critique", {RA, DIR}, "any Critique → Direction as well"}));

TEST(Sla, EachUrgencyTakesItsSetting) {
  const SlaHours defaults;
  EXPECT_EQ(sla_hours(*class_of(Output::urgency, "< 1 h"), defaults), 1);
  EXPECT_EQ(sla_hours(*class_of(Output::urgency, "< 4 h"), defaults), 4);
  EXPECT_EQ(sla_hours(*class_of(Output::urgency, "< 1 j"), defaults), 24);
  EXPECT_EQ(sla_hours(*class_of(Output::urgency, "< 3 j"), defaults), 72);
  const SlaHours custom{0.5, 2, 8, 40};
  EXPECT_EQ(sla_hours(*class_of(Output::urgency, "< 1 h"), custom), 0.5);
  EXPECT_EQ(sla_hours(*class_of(Output::urgency, "< 3 j"), custom), 40);
}

TEST(Labels, FrenchValuesAndEventValuesAreTheSameClasses) {
  EXPECT_EQ(event_value(Output::type, *class_of(Output::type, "Sécurité")), "safety");
  EXPECT_EQ(event_value(Output::type, *class_of(Output::type, "Administratif")), "administrative");
  EXPECT_EQ(event_value(Output::severity, *class_of(Output::severity, "Élevé")), "high");
  EXPECT_EQ(event_value(Output::urgency, *class_of(Output::urgency, "< 1 j")), "1d");
  EXPECT_EQ(class_of_event_value(Output::urgency, "4h"), class_of(Output::urgency, "< 4 h"));
  EXPECT_FALSE(class_of(Output::type, "Securite"));  // the exact value, accents included
  EXPECT_FALSE(class_of(Output::urgency, "<1h"));
  EXPECT_EQ(queue_name(Queue::design_office), "Bureau d'études");
}

}  // namespace
}  // namespace vigie::models::triage
