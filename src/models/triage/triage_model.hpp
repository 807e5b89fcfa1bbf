// models/triage/triage_model.hpp
//
// Incident triage (models.md, Model 3) as the product uses it: the text stack (text_stack.hpp)
// over an incident's tokenised description and its structured inputs — site type, hour and
// weekday in Paris — answering type, severity and urgency with their probabilities, and by rule
// (labels.hpp) the queues it goes to and its SLA.
#pragma once

#include <array>
#include <vector>

#include "common/expected.hpp"
#include "models/triage/incident_text.hpp"
#include "models/triage/text_stack.hpp"

namespace vigie::models::triage {

struct TriagePrediction {
  std::array<int, kOutputs> labels{};
  std::array<std::array<float, kClasses>, kOutputs> probabilities{};
  std::vector<Queue> routing;
  double sla_hours = 0;
};

// The structured inputs of an incident: its site type's index (NaN when not given), the hour
// and the ISO weekday in Paris of opened_at (NaN when not given), then the class of each output
// of the most similar recent incident on its site (NaN when none). A version trained before the
// last three existed reads the first three.
std::vector<float> structured_inputs(const IncidentText& incident);

class TriageModel {
 public:
  // Every incident must carry its three labels.
  static Expected<TriageModel> train(const std::vector<IncidentText>& incidents,
                                     const StackParams& params);
  static Expected<TriageModel> load(std::string_view bytes);
  Expected<std::string> save() const { return stack_.save(); }

  Expected<TriagePrediction> classify(const IncidentText& incident, const SlaHours& sla) const;

 private:
  explicit TriageModel(TextStack stack) : stack_(std::move(stack)) {}
  TextStack stack_;
};

}  // namespace vigie::models::triage
