#include "models/triage/prediction_json.hpp"

#include "common/json_writer.hpp"

namespace vigie::models::triage {

std::string_view label_of(const TriagePrediction& prediction, Output output) {
  const auto o = static_cast<std::size_t>(output);
  return class_names(output)[static_cast<std::size_t>(prediction.labels[o])];
}

std::string prediction_json(const TriagePrediction& prediction, std::string_view id,
                            std::int64_t model_version) {
  JsonWriter json;
  json.begin_object();
  if (!id.empty()) json.field("id", id);
  for (const Output output : kAllOutputs) json.field(output_name(output), label_of(prediction, output));
  json.key("routing").begin_array();
  for (const Queue queue : prediction.routing) json.value(queue_name(queue));
  json.end_array().field("sla_hours", prediction.sla_hours).key("probabilities").begin_object();
  for (const Output output : kAllOutputs) {
    const auto o = static_cast<std::size_t>(output);
    json.key(output_name(output)).begin_object();
    for (std::size_t c = 0; c < kClasses; ++c) {
      json.field(class_names(output)[c], static_cast<double>(prediction.probabilities[o][c]));
    }
    json.end_object();
  }
  json.end_object().field("model_version", model_version).end_object();
  return json.take();
}

}  // namespace vigie::models::triage
