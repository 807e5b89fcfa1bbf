// models/delay/model.hpp
//
// The delay model of models.md: an XGBoost classifier for P(late) and a regressor for the days
// of delay, trained on the same rows (models/delay/dataset.hpp) with early stopping on the
// validation slice, saved together with the list of regions its feature 18 indexes.
// The file is "VIGIE-DELAY-MODEL 1", a JSON line of metadata giving the sizes of the two
// XGBoost JSON models that follow, then those models: a registry row keeps it as one blob.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "common/expected.hpp"
#include "models/delay/dataset.hpp"
#include "models/delay/features.hpp"
#include "models/xgboost_booster.hpp"

namespace vigie::models {

// Training reads models.delay.* (common/config.hpp).
using DelayModelParams = DelayModelSettings;

// The XGBoost parameters of each model, as the registry records them and as `vigie bench delay`
// hands them to the xgboost program.
std::vector<std::pair<std::string, std::string>> classifier_params(const DelayModelParams& params);
std::vector<std::pair<std::string, std::string>> regressor_params(const DelayModelParams& params);

// Rows as XGBoost reads them: features, and a label per row (late 0/1, or the delay as a share
// of the planned duration, which score() turns back into days).
Dataset to_dataset(std::span<const DelayRow> rows, bool delay_label);
Dataset to_dataset(std::span<const FeatureRow> rows);

struct DelayScore {
  double p_late = 0;      // 0–1; 1 once a site under way is past its planned end (+ tolerance)
  double delay_days = 0;  // expected days of delay, >= 0
};

// Per feature, its share of the classifier's margin (log-odds of lateness) for one row; the
// last value is the bias. They add up to the logit of p_late.
using Contributions = std::array<float, kFeatureCount + 1>;

class DelayModel {
 public:
  static Expected<DelayModel> train(const DelayModelParams& params, const DelayDataset& data);
  static Expected<DelayModel> load(std::string_view bytes);
  Expected<std::string> save() const;

  Expected<std::vector<DelayScore>> score(std::span<const FeatureRow> rows) const;
  Expected<std::vector<Contributions>> contributions(std::span<const FeatureRow> rows) const;

  const std::vector<std::string>& regions() const { return regions_; }
  int late_tolerance_days() const { return late_tolerance_days_; }
  const Booster& classifier() const { return classifier_; }
  const Booster& regressor() const { return regressor_; }

 private:
  DelayModel(Booster classifier, Booster regressor, std::vector<std::string> regions,
             int late_tolerance_days)
      : classifier_(std::move(classifier)), regressor_(std::move(regressor)),
        regions_(std::move(regions)), late_tolerance_days_(late_tolerance_days) {}

  Booster classifier_;
  Booster regressor_;
  std::vector<std::string> regions_;
  int late_tolerance_days_ = 0;  // the labels' tolerance: past it, a site under way is late
};

}  // namespace vigie::models
