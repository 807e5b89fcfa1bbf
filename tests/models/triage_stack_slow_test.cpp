// The triage stack trained on a slice of the shipped corpus (small learners, to stay quick under
// the sanitizers): its probabilities are distributions, a saved and loaded model answers exactly
// as the trained one, and the rules follow from its labels.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "models/triage/incident_text.hpp"
#include "models/triage/triage_model.hpp"
#include "support/triage_corpus.hpp"

namespace vigie::models::triage {
namespace {

using testing::small_triage_params;
using testing::triage_corpus_slice;

TEST(TriageStack, SavedAndLoadedAnswersAsTrained) {
  const auto incidents = triage_corpus_slice(20);  // ~170 texts of every part
  ASSERT_GT(incidents.size(), 150u);
  auto model = TriageModel::train(incidents, small_triage_params());
  ASSERT_TRUE(model) << model.error().describe();
  auto bytes = model->save();
  ASSERT_TRUE(bytes) << bytes.error().describe();
  auto loaded = TriageModel::load(*bytes);
  ASSERT_TRUE(loaded) << loaded.error().describe();

  const SlaHours sla;
  IncidentText probe;
  probe.description = "Ouvrier tombé de l'échafaudage au R+2, il saigne, pompiers appelés";
  probe.site_type = "residentiel";
  for (const auto* m : {&*model, &*loaded}) {
    auto p = m->classify(probe, sla);
    ASSERT_TRUE(p) << p.error().describe();
    for (const auto& output : p->probabilities) {
      EXPECT_NEAR(std::accumulate(output.begin(), output.end(), 0.0), 1.0, 1e-4);
    }
    EXPECT_EQ(p->routing, routing(p->labels[0], p->labels[1]));
    EXPECT_EQ(p->sla_hours, sla_hours(p->labels[2], sla));
  }
  const auto a = model->classify(probe, sla);
  const auto b = loaded->classify(probe, sla);
  EXPECT_EQ(a->labels, b->labels);
  EXPECT_EQ(a->probabilities, b->probabilities);
}

TEST(TriageStack, RefusesAModelThatIsNotOne) {
  EXPECT_FALSE(TriageModel::load("VIGIE-DELAY-MODEL 1\n{}"));
  EXPECT_FALSE(TriageModel::load("VIGIE-TEXT-STACK 1\n{\"views\":\"both\"}\n"));
}

}  // namespace
}  // namespace vigie::models::triage
