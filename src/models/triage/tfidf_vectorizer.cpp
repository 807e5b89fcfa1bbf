#include "models/triage/tfidf_vectorizer.hpp"

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "common/fnv_hash.hpp"

namespace vigie::models::triage {
namespace {

// FNV-1a over the parts of a feature, fed one after the other.
using FeatureHash = Fnv1a;

}  // namespace

std::vector<std::uint64_t> TfidfVectorizer::raw_features(const Tokens& text) const {
  std::vector<std::uint64_t> features;
  std::string word;
  for (std::size_t i = 0; i < text.size(); ++i) {
    features.push_back(FeatureHash{}.add("w:").add(text[i]).value);
    if (params_.word_bigrams && i + 1 < text.size()) {
      features.push_back(FeatureHash{}.add("b:").add(text[i]).add(" ").add(text[i + 1]).value);
    }
    word.assign("<").append(text[i]).append(">");
    const std::string_view marked = word;
    for (int n = params_.char_min; n <= params_.char_max; ++n) {
      const auto size = static_cast<std::size_t>(n);
      for (std::size_t at = 0; at + size <= marked.size(); ++at) {
        features.push_back(FeatureHash{}.add("c:").add(marked.substr(at, size)).value);
      }
    }
  }
  return features;
}

TfidfVectorizer TfidfVectorizer::fit(const std::vector<Tokens>& texts, const TfidfParams& params) {
  TfidfVectorizer v;
  v.params_ = params;
  std::unordered_map<std::uint64_t, int> document_frequency;
  for (const Tokens& text : texts) {
    auto features = v.raw_features(text);
    std::sort(features.begin(), features.end());
    features.erase(std::unique(features.begin(), features.end()), features.end());
    for (const auto feature : features) ++document_frequency[feature];
  }
  // Sorted, so that the numbering — and so the model — is the same at every run.
  std::vector<std::pair<std::uint64_t, int>> kept;
  for (const auto& [feature, df] : document_frequency) {
    if (df >= params.min_df) kept.emplace_back(feature, df);
  }
  std::sort(kept.begin(), kept.end());
  const double n = static_cast<double>(texts.size());
  for (const auto& [feature, df] : kept) {
    v.index_.emplace(feature, static_cast<int>(v.idf_.size()) + 1);
    v.hash_of_.push_back(feature);
    v.idf_.push_back(std::log((1.0 + n) / (1.0 + df)) + 1.0);  // smoothed, as scikit-learn's
  }
  return v;
}

SparseRow TfidfVectorizer::transform(const Tokens& text) const {
  std::vector<int> indexes;
  for (const auto feature : raw_features(text)) {
    const auto found = index_.find(feature);
    if (found != index_.end()) indexes.push_back(found->second);
  }
  std::sort(indexes.begin(), indexes.end());
  SparseRow row;
  double norm = 0;
  for (std::size_t i = 0; i < indexes.size();) {
    std::size_t j = i;
    while (j < indexes.size() && indexes[j] == indexes[i]) ++j;
    const double count = static_cast<double>(j - i);
    const double weight = (1.0 + std::log(count)) * idf_[static_cast<std::size_t>(indexes[i] - 1)];
    row.emplace_back(indexes[i], weight);
    norm += weight * weight;
    i = j;
  }
  if (norm > 0) {
    const double scale = 1.0 / std::sqrt(norm);
    for (auto& entry : row) entry.second *= scale;
  }
  return row;
}

std::string TfidfVectorizer::save() const {
  std::string out = "tfidf " + std::to_string(params_.min_df) + " " +
                    std::to_string(params_.char_min) + " " + std::to_string(params_.char_max) +
                    " " + (params_.word_bigrams ? "1" : "0") + " " +
                    std::to_string(idf_.size()) + "\n";
  char line[64];
  for (std::size_t i = 0; i < idf_.size(); ++i) {
    std::snprintf(line, sizeof line, "%016" PRIx64 " %.17g\n", hash_of_[i], idf_[i]);
    out += line;
  }
  return out;
}

Expected<TfidfVectorizer> TfidfVectorizer::load(std::string_view text) {
  std::istringstream in{std::string{text}};
  std::string magic;
  int bigrams = 0;
  std::size_t count = 0;
  TfidfVectorizer v;
  in >> magic >> v.params_.min_df >> v.params_.char_min >> v.params_.char_max >> bigrams >> count;
  if (!in || magic != "tfidf") return Error::invalid("model", "not a TF-IDF vocabulary");
  v.params_.word_bigrams = bigrams != 0;
  std::string hash;
  double idf = 0;
  while (v.idf_.size() < count && in >> hash >> idf) {
    const std::uint64_t feature = std::strtoull(hash.c_str(), nullptr, 16);
    v.index_.emplace(feature, static_cast<int>(v.idf_.size()) + 1);
    v.hash_of_.push_back(feature);
    v.idf_.push_back(idf);
  }
  if (v.idf_.size() != count) return Error::invalid("model", "TF-IDF vocabulary cut short");
  return v;
}

}  // namespace vigie::models::triage
