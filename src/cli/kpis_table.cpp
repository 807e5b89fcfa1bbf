#include "cli/kpis_table.hpp"

#include <cmath>
#include <cstdio>
#include <map>

#include "common/french_format.hpp"

namespace vigie::cli {
namespace {

using kpi::FigureSet;
using kpi::FigureValue;

enum class Unit { count, euros, share, hours, days, minutes, bytes, number, names };

struct Label {
  const char* text;
  Unit unit;
};

// French labels of the contract keys; the key itself when one is missing.
const std::map<std::string, Label>& labels() {
  static const std::map<std::string, Label> table = {
      {"active", {"chantiers actifs", Unit::count}},
      {"active_by_size", {"actifs par taille", Unit::count}},
      {"petit", {"petits", Unit::count}}, {"moyen", {"moyens", Unit::count}},
      {"gros", {"gros", Unit::count}},
      {"in_progress", {"en cours", Unit::count}}, {"completed", {"terminés", Unit::count}},
      {"budget_total", {"budget total", Unit::euros}}, {"actual_cost", {"réalisé", Unit::euros}},
      {"spent_share", {"part dépensée", Unit::share}}, {"progress", {"avancement global", Unit::share}},
      {"sites_overrun", {"chantiers en dépassement", Unit::count}},
      {"ahead", {"en avance", Unit::count}}, {"on_time", {"à l'heure", Unit::count}},
      {"late", {"en retard", Unit::count}}, {"mean_delay_days", {"retard moyen", Unit::days}},
      {"incidents", {"incidents ouverts", Unit::count}},
      {"incidents_per_site", {"incidents par chantier", Unit::number}},
      {"mean_severity", {"gravité moyenne (1 à 4)", Unit::number}},
      {"mean_resolution_hours", {"délai moyen de résolution", Unit::hours}},
      {"mean_client_score", {"note client moyenne (/10)", Unit::number}},
      {"mean_team_score", {"note des équipes (/10)", Unit::number}},
      {"sites_at_risk", {"chantiers à risque", Unit::count}},
      {"reports_per_chief_day", {"rapports par chef et par jour ouvré", Unit::number}},
      {"mean_writing_minutes", {"temps moyen de rédaction", Unit::minutes}},
      {"waiting", {"demandes en attente", Unit::count}},
      {"within_sla_share", {"part traitée dans les délais", Unit::share}},
      {"utilisation", {"taux d'utilisation", Unit::share}},
      {"billable_hours", {"heures facturables", Unit::hours}},
      {"total_hours", {"heures totales", Unit::hours}},
      {"photos_per_day", {"photos par jour", Unit::number}}, {"photos", {"photos", Unit::count}},
      {"storage_bytes", {"stockage", Unit::bytes}},
      {"traced_rate", {"taux de traçage", Unit::share}},
      {"recorded", {"incidents enregistrés", Unit::count}},
      {"expected", {"incidents attendus", Unit::number}},
      {"response_hours", {"temps de réponse", Unit::hours}},
      {"technical", {"incidents techniques", Unit::hours}},
      {"material", {"demandes de matériel", Unit::hours}},
      {"design_office_question", {"questions au BE", Unit::hours}},
      {"adoption_share", {"part des chefs utilisateurs", Unit::share}},
      {"most_used", {"fonctions les plus utilisées", Unit::names}},
      {"least_used", {"fonctions les moins utilisées", Unit::names}},
      {"avoided_cost_eur", {"coûts évités", Unit::euros}},
      {"report_minutes_saved", {"minutes de rédaction gagnées", Unit::minutes}},
      {"disputes_avoided", {"litiges évités", Unit::count}},
      {"rework_avoided", {"reprises évitées", Unit::count}},
      {"overrun_eur", {"dépassement total", Unit::euros}},
      {"alerts_sent", {"alertes envoyées", Unit::count}},
      {"km_saved", {"km économisés", Unit::number}},
      {"hours_saved", {"heures de trajet économisées", Unit::hours}},
      {"savings_eur", {"économies", Unit::euros}},
  };
  return table;
}

// Pads to `width` characters on screen: UTF-8 continuation bytes take no column.
std::string padded(const std::string& text, std::size_t width, bool left_aligned) {
  std::size_t columns = 0;
  for (const char c : text) columns += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  const std::string pad(columns < width ? width - columns : 0, ' ');
  return left_aligned ? text + pad : pad + text;
}

std::string shown(const FigureValue& value, Unit unit, bool signed_change) {
  if (std::holds_alternative<std::monostate>(value)) return "pas de données";
  if (const auto* names = std::get_if<kpi::Names>(&value)) {
    std::string out;
    for (const auto& name : *names) out += (out.empty() ? "" : ", ") + name;
    return out.empty() ? "aucune" : out;
  }
  double number = 0;
  if (const auto* d = std::get_if<double>(&value)) number = *d;
  if (const auto* n = std::get_if<std::int64_t>(&value)) number = static_cast<double>(*n);
  std::string text;
  switch (unit) {
    case Unit::count: text = format_integer_fr(static_cast<std::int64_t>(std::llround(number))); break;
    case Unit::euros: text = format_euros_fr(number); break;
    case Unit::share: text = format_decimal_fr(number * 100, 1) + (signed_change ? " pt" : " %"); break;
    case Unit::hours: text = format_decimal_fr(number, 1) + " h"; break;
    case Unit::days: text = format_decimal_fr(number, 1) + " j"; break;
    case Unit::minutes: text = format_decimal_fr(number, 0) + " min"; break;
    case Unit::bytes: text = format_decimal_fr(number / 1e9, 2) + " Go"; break;
    default: text = format_decimal_fr(number, 2); break;
  }
  return signed_change && number > 0 ? "+" + text : text;
}

void rows(std::string& out, const FigureSet& value, const FigureSet& previous,
          const FigureSet& change, int indent) {
  for (const auto& entry : value.entries) {
    const auto found = labels().find(entry.key);
    const Label label = found != labels().end() ? found->second : Label{entry.key.c_str(), Unit::number};
    const FigureValue* before = previous.find(entry.key);
    const FigureValue* delta = change.find(entry.key);
    if (const auto* set = std::get_if<std::shared_ptr<FigureSet>>(&entry.value)) {
      out += std::string(static_cast<std::size_t>(indent), ' ') + label.text + "\n";
      const auto sub = [](const FigureValue* v) {
        const auto* s = v ? std::get_if<std::shared_ptr<FigureSet>>(v) : nullptr;
        return s ? **s : FigureSet{};
      };
      rows(out, **set, sub(before), sub(delta), indent + 2);
      continue;
    }
    const std::string margin(static_cast<std::size_t>(indent), ' ');
    if (std::holds_alternative<kpi::Names>(entry.value)) {  // lists do not fit the columns
      out += margin + label.text + "\n" + margin + "  période : " +
             shown(entry.value, label.unit, false) + "\n" + margin + "  précédente : " +
             (before ? shown(*before, label.unit, false) : "") + "\n";
      continue;
    }
    out += margin + padded(label.text, 44 - static_cast<std::size_t>(indent), true) + " " +
           padded(shown(entry.value, label.unit, false), 18, false) + " " +
           padded(before ? shown(*before, label.unit, false) : "", 18, false) + " " +
           padded(delta ? shown(*delta, label.unit, true) : "", 14, false) + "\n";
  }
}

}  // namespace

std::string kpis_table(const kpi::KpiReport& report) {
  const auto& p = report.periods;
  std::string out = "Indicateurs du " + format_date_fr(p.current.from) + " au " +
                    format_date_fr(p.current.to) + " (période précédente : du " +
                    format_date_fr(p.previous.from) + " au " + format_date_fr(p.previous.to) +
                    ")\n";
  const std::string header = std::string(45, ' ') + padded("période", 18, false) + " " +
                             padded("précédente", 18, false) + " " + padded("évolution", 14, false) +
                             "\n";
  for (const auto& kpi : report.kpis) {
    out += "\n" + std::to_string(kpi.id) + ". " + kpi.name + "\n" + header;
    rows(out, kpi.value, kpi.previous, kpi.change, 2);
  }
  return out;
}

}  // namespace vigie::cli
