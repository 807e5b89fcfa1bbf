// models/triage/text_model.hpp
//
// The seam of the text part of triage: a TextModel — one view of the text — turns a tokenised
// text (text_tokens.hpp) into, for each output, one probability per class. A view reads the
// text once for all outputs (one representation, one classifier head per output). Two views
// implement it today — fastText
// with word and character n-grams (fasttext_model.hpp) and a TF-IDF linear model
// (tfidf_model.hpp) — and the forest (forest.hpp) reads their probabilities side by side. A
// transformer encoder with a classification head would be a third implementation: nothing
// downstream knows which views it is given.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"

namespace vigie::models::triage {

using Tokens = std::vector<std::string>;

// Texts with, per output, their class (0 … classes[o] − 1): what every view trains on.
struct LabelledTexts {
  std::vector<Tokens> texts;
  std::vector<std::vector<int>> labels;  // labels[o][i]: text i's class for output o
  std::vector<int> classes;              // per output
};

// Per output, one probability per class (in class order; they add up to 1).
using OutputProbabilities = std::vector<std::vector<float>>;

class TextModel {
 public:
  virtual ~TextModel() = default;
  virtual std::string_view kind() const = 0;  // "fasttext", "tfidf": names the view in reports
  virtual const std::vector<int>& classes() const = 0;  // per output
  virtual OutputProbabilities probabilities(const Tokens& text) const = 0;
  // The model as bytes, for the registry; each kind loads its own.
  virtual Expected<std::string> save() const = 0;
};

}  // namespace vigie::models::triage
