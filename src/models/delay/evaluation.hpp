// models/delay/evaluation.hpp
//
// The delay model measured on its test sites (models.md, "Evaluation"; issue: `vigie eval
// delay`), beside two references measured on the same rows: the plain rule "late if behind
// schedule today" (SPI < 0.95) and, on the demo company, the simulator's own true
// probabilities — what its causal model implies from the plan and the hidden risk, the best
// any model could do from the plan alone (docs/demo-company.md, §3).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/binary_metrics.hpp"
#include "models/delay/dataset.hpp"
#include "models/delay/model.hpp"

namespace vigie::models {

inline constexpr double kRuleSpiThreshold = 0.95;

struct TruthOfSite {
  double p_late = 0;
  double expected_delay_days = 0;
};
using SiteTruths = std::unordered_map<std::string, TruthOfSite>;  // by site id

struct ScoreMetrics {
  Classification at_threshold;
  double roc_auc = 0.5;
  double brier = 0;
  double mae_days = 0;
  std::vector<CalibrationBin> calibration;
};

// The test rows by how far the site had gone (elapsed ratio): early < 1/3 ≤ middle < 2/3 ≤ late.
struct PhaseMetrics {
  std::string phase;
  std::size_t rows = 0;
  double f1 = 0, rule_f1 = 0;
  std::optional<double> oracle_f1;
};

struct DelayEvaluation {
  double threshold = 0.5;
  std::size_t train_sites = 0, validation_sites = 0, test_sites = 0;
  std::size_t train_rows = 0, validation_rows = 0, test_rows = 0;
  double test_late_share = 0;  // of the test rows
  LocalDate cut{}, first_end{}, last_end{};
  ScoreMetrics model;
  Classification rule;
  std::optional<ScoreMetrics> oracle;  // when the store holds the demo's truth for every test site
  std::vector<PhaseMetrics> phases;
  int classifier_rounds = 0, regressor_rounds = 0;
};

DelayEvaluation evaluate_delay_model(const DelayModel& model, const DelayDataset& data,
                                     const CompanyHistory& history, double threshold,
                                     const SiteTruths& truths);

// One JSON object: the keys of the issue (precision, recall, f1, roc_auc, brier, mae_days,
// rule_f1, oracle_f1, test_sites…) at the top, the details below.
std::string evaluation_json(const DelayEvaluation& evaluation);
// The same in French, for people (`vigie eval delay` and its Markdown file).
std::string evaluation_markdown(const DelayEvaluation& evaluation);

}  // namespace vigie::models
