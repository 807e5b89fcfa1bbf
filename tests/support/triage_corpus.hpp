// tests/support/triage_corpus.hpp — a slice of the shipped triage corpus (data/triage/train) and
// small learners, so that tests train a real triage stack in seconds under the sanitizers.
#pragma once

#include <cstddef>
#include <vector>

#include "models/triage/incident_text.hpp"
#include "models/triage/text_stack.hpp"

namespace vigie::testing {

// Every `every`-th text of the corpus (under $VIGIE_SOURCE_DIR, else the working directory).
std::vector<models::triage::IncidentText> triage_corpus_slice(std::size_t every);

// fastText 5 epochs × 10 dimensions, forests of 20 trees, 2 folds.
models::triage::StackParams small_triage_params();

}  // namespace vigie::testing
