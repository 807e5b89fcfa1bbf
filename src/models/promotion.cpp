#include "models/promotion.hpp"

#include <algorithm>

#include "common/french_format.hpp"
#include "common/json_writer.hpp"

namespace vigie::models {

std::string PromotionDecision::json() const {
  JsonWriter out;
  out.begin_object().field("promoted", promote).field("against_version", against_version);
  out.key("metrics").begin_array();
  for (const MetricComparison& m : metrics) {
    out.begin_object()
        .field("name", m.name)
        .field("candidate", m.candidate)
        .field("current", m.current)
        .field("worse", m.worse())
        .end_object();
  }
  out.end_array().end_object();
  return out.take();
}

std::string PromotionDecision::worse_metrics() const {
  std::string out;
  for (const MetricComparison& m : metrics) {
    if (!m.worse()) continue;
    out += (out.empty() ? "" : "; ") + m.name + " " + format_json_number(m.candidate) +
           (m.higher_is_better ? " < " : " > ") + format_json_number(m.current);
  }
  return out;
}

std::string promotion_fr(const PromotionDecision& decision, std::int64_t version) {
  const std::string ours = "version " + std::to_string(version);
  const std::string theirs = "version " + std::to_string(decision.against_version);
  if (decision.promote) {
    return decision.against_version == 0
               ? ours + " enregistrée et active (la première)."
               : ours + " enregistrée et active : pas moins bonne que la " + theirs +
                     " sur les mêmes données de test.";
  }
  std::string worse;
  for (const MetricComparison& m : decision.metrics) {
    if (!m.worse()) continue;
    worse += (worse.empty() ? "" : " ; ") + m.name + " " + format_decimal_fr(m.candidate, 3) +
             " au lieu de " + format_decimal_fr(m.current, 3);
  }
  return ours + " enregistrée mais non promue : moins bonne que la " + theirs +
         ", qui reste active, sur les mêmes données de test (" + worse +
         "). `vigie models promote` la rendrait active malgré tout.";
}

PromotionDecision decide_promotion(std::int64_t against_version, std::vector<MetricComparison> metrics) {
  PromotionDecision decision;
  decision.against_version = against_version;
  decision.metrics = std::move(metrics);
  decision.promote = against_version == 0 ||
                     std::none_of(decision.metrics.begin(), decision.metrics.end(),
                                  [](const MetricComparison& m) { return m.worse(); });
  return decision;
}

}  // namespace vigie::models
