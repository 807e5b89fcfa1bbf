// models/triage/tfidf_model.hpp
//
// The TF-IDF linear view of the text: the TF-IDF features of tfidf_vectorizer.hpp, computed once
// per text, and per output an L2-regularised logistic regression (liblinear, Debian's
// liblinear-dev), one class against the rest, giving a probability per class. The one file that includes liblinear's header
// (scripts/check-deps). Deterministic: liblinear's primal solver uses no randomness.
#pragma once

#include <memory>

#include "models/triage/text_model.hpp"
#include "models/triage/tfidf_vectorizer.hpp"

struct model;  // liblinear's

namespace vigie::models::triage {

struct TfidfModelParams {
  TfidfParams features;
  double c = 10;       // inverse regularisation strength
  double eps = 0.01;   // solver tolerance
  bool balanced = true;  // each class's errors weighted against its frequency (forest.hpp)
  // Logistic regression gives probabilities; a linear SVM (the published method on the OSHA
  // narratives) gives margins, turned into a distribution by softmax.
  bool svm = false;
};

class TfidfModel final : public TextModel {
 public:
  static Expected<std::unique_ptr<TfidfModel>> train(const LabelledTexts& data,
                                                     const TfidfModelParams& params);
  static Expected<std::unique_ptr<TfidfModel>> load(std::string_view bytes,
                                                    const std::vector<int>& classes);
  ~TfidfModel() override;

  std::string_view kind() const override { return "tfidf"; }
  const std::vector<int>& classes() const override { return classes_; }
  OutputProbabilities probabilities(const Tokens& text) const override;
  // The vocabulary, then each output's liblinear model, one part each (model_parts.hpp).
  Expected<std::string> save() const override;

 private:
  struct LinearDeleter {
    void operator()(::model* linear) const noexcept;
  };
  using Linear = std::unique_ptr<::model, LinearDeleter>;
  TfidfModel(TfidfVectorizer vectorizer, std::vector<Linear> linear, std::vector<int> classes);

  TfidfVectorizer vectorizer_;
  std::vector<Linear> linear_;  // one per output
  std::vector<int> classes_;
};

}  // namespace vigie::models::triage
