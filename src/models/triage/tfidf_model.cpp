#include "models/triage/tfidf_model.hpp"

#include <linear.h>

#include <algorithm>
#include <cmath>

#include "common/scratch_file.hpp"
#include "models/triage/forest.hpp"
#include "models/triage/model_parts.hpp"

namespace vigie::models::triage {
namespace {

// liblinear's row: the features, then index -1 as the end (no bias term: the TF-IDF rows are
// unit length, and liblinear would regularise a bias like any weight).
std::vector<feature_node> nodes_of(const SparseRow& row) {
  std::vector<feature_node> nodes;
  nodes.reserve(row.size() + 1);
  for (const auto& [index, value] : row) nodes.push_back({index, value});
  nodes.push_back({-1, 0});
  return nodes;
}

void quiet(const char*) {}

}  // namespace

void TfidfModel::LinearDeleter::operator()(::model* linear) const noexcept {
  free_and_destroy_model(&linear);
}

TfidfModel::TfidfModel(TfidfVectorizer vectorizer, std::vector<Linear> linear,
                       std::vector<int> classes)
    : vectorizer_(std::move(vectorizer)), linear_(std::move(linear)), classes_(std::move(classes)) {}

TfidfModel::~TfidfModel() = default;

Expected<std::unique_ptr<TfidfModel>> TfidfModel::train(const LabelledTexts& data,
                                                        const TfidfModelParams& params) {
  set_print_string_function(quiet);
  TfidfVectorizer vectorizer = TfidfVectorizer::fit(data.texts, params.features);
  std::vector<std::vector<feature_node>> rows;
  rows.reserve(data.texts.size());
  for (const Tokens& text : data.texts) rows.push_back(nodes_of(vectorizer.transform(text)));
  std::vector<feature_node*> x;
  for (auto& row : rows) x.push_back(row.data());
  std::vector<Linear> linear;
  for (std::size_t o = 0; o < data.classes.size(); ++o) {
    std::vector<double> y(data.labels[o].begin(), data.labels[o].end());
    problem prob{};
    prob.l = static_cast<int>(rows.size());
    prob.n = vectorizer.features();
    prob.y = y.data();
    prob.x = x.data();
    prob.bias = -1;
    parameter param{};
    param.solver_type = params.svm ? L2R_L2LOSS_SVC_DUAL : L2R_LR;
    param.C = params.c;
    param.eps = params.eps;
    // Balanced: C scaled per class by n / (classes × its count), as scikit-learn's "balanced".
    std::vector<int> weight_labels;
    std::vector<double> weights;
    if (params.balanced) {
      const auto by_class = balanced_class_weights(data.labels[o], data.classes[o]);
      for (int c = 0; c < data.classes[o]; ++c) {
        if (by_class[static_cast<std::size_t>(c)] == 0) continue;  // no row of this class
        weight_labels.push_back(c);
        weights.push_back(by_class[static_cast<std::size_t>(c)]);
      }
      param.nr_weight = static_cast<int>(weights.size());
      param.weight_label = weight_labels.data();
      param.weight = weights.data();
    }
    if (const char* wrong = check_parameter(&prob, &param)) {
      return Error::invalid("models.triage.tfidf_c", wrong);
    }
    Linear trained{::train(&prob, &param)};
    if (!trained) return Error::make(ErrorCode::io, "liblinear: training failed");
    linear.push_back(std::move(trained));
  }
  return std::unique_ptr<TfidfModel>(
      new TfidfModel(std::move(vectorizer), std::move(linear), data.classes));
}

OutputProbabilities TfidfModel::probabilities(const Tokens& text) const {
  const auto nodes = nodes_of(vectorizer_.transform(text));
  OutputProbabilities outputs;
  for (std::size_t o = 0; o < linear_.size(); ++o) {
    const ::model* linear = linear_[o].get();
    std::vector<float> p(static_cast<std::size_t>(classes_[o]), 0.0f);
    const int trained = get_nr_class(linear);
    std::vector<int> labels(static_cast<std::size_t>(trained));
    get_labels(linear, labels.data());
    std::vector<double> estimates(static_cast<std::size_t>(trained));
    if (check_probability_model(linear) != 0) {
      predict_probability(linear, nodes.data(), estimates.data());
    } else {
      // Margins, one per class (two classes: one margin, for the first label).
      predict_values(linear, nodes.data(), estimates.data());
      if (trained == 2) estimates[1] = -estimates[0];
      const double top = *std::max_element(estimates.begin(), estimates.end());
      double sum = 0;
      for (double& e : estimates) sum += (e = std::exp(e - top));
      for (double& e : estimates) e /= sum;
    }
    for (std::size_t k = 0; k < labels.size(); ++k) {
      const int cls = labels[k];
      if (cls >= 0 && cls < classes_[o]) p[static_cast<std::size_t>(cls)] = static_cast<float>(estimates[k]);
    }
    outputs.push_back(std::move(p));
  }
  return outputs;
}

Expected<std::string> TfidfModel::save() const {
  std::string out;
  append_part(out, vectorizer_.save());
  for (const auto& linear : linear_) {
    auto file = ScratchFile::create("vigie-liblinear");
    if (!file) return file.error();
    if (save_model(file->path().c_str(), linear.get()) != 0) {
      return Error::make(ErrorCode::io, "liblinear: cannot save the model to " + file->path());
    }
    auto bytes = file->read();
    if (!bytes) return bytes.error();
    append_part(out, *bytes);
  }
  return out;
}

Expected<std::unique_ptr<TfidfModel>> TfidfModel::load(std::string_view bytes,
                                                      const std::vector<int>& classes) {
  const auto vocabulary = next_part(bytes);
  if (!vocabulary) return Error::invalid("model", "TF-IDF model cut short");
  auto vectorizer = TfidfVectorizer::load(*vocabulary);
  if (!vectorizer) return vectorizer.error();
  std::vector<Linear> linear;
  for (std::size_t o = 0; o < classes.size(); ++o) {
    const auto part = next_part(bytes);
    if (!part) return Error::invalid("model", "TF-IDF model cut short");
    auto file = ScratchFile::create("vigie-liblinear", *part);
    if (!file) return file.error();
    Linear loaded{load_model(file->path().c_str())};
    if (!loaded) return Error::invalid("model", "liblinear cannot read its model");
    linear.push_back(std::move(loaded));
  }
  return std::unique_ptr<TfidfModel>(
      new TfidfModel(std::move(*vectorizer), std::move(linear), classes));
}

}  // namespace vigie::models::triage
