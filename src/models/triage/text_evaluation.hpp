// models/triage/text_evaluation.hpp
//
// The text machinery of triage measured on any labelled texts (`vigie eval text`): the same
// stack (text_stack.hpp: fastText and TF-IDF views, a random forest over their out-of-fold
// probabilities), one output, no structured inputs — trained on one set and scored on another,
// or in k-fold cross-validation, every text scored once by a stack that never saw it. This is
// how triage's method is compared with published results on public data (the OSHA narratives).
#pragma once

#include <string>
#include <vector>

#include "common/expected.hpp"
#include "models/multiclass_metrics.hpp"
#include "models/triage/text_stack.hpp"

namespace vigie::models::triage {

struct LabelledText {
  std::string text;
  std::string label;
};

struct TextEvaluation {
  MulticlassMetrics metrics;
  int folds = 0;  // 0: a train/test split
  std::size_t trained_on = 0, tested_on = 0;
};

// The classes are the labels of `train`, sorted; a test label not among them counts as wrong.
Expected<TextEvaluation> evaluate_split(const std::vector<LabelledText>& train,
                                        const std::vector<LabelledText>& test,
                                        const StackParams& params);

// Folds by label (each class spread evenly over the folds), shuffled by a fixed seed.
Expected<TextEvaluation> cross_validate(const std::vector<LabelledText>& texts, int folds,
                                        const StackParams& params);

std::string text_evaluation_json(const TextEvaluation& evaluation);

}  // namespace vigie::models::triage
