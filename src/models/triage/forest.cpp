#include "models/triage/forest.hpp"

#include "common/json_writer.hpp"

namespace vigie::models::triage {

std::vector<double> balanced_class_weights(const std::vector<int>& labels, int classes) {
  std::vector<double> weights(static_cast<std::size_t>(classes), 0.0);
  for (const int label : labels) weights[static_cast<std::size_t>(label)] += 1;
  for (double& w : weights) {
    if (w > 0) w = static_cast<double>(labels.size()) / (classes * w);
  }
  return weights;
}

Expected<Forest> Forest::train(const Dataset& given, int classes, const ForestParams& params) {
  Dataset rows = given;
  if (params.balanced) {
    const std::vector<int> labels(rows.labels.begin(), rows.labels.end());
    const auto by_class = balanced_class_weights(labels, classes);
    for (const int label : labels) {
      rows.weights.push_back(static_cast<float>(by_class[static_cast<std::size_t>(label)]));
    }
  }
  TrainingParams training;
  training.values = {
      {"booster", "gbtree"},
      {"tree_method", "hist"},
      {"objective", "multi:softprob"},
      {"num_class", std::to_string(classes)},
      {"num_parallel_tree", std::to_string(params.trees)},
      {"max_depth", std::to_string(params.max_depth)},
      {"subsample", format_json_number(params.row_share)},
      {"colsample_bynode", format_json_number(params.column_share)},
      {"min_child_weight", format_json_number(params.min_child_weight)},
      {"eta", "1"},
      {"seed", "1"},
      {"eval_metric", "mlogloss"},
  };
  if (params.threads > 0) training.values.emplace_back("nthread", std::to_string(params.threads));
  training.max_rounds = 1;  // a forest is one round of parallel trees
  // The training rows stand in for the validation set the booster asks for: with one round
  // there is nothing to stop early.
  auto booster = Booster::train(training, rows, rows);
  if (!booster) return booster.error();
  return Forest(std::move(*booster), classes);
}

Expected<Forest> Forest::load(std::string_view bytes, int classes) {
  auto booster = Booster::load(bytes);
  if (!booster) return booster.error();
  return Forest(std::move(*booster), classes);
}

Expected<std::vector<float>> Forest::probabilities(const Dataset& rows) const {
  return booster_.predict(rows);
}

}  // namespace vigie::models::triage
