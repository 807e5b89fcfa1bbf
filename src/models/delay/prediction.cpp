#include "models/delay/prediction.hpp"

#include <algorithm>
#include <cmath>

#include "common/french_format.hpp"
#include "common/json_writer.hpp"

namespace vigie::models {
namespace {

constexpr float kLargestCrew = 20;
constexpr float kDesignOfficeTarget = 24;  // hours: "réponses du BE sous 24 h"
constexpr float kMostSubcontractors = 8;
constexpr std::size_t kActionsShown = 3;
constexpr double kLeastGain = 0.5;  // days: a smaller effect is noise, not advice
// Without data enough, the stated ranges are this many times wider.
constexpr double kLowCoverageWidening = 2.0;
// The least half-width of the probability range: calibration on a few dozen sites is no
// finer than this.
constexpr double kMinProbabilityMargin = 0.05;

std::string days_text(double days) { return format_integer_fr(std::lround(days)) + " j"; }

SuggestedAction change(const FeatureRow& row, std::string action, std::string what, Feature feature,
                       float value) {
  SuggestedAction a{std::move(action), std::move(what), row, 0, 0};
  a.changed[feature] = value;
  return a;
}

// The calibration error of the evaluation near p: |observed − predicted| in p's bin.
double calibration_margin(const std::vector<CalibrationBin>& table, double p) {
  for (const auto& bin : table) {
    if (bin.count > 0 && p >= bin.from && (p < bin.to || bin.to >= 1.0)) {
      return std::max(kMinProbabilityMargin, std::fabs(bin.observed_rate - bin.mean_predicted));
    }
  }
  return 0.5;  // never seen such a probability on the test sites: say so
}

}  // namespace

std::vector<SuggestedAction> DelayPredictor::candidate_actions(const FeatureRow& row) {
  std::vector<SuggestedAction> actions;
  const float crew = row[Feature::team_size];
  if (!std::isnan(crew) && crew + 1 <= kLargestCrew) {
    actions.push_back(change(row, "add_worker", "+1 ouvrier", Feature::team_size, crew + 1));
  }
  if (!std::isnan(crew) && crew + 2 <= kLargestCrew) {
    actions.push_back(change(row, "add_two_workers", "+2 ouvriers", Feature::team_size, crew + 2));
  }
  const float answers = row[Feature::design_office_response_hours];
  if (!std::isnan(answers) && answers > kDesignOfficeTarget * 1.25f) {
    actions.push_back(change(row, "design_office_24h",
                             "réponses du BE sous 24 h (au lieu de " +
                                 format_integer_fr(std::lround(answers)) + " h)",
                             Feature::design_office_response_hours, kDesignOfficeTarget));
  }
  const float waiting = row[Feature::design_requests_open];
  if (waiting > 0) {
    actions.push_back(change(row, "answer_design_requests",
                             waiting == 1 ? std::string{"répondre à la demande en attente au BE"}
                                          : "répondre aux " + format_integer_fr(std::lround(waiting)) +
                                                " demandes en attente au BE",
                             Feature::design_requests_open, 0));
  }
  const float open = row[Feature::incidents_open];
  if (open > 0) {
    actions.push_back(change(row, "resolve_incidents",
                             open == 1 ? std::string{"résoudre l'incident ouvert"}
                                       : "résoudre les " + format_integer_fr(std::lround(open)) +
                                             " incidents ouverts",
                             Feature::incidents_open, 0));
  }
  const float subcontractors = row[Feature::subcontractors];
  if (!std::isnan(subcontractors) && subcontractors + 1 <= kMostSubcontractors) {
    actions.push_back(change(row, "add_subcontractor", "+1 sous-traitant", Feature::subcontractors,
                             subcontractors + 1));
  }
  return actions;
}

Expected<SitePrediction> DelayPredictor::predict(const CompanyHistory& history,
                                                 const SimilarSites& similar,
                                                 const SiteHistory& site, Instant t) const {
  SitePrediction out;
  out.site_id = site.id;
  out.as_of = t;
  out.model_version = loaded_.row.version;
  SiteFigures figures;
  out.features = features_at(site, t, {history, similar, loaded_.model.regions()}, &figures);

  std::vector<SuggestedAction> actions = candidate_actions(out.features);
  std::vector<FeatureRow> rows{out.features};
  for (const auto& action : actions) rows.push_back(action.changed);
  auto scores = loaded_.model.score(rows);
  if (!scores) return scores.error();
  auto contributions = loaded_.model.contributions(std::span{rows}.first(1));
  if (!contributions) return contributions.error();
  out.p_late = (*scores)[0].p_late;
  out.delay_days = (*scores)[0].delay_days;
  out.predicted_late = out.p_late >= settings_.threshold;
  out.factors = top_factors((*contributions)[0], out.features, figures);

  // Data coverage (issue 6, point 8): too few events, or no progress report for weeks.
  if (!figures.started) out.coverage_reasons.push_back("chantier pas encore commencé");
  if (figures.events_seen < settings_.min_events) {
    out.coverage_reasons.push_back("seulement " + count_fr(static_cast<std::uint64_t>(figures.events_seen),
                                                             "événement reçu", "événements reçus"));
  }
  if (figures.days_since_progress < 0) {
    out.coverage_reasons.push_back("aucun avancement déclaré");
  } else if (figures.days_since_progress > settings_.max_days_without_progress) {
    out.coverage_reasons.push_back("pas d'avancement déclaré depuis " +
                                   count_fr(static_cast<std::uint64_t>(figures.days_since_progress),
                                            "jour", "jours"));
  }
  out.low_coverage = !out.coverage_reasons.empty();
  const double widen = out.low_coverage ? kLowCoverageWidening : 1.0;
  const double p_margin = widen * calibration_margin(loaded_.calibration, out.p_late);
  out.p_low = std::max(0.0, out.p_late - p_margin);
  out.p_high = std::min(1.0, out.p_late + p_margin);
  const double d_margin = widen * loaded_.test_mae_days;
  out.delay_low = std::max(0.0, out.delay_days - d_margin);
  out.delay_high = out.delay_days + d_margin;

  // Only what the model says helps: half a day shorter at least, one fewer day as shown, and
  // no higher risk.
  for (std::size_t i = 0; i < actions.size(); ++i) {
    auto& action = actions[i];
    action.p_late_after = (*scores)[i + 1].p_late;
    action.delay_days_after = (*scores)[i + 1].delay_days;
    if (action.delay_days_after > out.delay_days - kLeastGain ||
        std::lround(action.delay_days_after) >= std::lround(out.delay_days) ||
        action.p_late_after > out.p_late) {
      continue;
    }
    action.text += " : retard prédit " + days_text(out.delay_days) + " → " + days_text(action.delay_days_after);
    out.actions.push_back(std::move(action));
  }
  std::stable_sort(out.actions.begin(), out.actions.end(), [](const auto& a, const auto& b) {
    return a.delay_days_after < b.delay_days_after;
  });
  if (out.actions.size() > kActionsShown) out.actions.resize(kActionsShown);
  return out;
}

std::string prediction_json(const SitePrediction& p) {
  JsonWriter json;
  json.begin_object()
      .field("site_id", p.site_id)
      .field("as_of", format_rfc3339_utc(p.as_of))
      .field("model_version", p.model_version)
      .field("p_late", p.p_late)
      .key("p_late_range").begin_array().value(p.p_low).value(p.p_high).end_array()
      .field("predicted_late", p.predicted_late)
      .field("delay_days", p.delay_days)
      .key("delay_days_range").begin_array().value(p.delay_low).value(p.delay_high).end_array()
      .key("coverage").begin_object().field("level", p.low_coverage ? "low" : "ok")
      .key("reasons").begin_array();
  for (const auto& reason : p.coverage_reasons) json.value(reason);
  json.end_array().end_object().key("factors").begin_array();
  for (const auto& factor : p.factors) {
    json.begin_object()
        .field("feature", feature_name(factor.feature))
        .field("contribution", static_cast<double>(factor.contribution))
        .field("raises_risk", factor.contribution > 0)
        .field("text", factor.text)
        .end_object();
  }
  json.end_array().key("actions").begin_array();
  for (const auto& action : p.actions) {
    json.begin_object()
        .field("action", action.action)
        .field("text", action.text)
        .field("p_late_after", action.p_late_after)
        .field("delay_days_after", action.delay_days_after)
        .end_object();
  }
  json.end_array().key("features").begin_object();
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    const float v = p.features.values[i];
    json.key(kFeatureNames[i]);
    std::isnan(v) ? json.null() : json.value(static_cast<double>(v));
  }
  json.end_object().end_object();
  return json.take();
}

}  // namespace vigie::models
