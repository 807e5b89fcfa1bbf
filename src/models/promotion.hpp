// models/promotion.hpp
//
// The registry's promotion rule (issue 9, point 5; models.md, "Operating the models"): a newly
// trained version serves only if none of its held-out metrics is worse than the serving
// version's, both measured on the same held-out examples (the new version's test split for the
// delay model, the held-out corpus for triage). Equal is not worse. The decision names every
// metric with both values, so the registry can say why a version was or was not promoted; a
// person may still promote any version by hand (`vigie models promote`).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace vigie::models {

struct MetricComparison {
  std::string name;  // "f1", "brier", …
  double candidate = 0, current = 0;
  bool higher_is_better = true;
  bool worse() const { return higher_is_better ? candidate < current : candidate > current; }
};

struct PromotionDecision {
  bool promote = true;
  std::int64_t against_version = 0;  // 0: nothing served; the first version is promoted
  std::vector<MetricComparison> metrics;

  // {"promoted": …, "against_version": …, "metrics": [{"name", "candidate", "current", "worse"}]}
  std::string json() const;
  // The metrics that are worse, for logs and commands: "f1 0.412 < 0.587; brier 0.31 > 0.22".
  std::string worse_metrics() const;
};

// For people: "version 4 enregistrée et active : pas moins bonne que la version 3 sur les mêmes
// données de test." or why it was not promoted, with the worse metrics.
std::string promotion_fr(const PromotionDecision& decision, std::int64_t version);

// Promote when no metric is worse (always when `against_version` is 0).
PromotionDecision decide_promotion(std::int64_t against_version, std::vector<MetricComparison> metrics);


}  // namespace vigie::models
