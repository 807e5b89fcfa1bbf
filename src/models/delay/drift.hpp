// models/delay/drift.hpp
//
// Drift of the delay model (issue 9, point 7): for each feature and for the predicted P(late),
// the population stability index between what a version learnt from and what it has been
// scoring since.
//
//   reference  its training rows, profiled when it was trained (kept in its data window):
//              bins cut at the training deciles, plus one bin for missing values
//   serving    the predictions the server stored (store::SiteScoreRow) over the last weeks
//   PSI        Σ (a − e) · ln(a / e) over the bins, each share floored at 0.0001; the usual
//              reading: below 0.1 stable, 0.1–0.2 moving, above 0.2 the population has moved
//
// A shift in one feature (a new region, costlier materials) or in the predictions says the
// model is scoring sites unlike those it learnt from, even before outcomes arrive to measure
// its accuracy. The season and the weekday are left out: they say when a site was scored, and a
// few weeks of serving never look like years of training on them.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.hpp"
#include "models/delay/dataset.hpp"
#include "store/store.hpp"

namespace vigie::models {

// Where one value's training population fell: inner cut points, ascending (at most nine, fewer
// when deciles coincide), and the share of each bin — edges.size() + 1 bins, then missing.
struct ValueProfile {
  std::vector<double> edges;
  std::vector<double> shares;
};

struct DriftProfile {
  std::vector<ValueProfile> features;  // in the model's feature order
  ValueProfile p_late;
};

// The profile of values; NaN is missing.
ValueProfile profile_values(std::span<const double> values);
// The training rows' features, and the version's P(late) on them.
DriftProfile training_profile(const std::vector<DelayRow>& rows, std::span<const double> p_late);

std::string profile_json(const DriftProfile& profile);
// The profile in a version's data window (its "profile" member); nullopt when there is none of
// the right shape (a version trained before profiles).
std::optional<DriftProfile> parse_profile(std::string_view data_window);

// PSI of `values` (NaN: missing) against the reference's bins.
double population_stability(const ValueProfile& reference, std::span<const double> values);

struct DriftItem {
  std::string name;  // a feature's name, or "p_late"
  double psi = 0;
  bool drifted = false;  // psi > threshold
};

struct DriftReport {
  std::int64_t version = 0;
  std::size_t rows = 0;  // serving predictions measured
  std::vector<DriftItem> items;  // the features but season and weekday, then p_late
  bool any() const;
};

// The version's stored predictions (`serving`, other versions ignored) against its profile.
// Fails (invalid) when a stored row's features are not an array of kFeatureCount numbers or nulls.
Expected<DriftReport> measure_drift(const DriftProfile& reference,
                                    const std::vector<store::SiteScoreRow>& serving,
                                    std::int64_t version, double threshold);

// The serving version's drift over the stored predictions of the last `settings.drift_weeks`
// weeks up to `today`; no report, with the reason in English, when it cannot be measured (no
// version, no profile, fewer than kMinDriftRows predictions).
inline constexpr std::size_t kMinDriftRows = 30;
struct DriftCheck {
  std::optional<DriftReport> report;
  std::string not_measured;
};
Expected<DriftCheck> serving_version_drift(const store::Store& store, const DelayModelSettings& settings,
                                           LocalDate today);

inline constexpr std::string_view kDriftAlertKind = "model_drift";
std::string drift_alert_key(std::int64_t version);

// The admin's alert in French when anything drifted: which, by how much, and what to do;
// nullopt when nothing did.
std::optional<store::AlertRow> drift_alert(const DriftReport& report, double threshold, Instant now);

// API field names: {"version", "rows", "items": [{"name", "psi", "drifted"}]}.
std::string drift_json(const DriftReport& report);

}  // namespace vigie::models
