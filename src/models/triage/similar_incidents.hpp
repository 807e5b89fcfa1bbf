// models/triage/similar_incidents.hpp
//
// One of triage's structured inputs (models.md: "the history of similar incidents"): how the
// most similar incident opened on the same site in the 30 days before was labelled. Sites repeat
// their troubles — the same leaking column, the same late supplier — and the labels people gave
// the last time are a strong hint. Similarity is the Jaccard index of the two texts' word sets
// (triage's tokens), at least 0.2 to count: cheap enough to run at every classification.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "common/time.hpp"
#include "models/triage/labels.hpp"

namespace vigie::models::triage {

inline constexpr std::chrono::days kSimilarWindow{30};
inline constexpr double kMinSimilarity = 0.2;

// A text's distinct tokens, sorted: what similarity compares.
std::vector<std::string> word_set(std::string_view text);

// |a ∩ b| / |a ∪ b| of two word sets; 0 when both are empty.
double jaccard(const std::vector<std::string>& a, const std::vector<std::string>& b);

}  // namespace vigie::models::triage
