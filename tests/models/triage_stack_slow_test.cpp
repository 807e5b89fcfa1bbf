// The triage stack trained on a slice of the shipped corpus (small learners, to stay quick under
// the sanitizers): its probabilities are distributions, a saved and loaded model answers exactly
// as the trained one, and the rules follow from its labels.
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "models/triage/incident_text.hpp"
#include "models/triage/triage_model.hpp"
#include "models/triage/fasttext_model.hpp"
#include "models/triage/text_tokens.hpp"
#include "models/triage/tfidf_model.hpp"
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

// The mean combiner (the ablation of `vigie eval text --combiner mean`) answers the plain mean of
// its views, each trained alone on the same texts, and saves and loads like the forest's.
TEST(TriageStack, TheMeanCombinerAveragesItsViews) {
  const auto incidents = triage_corpus_slice(20);
  std::vector<StackExample> examples;
  LabelledTexts texts;
  texts.classes = {4};
  texts.labels.resize(1);
  for (const IncidentText& incident : incidents) {
    examples.push_back({text_tokens(incident.description), {}, {incident.labels[0]}});
    texts.texts.push_back(examples.back().text);
    texts.labels[0].push_back(incident.labels[0]);
  }
  StackParams params = small_triage_params();
  params.combiner = Combiner::mean;
  auto stack = TextStack::train({4}, examples, params);
  ASSERT_TRUE(stack) << stack.error().describe();
  auto fasttext = FastTextModel::train(texts, params.fasttext);
  auto tfidf = TfidfModel::train(texts, params.tfidf);
  ASSERT_TRUE(fasttext && tfidf);
  auto loaded = TextStack::load(*stack->save());
  ASSERT_TRUE(loaded) << loaded.error().describe();
  for (const char* text : {"Câble dénudé au TGBT du RDC", "facture du loueur de nacelle en double"}) {
    const Tokens tokens = text_tokens(text);
    const auto a = (*fasttext)->probabilities(tokens)[0];
    const auto b = (*tfidf)->probabilities(tokens)[0];
    const auto mean = stack->classify(tokens, {});
    ASSERT_TRUE(mean);
    for (std::size_t c = 0; c < 4; ++c) EXPECT_NEAR((*mean)[0][c], (a[c] + b[c]) / 2, 1e-6) << text;
    EXPECT_EQ(*loaded->classify(tokens, {}), *mean);
  }
}

TEST(TriageStack, RefusesAModelThatIsNotOne) {
  EXPECT_FALSE(TriageModel::load("VIGIE-DELAY-MODEL 1\n{}"));
  EXPECT_FALSE(TriageModel::load("VIGIE-TEXT-STACK 1\n{\"views\":\"both\"}\n"));
}

}  // namespace
}  // namespace vigie::models::triage
