// models/binary_metrics.hpp
//
// How good a probability is at a yes/no outcome, and an estimate at a number: the figures of
// models.md's evaluation (precision, recall, F1 at a threshold, ROC-AUC, Brier score, a
// calibration table, MAE). Plain functions over aligned vectors, shared by the model's
// evaluation and its references (the plain rule, the simulator's true probabilities).
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace vigie::models {

struct Classification {
  std::size_t true_positives = 0, false_positives = 0, false_negatives = 0, true_negatives = 0;
  double precision = 0;  // 0 when nothing is predicted positive
  double recall = 0;
  double f1 = 0;
};

// Predicted positive when score >= threshold.
Classification classify(std::span<const double> scores, const std::vector<bool>& outcomes,
                        double threshold);

// The probability that a random positive scores above a random negative (ties count half);
// 0.5 when either class is absent.
double roc_auc(std::span<const double> scores, const std::vector<bool>& outcomes);

// Mean squared difference between probability and outcome (0 perfect, 0.25 a coin).
double brier(std::span<const double> probabilities, const std::vector<bool>& outcomes);

struct CalibrationBin {
  double from = 0, to = 0;  // probabilities in [from, to), the last bin includes 1
  std::size_t count = 0;
  double mean_predicted = 0;
  double observed_rate = 0;
};
// `bins` equal-width bins over [0, 1].
std::vector<CalibrationBin> calibration(std::span<const double> probabilities,
                                        const std::vector<bool>& outcomes, int bins = 10);

double mean_absolute_error(std::span<const double> estimates, std::span<const double> actual);

}  // namespace vigie::models
