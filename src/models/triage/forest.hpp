// models/triage/forest.hpp
//
// The random forest of models.md, Model 3: XGBoost in random-forest mode (one round of many
// parallel trees, each on a share of the rows and of the columns, no shrinkage) over the text
// views' class probabilities and the structured inputs, giving one probability per class.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "models/xgboost_booster.hpp"

namespace vigie::models::triage {

struct ForestParams {
  int trees = 300;
  int max_depth = 8;
  double row_share = 0.8;     // of the rows, per tree
  double column_share = 0.6;  // of the columns, per split
  double min_child_weight = 1;
  int threads = 0;            // 0: every core (training only: prediction runs on one)
  // Rows weighted against their class's frequency, so that a rare class counts as much as a
  // common one: what macro figures measure, and what a rare Critique needs.
  bool balanced = true;
};

// Per class, n / (classes × rows of the class) (0 for a class without rows): every class then
// weighs the same in total.
std::vector<double> balanced_class_weights(const std::vector<int>& labels, int classes);

class Forest {
 public:
  // `rows.labels` holds each row's class, 0 … classes − 1.
  static Expected<Forest> train(const Dataset& rows, int classes, const ForestParams& params);
  static Expected<Forest> load(std::string_view bytes, int classes);

  // classes probabilities per row, row after row.
  Expected<std::vector<float>> probabilities(const Dataset& rows) const;
  Expected<std::string> save() const { return booster_.save(); }
  int classes() const { return classes_; }

 private:
  Forest(Booster booster, int classes) : booster_(std::move(booster)), classes_(classes) {}
  Booster booster_;
  int classes_ = 0;
};

}  // namespace vigie::models::triage
