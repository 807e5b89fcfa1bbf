#include "models/delay/model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <simdjson.h>

#include "common/json_writer.hpp"

namespace vigie::models {
namespace {

constexpr std::string_view kMagic = "VIGIE-DELAY-MODEL 1\n";

// The regressor's unit: the delay as a share of the planned duration (at least a day).
double planned_days_of(const FeatureRow& row) {
  const float days = row[Feature::planned_days];
  return std::isnan(days) || days < 1 ? 1.0 : days;
}

// Days already past the planned end at the row's date: a delay that is certain. The regressor
// learns only the rest, which it can carry from short overruns to long ones.
double overrun_days_of(const FeatureRow& row) {
  const float elapsed = row[Feature::elapsed_ratio];
  return std::isnan(elapsed) ? 0.0 : std::max(0.0, (elapsed - 1.0) * planned_days_of(row));
}

// Where more of a feature can only raise (+1) or lower (-1) the risk: what a site manager would
// expect, and what keeps the suggested actions consistent. The others are free (0).
std::string monotone_constraints() {
  std::array<int, kFeatureCount> sign{};
  sign[static_cast<std::size_t>(Feature::schedule_performance)] = -1;
  sign[static_cast<std::size_t>(Feature::team_presence_rate)] = -1;
  sign[static_cast<std::size_t>(Feature::team_size)] = -1;
  sign[static_cast<std::size_t>(Feature::chief_experience_years)] = -1;
  sign[static_cast<std::size_t>(Feature::incidents_open)] = 1;
  sign[static_cast<std::size_t>(Feature::incidents_critical)] = 1;
  sign[static_cast<std::size_t>(Feature::design_requests_open)] = 1;
  sign[static_cast<std::size_t>(Feature::design_office_response_hours)] = 1;
  sign[static_cast<std::size_t>(Feature::complexity)] = 1;
  std::string text = "(";
  for (std::size_t i = 0; i < sign.size(); ++i) text += (i == 0 ? "" : ",") + std::to_string(sign[i]);
  return text + ")";
}

std::vector<std::pair<std::string, std::string>> common_params(const DelayModelParams& p) {
  std::vector<std::pair<std::string, std::string>> values = {
      {"booster", "gbtree"},
      {"tree_method", "hist"},
      {"max_depth", std::to_string(p.max_depth)},
      {"eta", format_json_number(p.eta)},
      {"min_child_weight", format_json_number(p.min_child_weight)},
      {"subsample", format_json_number(p.subsample)},
      {"colsample_bytree", format_json_number(p.colsample_bytree)},
      {"seed", "1"},
      {"monotone_constraints", monotone_constraints()},
  };
  if (p.threads > 0) values.emplace_back("nthread", std::to_string(p.threads));
  return values;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> classifier_params(const DelayModelParams& params) {
  auto values = common_params(params);
  values.emplace_back("objective", "binary:logistic");
  values.emplace_back("eval_metric", "logloss");
  return values;
}

std::vector<std::pair<std::string, std::string>> regressor_params(const DelayModelParams& params) {
  auto values = common_params(params);
  values.emplace_back("objective", "reg:squarederror");
  values.emplace_back("eval_metric", "mae");
  return values;
}

Dataset to_dataset(std::span<const DelayRow> rows, bool delay_label) {
  Dataset data;
  data.columns = kFeatureCount;
  data.values.reserve(rows.size() * kFeatureCount);
  data.labels.reserve(rows.size());
  for (const DelayRow& row : rows) {
    data.values.insert(data.values.end(), row.features.values.begin(), row.features.values.end());
    const double rest = row.delay_days - overrun_days_of(row.features);
    data.labels.push_back(delay_label ? static_cast<float>(std::max(0.0, rest) / planned_days_of(row.features))
                                      : (row.late ? 1.0f : 0.0f));
  }
  return data;
}

Dataset to_dataset(std::span<const FeatureRow> rows) {
  Dataset data;
  data.columns = kFeatureCount;
  data.values.reserve(rows.size() * kFeatureCount);
  for (const FeatureRow& row : rows) {
    data.values.insert(data.values.end(), row.values.begin(), row.values.end());
  }
  return data;
}

Expected<DelayModel> DelayModel::train(const DelayModelParams& params, const DelayDataset& data) {
  const auto fit = [&](bool delay_label) {
    TrainingParams training;
    training.values = delay_label ? regressor_params(params) : classifier_params(params);
    training.max_rounds = params.max_rounds;
    training.early_stopping_rounds = params.early_stopping_rounds;
    return Booster::train(training, to_dataset(data.train, delay_label),
                          to_dataset(data.validation, delay_label));
  };
  auto classifier = fit(false);
  if (!classifier) return classifier.error();
  auto regressor = fit(true);
  if (!regressor) return regressor.error();
  return DelayModel(std::move(*classifier), std::move(*regressor), data.regions,
                    params.late_tolerance_days);
}

Expected<std::vector<DelayScore>> DelayModel::score(std::span<const FeatureRow> rows) const {
  const Dataset data = to_dataset(rows);
  auto p = classifier_.predict(data);
  if (!p) return p.error();
  auto days = regressor_.predict(data);
  if (!days) return days.error();
  std::vector<DelayScore> scores(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double overrun = overrun_days_of(rows[i]);
    // Past the planned end and not complete: late is a fact, whatever the trees say (few
    // training rows are that far past the end).
    const double p_late = overrun > late_tolerance_days_ ? 1.0 : (*p)[i];
    scores[i] = {p_late, overrun + std::max(0.0, (*days)[i] * planned_days_of(rows[i]))};
  }
  return scores;
}

Expected<std::vector<Contributions>> DelayModel::contributions(std::span<const FeatureRow> rows) const {
  auto values = classifier_.contributions(to_dataset(rows));
  if (!values) return values.error();
  std::vector<Contributions> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::copy_n(values->begin() + static_cast<std::ptrdiff_t>(i * (kFeatureCount + 1)),
                kFeatureCount + 1, out[i].begin());
  }
  return out;
}

Expected<std::string> DelayModel::save() const {
  auto classifier = classifier_.save();
  if (!classifier) return classifier.error();
  auto regressor = regressor_.save();
  if (!regressor) return regressor.error();
  JsonWriter meta;
  meta.begin_object().field("feature_set", kDelayFeatureSet).key("regions").begin_array();
  for (const auto& region : regions_) meta.value(region);
  meta.end_array()
      .field("late_tolerance_days", late_tolerance_days_)
      .field("classifier_bytes", static_cast<std::uint64_t>(classifier->size()))
      .field("regressor_bytes", static_cast<std::uint64_t>(regressor->size()))
      .end_object();
  std::string out{kMagic};
  out += meta.str();
  out += '\n';
  out += *classifier;
  out += *regressor;
  return out;
}

Expected<DelayModel> DelayModel::load(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return Error::invalid("model", "is not a Vigie delay model");
  bytes.remove_prefix(kMagic.size());
  const auto line_end = bytes.find('\n');
  if (line_end == std::string_view::npos) return Error::invalid("model", "has no metadata line");
  simdjson::dom::parser parser;
  simdjson::dom::element meta;
  if (parser.parse(bytes.data(), line_end).get(meta) != simdjson::SUCCESS) {
    return Error::invalid("model", "metadata is not JSON");
  }
  std::string_view feature_set;
  std::uint64_t classifier_size = 0, regressor_size = 0;
  std::int64_t tolerance = 0;
  simdjson::dom::array region_list;
  if (meta["feature_set"].get(feature_set) || meta["classifier_bytes"].get(classifier_size) ||
      meta["regressor_bytes"].get(regressor_size) || meta["regions"].get(region_list) ||
      meta["late_tolerance_days"].get(tolerance)) {
    return Error::invalid("model", "metadata lacks a field");
  }
  if (feature_set != kDelayFeatureSet) {
    return Error::invalid("model", "was trained on features \"" + std::string{feature_set} +
                                       "\", this version computes \"" +
                                       std::string{kDelayFeatureSet} + "\": train it again");
  }
  std::vector<std::string> regions;
  for (auto region : region_list) {
    std::string_view name;
    if (region.get(name)) return Error::invalid("model", "a region is not a string");
    regions.emplace_back(name);
  }
  bytes.remove_prefix(line_end + 1);
  if (bytes.size() != classifier_size + regressor_size) {
    return Error::invalid("model", "is truncated or has extra bytes");
  }
  auto classifier = Booster::load(bytes.substr(0, classifier_size));
  if (!classifier) return classifier.error();
  auto regressor = Booster::load(bytes.substr(classifier_size));
  if (!regressor) return regressor.error();
  return DelayModel(std::move(*classifier), std::move(*regressor), std::move(regions),
                    static_cast<int>(tolerance));
}

}  // namespace vigie::models
