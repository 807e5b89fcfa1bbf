// models/triage/training.hpp
//
// The triage model's life in the registry: train a version from the shipped corpus (and, as
// they come, the company's own labelled and corrected incidents), measure it on the held-out
// texts written by another hand, record it (parameters, data, metrics, file) and make it the
// active one; load a recorded version to classify. What `vigie train triage`, `vigie eval
// triage` and the server call.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "common/expected.hpp"
#include "models/promotion.hpp"
#include "models/triage/evaluation.hpp"
#include "store/store.hpp"

namespace vigie::models::triage {

inline constexpr std::string_view kTriageModelName = "triage";

StackParams stack_params(const TriageSettings& settings);
SlaHours sla_of(const TriageSettings& settings);

// What a version learns from: the shipped corpus, then the company's own incidents that people
// labelled or corrected (company_incidents.hpp), so that a correction counts at the next training.
struct TrainingSet {
  std::vector<IncidentText> texts;  // the shipped ones first
  std::size_t shipped = 0;
  std::size_t company = 0;    // of which the company's own
  std::size_t corrected = 0;  // … of which a person relabelled after the opening
};
Expected<TrainingSet> triage_training_set(const store::Store& store,
                                          std::vector<IncidentText> shipped);

struct TrainedTriage {
  std::int64_t version = 0;
  std::size_t trained_on = 0;
  std::optional<TriageEvaluation> heldout;  // when held-out texts were given
  PromotionDecision promotion;  // against the version serving when it was trained
};

// `params`: stack_params(settings), or views and inputs left out to compare. The version is
// promoted unless one of its held-out metrics (each output's macro-F1, routing accuracy) is worse
// than the serving version's on the same texts (models/promotion.hpp).
Expected<TrainedTriage> train_triage_version(store::Store& store, const TrainingSet& train,
                                             const std::vector<IncidentText>& heldout,
                                             const StackParams& params,
                                             const TriageSettings& settings,
                                             const std::string& trained_by, Instant now);

struct LoadedTriage {
  TriageModel model;
  store::ModelVersionRow row;  // without its file
};

// Version 0: the active one. nullopt when the registry has none.
Expected<std::optional<LoadedTriage>> load_triage_version(const store::Store& store,
                                                          std::int64_t version = 0);

}  // namespace vigie::models::triage
