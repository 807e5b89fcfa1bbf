// models/delay/training.hpp
//
// The delay model's life in the registry: train a version from the store's history and record
// it (parameters, data window, held-out metrics, file), evaluate a recorded version again on
// the sites completed since its cut, and load the active one for serving. What `vigie train
// delay`, `vigie eval delay` and the server's scheduler call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "common/config.hpp"
#include "common/expected.hpp"
#include "models/delay/evaluation.hpp"
#include "models/delay/model.hpp"
#include "models/promotion.hpp"
#include "store/store.hpp"

namespace vigie::models {

inline constexpr std::string_view kDelayModelName = "delay";

// The rows' options (labels, snapshots, time split) from the settings.
DatasetOptions delay_dataset_options(const DelayModelSettings& settings);

struct TrainedVersion {
  std::int64_t version = 0;
  DelayEvaluation evaluation;
  PromotionDecision promotion;  // against the version serving when it was trained
};

// Trains on `history`, evaluates on the time split, records the version and promotes it unless
// one of its test metrics (F1, ROC AUC, Brier, MAE) is worse than the serving version's on the
// same test rows (models/promotion.hpp); the decision is kept in its metrics ("promotion").
// `now` stamps the record.
Expected<TrainedVersion> train_delay_version(store::Store& store, const CompanyHistory& history,
                                             const DelayModelSettings& settings,
                                             const std::string& trained_by, Instant now);

struct LoadedDelayModel {
  DelayModel model;
  store::ModelVersionRow row;  // without its file
  LocalDate cut{};             // its time split: test sites completed on or after this
  // From its held-out evaluation: how far its numbers are from the truth, typically.
  double test_mae_days = 0;
  double test_brier = 0;
  std::vector<CalibrationBin> calibration;
};

// Version 0: the active one. nullopt when the registry has none.
Expected<std::optional<LoadedDelayModel>> load_delay_version(const store::Store& store,
                                                             std::int64_t version = 0);

// A recorded version measured again: same cut date, every site completed since it.
Expected<DelayEvaluation> evaluate_delay_version(const store::Store& store,
                                                 const CompanyHistory& history,
                                                 const LoadedDelayModel& loaded,
                                                 const DelayModelSettings& settings);

// The simulator's true probabilities of the demo company (empty for a real company).
Expected<SiteTruths> site_truths(const store::Store& store);

}  // namespace vigie::models
