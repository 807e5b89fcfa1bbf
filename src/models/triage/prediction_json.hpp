// models/triage/prediction_json.hpp
//
// A triage prediction as JSON, the same for `vigie classify --jsonl` and the API: the labels in
// French exactly as models.md writes them, the queues in routing order, the SLA in hours, each
// output's probabilities by label, and the model version that answered.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "models/triage/triage_model.hpp"

namespace vigie::models::triage {

// {"id"?, "type", "severity", "urgency", "routing": [...], "sla_hours", "probabilities":
// {"type": {"Sécurité": 0.91, …}, …}, "model_version"}; `id` only when not empty.
std::string prediction_json(const TriagePrediction& prediction, std::string_view id,
                            std::int64_t model_version);

// The label of an output, in French ("Élevé").
std::string_view label_of(const TriagePrediction& prediction, Output output);

}  // namespace vigie::models::triage
