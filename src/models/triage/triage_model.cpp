#include "models/triage/triage_model.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>

#include "common/paris_time.hpp"
#include "events/catalogue.hpp"
#include "models/triage/text_tokens.hpp"

namespace vigie::models::triage {

std::vector<float> structured_inputs(const IncidentText& incident) {
  constexpr float kUnknown = std::numeric_limits<float>::quiet_NaN();
  std::vector<float> inputs(3 + kOutputs, kUnknown);
  const auto& types = events::kSiteTypes;
  const auto type = std::find(std::begin(types), std::end(types), incident.site_type);
  if (type != std::end(types)) inputs[0] = static_cast<float>(type - std::begin(types));
  if (incident.opened_at) {
    inputs[1] = static_cast<float>(paris_hour(*incident.opened_at));
    inputs[2] = static_cast<float>(
        std::chrono::weekday{std::chrono::sys_days{paris_date(*incident.opened_at)}}.iso_encoding());
  }
  for (std::size_t o = 0; o < kOutputs; ++o) {
    if (incident.similar_labels[o] >= 0) inputs[3 + o] = static_cast<float>(incident.similar_labels[o]);
  }
  return inputs;
}

Expected<TriageModel> TriageModel::train(const std::vector<IncidentText>& incidents,
                                         const StackParams& params) {
  std::vector<StackExample> examples;
  examples.reserve(incidents.size());
  for (const IncidentText& incident : incidents) {
    StackExample example{text_tokens(incident.description), structured_inputs(incident), {}};
    example.labels.assign(incident.labels.begin(), incident.labels.end());
    examples.push_back(std::move(example));
  }
  const std::vector<int> classes(kOutputs, static_cast<int>(kClasses));
  auto stack = TextStack::train(classes, examples, params);
  if (!stack) return stack.error();
  return TriageModel(std::move(*stack));
}

Expected<TriageModel> TriageModel::load(std::string_view bytes) {
  auto stack = TextStack::load(bytes);
  if (!stack) return stack.error();
  if (stack->classes() != std::vector<int>(kOutputs, static_cast<int>(kClasses))) {
    return Error::invalid("model", "not a triage model (three outputs of four classes)");
  }
  return TriageModel(std::move(*stack));
}

Expected<TriagePrediction> TriageModel::classify(const IncidentText& incident,
                                                 const SlaHours& sla) const {
  std::vector<float> inputs = structured_inputs(incident);
  inputs.resize(std::min(inputs.size(), stack_.structured_size()));  // an older version: fewer
  auto outputs = stack_.classify(text_tokens(incident.description), inputs);
  if (!outputs) return outputs.error();
  TriagePrediction prediction;
  for (std::size_t o = 0; o < kOutputs; ++o) {
    const auto& p = (*outputs)[o];
    std::copy_n(p.begin(), kClasses, prediction.probabilities[o].begin());
    prediction.labels[o] = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
  }
  const auto o = [](Output output) { return static_cast<std::size_t>(output); };
  prediction.routing = routing(prediction.labels[o(Output::type)], prediction.labels[o(Output::severity)]);
  prediction.sla_hours = sla_hours(prediction.labels[o(Output::urgency)], sla);
  return prediction;
}

}  // namespace vigie::models::triage
