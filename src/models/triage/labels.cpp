#include "models/triage/labels.hpp"

#include <algorithm>
#include <span>

#include "events/catalogue.hpp"

namespace vigie::models::triage {
namespace {

std::span<const std::string_view> event_values(Output output) {
  switch (output) {
    case Output::type: return events::kIncidentCategories;
    case Output::severity: return events::kSeverities;
    case Output::urgency: return events::kUrgencies;
  }
  return {};
}

std::optional<int> index_of(std::span<const std::string_view> values, std::string_view value) {
  const auto found = std::find(values.begin(), values.end(), value);
  if (found == values.end()) return std::nullopt;
  return static_cast<int>(found - values.begin());
}

}  // namespace

const std::array<std::string_view, kClasses>& class_names(Output output) {
  switch (output) {
    case Output::type: return kTypeNames;
    case Output::severity: return kSeverityNames;
    case Output::urgency: return kUrgencyNames;
  }
  return kTypeNames;
}

std::string_view output_name(Output output) {
  switch (output) {
    case Output::type: return "type";
    case Output::severity: return "severity";
    case Output::urgency: return "urgency";
  }
  return "";
}

std::optional<int> class_of(Output output, std::string_view value) {
  return index_of(class_names(output), value);
}

std::optional<int> class_of_event_value(Output output, std::string_view value) {
  return index_of(event_values(output), value);
}

std::string_view event_value(Output output, int cls) {
  const auto values = event_values(output);
  return cls >= 0 && static_cast<std::size_t>(cls) < values.size() ? values[cls] : "";
}

std::string_view queue_name(Queue queue) {
  switch (queue) {
    case Queue::design_office: return "Bureau d'études";
    case Queue::site_manager: return "Responsable d'affaire";
    case Queue::direction: return "Direction";
  }
  return "";
}

std::vector<Queue> routing(int type, int severity) {
  std::vector<Queue> queues;
  queues.push_back(type == Type::technical ? Queue::design_office : Queue::site_manager);
  if (severity == Severity::critical || (type == Type::security && severity >= Severity::high)) {
    queues.push_back(Queue::direction);
  }
  return queues;
}

double sla_hours(int urgency, const SlaHours& hours) {
  switch (urgency) {
    case Urgency::within_1h: return hours.within_1h;
    case Urgency::within_4h: return hours.within_4h;
    case Urgency::within_1d: return hours.within_1d;
    default: return hours.within_3d;
  }
}

}  // namespace vigie::models::triage
