#include "models/triage/fasttext_model.hpp"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <charconv>
#include <sstream>

#include "common/scratch_file.hpp"
#include "models/triage/model_parts.hpp"
#include "models/triage/text_tokens.hpp"

namespace vigie::models::triage {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";

Error fasttext_error(const std::string& doing, const std::exception& e) {
  return Error::make(ErrorCode::io, "fastText, " + doing + ": " + e.what());
}

// "__label__3" → 3; -1 for anything else.
int class_of_label(const std::string& label) {
  if (label.compare(0, kLabelPrefix.size(), kLabelPrefix) != 0) return -1;
  int cls = -1;
  std::from_chars(label.data() + kLabelPrefix.size(), label.data() + label.size(), cls);
  return cls;
}

fasttext::Args args_of(const FastTextParams& params, const std::string& input) {
  fasttext::Args args;
  args.input = input;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.dim = params.dim;
  args.epoch = params.epoch;
  args.lr = params.lr;
  args.wordNgrams = params.word_ngrams;
  args.minn = params.minn;
  args.maxn = params.maxn;
  args.bucket = params.bucket;
  args.minCount = params.min_count;
  args.seed = params.seed;
  args.thread = 1;  // hogwild with more threads: a different model at every run
  args.verbose = 0;
  return args;
}

Expected<std::unique_ptr<fasttext::FastText>> train_one(const std::vector<std::string>& lines,
                                                        const std::vector<int>& labels,
                                                        const FastTextParams& params) {
  std::string rows;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    rows += kLabelPrefix;
    rows += std::to_string(labels[i]);
    rows += ' ';
    rows += lines[i];
    rows += '\n';
  }
  auto input = ScratchFile::create("vigie-fasttext-train", rows);
  if (!input) return input.error();
  auto model = std::make_unique<fasttext::FastText>();
  try {
    model->train(args_of(params, input->path()));
  } catch (const std::exception& e) {
    return fasttext_error("training", e);
  }
  return model;
}

}  // namespace

FastTextModel::FastTextModel(std::vector<std::unique_ptr<fasttext::FastText>> models,
                             std::vector<int> classes)
    : models_(std::move(models)), classes_(std::move(classes)) {}

FastTextModel::~FastTextModel() = default;

Expected<std::unique_ptr<FastTextModel>> FastTextModel::train(const LabelledTexts& data,
                                                              const FastTextParams& params) {
  std::vector<std::string> lines;
  lines.reserve(data.texts.size());
  for (const Tokens& text : data.texts) lines.push_back(joined_tokens(text));
  std::vector<std::unique_ptr<fasttext::FastText>> models;
  for (std::size_t o = 0; o < data.classes.size(); ++o) {
    auto model = train_one(lines, data.labels[o], params);
    if (!model) return model.error();
    models.push_back(std::move(*model));
  }
  return std::unique_ptr<FastTextModel>(new FastTextModel(std::move(models), data.classes));
}

Expected<std::unique_ptr<FastTextModel>> FastTextModel::load(std::string_view bytes,
                                                             const std::vector<int>& classes) {
  std::vector<std::unique_ptr<fasttext::FastText>> models;
  for (std::size_t o = 0; o < classes.size(); ++o) {
    const auto part = next_part(bytes);
    if (!part) return Error::invalid("model", "fastText models cut short");
    // Only loadModel(filename) checks the header and sets the format version before reading.
    auto file = ScratchFile::create("vigie-fasttext-model", *part);
    if (!file) return file.error();
    auto model = std::make_unique<fasttext::FastText>();
    try {
      model->loadModel(file->path());
    } catch (const std::exception& e) {
      return fasttext_error("loading a model", e);
    }
    models.push_back(std::move(model));
  }
  return std::unique_ptr<FastTextModel>(new FastTextModel(std::move(models), classes));
}

OutputProbabilities FastTextModel::probabilities(const Tokens& text) const {
  const std::string line = joined_tokens(text) + "\n";
  OutputProbabilities outputs;
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  for (std::size_t o = 0; o < models_.size(); ++o) {
    const auto classes = static_cast<std::size_t>(classes_[o]);
    std::vector<float> p(classes, 0.0f);
    std::istringstream in(line);
    predictions.clear();
    models_[o]->predictLine(in, predictions, -1, 0.0);
    if (predictions.empty()) {  // no token fastText knows: nothing to say, every class alike
      std::fill(p.begin(), p.end(), 1.0f / static_cast<float>(classes));
    }
    for (const auto& [probability, label] : predictions) {
      const int cls = class_of_label(label);
      if (cls >= 0 && static_cast<std::size_t>(cls) < classes) p[static_cast<std::size_t>(cls)] = probability;
    }
    outputs.push_back(std::move(p));
  }
  return outputs;
}

Expected<std::string> FastTextModel::save() const {
  std::string out;
  for (const auto& model : models_) {
    auto file = ScratchFile::create("vigie-fasttext-model");
    if (!file) return file.error();
    try {
      model->saveModel(file->path());
    } catch (const std::exception& e) {
      return fasttext_error("saving the model", e);
    }
    auto bytes = file->read();
    if (!bytes) return bytes.error();
    append_part(out, *bytes);
  }
  return out;
}

}  // namespace vigie::models::triage
