// models/triage/tfidf_vectorizer.hpp
//
// The TF-IDF view's features of a text: word unigrams and bigrams and the character n-grams of
// each word (3 to 5 characters, with word boundaries marked), weighted by sublinear term
// frequency × inverse document frequency, then scaled to unit length — the representation of
// the published OSHA results (a linear SVM over TF-IDF). The vocabulary is every feature seen
// in at least `min_df` training texts, numbered from 1 as liblinear expects; a feature unseen
// in training is dropped. A feature is known by a 64-bit hash of its text (FNV-1a), so that
// reading a text allocates no string per n-gram (a collision among ~10⁵ features has a chance
// of about 10⁻⁹). Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/expected.hpp"
#include "models/triage/text_model.hpp"

namespace vigie::models::triage {

struct TfidfParams {
  int min_df = 2;
  int char_min = 3;
  int char_max = 5;
  bool word_bigrams = true;
};

// A sparse row: (feature index ≥ 1, weight), by increasing index.
using SparseRow = std::vector<std::pair<int, double>>;

class TfidfVectorizer {
 public:
  static TfidfVectorizer fit(const std::vector<Tokens>& texts, const TfidfParams& params);

  SparseRow transform(const Tokens& text) const;
  int features() const { return static_cast<int>(idf_.size()); }

  // One line of parameters, then "<hash in hex> <idf>" per line in index order.
  std::string save() const;
  static Expected<TfidfVectorizer> load(std::string_view text);

 private:
  // The hash of each feature of a text, once per occurrence.
  std::vector<std::uint64_t> raw_features(const Tokens& text) const;

  TfidfParams params_;
  std::unordered_map<std::uint64_t, int> index_;  // feature hash → 1-based index
  std::vector<std::uint64_t> hash_of_;            // hash_of_[index − 1]
  std::vector<double> idf_;                       // idf_[index − 1]
};

}  // namespace vigie::models::triage
