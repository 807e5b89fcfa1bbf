#include "models/triage/text_stack.hpp"

#include <algorithm>
#include <numeric>
#include <random>

#include <simdjson.h>

#include "common/json_writer.hpp"

namespace vigie::models::triage {
namespace {

using ViewSet = std::vector<std::unique_ptr<TextModel>>;

LabelledTexts texts_for(const std::vector<StackExample>& examples,
                        const std::vector<std::size_t>& chosen, const std::vector<int>& classes) {
  LabelledTexts texts;
  texts.classes = classes;
  texts.labels.resize(classes.size());
  for (const std::size_t i : chosen) {
    texts.texts.push_back(examples[i].text);
    for (std::size_t o = 0; o < classes.size(); ++o) texts.labels[o].push_back(examples[i].labels[o]);
  }
  return texts;
}

Expected<ViewSet> train_views(const LabelledTexts& texts, const StackParams& params) {
  ViewSet views;
  if (params.views != Views::tfidf_only) {
    auto fasttext = FastTextModel::train(texts, params.fasttext);
    if (!fasttext) return fasttext.error();
    views.push_back(std::move(*fasttext));
  }
  if (params.views != Views::fasttext_only) {
    auto tfidf = TfidfModel::train(texts, params.tfidf);
    if (!tfidf) return tfidf.error();
    views.push_back(std::move(*tfidf));
  }
  return views;
}

// Each example's fold, the examples shuffled by a fixed seed: the same folds at every run.
std::vector<int> folds_of(std::size_t examples, int folds) {
  std::vector<std::size_t> order(examples);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937 random(1);
  std::shuffle(order.begin(), order.end(), random);
  std::vector<int> fold(examples);
  for (std::size_t k = 0; k < order.size(); ++k) fold[order[k]] = static_cast<int>(k % folds);
  return fold;
}

Expected<void> check_examples(const std::vector<int>& classes,
                              const std::vector<StackExample>& examples, const StackParams& params) {
  if (classes.empty()) return Error::invalid("classes", "no output to learn");
  if (params.folds < 2) return Error::invalid("folds", "at least 2");
  if (examples.size() < static_cast<std::size_t>(params.folds)) {
    return Error::invalid("examples", "fewer than the folds");
  }
  for (std::size_t i = 0; i < examples.size(); ++i) {
    const auto& e = examples[i];
    if (e.labels.size() != classes.size() || e.structured.size() != examples[0].structured.size()) {
      return Error::invalid("examples[" + std::to_string(i) + "]", "not shaped as the first one");
    }
    for (std::size_t o = 0; o < classes.size(); ++o) {
      if (e.labels[o] < 0 || e.labels[o] >= classes[o]) {
        return Error::invalid("examples[" + std::to_string(i) + "]", "label out of range");
      }
    }
  }
  return {};
}

}  // namespace

std::vector<float> TextStack::forest_row(const Tokens& text, const std::vector<float>& structured) const {
  std::vector<float> row;
  for (const auto& view : views_) {
    for (const auto& probabilities : view->probabilities(text)) {
      row.insert(row.end(), probabilities.begin(), probabilities.end());
    }
  }
  if (structured_) row.insert(row.end(), structured.begin(), structured.end());
  return row;
}

Expected<TextStack> TextStack::train(const std::vector<int>& classes,
                                     const std::vector<StackExample>& examples,
                                     const StackParams& params) {
  if (auto checked = check_examples(classes, examples, params); !checked) return checked.error();
  TextStack stack;
  stack.classes_ = classes;
  stack.views_kind_ = params.views;
  stack.combiner_ = params.combiner;
  stack.structured_ = params.structured;
  stack.structured_size_ = examples[0].structured.size();
  const std::size_t outputs = classes.size();
  std::vector<std::size_t> everyone(examples.size());
  std::iota(everyone.begin(), everyone.end(), 0);
  if (params.combiner == Combiner::mean) {
    auto views = train_views(texts_for(examples, everyone, classes), params);
    if (!views) return views.error();
    stack.views_ = std::move(*views);
    return stack;
  }

  // Out-of-fold forest rows: for each fold, views trained on the others score it.
  const std::vector<int> fold = folds_of(examples.size(), params.folds);
  std::vector<std::vector<float>> out_of_fold(examples.size());
  for (int f = 0; f < params.folds; ++f) {
    std::vector<std::size_t> inside, held;
    for (std::size_t i = 0; i < examples.size(); ++i) (fold[i] == f ? held : inside).push_back(i);
    auto views = train_views(texts_for(examples, inside, classes), params);
    if (!views) return views.error();
    stack.views_ = std::move(*views);
    for (const std::size_t i : held) {
      out_of_fold[i] = stack.forest_row(examples[i].text, examples[i].structured);
    }
  }

  // The views kept: trained on every example.
  auto views = train_views(texts_for(examples, everyone, classes), params);
  if (!views) return views.error();
  stack.views_ = std::move(*views);

  for (std::size_t o = 0; o < outputs; ++o) {
    Dataset rows;
    rows.columns = out_of_fold[0].size();
    for (std::size_t i = 0; i < examples.size(); ++i) {
      rows.values.insert(rows.values.end(), out_of_fold[i].begin(), out_of_fold[i].end());
      rows.labels.push_back(static_cast<float>(examples[i].labels[o]));
    }
    auto forest = Forest::train(rows, classes[o], params.forest);
    if (!forest) return forest.error();
    stack.forests_.push_back(std::move(*forest));
  }
  return stack;
}

Expected<std::vector<std::vector<float>>> TextStack::classify(
    const Tokens& text, const std::vector<float>& structured) const {
  if (structured.size() != structured_size_) {
    return Error::invalid("structured", "expected " + std::to_string(structured_size_) + " values");
  }
  if (combiner_ == Combiner::mean) {
    std::vector<std::vector<float>> outputs(classes_.size());
    for (std::size_t o = 0; o < classes_.size(); ++o) {
      outputs[o].assign(static_cast<std::size_t>(classes_[o]), 0.0f);
    }
    for (const auto& view : views_) {
      const auto probabilities = view->probabilities(text);
      for (std::size_t o = 0; o < outputs.size(); ++o) {
        for (std::size_t c = 0; c < outputs[o].size(); ++c) {
          outputs[o][c] += probabilities[o][c] / static_cast<float>(views_.size());
        }
      }
    }
    return outputs;
  }
  Dataset row;
  row.values = forest_row(text, structured);
  row.columns = row.values.size();
  std::vector<std::vector<float>> outputs;
  for (const Forest& forest : forests_) {
    auto probabilities = forest.probabilities(row);
    if (!probabilities) return probabilities.error();
    outputs.push_back(std::move(*probabilities));
  }
  return outputs;
}

std::string_view views_name(Views views) {
  switch (views) {
    case Views::fasttext_only: return "fasttext";
    case Views::tfidf_only: return "tfidf";
    case Views::both: return "both";
  }
  return "both";
}

std::string_view combiner_name(Combiner combiner) {
  return combiner == Combiner::mean ? "mean" : "forest";
}

std::optional<Combiner> combiner_named(std::string_view name) {
  if (name == "forest") return Combiner::forest;
  if (name == "mean") return Combiner::mean;
  return std::nullopt;
}

std::optional<Views> views_named(std::string_view name) {
  if (name == "fasttext") return Views::fasttext_only;
  if (name == "tfidf") return Views::tfidf_only;
  if (name == "both") return Views::both;
  return std::nullopt;
}

namespace {
constexpr std::string_view kStackMagic = "VIGIE-TEXT-STACK 1\n";
}  // namespace

Expected<std::string> TextStack::save() const {
  std::vector<std::string> parts;
  for (const auto& view : views_) {
    auto bytes = view->save();
    if (!bytes) return bytes.error();
    parts.push_back(std::move(*bytes));
  }
  for (const Forest& forest : forests_) {
    auto bytes = forest.save();
    if (!bytes) return bytes.error();
    parts.push_back(std::move(*bytes));
  }
  JsonWriter meta;
  meta.begin_object()
      .field("views", views_name(views_kind_))
      .field("combiner", combiner_name(combiner_))
      .field("structured", structured_)
      .field("structured_size", static_cast<std::uint64_t>(structured_size_));
  meta.key("classes").begin_array();
  for (const int c : classes_) meta.value(c);
  meta.end_array().key("parts").begin_array();
  for (const auto& part : parts) meta.value(static_cast<std::uint64_t>(part.size()));
  meta.end_array().end_object();
  std::string out{kStackMagic};
  out += meta.take();
  out += '\n';
  for (const auto& part : parts) out += part;
  return out;
}

Expected<TextStack> TextStack::load(std::string_view bytes) {
  const auto invalid = [](const std::string& why) { return Error::invalid("model", why); };
  if (bytes.substr(0, kStackMagic.size()) != kStackMagic) return invalid("not a text stack");
  bytes.remove_prefix(kStackMagic.size());
  const auto end_of_meta = bytes.find('\n');
  if (end_of_meta == std::string_view::npos) return invalid("no metadata line");
  simdjson::dom::parser parser;
  simdjson::dom::object meta;
  if (parser.parse(bytes.data(), end_of_meta).get_object().get(meta) != simdjson::SUCCESS) {
    return invalid("metadata is not JSON");
  }
  bytes.remove_prefix(end_of_meta + 1);
  TextStack stack;
  std::string_view views;
  std::uint64_t structured_size = 0;
  simdjson::dom::array classes, parts;
  if (meta["views"].get_string().get(views) != simdjson::SUCCESS || !views_named(views) ||
      meta["structured"].get_bool().get(stack.structured_) != simdjson::SUCCESS ||
      meta["structured_size"].get_uint64().get(structured_size) != simdjson::SUCCESS ||
      meta["classes"].get_array().get(classes) != simdjson::SUCCESS ||
      meta["parts"].get_array().get(parts) != simdjson::SUCCESS) {
    return invalid("metadata incomplete");
  }
  stack.views_kind_ = *views_named(views);
  std::string_view combiner = "forest";  // versions saved before the mean was offered
  if (meta["combiner"].get_string().get(combiner) == simdjson::SUCCESS && !combiner_named(combiner)) {
    return invalid("unknown combiner");
  }
  stack.combiner_ = *combiner_named(combiner);
  stack.structured_size_ = structured_size;
  for (const auto c : classes) stack.classes_.push_back(static_cast<int>(c.get_int64().value_unsafe()));
  std::vector<std::string_view> blobs;
  for (const auto size : parts) {
    const auto n = static_cast<std::size_t>(size.get_uint64().value_unsafe());
    if (n > bytes.size()) return invalid("cut short");
    blobs.push_back(bytes.substr(0, n));
    bytes.remove_prefix(n);
  }
  const std::size_t view_count = stack.views_kind_ == Views::both ? 2 : 1;
  const std::size_t forest_count = stack.combiner_ == Combiner::forest ? stack.classes_.size() : 0;
  if (blobs.size() != view_count + forest_count) return invalid("wrong number of parts");
  std::size_t next = 0;
  if (stack.views_kind_ != Views::tfidf_only) {
    auto view = FastTextModel::load(blobs[next++], stack.classes_);
    if (!view) return view.error();
    stack.views_.push_back(std::move(*view));
  }
  if (stack.views_kind_ != Views::fasttext_only) {
    auto view = TfidfModel::load(blobs[next++], stack.classes_);
    if (!view) return view.error();
    stack.views_.push_back(std::move(*view));
  }
  for (std::size_t o = 0; o < forest_count; ++o) {
    auto forest = Forest::load(blobs[next++], stack.classes_[o]);
    if (!forest) return forest.error();
    stack.forests_.push_back(std::move(*forest));
  }
  return stack;
}

}  // namespace vigie::models::triage
