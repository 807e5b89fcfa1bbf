// models/delay/explanations.hpp
//
// The words of a delay prediction (models.md, Model 1, "Output"): each feature as a short French
// phrase quoting the site's own figures ("3 incidents ouverts dont 2 techniques", "météo :
// 4 jours de pluie prévus", "réponses du BE en 52 h en moyenne"), and the top factors of one
// prediction chosen from its per-feature contributions.
#pragma once

#include <string>
#include <vector>

#include "models/delay/features.hpp"
#include "models/delay/model.hpp"

namespace vigie::models {

// The phrase for one feature of a row; empty when the feature is missing.
std::string feature_phrase(Feature feature, const FeatureRow& row, const SiteFigures& figures);

struct Factor {
  Feature feature;
  float contribution = 0;  // to the log-odds of lateness: > 0 raises the risk
  std::string text;        // "3 incidents ouverts dont 2 techniques"
};

// The `count` features with the largest contributions in absolute value (missing features and
// ones without a phrase skipped), largest first.
std::vector<Factor> top_factors(const Contributions& contributions, const FeatureRow& row,
                                const SiteFigures& figures, std::size_t count = 3);

}  // namespace vigie::models
