#include "models/delay/explanations.hpp"

#include <algorithm>
#include <cmath>

#include "common/french_format.hpp"

namespace vigie::models {
namespace {

std::string whole(float value) { return format_integer_fr(static_cast<std::int64_t>(std::lround(value))); }
std::string count(float value, std::string_view one, std::string_view many) {
  return count_fr(static_cast<std::uint64_t>(std::max(0L, std::lround(value))), one, many);
}
std::string percent(float value) { return whole(value) + " %"; }

std::string weather_phrase(const SiteFigures& f) {
  std::vector<std::string> parts;
  if (f.rain_days > 0) parts.push_back(count(f.rain_days, "jour de pluie", "jours de pluie"));
  if (f.snow_days > 0) parts.push_back(count(f.snow_days, "jour de neige", "jours de neige"));
  if (f.frost_days > 0) parts.push_back(count(f.frost_days, "jour de gel", "jours de gel"));
  if (parts.empty()) return "météo : aucun jour de pluie, neige ou gel prévu sur 7 jours";
  std::string text = "météo : ";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == parts.size() ? " et " : ", ") + parts[i];
  }
  return text + " prévus sur 7 jours";
}

constexpr std::array<std::string_view, 4> kSeasons = {"hiver", "printemps", "été", "automne"};
constexpr std::array<std::string_view, 7> kWeekdays = {"lundi", "mardi", "mercredi", "jeudi",
                                                       "vendredi", "samedi", "dimanche"};

}  // namespace

std::string feature_phrase(Feature feature, const FeatureRow& row, const SiteFigures& figures) {
  const float v = row[feature];
  if (std::isnan(v)) return {};
  switch (feature) {
    case Feature::budget_total: return "budget de " + format_euros_fr(v);
    case Feature::budget_consumed_pct: return percent(v) + " du budget consommé";
    case Feature::elapsed_ratio: return percent(100 * v) + " du délai prévu écoulé";
    case Feature::incidents_total: return count(v, "incident", "incidents") + " depuis le début";
    case Feature::incidents_critical: return count(v, "incident critique", "incidents critiques");
    case Feature::incident_resolution_hours: return "incidents résolus en " + whole(v) + " h en moyenne";
    case Feature::photos_14d: return count(v, "photo", "photos") + " ces 14 derniers jours";
    case Feature::bad_weather_days_7d: return weather_phrase(figures);
    case Feature::team_size: return "équipe de " + count(v, "personne", "personnes") + " sur le chantier";
    case Feature::chief_experience_years:
      return "chef de chantier : " + count(v, "an", "ans") + " d'expérience";
    case Feature::plan_modifications: return count(v, "modification de plan", "modifications de plan");
    case Feature::design_office_response_hours: return "réponses du BE en " + whole(v) + " h en moyenne";
    case Feature::team_presence_rate: return "présence de l'équipe : " + percent(100 * v);
    case Feature::complexity: return "complexité " + whole(v) + "/5";
    case Feature::similar_sites_delay_days:
      return "chantiers similaires : " + count(v, "jour", "jours") + " de retard en moyenne";
    case Feature::season: return std::string{"saison : "} + std::string{kSeasons[static_cast<std::size_t>(v) % 4]};
    case Feature::weekday:
      return "jour de la semaine : " + std::string{kWeekdays[static_cast<std::size_t>(std::max(1.0f, v) - 1) % 7]};
    case Feature::region: return figures.region.empty() ? std::string{} : "département : " + figures.region;
    case Feature::subcontractors: return count(v, "sous-traitant", "sous-traitants");
    case Feature::material_vs_progress:
      return "achats de matériaux " + (v >= 0 ? whole(v) + " points au-dessus" : whole(-v) + " points en dessous") +
             " de l'avancement";
    case Feature::percent_complete: return "avancement : " + percent(v);
    case Feature::schedule_performance:
      return "avancement à " + percent(100 * v) + " du rythme prévu";
    case Feature::incidents_open: {
      std::string text = count(v, "incident ouvert", "incidents ouverts");
      if (figures.technical_incidents_open > 0 && v > 0) {
        text += " dont " + std::to_string(figures.technical_incidents_open) +
                (figures.technical_incidents_open == 1 ? " technique" : " techniques");
      }
      return text;
    }
    case Feature::design_requests_open: return count(v, "demande en attente au BE", "demandes en attente au BE");
    case Feature::site_type: return figures.type.empty() ? std::string{} : "chantier " + figures.type;
    case Feature::planned_days: return "durée prévue de " + count(v, "jour", "jours");
  }
  return {};
}

std::vector<Factor> top_factors(const Contributions& contributions, const FeatureRow& row,
                                const SiteFigures& figures, std::size_t count_wanted) {
  std::vector<Factor> all;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    const auto feature = static_cast<Feature>(i);
    std::string text = feature_phrase(feature, row, figures);
    if (text.empty() || contributions[i] == 0) continue;
    all.push_back({feature, contributions[i], std::move(text)});
  }
  std::stable_sort(all.begin(), all.end(), [](const Factor& a, const Factor& b) {
    return std::fabs(a.contribution) > std::fabs(b.contribution);
  });
  if (all.size() > count_wanted) all.resize(count_wanted);
  return all;
}

}  // namespace vigie::models
