#include "models/binary_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vigie::models {

Classification classify(std::span<const double> scores, const std::vector<bool>& outcomes,
                        double threshold) {
  Classification c;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const bool predicted = scores[i] >= threshold;
    if (predicted && outcomes[i]) ++c.true_positives;
    if (predicted && !outcomes[i]) ++c.false_positives;
    if (!predicted && outcomes[i]) ++c.false_negatives;
    if (!predicted && !outcomes[i]) ++c.true_negatives;
  }
  const auto ratio = [](std::size_t a, std::size_t b) {
    return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b);
  };
  c.precision = ratio(c.true_positives, c.true_positives + c.false_positives);
  c.recall = ratio(c.true_positives, c.true_positives + c.false_negatives);
  c.f1 = c.precision + c.recall == 0 ? 0.0 : 2 * c.precision * c.recall / (c.precision + c.recall);
  return c;
}

double roc_auc(std::span<const double> scores, const std::vector<bool>& outcomes) {
  // Mann–Whitney: the rank sum of the positives, ties given their mean rank.
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
  double positive_rank_sum = 0;
  std::size_t positives = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double mean_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k < j; ++k) {
      if (outcomes[order[k]]) {
        positive_rank_sum += mean_rank;
        ++positives;
      }
    }
    i = j;
  }
  const std::size_t negatives = scores.size() - positives;
  if (positives == 0 || negatives == 0) return 0.5;
  const double p = static_cast<double>(positives);
  return (positive_rank_sum - p * (p + 1) / 2.0) / (p * static_cast<double>(negatives));
}

double brier(std::span<const double> probabilities, const std::vector<bool>& outcomes) {
  if (probabilities.empty()) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const double d = probabilities[i] - (outcomes[i] ? 1.0 : 0.0);
    sum += d * d;
  }
  return sum / static_cast<double>(probabilities.size());
}

std::vector<CalibrationBin> calibration(std::span<const double> probabilities,
                                        const std::vector<bool>& outcomes, int bins) {
  std::vector<CalibrationBin> table(static_cast<std::size_t>(bins));
  std::vector<double> positives(table.size(), 0.0);
  for (std::size_t b = 0; b < table.size(); ++b) {
    table[b].from = static_cast<double>(b) / bins;
    table[b].to = static_cast<double>(b + 1) / bins;
  }
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const auto b = static_cast<std::size_t>(
        std::clamp(static_cast<int>(std::floor(probabilities[i] * bins)), 0, bins - 1));
    ++table[b].count;
    table[b].mean_predicted += probabilities[i];
    positives[b] += outcomes[i] ? 1.0 : 0.0;
  }
  for (std::size_t b = 0; b < table.size(); ++b) {
    if (table[b].count == 0) continue;
    const auto n = static_cast<double>(table[b].count);
    table[b].mean_predicted /= n;
    table[b].observed_rate = positives[b] / n;
  }
  return table;
}

double mean_absolute_error(std::span<const double> estimates, std::span<const double> actual) {
  if (estimates.empty()) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < estimates.size(); ++i) sum += std::abs(estimates[i] - actual[i]);
  return sum / static_cast<double>(estimates.size());
}

}  // namespace vigie::models
