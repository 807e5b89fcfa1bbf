// models/xgboost_booster.hpp
//
// Gradient-boosted trees through XGBoost's C API (Debian's libxgboost-dev): the one file that
// includes <xgboost/c_api.h> (scripts/check-deps). Trains with early stopping on a validation
// set, predicts up to the best iteration, gives per-feature contributions (SHAP values, for the
// explanations of models.md) and saves to / loads from bytes, so that a model version can be
// kept in the store. Errors carry XGBoost's own message.
// A Booster may be used by one thread at a time; XGBoost itself uses `nthread` threads inside.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/expected.hpp"

namespace vigie::models {

// Rows of features, row-major; NaN is a missing value. `labels` has one value per row (empty
// for data only predicted on).
struct Dataset {
  std::size_t columns = 0;
  std::vector<float> values;
  std::vector<float> labels;
  std::vector<float> weights;  // one per row, or empty: every row counts the same
  std::size_t rows() const { return columns == 0 ? 0 : values.size() / columns; }
};

struct TrainingParams {
  // XGBoost's parameters as it names them ("objective", "max_depth", "eta", "eval_metric"…).
  std::vector<std::pair<std::string, std::string>> values;
  int max_rounds = 300;
  // Stop when the validation metric (the last "eval_metric") has not improved for this many
  // rounds; the model then predicts with the best round's trees.
  int early_stopping_rounds = 20;
  bool metric_higher_is_better = false;  // e.g. "auc"
};

class Booster {
 public:
  static Expected<Booster> train(const TrainingParams& params, const Dataset& train,
                                 const Dataset& validation);
  static Expected<Booster> load(std::string_view bytes);

  // One prediction per row (a probability for binary:logistic), or one per row and class, row
  // by row (multi:softprob).
  Expected<std::vector<float>> predict(const Dataset& data) const;
  // Per row, columns + 1 values: each feature's contribution to the margin, then the bias;
  // they add up to the row's margin (the logit, for binary:logistic).
  Expected<std::vector<float>> contributions(const Dataset& data) const;
  // The model as XGBoost's JSON, the best round included.
  Expected<std::string> save() const;

  int best_round() const { return best_round_; }        // 0-based
  double best_score() const { return best_score_; }     // of the validation metric
  int rounds_trained() const { return rounds_trained_; }
  // The validation metric after each round trained (empty for a loaded model): what
  // `vigie bench delay` checks the xgboost program against.
  const std::vector<double>& validation_scores() const { return validation_scores_; }

 private:
  struct Handle;
  Booster(std::shared_ptr<Handle> handle, int best_round, double best_score, int rounds,
          std::vector<double> validation_scores = {})
      : handle_(std::move(handle)), best_round_(best_round), best_score_(best_score),
        rounds_trained_(rounds), validation_scores_(std::move(validation_scores)) {}
  Expected<std::vector<float>> predict_as(const Dataset& data, int type) const;

  std::shared_ptr<Handle> handle_;
  int best_round_ = 0;
  double best_score_ = 0;
  int rounds_trained_ = 0;
  std::vector<double> validation_scores_;
};

}  // namespace vigie::models
