// models/triage/text_stack.hpp
//
// Triage's learning machinery, for any labelled texts: each view of the text (text_model.hpp)
// gives class probabilities for every output, and a random forest per output (forest.hpp) reads
// all of them — every view, every output — beside the structured inputs. The forest learns from
// out-of-fold probabilities (each text scored by views trained without it), the stacking that
// keeps it from trusting views that have seen the answer; the views kept are then trained on
// every text. The same stack classifies incidents (three outputs of four classes, structured
// inputs) and any CSV of `vigie eval text` (one output, no structured inputs).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "models/triage/fasttext_model.hpp"
#include "models/triage/forest.hpp"
#include "models/triage/tfidf_model.hpp"

namespace vigie::models::triage {

struct StackExample {
  Tokens text;
  std::vector<float> structured;  // the same length for every example; NaN when unknown
  std::vector<int> labels;        // one class per output
};

// Which views feed the forests: both, or one alone (to show what each adds).
enum class Views { both, fasttext_only, tfidf_only };

// "both", "fasttext", "tfidf": the names of the `--views` flag and of the model file.
std::string_view views_name(Views views);
std::optional<Views> views_named(std::string_view name);

// How the views' probabilities become the answer: a random forest over their out-of-fold
// probabilities and the structured inputs (the product's triage), or their plain mean (no
// learning, no structured inputs: the ablation that shows what the forest adds).
enum class Combiner { forest, mean };
std::string_view combiner_name(Combiner combiner);  // "forest", "mean"
std::optional<Combiner> combiner_named(std::string_view name);

struct StackParams {
  FastTextParams fasttext;
  TfidfModelParams tfidf;
  ForestParams forest;
  int folds = 5;
  Views views = Views::both;
  bool structured = true;  // off: the forests read the text views alone
  Combiner combiner = Combiner::forest;
};

class TextStack {
 public:
  // `classes[o]`: the number of classes of output o.
  static Expected<TextStack> train(const std::vector<int>& classes,
                                   const std::vector<StackExample>& examples,
                                   const StackParams& params);

  // Per output, one probability per class.
  Expected<std::vector<std::vector<float>>> classify(const Tokens& text,
                                                     const std::vector<float>& structured) const;

  // "VIGIE-TEXT-STACK 1", a JSON line (views, structured size, classes, the size of each part),
  // then the parts: each view, then each output's forest. One blob in the registry.
  Expected<std::string> save() const;
  static Expected<TextStack> load(std::string_view bytes);

  const std::vector<int>& classes() const { return classes_; }
  Views views() const { return views_kind_; }
  std::size_t structured_size() const { return structured_size_; }

 private:
  TextStack() = default;
  // The forests' input row: every view's probabilities for every output, then the structured.
  std::vector<float> forest_row(const Tokens& text, const std::vector<float>& structured) const;

  std::vector<int> classes_;
  Views views_kind_ = Views::both;
  Combiner combiner_ = Combiner::forest;
  bool structured_ = true;
  std::size_t structured_size_ = 0;
  // The views in use, in the order fastText, TF-IDF; each covers every output.
  std::vector<std::unique_ptr<TextModel>> views_;
  std::vector<Forest> forests_;  // one per output; none with Combiner::mean
};

}  // namespace vigie::models::triage
