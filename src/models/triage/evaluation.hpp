// models/triage/evaluation.hpp
//
// How well a triage model does on labelled incidents it has not seen (`vigie eval triage`, the
// registry's metrics): per output accuracy, macro precision/recall/F1, per-class figures and the
// confusion matrix; and the routing accuracy — the share of incidents sent to exactly the right
// queues, which is what a wrong label costs in practice. Report in French, JSON in English.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "common/json_writer.hpp"
#include "models/multiclass_metrics.hpp"
#include "models/triage/triage_model.hpp"

namespace vigie::models::triage {

struct TriageEvaluation {
  std::size_t examples = 0;
  std::array<MulticlassMetrics, kOutputs> outputs;
  double routing_accuracy = 0;
  double classify_us_mean = 0;  // in-process, as a side figure; `vigie bench triage` measures
};

Expected<TriageEvaluation> evaluate_triage(const TriageModel& model,
                                           const std::vector<IncidentText>& test,
                                           const SlaHours& sla);

// Metrics per class names of one output (the French values).
MulticlassMetrics output_metrics(Output output, const std::vector<int>& truth,
                                 const std::vector<int>& predicted);

std::string evaluation_text(const TriageEvaluation& evaluation);  // French, for people
std::string evaluation_json(const TriageEvaluation& evaluation);  // API field names

// One output's metrics ("examples", "accuracy", "macro_precision", …, "per_class",
// "confusion"), written into an object the caller has opened.
void write_metric_fields(JsonWriter& json, const MulticlassMetrics& metrics);

}  // namespace vigie::models::triage
