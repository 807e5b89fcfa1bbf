#include "models/delay/training.hpp"

#include <simdjson.h>

#include "common/json_writer.hpp"
#include "models/delay/drift.hpp"

namespace vigie::models {
namespace {

std::string params_json(const DelayModelSettings& settings, const DelayModel& model) {
  JsonWriter json;
  json.begin_object().field("feature_set", kDelayFeatureSet);
  const auto write = [&json](const char* name, const auto& values, int rounds) {
    json.key(name).begin_object();
    for (const auto& [key, value] : values) json.field(key, value);
    json.field("rounds", rounds).end_object();
  };
  write("classifier", classifier_params(settings), model.classifier().best_round() + 1);
  write("regressor", regressor_params(settings), model.regressor().best_round() + 1);
  json.field("max_rounds", settings.max_rounds)
      .field("early_stopping_rounds", settings.early_stopping_rounds)
      .field("late_tolerance_days", settings.late_tolerance_days)
      .field("snapshot_every_days", settings.snapshot_every_days)
      .field("test_share", settings.test_share)
      .field("validation_share", settings.validation_share)
      .field("threshold", settings.threshold)
      .end_object();
  return json.take();
}

std::string window_json(const DelayDataset& data) {
  JsonWriter json;
  json.begin_object()
      .field("first_end", format_iso_date(data.first_end))
      .field("cut", format_iso_date(data.cut))
      .field("last_end", format_iso_date(data.last_end))
      .field("train_sites", static_cast<std::uint64_t>(data.train_sites))
      .field("validation_sites", static_cast<std::uint64_t>(data.validation_sites))
      .field("test_sites", static_cast<std::uint64_t>(data.test_sites))
      .field("train_rows", static_cast<std::uint64_t>(data.train.size()))
      .field("validation_rows", static_cast<std::uint64_t>(data.validation.size()))
      .field("test_rows", static_cast<std::uint64_t>(data.test.size()))
      .end_object();
  return json.take();
}

}  // namespace

DatasetOptions delay_dataset_options(const DelayModelSettings& settings) {
  DatasetOptions options;
  options.late_tolerance_days = settings.late_tolerance_days;
  options.snapshot_every_days = settings.snapshot_every_days;
  options.test_share = settings.test_share;
  options.validation_share = settings.validation_share;
  return options;
}

Expected<SiteTruths> site_truths(const store::Store& store) {
  auto rows = store.demo_truth();
  if (!rows) return rows.error();
  SiteTruths truths;
  for (const auto& row : *rows) truths[row.site_id] = {row.p_late, row.expected_delay_days};
  return truths;
}

Expected<TrainedVersion> train_delay_version(store::Store& store, const CompanyHistory& history,
                                             const DelayModelSettings& settings,
                                             const std::string& trained_by, Instant now) {
  const SimilarSites similar(history);
  auto data = build_delay_dataset(history, similar, delay_dataset_options(settings));
  if (!data) return data.error();
  auto model = DelayModel::train(settings, *data);
  if (!model) return model.error();
  auto truths = site_truths(store);
  if (!truths) return truths.error();
  TrainedVersion trained;
  trained.evaluation = evaluate_delay_model(*model, *data, history, settings.threshold, *truths);
  // The serving version measured on the same test rows: the promotion rule's other side.
  auto serving = load_delay_version(store, 0);
  if (!serving) return serving.error();
  std::vector<MetricComparison> compared;
  if (*serving) {
    const ScoreMetrics theirs =
        evaluate_delay_model((*serving)->model, *data, history, settings.threshold, *truths).model;
    const ScoreMetrics& ours = trained.evaluation.model;
    compared = {{"f1", ours.at_threshold.f1, theirs.at_threshold.f1, true},
                {"roc_auc", ours.roc_auc, theirs.roc_auc, true},
                {"brier", ours.brier, theirs.brier, false},
                {"mae_days", ours.mae_days, theirs.mae_days, false}};
  }
  trained.promotion = decide_promotion(*serving ? (*serving)->row.version : 0, std::move(compared));
  auto file = model->save();
  if (!file) return file.error();
  store::ModelVersionRow row;
  row.model = kDelayModelName;
  row.created_at = now;
  row.trained_by = trained_by;
  row.params = params_json(settings, *model);
  // What it learnt from, profiled for drift (drift.hpp): the training rows and its P(late) on them.
  std::vector<FeatureRow> train_features;
  for (const DelayRow& r : data->train) train_features.push_back(r.features);
  auto train_scores = model->score(train_features);
  if (!train_scores) return train_scores.error();
  std::vector<double> train_p_late;
  for (const DelayScore& score : *train_scores) train_p_late.push_back(score.p_late);
  row.data_window = with_json_member(window_json(*data), "profile",
                                     profile_json(training_profile(data->train, train_p_late)));
  row.metrics = with_json_member(evaluation_json(trained.evaluation), "promotion", trained.promotion.json());
  row.file = std::move(*file);
  auto version = store.add_model_version(row);
  if (!version) return version.error();
  trained.version = *version;
  if (trained.promotion.promote) {
    auto promoted = store.promote_model_version(row.model, *version, now, trained_by);
    if (!promoted) return promoted.error();
  }
  return trained;
}

Expected<std::optional<LoadedDelayModel>> load_delay_version(const store::Store& store,
                                                             std::int64_t version) {
  auto row = store.model_version(std::string{kDelayModelName}, version);
  if (!row) return row.error();
  if (!*row) return std::optional<LoadedDelayModel>{};
  auto model = DelayModel::load((*row)->file);
  if (!model) {
    return Error::invalid("model", "delay version " + std::to_string((*row)->version) + " " +
                                       model.error().message);
  }
  (*row)->file.clear();
  LoadedDelayModel loaded{std::move(*model), std::move(**row), {}, 0, 0, {}};
  simdjson::dom::parser parser;
  simdjson::dom::element window, metrics;
  std::string_view cut;
  if (parser.parse(loaded.row.data_window).get(window) == simdjson::SUCCESS &&
      window["cut"].get(cut) == simdjson::SUCCESS) {
    loaded.cut = parse_iso_date(cut).value_or(LocalDate{});
  }
  simdjson::dom::parser metrics_parser;
  if (metrics_parser.parse(loaded.row.metrics).get(metrics) == simdjson::SUCCESS) {
    // Older or partial metrics leave 0: no widening beyond what the coverage flag adds.
    if (metrics["mae_days"].get(loaded.test_mae_days) != simdjson::SUCCESS) loaded.test_mae_days = 0;
    if (metrics["brier"].get(loaded.test_brier) != simdjson::SUCCESS) loaded.test_brier = 0;
    simdjson::dom::array bins;
    if (metrics["calibration"].get(bins) == simdjson::SUCCESS) {
      for (auto bin : bins) {
        CalibrationBin b;
        std::uint64_t count = 0;
        if (bin["from"].get(b.from) || bin["to"].get(b.to) || bin["count"].get(count) ||
            bin["mean_predicted"].get(b.mean_predicted) || bin["observed_rate"].get(b.observed_rate)) {
          continue;
        }
        b.count = count;
        loaded.calibration.push_back(b);
      }
    }
  }
  return std::optional<LoadedDelayModel>{std::move(loaded)};
}

Expected<DelayEvaluation> evaluate_delay_version(const store::Store& store,
                                                 const CompanyHistory& history,
                                                 const LoadedDelayModel& loaded,
                                                 const DelayModelSettings& settings) {
  const SimilarSites similar(history);
  DatasetOptions options = delay_dataset_options(settings);
  options.cut = loaded.cut;
  options.regions = loaded.model.regions();  // the version's own encoding of feature 18
  auto data = build_delay_dataset(history, similar, options);
  if (!data) return data.error();
  auto truths = site_truths(store);
  if (!truths) return truths.error();
  return evaluate_delay_model(loaded.model, *data, history, settings.threshold, *truths);
}

}  // namespace vigie::models
