#include "models/triage/evaluation.hpp"

#include <chrono>

#include "common/french_format.hpp"
#include "common/json_writer.hpp"

namespace vigie::models::triage {
namespace {

std::string percent(double share) { return format_decimal_fr(100 * share, 1) + " %"; }

void write_metrics(JsonWriter& json, const MulticlassMetrics& m) {
  json.begin_object();
  write_metric_fields(json, m);
  json.end_object();
}

}  // namespace

void write_metric_fields(JsonWriter& json, const MulticlassMetrics& m) {
  json.field("examples", static_cast<std::uint64_t>(m.examples))
      .field("accuracy", m.accuracy)
      .field("macro_precision", m.macro_precision)
      .field("macro_recall", m.macro_recall)
      .field("macro_f1", m.macro_f1)
      .field("weighted_f1", m.weighted_f1);
  json.key("per_class").begin_object();
  for (const auto& c : m.per_class) {
    json.key(c.name).begin_object()
        .field("precision", c.precision)
        .field("recall", c.recall)
        .field("f1", c.f1)
        .field("support", static_cast<std::uint64_t>(c.support))
        .end_object();
  }
  json.end_object().key("confusion").begin_array();
  for (const auto& row : m.confusion) {
    json.begin_array();
    for (const auto n : row) json.value(static_cast<std::uint64_t>(n));
    json.end_array();
  }
  json.end_array();
}

MulticlassMetrics output_metrics(Output output, const std::vector<int>& truth,
                                 const std::vector<int>& predicted) {
  std::vector<std::string> names;
  for (const auto name : class_names(output)) names.emplace_back(name);
  return multiclass_metrics(truth, predicted, names);
}

Expected<TriageEvaluation> evaluate_triage(const TriageModel& model,
                                           const std::vector<IncidentText>& test,
                                           const SlaHours& sla) {
  TriageEvaluation evaluation;
  evaluation.examples = test.size();
  std::array<std::vector<int>, kOutputs> truth, predicted;
  std::size_t routed_right = 0;
  double microseconds = 0;
  for (const IncidentText& incident : test) {
    const auto started = std::chrono::steady_clock::now();
    auto prediction = model.classify(incident, sla);
    microseconds += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - started).count();
    if (!prediction) return prediction.error();
    for (std::size_t o = 0; o < kOutputs; ++o) {
      truth[o].push_back(incident.labels[o]);
      predicted[o].push_back(prediction->labels[o]);
    }
    const auto right = routing(incident.labels[0], incident.labels[1]);
    routed_right += prediction->routing == right ? 1 : 0;
  }
  for (const Output output : kAllOutputs) {
    const auto o = static_cast<std::size_t>(output);
    evaluation.outputs[o] = output_metrics(output, truth[o], predicted[o]);
  }
  if (!test.empty()) {
    evaluation.routing_accuracy = static_cast<double>(routed_right) / static_cast<double>(test.size());
    evaluation.classify_us_mean = microseconds / static_cast<double>(test.size());
  }
  return evaluation;
}

std::string evaluation_json(const TriageEvaluation& evaluation) {
  JsonWriter json;
  json.begin_object().field("examples", static_cast<std::uint64_t>(evaluation.examples));
  for (const Output output : kAllOutputs) {
    json.key(output_name(output));
    write_metrics(json, evaluation.outputs[static_cast<std::size_t>(output)]);
  }
  json.field("routing_accuracy", evaluation.routing_accuracy)
      .field("classify_us_mean", evaluation.classify_us_mean)
      .end_object();
  return json.take();
}

std::string evaluation_text(const TriageEvaluation& evaluation) {
  static constexpr std::array<const char*, kOutputs> kTitles = {"Type", "Gravité", "Urgence"};
  std::string out = "Évaluation du tri des incidents sur " +
                    count_fr(evaluation.examples, "incident", "incidents") + "\n";
  for (const Output output : kAllOutputs) {
    const auto& m = evaluation.outputs[static_cast<std::size_t>(output)];
    out += "\n" + std::string{kTitles[static_cast<std::size_t>(output)]} + " : exactitude " +
           percent(m.accuracy) + ", précision moyenne " + percent(m.macro_precision) +
           ", rappel moyen " + percent(m.macro_recall) + ", F1 moyen " +
           format_decimal_fr(m.macro_f1, 3) + "\n";
    for (const auto& c : m.per_class) {
      out += "  " + c.name + " : précision " + percent(c.precision) + ", rappel " +
             percent(c.recall) + " (" + format_integer_fr(static_cast<long long>(c.support)) + ")\n";
    }
    out += "  Matrice de confusion (lignes : vrai, colonnes : prédit)\n";
    for (std::size_t t = 0; t < m.confusion.size(); ++t) {
      out += "    " + m.per_class[t].name + " :";
      for (const auto n : m.confusion[t]) out += " " + format_integer_fr(static_cast<long long>(n));
      out += "\n";
    }
  }
  out += "\nAiguillage exact (files d'attente) : " + percent(evaluation.routing_accuracy) + "\n";
  return out;
}

}  // namespace vigie::models::triage
