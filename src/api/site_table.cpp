#include "api/site_table.hpp"

#include <cmath>

namespace vigie::api {
namespace {

// The status as the page names it.
std::string status_fr(kpi::SiteStatus status) {
  switch (status) {
    case kpi::SiteStatus::planned: return "Planifié";
    case kpi::SiteStatus::active: return "En cours";
    case kpi::SiteStatus::suspended: return "Suspendu";
    case kpi::SiteStatus::completed: return "Terminé";
    case kpi::SiteStatus::cancelled: return "Annulé";
  }
  return "";
}

std::string risk_fr(const std::string& risk) {
  if (risk == "high") return "Élevé";
  if (risk == "medium") return "Moyen";
  return risk == "low" ? "Faible" : "";
}

}  // namespace

Table sites_table(const std::vector<SiteSummary>& sites, const PeopleBook& people) {
  Table table{"Chantiers",
              {{"Code", ColumnKind::text, 10},
               {"Chantier", ColumnKind::text, 34},
               {"Client", ColumnKind::text, 24},
               {"Type", ColumnKind::text, 12},
               {"Région", ColumnKind::text, 24},
               {"Responsable", ColumnKind::text, 20},
               {"Chef de chantier", ColumnKind::text, 20},
               {"Statut", ColumnKind::text, 10},
               {"Budget (€)", ColumnKind::euros, 14},
               {"Dépensé (€)", ColumnKind::euros, 14},
               {"Consommé (%)", ColumnKind::percent, 12},
               {"Avancement (%)", ColumnKind::percent, 12},
               {"Retard prévu (j)", ColumnKind::decimal, 12},
               {"Probabilité de retard (%)", ColumnKind::percent, 12},
               {"Risque", ColumnKind::text, 9},
               {"Incidents ouverts", ColumnKind::integer, 10},
               {"Fin prévue", ColumnKind::date, 12}},
              {}};
  for (const SiteSummary& site : sites) {
    const events::SiteRecord& r = site.record;
    // One decimal is what the page shows; the file need not carry float noise.
    const auto number = [](double value) { return TableCell{std::round(value * 10) / 10}; };
    std::vector<TableCell> row{
        r.id, r.name, r.client, r.type, r.region, people.name(r.manager_id),
        r.chief_id.empty() ? TableCell{} : TableCell{people.name(r.chief_id)},
        status_fr(site.status),
        number(static_cast<double>(site.budget_cents) / 100.0),
        number(static_cast<double>(site.actual_cost_cents) / 100.0),
        site.budget_cents > 0 ? number(100.0 * double(site.actual_cost_cents) / double(site.budget_cents)) : TableCell{},
        number(site.percent_complete),
        site.prediction ? number(site.prediction->delay_days) : TableCell{},
        site.prediction ? number(100.0 * site.prediction->p_late) : TableCell{},
        risk_fr(risk_level(site)),
        number(static_cast<double>(site.open_incidents.size())),
        r.planned_end};
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace vigie::api
