#include "models/triage/training.hpp"

#include "common/json_writer.hpp"
#include "models/triage/company_incidents.hpp"

namespace vigie::models::triage {
namespace {

std::string params_json(const StackParams& p) {
  JsonWriter json;
  json.begin_object()
      .field("views", views_name(p.views))
      .field("structured", p.structured)
      .field("folds", p.folds)
      .key("fasttext").begin_object()
      .field("dim", p.fasttext.dim).field("epoch", p.fasttext.epoch).field("lr", p.fasttext.lr)
      .field("word_ngrams", p.fasttext.word_ngrams).field("minn", p.fasttext.minn)
      .field("maxn", p.fasttext.maxn).end_object()
      .key("tfidf").begin_object()
      .field("model", p.tfidf.svm ? "svm" : "logistic")
      .field("c", p.tfidf.c).field("min_df", p.tfidf.features.min_df)
      .field("char_min", p.tfidf.features.char_min).field("char_max", p.tfidf.features.char_max)
      .end_object()
      .key("forest").begin_object()
      .field("trees", p.forest.trees).field("max_depth", p.forest.max_depth)
      .field("row_share", p.forest.row_share).field("column_share", p.forest.column_share)
      .end_object()
      .end_object();
  return json.take();
}

}  // namespace

StackParams stack_params(const TriageSettings& settings) {
  StackParams params;
  params.fasttext.epoch = settings.fasttext_epochs;
  params.fasttext.dim = settings.fasttext_dim;
  params.tfidf.c = settings.tfidf_c;
  params.tfidf.svm = settings.tfidf_model == "svm";
  params.tfidf.features.char_max = settings.tfidf_char_max;  // below char_min: no char n-grams
  params.forest.trees = settings.forest_trees;
  params.forest.max_depth = settings.forest_max_depth;
  params.folds = settings.folds;
  return params;
}

SlaHours sla_of(const TriageSettings& settings) {
  return {settings.sla_hours_1h, settings.sla_hours_4h, settings.sla_hours_1d, settings.sla_hours_3d};
}

Expected<TrainingSet> triage_training_set(const store::Store& store,
                                          std::vector<IncidentText> shipped) {
  auto incidents = load_company_incidents(store);
  if (!incidents) return incidents.error();
  auto sites = store.sites();
  if (!sites) return sites.error();
  TrainingSet set;
  set.shipped = shipped.size();
  set.texts = std::move(shipped);
  auto own = labelled_incidents(*incidents, *sites);
  set.company = own.size();
  for (const auto& [key, record] : incidents->records()) {
    if (record.corrected != kNoLabels && record.person_labels()) ++set.corrected;
  }
  std::move(own.begin(), own.end(), std::back_inserter(set.texts));
  return set;
}

Expected<TrainedTriage> train_triage_version(store::Store& store, const TrainingSet& train,
                                             const std::vector<IncidentText>& heldout,
                                             const StackParams& params,
                                             const TriageSettings& settings,
                                             const std::string& trained_by, Instant now) {
  auto model = TriageModel::train(train.texts, params);
  if (!model) return model.error();
  TrainedTriage trained;
  trained.trained_on = train.texts.size();
  std::string metrics = "{}";
  auto serving = load_triage_version(store, 0);
  if (!serving) return serving.error();
  std::vector<MetricComparison> compared;
  if (!heldout.empty()) {
    auto evaluation = evaluate_triage(*model, heldout, sla_of(settings));
    if (!evaluation) return evaluation.error();
    metrics = evaluation_json(*evaluation);
    trained.heldout = std::move(*evaluation);
    if (*serving) {  // the serving version on the same held-out texts: the promotion rule's other side
      auto theirs = evaluate_triage((*serving)->model, heldout, sla_of(settings));
      if (!theirs) return theirs.error();
      for (const Output output : kAllOutputs) {
        const auto o = static_cast<std::size_t>(output);
        compared.push_back({std::string{output_name(output)} + "_macro_f1",
                            trained.heldout->outputs[o].macro_f1, theirs->outputs[o].macro_f1, true});
      }
      compared.push_back({"routing_accuracy", trained.heldout->routing_accuracy, theirs->routing_accuracy, true});
    }
  }
  trained.promotion = decide_promotion(*serving ? (*serving)->row.version : 0, std::move(compared));
  metrics = with_json_member(metrics, "promotion", trained.promotion.json());
  auto file = model->save();
  if (!file) return file.error();
  JsonWriter window;
  window.begin_object()
      .field("trained_on", static_cast<std::uint64_t>(train.texts.size()))
      .field("shipped", static_cast<std::uint64_t>(train.shipped))
      .field("company", static_cast<std::uint64_t>(train.company))
      .field("company_corrected", static_cast<std::uint64_t>(train.corrected))
      .field("heldout", static_cast<std::uint64_t>(heldout.size()))
      .end_object();
  store::ModelVersionRow row;
  row.model = std::string{kTriageModelName};
  row.created_at = now;
  row.trained_by = trained_by;
  row.params = params_json(params);
  row.data_window = window.take();
  row.metrics = std::move(metrics);
  row.file = std::move(*file);
  auto version = store.add_model_version(row);
  if (!version) return version.error();
  if (trained.promotion.promote) {
    auto promoted = store.promote_model_version(row.model, *version, now, trained_by);
    if (!promoted) return promoted.error();
  }
  trained.version = *version;
  return trained;
}

Expected<std::optional<LoadedTriage>> load_triage_version(const store::Store& store,
                                                          std::int64_t version) {
  auto row = store.model_version(std::string{kTriageModelName}, version);
  if (!row) return row.error();
  if (!*row) return std::optional<LoadedTriage>{};
  auto model = TriageModel::load((*row)->file);
  if (!model) return model.error();
  (*row)->file.clear();
  return std::optional<LoadedTriage>{LoadedTriage{std::move(*model), std::move(**row)}};
}

}  // namespace vigie::models::triage
