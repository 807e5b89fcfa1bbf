#include "models/delay/drift.hpp"

#include <simdjson.h>

#include <algorithm>
#include <cmath>

#include "common/alert_rules.hpp"
#include "common/french_format.hpp"
#include "common/json_writer.hpp"
#include "models/delay/training.hpp"

namespace vigie::models {
namespace {

constexpr int kBins = 10;
constexpr double kFloor = 0.0001;  // an empty bin's share, so that ln(a / e) stays finite
constexpr std::string_view kPredictionItem = "p_late";

// For people, in the order of kFeatureNames.
constexpr std::array<std::string_view, kFeatureCount> kFeatureWords = {
    "budget total", "part du budget consommée", "part du délai écoulée", "incidents",
    "incidents critiques", "délai de résolution des incidents", "photos sur 14 jours",
    "jours d'intempéries sur 7 jours", "taille de l'équipe", "expérience du chef de chantier",
    "modifications de plans", "délai de réponse du bureau d'études", "présence de l'équipe",
    "complexité", "retard des chantiers semblables", "saison", "jour de la semaine", "région",
    "sous-traitants", "matériaux au regard de l'avancement", "avancement",
    "indice de performance du planning", "incidents ouverts", "demandes au bureau d'études en attente",
    "type de chantier", "durée prévue",
};

// The season and the weekday say when a site was scored, not what it is like: a few weeks of
// serving always differ from years of training on them. Left out of the drift measure.
bool calendar_feature(std::size_t f) {
  return f == static_cast<std::size_t>(Feature::season) || f == static_cast<std::size_t>(Feature::weekday);
}

std::size_t bin_of(const std::vector<double>& edges, double value) {
  if (std::isnan(value)) return edges.size() + 1;  // the missing values' bin
  return static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), value) - edges.begin());
}

std::vector<double> shares_of(const std::vector<double>& edges, std::span<const double> values) {
  std::vector<double> shares(edges.size() + 2, 0.0);
  for (const double v : values) shares[bin_of(edges, v)] += 1;
  if (!values.empty()) {
    for (double& s : shares) s /= static_cast<double>(values.size());
  }
  return shares;
}

void write_profile(JsonWriter& json, const ValueProfile& profile) {
  json.begin_object().key("edges").begin_array();
  for (const double e : profile.edges) json.value(e);
  json.end_array().key("shares").begin_array();
  for (const double s : profile.shares) json.value(s);
  json.end_array().end_object();
}

std::optional<ValueProfile> read_profile(simdjson::dom::element element) {
  ValueProfile profile;
  simdjson::dom::array edges, shares;
  if (element["edges"].get(edges) || element["shares"].get(shares)) return std::nullopt;
  for (auto e : edges) {
    double v = 0;
    if (e.get(v)) return std::nullopt;
    profile.edges.push_back(v);
  }
  for (auto s : shares) {
    double v = 0;
    if (s.get(v)) return std::nullopt;
    profile.shares.push_back(v);
  }
  if (profile.shares.size() != profile.edges.size() + 2) return std::nullopt;
  return profile;
}

std::string_view words_of(const std::string& name) {
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    if (kFeatureNames[f] == name) return kFeatureWords[f];
  }
  return "probabilité de retard prédite";
}

}  // namespace

ValueProfile profile_values(std::span<const double> values) {
  std::vector<double> present;
  for (const double v : values) {
    if (!std::isnan(v)) present.push_back(v);
  }
  std::sort(present.begin(), present.end());
  ValueProfile profile;
  for (int q = 1; q < kBins && !present.empty(); ++q) {
    const double edge = present[std::min(present.size() - 1, present.size() * q / kBins)];
    if (profile.edges.empty() || edge > profile.edges.back()) profile.edges.push_back(edge);
  }
  profile.shares = shares_of(profile.edges, values);
  return profile;
}

DriftProfile training_profile(const std::vector<DelayRow>& rows, std::span<const double> p_late) {
  DriftProfile profile;
  std::vector<double> values(rows.size());
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    for (std::size_t i = 0; i < rows.size(); ++i) values[i] = rows[i].features.values[f];
    profile.features.push_back(profile_values(values));
  }
  profile.p_late = profile_values(p_late);
  return profile;
}

std::string profile_json(const DriftProfile& profile) {
  JsonWriter json;
  json.begin_object().key("features").begin_array();
  for (const ValueProfile& feature : profile.features) write_profile(json, feature);
  json.end_array().key("p_late");
  write_profile(json, profile.p_late);
  json.end_object();
  return json.take();
}

std::optional<DriftProfile> parse_profile(std::string_view data_window) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::dom::array features;
  simdjson::dom::element p_late;
  if (parser.parse(data_window.data(), data_window.size()).get(root) ||
      root["profile"]["features"].get(features) || root["profile"]["p_late"].get(p_late)) {
    return std::nullopt;
  }
  DriftProfile profile;
  for (auto feature : features) {
    auto read = read_profile(feature);
    if (!read) return std::nullopt;
    profile.features.push_back(std::move(*read));
  }
  auto prediction = read_profile(p_late);
  if (!prediction || profile.features.size() != kFeatureCount) return std::nullopt;
  profile.p_late = std::move(*prediction);
  return profile;
}

double population_stability(const ValueProfile& reference, std::span<const double> values) {
  const std::vector<double> actual = shares_of(reference.edges, values);
  double psi = 0;
  for (std::size_t b = 0; b < actual.size() && b < reference.shares.size(); ++b) {
    const double a = std::max(actual[b], kFloor), e = std::max(reference.shares[b], kFloor);
    psi += (a - e) * std::log(a / e);
  }
  return psi;
}

bool DriftReport::any() const {
  return std::any_of(items.begin(), items.end(), [](const DriftItem& i) { return i.drifted; });
}

Expected<DriftReport> measure_drift(const DriftProfile& reference,
                                    const std::vector<store::SiteScoreRow>& serving,
                                    std::int64_t version, double threshold) {
  std::vector<std::vector<double>> features(kFeatureCount);
  std::vector<double> p_late;
  simdjson::dom::parser parser;
  for (const store::SiteScoreRow& row : serving) {
    if (row.version != version) continue;
    simdjson::dom::array values;
    if (parser.parse(row.features).get(values) || values.size() != kFeatureCount) {
      return Error::invalid("features", "the stored prediction of " + row.site_id + " on " +
                                            format_iso_date(row.day) + " has no " +
                                            std::to_string(kFeatureCount) + " feature values");
    }
    std::size_t f = 0;
    for (auto value : values) {
      double v = std::nan("");
      if (!value.is_null() && value.get(v)) return Error::invalid("features", "a feature value is not a number");
      features[f++].push_back(v);
    }
    p_late.push_back(row.p_late);
  }
  DriftReport report;
  report.version = version;
  report.rows = p_late.size();
  const auto item = [&](std::string name, const ValueProfile& profile, const std::vector<double>& values) {
    const double psi = population_stability(profile, values);
    report.items.push_back({std::move(name), psi, psi > threshold});
  };
  for (std::size_t f = 0; f < kFeatureCount; ++f) {
    if (calendar_feature(f)) continue;
    item(std::string{kFeatureNames[f]}, reference.features[f], features[f]);
  }
  item(std::string{kPredictionItem}, reference.p_late, p_late);
  return report;
}

Expected<DriftCheck> serving_version_drift(const store::Store& store, const DelayModelSettings& settings,
                                           LocalDate today) {
  DriftCheck check;
  auto serving = store.model_version(std::string{kDelayModelName}, 0);
  if (!serving) return serving.error();
  if (!*serving) {
    check.not_measured = "no delay model serves yet";
    return check;
  }
  const std::int64_t version = (*serving)->version;
  const auto profile = parse_profile((*serving)->data_window);
  if (!profile) {
    check.not_measured = "version " + std::to_string(version) + " was trained before profiles were kept";
    return check;
  }
  const LocalDate from{std::chrono::sys_days{today} - std::chrono::days{7 * settings.drift_weeks - 1}};
  auto scores = store.site_scores(std::string{kDelayModelName}, from, today);
  if (!scores) return scores.error();
  auto report = measure_drift(*profile, *scores, version, settings.drift_threshold);
  if (!report) return report.error();
  if (report->rows < kMinDriftRows) {
    check.not_measured = "version " + std::to_string(version) + " has " + std::to_string(report->rows) +
                         " stored predictions in the last weeks; " + std::to_string(kMinDriftRows) +
                         " are needed";
    return check;
  }
  check.report = std::move(*report);
  return check;
}

std::string drift_alert_key(std::int64_t version) {
  return std::string{kDriftAlertKind} + ":delay:" + std::to_string(version);
}

std::optional<store::AlertRow> drift_alert(const DriftReport& report, double threshold, Instant now) {
  if (!report.any()) return std::nullopt;
  std::vector<DriftItem> drifted;
  for (const DriftItem& i : report.items) {
    if (i.drifted) drifted.push_back(i);
  }
  std::sort(drifted.begin(), drifted.end(), [](const DriftItem& a, const DriftItem& b) { return a.psi > b.psi; });
  std::string list;
  for (const DriftItem& i : drifted) {
    list += (list.empty() ? "" : " ; ") + std::string{words_of(i.name)} + " (" + i.name + ") " +
            format_decimal_fr(i.psi, 2);
  }
  const std::string version = "version " + std::to_string(report.version);
  store::AlertRow row;
  row.key = drift_alert_key(report.version);
  row.kind = std::string{kDriftAlertKind};
  row.audience = std::string{alert_audience_label(AlertAudience::admin)};
  row.title = "Dérive des données du modèle de retard (" + version + ")";
  row.raised_at = now;
  row.message = "Sur " + count_fr(report.rows, "prédiction récente", "prédictions récentes") + ", " +
                count_fr(drifted.size(), "indicateur s'écarte", "indicateurs s'écartent") +
                " de ce que la " + version + " a appris (indice de stabilité PSI au-delà de " +
                format_decimal_fr(threshold, 2) + ") : " + list +
                ". Les prédictions restent servies mais peuvent être moins fiables. À faire : vérifier "
                "les données reçues (nouveaux types de chantiers, saisie changée), puis réentraîner le "
                "modèle (POST /api/v1/jobs/retrain_delay/run) et comparer les versions (vigie models compare).";
  row.figures = drift_json(report);
  return row;
}

std::string drift_json(const DriftReport& report) {
  JsonWriter json;
  json.begin_object()
      .field("version", report.version)
      .field("rows", static_cast<std::uint64_t>(report.rows))
      .key("items")
      .begin_array();
  for (const DriftItem& i : report.items) {
    json.begin_object().field("name", i.name).field("psi", i.psi).field("drifted", i.drifted).end_object();
  }
  json.end_array().end_object();
  return json.take();
}

}  // namespace vigie::models
