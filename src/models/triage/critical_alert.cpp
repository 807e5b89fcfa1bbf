#include "models/triage/critical_alert.hpp"

#include "common/alert_rules.hpp"
#include "common/french_format.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"

namespace vigie::models::triage {
namespace {

constexpr std::size_t kQuotedChars = 160;  // of the description, in the message

// The first `limit` bytes of a UTF-8 text, cut on a character boundary, with "…" when cut.
std::string excerpt(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "…";
}

// Who gave an output's label in force, in French.
std::string_view label_origin(const IncidentRecord& record, Output output) {
  const auto o = static_cast<std::size_t>(output);
  if (record.corrected[o] >= 0) return "corrigé par une personne";
  if (record.given[o] >= 0) return "indiqué par le chef de chantier";
  return "prédit par Vigie";
}

std::string label_text(const Labels& labels, Output output) {
  const int cls = labels[static_cast<std::size_t>(output)];
  return cls < 0 ? "non renseigné" : std::string{class_names(output)[static_cast<std::size_t>(cls)]};
}

// What Direction should do first, by type: people before anything for safety.
std::string_view what_to_do(int type) {
  switch (type) {
    case Type::technical:
      return "appeler le chef de chantier, faire arrêter le travail concerné et obtenir la réponse "
             "du bureau d'études, puis prendre l'incident en charge.";
    case Type::material:
      return "appeler le chef de chantier, faire sécuriser l'équipement en cause et trouver un "
             "remplacement, puis prendre l'incident en charge.";
    case Type::administrative:
      return "appeler le responsable d'affaire pour lever le blocage, puis prendre l'incident en "
             "charge.";
    default:  // Sécurité, or not yet known
      return "appeler le chef de chantier, vérifier que la zone est sécurisée et que les secours "
             "ont été prévenus si quelqu'un est blessé, puis prendre l'incident en charge.";
  }
}

}  // namespace

bool is_open_critical(const IncidentRecord& record) {
  return record.opened_at && !record.resolved_at &&
         record.labels()[static_cast<std::size_t>(Output::severity)] == Severity::critical;
}

std::string critical_alert_key(const std::string& site_id, const std::string& incident_id) {
  return std::string{kCriticalAlertKind} + ":" + site_id + ":" + incident_id;
}

store::AlertRow critical_alert(const IncidentRecord& record, const std::string& site_name,
                               const SlaHours& sla, Instant now) {
  const Labels labels = record.labels();
  const int type = labels[static_cast<std::size_t>(Output::type)];
  const int urgency = labels[static_cast<std::size_t>(Output::urgency)];
  const std::string where =
      site_name.empty() ? record.site_id : site_name + " (" + record.site_id + ")";

  store::AlertRow row;
  row.key = critical_alert_key(record.site_id, record.incident_id);
  row.kind = std::string{kCriticalAlertKind};
  row.site_id = record.site_id;
  row.audience = std::string{alert_audience_label(AlertAudience::direction)};
  row.title = "Incident critique sur " + where;
  row.raised_at = now;

  std::string message = "Incident " + record.incident_id + " ouvert le " +
                        format_date_fr(paris_date(*record.opened_at)) + " à " +
                        format_paris_clock(*record.opened_at) + " : « " +
                        excerpt(record.description, kQuotedChars) + " ». ";
  message += "Gravité Critique (" + std::string{label_origin(record, Output::severity)};
  const auto severity_o = static_cast<std::size_t>(Output::severity);
  if (record.corrected[severity_o] < 0 && record.given[severity_o] < 0) {
    message += ", probabilité " +
               format_decimal_fr(record.predicted_probability[severity_o] * 100.0, 0) +
               " %, modèle de triage version " + std::to_string(record.model_version);
  }
  message += "), type " + label_text(labels, Output::type) + ", urgence " +
             label_text(labels, Output::urgency) + ".";
  if (urgency >= 0) {
    const double hours = sla_hours(urgency, sla);
    const Instant due = *record.opened_at + std::chrono::milliseconds{
                                                static_cast<std::int64_t>(hours * 3'600'000.0)};
    message += " Prise en charge attendue avant le " + format_date_fr(paris_date(due)) + " à " +
               format_paris_clock(due) + " (SLA " + format_decimal_fr(hours, 0) + " h).";
  }
  if (type >= 0) {
    message += " Files : ";
    const auto queues = routing(type, Severity::critical);
    for (std::size_t i = 0; i < queues.size(); ++i) {
      message += (i == 0 ? "" : ", ") + std::string{queue_name(queues[i])};
    }
    message += ".";
  }
  message += " À faire : " + std::string{what_to_do(type)};
  row.message = std::move(message);

  JsonWriter figures;
  figures.begin_object().field("incident_id", record.incident_id);
  for (const Output output : kAllOutputs) {
    const int cls = labels[static_cast<std::size_t>(output)];
    figures.key(output_name(output));
    if (cls < 0) {
      figures.null();
    } else {
      figures.value(class_names(output)[static_cast<std::size_t>(cls)]);
    }
  }
  if (record.model_version != 0) {
    figures.field("model_version", record.model_version);
    figures.field("severity_probability",
                  record.predicted_probability[severity_o]);
  }
  figures.end_object();
  row.figures = figures.take();
  return row;
}

}  // namespace vigie::models::triage
