// models/multiclass_metrics.hpp
//
// How good a classification is, as the literature reports it (so that triage's figures can be
// set beside Goh & Ubeynarayana's on the OSHA narratives): accuracy; per class precision,
// recall, F1 and support; their unweighted means (macro) and the support-weighted F1; the
// confusion matrix. A class never predicted has precision 0, never present recall 0 — the
// convention of scikit-learn, which the published figures use. Pure.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace vigie::models {

struct ClassMetrics {
  std::string name;
  double precision = 0, recall = 0, f1 = 0;
  std::size_t support = 0;  // true examples of the class
};

struct MulticlassMetrics {
  std::size_t examples = 0;
  double accuracy = 0;
  double macro_precision = 0, macro_recall = 0, macro_f1 = 0, weighted_f1 = 0;
  std::vector<ClassMetrics> per_class;
  std::vector<std::vector<std::size_t>> confusion;  // [true class][predicted class]
};

// `truth` and `predicted` hold classes 0 … names.size() − 1, pairwise.
MulticlassMetrics multiclass_metrics(std::span<const int> truth, std::span<const int> predicted,
                                     const std::vector<std::string>& names);

}  // namespace vigie::models
