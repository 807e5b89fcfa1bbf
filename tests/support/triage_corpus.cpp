#include "support/triage_corpus.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "support/child_process.hpp"

namespace vigie::testing {

std::vector<models::triage::IncidentText> triage_corpus_slice(std::size_t every) {
  const std::string dir = (source_dir() / "data/triage/train").string();
  auto read = models::triage::read_incident_corpus(dir);
  EXPECT_TRUE(read) << dir;
  std::vector<models::triage::IncidentText> slice;
  if (!read) return slice;
  EXPECT_TRUE(read->refused.empty());
  for (std::size_t i = 0; i < read->incidents.size(); i += every) slice.push_back(read->incidents[i]);
  return slice;
}

models::triage::StackParams small_triage_params() {
  models::triage::StackParams params;
  params.fasttext.epoch = 5;
  params.fasttext.dim = 10;
  params.fasttext.bucket = 20'000;
  params.forest.trees = 20;
  params.folds = 2;
  return params;
}

}  // namespace vigie::testing
