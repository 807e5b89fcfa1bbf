#include "alerts/alert_text.hpp"

#include <cmath>

#include "common/french_format.hpp"
#include "common/json_writer.hpp"

namespace vigie::alerts {
namespace {

struct MeasureWords {
  std::string_view label;       // "Dépassement de budget"
  std::string_view what_to_do;  // after « À faire : »
};

// By AlertMeasure, in kAlertMeasureNames' order.
constexpr std::array<MeasureWords, kAlertMeasureNames.size()> kWords{{
    {"Dépassement du budget à terminaison",
     "revoir avec le conducteur de travaux les postes qui dépassent, mettre à jour la prévision "
     "de fin et prévenir le client si un avenant est à prévoir."},
    {"Satisfaction client",
     "appeler le client pour comprendre ce qui ne va pas et convenir avec lui d'actions datées."},
    {"Jours sans rapport journalier",
     "joindre le chef de chantier, vérifier que le chantier tourne et que l'application est "
     "utilisée, et obtenir le rapport du jour."},
    {"Coût estimé à terminaison",
     "vérifier les dernières dépenses (commandes, locations, sous-traitance), leur imputation au "
     "bon chantier et l'avancement déclaré, puis mettre à jour la prévision de fin."},
    {"Part d'heures facturables",
     "revoir l'affectation des équipes : des heures passées hors du contrat ou en attente "
     "pèsent sur la marge."},
    {"Probabilité de retard prédite",
     "consulter les facteurs de la prédiction et décider d'un renfort ou d'un replanning avec "
     "l'équipe."},
    {"Retard prédit sur la fin",
     "examiner le chantier en comité : renfort d'équipe, replanning ou information du client sur "
     "la nouvelle date."},
    {"Incidents près de dépasser leur délai de prise en charge (SLA)",
     "faire prendre ces incidents en charge tout de suite (bureau d'études ou équipe), ou "
     "prévenir le client si le délai ne peut pas être tenu."},
}};

std::string format_value(AlertMeasure measure, double value) {
  switch (measure) {
    case AlertMeasure::budget_overrun_pct:
    case AlertMeasure::utilisation_pct:
    case AlertMeasure::p_late_pct:
      return format_decimal_fr(value, 1) + " %";
    case AlertMeasure::client_satisfaction:
      return format_decimal_fr(value, 1) + "/10";
    case AlertMeasure::days_without_report:
    case AlertMeasure::predicted_delay_days:
      return count_fr(static_cast<std::uint64_t>(std::lround(std::max(0.0, value))), "jour", "jours");
    case AlertMeasure::cost_at_completion_eur:
      return format_euros_fr(value);
    case AlertMeasure::incidents_sla_at_risk:
      return count_fr(static_cast<std::uint64_t>(std::lround(std::max(0.0, value))), "incident", "incidents");
  }
  return format_decimal_fr(value, 1);
}

bool windowed(AlertMeasure measure) {
  return measure == AlertMeasure::client_satisfaction || measure == AlertMeasure::utilisation_pct;
}

std::string signed_decimal(double value, std::string_view unit) {
  return (value > 0 ? "+" : "") + format_decimal_fr(value, 1) + std::string{unit};
}

}  // namespace

std::string rule_alert_key(const AlertRule& rule, const std::string& site_id) {
  return std::string{kRuleKeyPrefix} + rule.name + ":" + site_id;
}

store::AlertRow describe_alert(const AlertRule& rule, const SiteFigures& site,
                               const std::string& site_name, const Observed& observed, Instant now) {
  const MeasureWords& words = kWords[static_cast<std::size_t>(rule.measure)];
  const std::string where = site_name.empty() ? site.site_id : site_name + " (" + site.site_id + ")";
  const int days = site.window_days[static_cast<std::size_t>(rule.measure)];
  const std::string n = format_integer_fr(days);
  const std::string last = days == 1 ? "sur le dernier jour" : "sur les " + n + " derniers jours";
  const std::string previous = days == 1 ? "au jour précédent" : "aux " + n + " jours précédents";
  store::AlertRow row;
  row.key = rule_alert_key(rule, site.site_id);
  row.kind = rule.name;
  row.site_id = site.site_id;
  row.audience = std::string{alert_audience_label(rule.audience)};
  row.raised_at = now;
  if (rule.change == AlertChange::level) {
    row.title = std::string{words.label} + " : " + format_value(rule.measure, observed.value) +
                " — " + where;
    row.message = std::string{words.label} + " : " + format_value(rule.measure, observed.value) +
                  (windowed(rule.measure) ? " " + last : "") +
                  " (seuil : " + (rule.above ? "au-dessus de " : "au-dessous de ") +
                  format_value(rule.measure, rule.threshold) + ").";
  } else {
    const std::string_view unit = rule.change == AlertChange::percent ? " %" : " points";
    row.title = std::string{words.label} + (observed.value > 0 ? " en hausse" : " en baisse") +
                " — " + where;
    // A windowed figure against the window before; a state against itself a window ago.
    const std::string compared =
        windowed(rule.measure)
            ? format_value(rule.measure, *observed.before) + " → " +
                  format_value(rule.measure, *observed.now) + " " + last + ", soit " +
                  signed_decimal(observed.value, unit) + " par rapport " + previous
            : format_value(rule.measure, *observed.before) + " il y a " + n + " jours → " +
                  format_value(rule.measure, *observed.now) + ", soit " +
                  signed_decimal(observed.value, unit);
    row.message = std::string{words.label} + " : " + compared + " (seuil : " +
                  signed_decimal(rule.threshold, unit) + ").";
  }
  row.message += " À faire : " + std::string{words.what_to_do};

  JsonWriter json;
  json.begin_object()
      .field("rule", rule.name)
      .field("measure", alert_measure_name(rule.measure))
      .field("value", observed.value)
      .field("threshold", rule.threshold)
      .field("window_days", static_cast<std::int64_t>(days));
  if (observed.now) json.field("now", *observed.now);
  if (observed.before) json.field("before", *observed.before);
  json.end_object();
  row.figures = json.take();
  return row;
}

}  // namespace vigie::alerts
