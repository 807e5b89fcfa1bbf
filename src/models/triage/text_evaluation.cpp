#include "models/triage/text_evaluation.hpp"

#include <algorithm>
#include <map>
#include <random>

#include "models/triage/evaluation.hpp"
#include "models/triage/text_tokens.hpp"

namespace vigie::models::triage {
namespace {

std::vector<std::string> class_names_of(const std::vector<LabelledText>& texts) {
  std::vector<std::string> names;
  for (const auto& t : texts) names.push_back(t.label);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

int class_index(const std::vector<std::string>& names, const std::string& label) {
  const auto found = std::lower_bound(names.begin(), names.end(), label);
  return found != names.end() && *found == label ? static_cast<int>(found - names.begin()) : -1;
}

// Trains on `train` and appends, for each of `test`, its true and predicted class.
Expected<void> train_and_score(const std::vector<const LabelledText*>& train,
                               const std::vector<const LabelledText*>& test,
                               const std::vector<std::string>& names, const StackParams& params,
                               std::vector<int>& truth, std::vector<int>& predicted) {
  std::vector<StackExample> examples;
  for (const auto* t : train) {
    examples.push_back({text_tokens(t->text), {}, {class_index(names, t->label)}});
  }
  StackParams one_output = params;
  one_output.structured = false;
  auto stack = TextStack::train({static_cast<int>(names.size())}, examples, one_output);
  if (!stack) return stack.error();
  for (const auto* t : test) {
    auto outputs = stack->classify(text_tokens(t->text), {});
    if (!outputs) return outputs.error();
    const auto& p = outputs->front();
    truth.push_back(class_index(names, t->label));
    predicted.push_back(static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin()));
  }
  return {};
}

}  // namespace

Expected<TextEvaluation> evaluate_split(const std::vector<LabelledText>& train,
                                        const std::vector<LabelledText>& test,
                                        const StackParams& params) {
  const auto names = class_names_of(train);
  std::vector<const LabelledText*> train_rows, test_rows;
  for (const auto& t : train) train_rows.push_back(&t);
  for (const auto& t : test) test_rows.push_back(&t);
  std::vector<int> truth, predicted;
  if (auto scored = train_and_score(train_rows, test_rows, names, params, truth, predicted); !scored) {
    return scored.error();
  }
  // A test label unseen in training is a class of its own, never predicted.
  auto all_names = names;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    if (truth[i] < 0) {
      all_names.push_back(test[i].label);
      truth[i] = static_cast<int>(all_names.size()) - 1;
    }
  }
  TextEvaluation evaluation;
  evaluation.metrics = multiclass_metrics(truth, predicted, all_names);
  evaluation.trained_on = train.size();
  evaluation.tested_on = test.size();
  return evaluation;
}

Expected<TextEvaluation> cross_validate(const std::vector<LabelledText>& texts, int folds,
                                        const StackParams& params) {
  if (folds < 2) return Error::invalid("folds", "at least 2");
  const auto names = class_names_of(texts);
  // Stratified: each class's texts, shuffled, dealt to the folds in turn.
  std::map<std::string, std::vector<const LabelledText*>> by_class;
  for (const auto& t : texts) by_class[t.label].push_back(&t);
  std::mt19937 random(1);
  std::vector<std::vector<const LabelledText*>> fold_rows(static_cast<std::size_t>(folds));
  std::size_t next = 0;
  for (auto& [label, rows] : by_class) {
    std::shuffle(rows.begin(), rows.end(), random);
    for (const auto* row : rows) fold_rows[next++ % fold_rows.size()].push_back(row);
  }
  std::vector<int> truth, predicted;
  for (std::size_t f = 0; f < fold_rows.size(); ++f) {
    std::vector<const LabelledText*> train;
    for (std::size_t g = 0; g < fold_rows.size(); ++g) {
      if (g != f) train.insert(train.end(), fold_rows[g].begin(), fold_rows[g].end());
    }
    if (auto scored = train_and_score(train, fold_rows[f], names, params, truth, predicted); !scored) {
      return scored.error();
    }
  }
  TextEvaluation evaluation;
  evaluation.metrics = multiclass_metrics(truth, predicted, names);
  evaluation.folds = folds;
  evaluation.trained_on = texts.size();
  evaluation.tested_on = texts.size();
  return evaluation;
}

std::string text_evaluation_json(const TextEvaluation& e) {
  JsonWriter json;
  json.begin_object()
      .field("folds", e.folds)
      .field("trained_on", static_cast<std::uint64_t>(e.trained_on))
      .field("tested_on", static_cast<std::uint64_t>(e.tested_on));
  write_metric_fields(json, e.metrics);
  json.end_object();
  return json.take();
}

}  // namespace vigie::models::triage
