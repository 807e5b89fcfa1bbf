#include "models/multiclass_metrics.hpp"

namespace vigie::models {

MulticlassMetrics multiclass_metrics(std::span<const int> truth, std::span<const int> predicted,
                                     const std::vector<std::string>& names) {
  const std::size_t k = names.size();
  MulticlassMetrics m;
  m.examples = truth.size();
  m.confusion.assign(k, std::vector<std::size_t>(k, 0));
  std::size_t correct = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const auto t = static_cast<std::size_t>(truth[i]);
    const auto p = static_cast<std::size_t>(predicted[i]);
    if (t >= k || p >= k) continue;
    ++m.confusion[t][p];
    correct += t == p ? 1 : 0;
  }
  m.accuracy = m.examples == 0 ? 0 : static_cast<double>(correct) / static_cast<double>(m.examples);
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t predicted_as = 0, present = 0;
    for (std::size_t o = 0; o < k; ++o) {
      predicted_as += m.confusion[o][c];
      present += m.confusion[c][o];
    }
    const double hits = static_cast<double>(m.confusion[c][c]);
    ClassMetrics cls{names[c], 0, 0, 0, present};
    if (predicted_as > 0) cls.precision = hits / static_cast<double>(predicted_as);
    if (present > 0) cls.recall = hits / static_cast<double>(present);
    if (cls.precision + cls.recall > 0) {
      cls.f1 = 2 * cls.precision * cls.recall / (cls.precision + cls.recall);
    }
    m.macro_precision += cls.precision / static_cast<double>(k);
    m.macro_recall += cls.recall / static_cast<double>(k);
    m.macro_f1 += cls.f1 / static_cast<double>(k);
    if (m.examples > 0) {
      m.weighted_f1 += cls.f1 * static_cast<double>(present) / static_cast<double>(m.examples);
    }
    m.per_class.push_back(std::move(cls));
  }
  return m;
}

}  // namespace vigie::models
