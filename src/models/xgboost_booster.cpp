#include "models/xgboost_booster.hpp"

#include <xgboost/c_api.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace vigie::models {
namespace {

constexpr const char* kBestRound = "vigie_best_round";

Error xgboost_error(const std::string& doing) {
  return Error::make(ErrorCode::io, "XGBoost, " + doing + ": " + XGBGetLastError());
}

struct MatrixDeleter {
  void operator()(void* handle) const noexcept { XGDMatrixFree(handle); }
};
using Matrix = std::unique_ptr<void, MatrixDeleter>;

Expected<Matrix> matrix_of(const Dataset& data) {
  DMatrixHandle raw = nullptr;
  if (XGDMatrixCreateFromMat(data.values.data(), data.rows(), data.columns,
                             std::numeric_limits<float>::quiet_NaN(), &raw) != 0) {
    return xgboost_error("building a matrix");
  }
  Matrix matrix(raw);
  if (!data.labels.empty() &&
      XGDMatrixSetFloatInfo(raw, "label", data.labels.data(), data.labels.size()) != 0) {
    return xgboost_error("setting labels");
  }
  if (!data.weights.empty() &&
      XGDMatrixSetFloatInfo(raw, "weight", data.weights.data(), data.weights.size()) != 0) {
    return xgboost_error("setting weights");
  }
  return matrix;
}

// "[12]\tvalidation-logloss:0.4012" → 0.4012: the last metric of the evaluation line.
double last_metric(const char* line) {
  const char* colon = nullptr;
  for (const char* p = line; *p != '\0'; ++p) {
    if (*p == ':') colon = p;
  }
  return colon == nullptr ? std::numeric_limits<double>::quiet_NaN()
                          : std::strtod(colon + 1, nullptr);
}

// Once trained or loaded, a booster predicts on one thread: serving scores a site at a time,
// and for one row OpenMP's waking and joining of a thread team costs more than all the trees
// (`vigie bench delay`); the batches of an evaluation are a few thousand rows.
Expected<void> predict_on_one_thread(BoosterHandle booster) {
  if (XGBoosterSetParam(booster, "nthread", "1") != 0) {
    return xgboost_error("setting one thread for prediction");
  }
  return {};
}

// XGBoost's prediction buffer (rows, rows × classes, or rows × (features + 1)), copied: the
// buffer is the booster's and the next call overwrites it.
std::vector<float> copy_of(const float* result, const bst_ulong* shape, bst_ulong dimensions) {
  bst_ulong size = 1;
  for (bst_ulong i = 0; i < dimensions; ++i) size *= shape[i];
  return std::vector<float>(result, result + size);
}

}  // namespace

struct Booster::Handle {
  BoosterHandle booster = nullptr;
  // Kept for in-place prediction: without one XGBoost makes a proxy per call, and each reads
  // the cgroup CPU quota from /sys (two files opened: most of a one-row prediction's time).
  DMatrixHandle proxy = nullptr;
  ~Handle() {
    if (proxy != nullptr) XGDMatrixFree(proxy);
    if (booster != nullptr) XGBoosterFree(booster);
  }
};

Expected<Booster> Booster::train(const TrainingParams& params, const Dataset& train,
                                 const Dataset& validation) {
  auto train_matrix = matrix_of(train);
  if (!train_matrix) return train_matrix.error();
  auto valid_matrix = matrix_of(validation);
  if (!valid_matrix) return valid_matrix.error();
  DMatrixHandle both[] = {train_matrix->get(), valid_matrix->get()};
  auto handle = std::make_shared<Handle>();
  if (XGBoosterCreate(both, 2, &handle->booster) != 0) return xgboost_error("creating a booster");
  for (const auto& [name, value] : params.values) {
    if (XGBoosterSetParam(handle->booster, name.c_str(), value.c_str()) != 0) {
      return xgboost_error("parameter " + name);
    }
  }
  DMatrixHandle validation_only[] = {valid_matrix->get()};
  const char* names[] = {"validation"};
  int best_round = 0;
  double best = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> scores;
  int round = 0;
  for (; round < params.max_rounds; ++round) {
    if (XGBoosterUpdateOneIter(handle->booster, round, train_matrix->get()) != 0) {
      return xgboost_error("training round " + std::to_string(round));
    }
    const char* line = nullptr;
    if (XGBoosterEvalOneIter(handle->booster, round, validation_only, names, 1, &line) != 0) {
      return xgboost_error("evaluating round " + std::to_string(round));
    }
    const double score = last_metric(line);
    scores.push_back(score);
    const bool better = std::isnan(best) ||
                        (params.metric_higher_is_better ? score > best : score < best);
    if (better) {
      best = score;
      best_round = round;
    } else if (round - best_round >= params.early_stopping_rounds) {
      ++round;
      break;
    }
  }
  const std::string best_text = std::to_string(best_round);
  if (XGBoosterSetAttr(handle->booster, kBestRound, best_text.c_str()) != 0) {
    return xgboost_error("recording the best round");
  }
  if (auto set = predict_on_one_thread(handle->booster); !set) return set.error();
  return Booster(std::move(handle), best_round, best, round, std::move(scores));
}

Expected<Booster> Booster::load(std::string_view bytes) {
  auto handle = std::make_shared<Handle>();
  if (XGBoosterCreate(nullptr, 0, &handle->booster) != 0) return xgboost_error("creating a booster");
  if (XGBoosterLoadModelFromBuffer(handle->booster, bytes.data(), bytes.size()) != 0) {
    return xgboost_error("loading a model");
  }
  const char* best = nullptr;
  int found = 0;
  if (XGBoosterGetAttr(handle->booster, kBestRound, &best, &found) != 0 || found == 0) {
    return Error::invalid("model", "has no best round: not saved by Vigie");
  }
  int rounds = 0;
  if (XGBoosterBoostedRounds(handle->booster, &rounds) != 0) return xgboost_error("counting rounds");
  if (auto set = predict_on_one_thread(handle->booster); !set) return set.error();
  return Booster(std::move(handle), std::atoi(best), std::numeric_limits<double>::quiet_NaN(),
                 rounds);
}

Expected<std::vector<float>> Booster::predict_as(const Dataset& data, int type) const {
  auto matrix = matrix_of(data);
  if (!matrix) return matrix.error();
  // type 0: the prediction; 2: the contributions. Trees after the best round are left out.
  const std::string config = R"({"type": )" + std::to_string(type) +
                             R"(, "training": false, "iteration_begin": 0, "iteration_end": )" +
                             std::to_string(best_round_ + 1) + R"(, "strict_shape": false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  if (XGBoosterPredictFromDMatrix(handle_->booster, matrix->get(), config.c_str(), &shape,
                                  &dimensions, &result) != 0) {
    return xgboost_error("predicting");
  }
  return copy_of(result, shape, dimensions);
}

Expected<std::vector<float>> Booster::predict(const Dataset& data) const {
  // In place, from the rows themselves: no DMatrix to build, which for the one row of a
  // serving request is most of the cost (`vigie bench delay`). The rows are described to
  // XGBoost by an __array_interface__ (the address as an integer, read-only).
  const std::string values =
      R"({"data": [)" + std::to_string(reinterpret_cast<std::uintptr_t>(data.values.data())) +
      R"(, true], "shape": [)" + std::to_string(data.rows()) + ", " +
      std::to_string(data.columns) + R"(], "typestr": "<f4", "version": 3})";
  const std::string config = R"({"type": 0, "training": false, "iteration_begin": 0, "iteration_end": )" +
                             std::to_string(best_round_ + 1) +
                             R"(, "strict_shape": false, "missing": NaN, "cache_id": 0})";
  if (handle_->proxy == nullptr && XGProxyDMatrixCreate(&handle_->proxy) != 0) {
    return xgboost_error("creating a proxy matrix");
  }
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  if (XGBoosterPredictFromDense(handle_->booster, values.c_str(), config.c_str(), handle_->proxy, &shape,
                                &dimensions, &result) != 0) {
    return xgboost_error("predicting");
  }
  return copy_of(result, shape, dimensions);
}

Expected<std::vector<float>> Booster::contributions(const Dataset& data) const {
  return predict_as(data, 2);
}

Expected<std::string> Booster::save() const {
  bst_ulong length = 0;
  const char* bytes = nullptr;
  if (XGBoosterSaveModelToBuffer(handle_->booster, R"({"format": "json"})", &length, &bytes) != 0) {
    return xgboost_error("saving the model");
  }
  return std::string(bytes, length);
}

}  // namespace vigie::models
