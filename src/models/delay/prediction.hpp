// models/delay/prediction.hpp
//
// One site's delay prediction as people and the API see it (models.md, Model 1, "Output" and
// "Suggested actions"; issue 6, points 4, 5 and 8): P(late) and the expected delay with a range
// measured on the company's own completed sites, widened when the site's data are thin; the
// model version that made it; the three main factors; and the changes a manager can make that
// the model itself says help, each re-scored ("+1 ouvrier : retard prédit 5 j → 2 j").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "common/expected.hpp"
#include "models/delay/explanations.hpp"
#include "models/delay/training.hpp"
#include "models/delay/feature_builder.hpp"

namespace vigie::models {

struct SuggestedAction {
  std::string action;  // "add_worker", "design_office_24h", "resolve_incidents",
                       // "answer_design_requests", "add_subcontractor"
  std::string text;    // "+1 ouvrier : retard prédit 5 j → 2 j"
  FeatureRow changed;  // the row re-scored
  double p_late_after = 0;
  double delay_days_after = 0;
};

struct SitePrediction {
  std::string site_id;
  Instant as_of{};
  std::int64_t model_version = 0;
  double p_late = 0;
  double delay_days = 0;
  bool predicted_late = false;        // p_late >= the threshold
  double p_low = 0, p_high = 1;       // the stated uncertainty
  double delay_low = 0, delay_high = 0;
  bool low_coverage = false;
  std::vector<std::string> coverage_reasons;  // French, when low
  std::vector<Factor> factors;
  std::vector<SuggestedAction> actions;
  FeatureRow features;
};

class DelayPredictor {
 public:
  DelayPredictor(const LoadedDelayModel& loaded, const DelayModelSettings& settings)
      : loaded_(loaded), settings_(settings) {}

  // The prediction for `site` as seen at t. Fails only when XGBoost does.
  Expected<SitePrediction> predict(const CompanyHistory& history, const SimilarSites& similar,
                                   const SiteHistory& site, Instant t) const;

  // The changes tried on a row, before scoring (plausible ones only: no worker added beyond a
  // crew of 20, no answer time "improved" that is already within a day…).
  static std::vector<SuggestedAction> candidate_actions(const FeatureRow& row);

 private:
  const LoadedDelayModel& loaded_;
  const DelayModelSettings& settings_;
};

// The JSON of a prediction (API and `vigie predict --format json`).
std::string prediction_json(const SitePrediction& prediction);

}  // namespace vigie::models
