// models/triage/labels.hpp
//
// What incident triage answers (models.md, Model 3): a type, a severity and an urgency, each one
// of four values written exactly as people read them ("Sécurité", "Élevé", "< 4 h"); and what
// follows from them by rule, not by learning: the queues an incident is routed to, and its SLA.
// Pure functions and constants.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace vigie::models::triage {

// The three outputs, each a classification over four classes.
enum class Output : std::uint8_t { type, severity, urgency };
inline constexpr std::size_t kOutputs = 3;
inline constexpr std::size_t kClasses = 4;
inline constexpr std::array<Output, kOutputs> kAllOutputs = {Output::type, Output::severity,
                                                             Output::urgency};

// The French values of each output, in class order: the order of the event catalogue's values
// (events/catalogue.hpp: safety…administrative, low…critical, 1h…3d), so a class is the same
// index in both.
inline constexpr std::array<std::string_view, kClasses> kTypeNames = {
    "Sécurité", "Technique", "Matériel", "Administratif"};
inline constexpr std::array<std::string_view, kClasses> kSeverityNames = {
    "Faible", "Moyen", "Élevé", "Critique"};
inline constexpr std::array<std::string_view, kClasses> kUrgencyNames = {
    "< 1 h", "< 4 h", "< 1 j", "< 3 j"};

enum Type : int { security = 0, technical = 1, material = 2, administrative = 3 };
enum Severity : int { low = 0, medium = 1, high = 2, critical = 3 };
enum Urgency : int { within_1h = 0, within_4h = 1, within_1d = 2, within_3d = 3 };

const std::array<std::string_view, kClasses>& class_names(Output output);
std::string_view output_name(Output output);  // "type", "severity", "urgency" (API fields)
// The class of a French value ("Élevé" → 2); nullopt when it is none of the four.
std::optional<int> class_of(Output output, std::string_view value);

// The event catalogue's values for incident.opened/relabelled (`category`, `severity`,
// `urgency`) and back.
std::optional<int> class_of_event_value(Output output, std::string_view value);
std::string_view event_value(Output output, int cls);

enum class Queue : std::uint8_t { design_office, site_manager, direction };
std::string_view queue_name(Queue queue);  // "Bureau d'études", "Responsable d'affaire", "Direction"

// models.md: Technique → Bureau d'études; Sécurité, Matériel, Administratif → Responsable
// d'affaire; any Critique, and Sécurité from Élevé up, → Direction as well, in that order.
std::vector<Queue> routing(int type, int severity);

// The SLA in hours of each urgency class, from the settings (1, 4, 24, 72 by default).
struct SlaHours {
  double within_1h = 1, within_4h = 4, within_1d = 24, within_3d = 72;
};
double sla_hours(int urgency, const SlaHours& hours);

}  // namespace vigie::models::triage
