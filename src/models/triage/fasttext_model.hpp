// models/triage/fasttext_model.hpp
//
// fastText (Debian's libfasttext-dev, linked in-process) as a view of the text: per output, a
// supervised classifier over word n-grams and character n-grams, which suits French morphology
// and the misspellings of phone messages. The one file that includes fastText's headers
// (scripts/check-deps). fastText trains from a file, so training writes its rows to a scratch
// file; one training thread, so that a model is the same from one run to the next.
#pragma once

#include <memory>

#include "models/triage/text_model.hpp"

namespace fasttext {
class FastText;
}

namespace vigie::models::triage {

struct FastTextParams {
  int dim = 50;
  int epoch = 30;
  double lr = 0.5;
  int word_ngrams = 2;
  int minn = 3;  // character n-grams from 3 …
  int maxn = 5;  // … to 5 characters
  int bucket = 50'000;  // hashed character n-grams: the model is (words + bucket) × dim floats
  int min_count = 1;
  int seed = 1;
};

class FastTextModel final : public TextModel {
 public:
  static Expected<std::unique_ptr<FastTextModel>> train(const LabelledTexts& data,
                                                        const FastTextParams& params);
  // `classes`: as trained (a class without a training row has no label in fastText's model).
  static Expected<std::unique_ptr<FastTextModel>> load(std::string_view bytes,
                                                       const std::vector<int>& classes);
  ~FastTextModel() override;

  std::string_view kind() const override { return "fasttext"; }
  const std::vector<int>& classes() const override { return classes_; }
  OutputProbabilities probabilities(const Tokens& text) const override;
  // Each output's fastText model, one part each (model_parts.hpp).
  Expected<std::string> save() const override;

 private:
  FastTextModel(std::vector<std::unique_ptr<fasttext::FastText>> models, std::vector<int> classes);

  std::vector<std::unique_ptr<fasttext::FastText>> models_;  // one per output
  std::vector<int> classes_;
};

}  // namespace vigie::models::triage
