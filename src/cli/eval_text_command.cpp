// `vigie eval text --train FILE.csv [--test FILE.csv | --folds K] --text-column C
// [--text-column C2 …] --label-column L [--views both|fasttext|tfidf] [--combiner forest|mean]
// [--tfidf-model logistic|svm] [--tfidf-c C] [--format text|json]`:
// triage's text machinery (fastText + TF-IDF views, random forest) trained and scored on any
// labelled CSV, to set it beside published results on public data (the OSHA narratives of
// ../shared/data). Several text columns are joined, in the order given. Without --test, k-fold
// cross-validation (stratified, fixed seed) on --train. A row without a label is refused.
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "ingest/csv_reader.hpp"
#include "models/triage/text_evaluation.hpp"
#include "models/triage/training.hpp"

namespace vigie::cli {
namespace {

namespace triage = models::triage;

struct EvalTextFlags {
  std::string train, test;
  std::vector<std::string> text_columns;
  std::string label_column;
  int folds = 5;
  std::string views = "both";
  std::string combiner = "forest";
  std::string tfidf_model;  // empty: models.triage.tfidf_model
  double tfidf_c = 0;       // 0: models.triage.tfidf_c
  std::string format = "text";
};

int column_of(const std::vector<std::string>& header, const std::string& name) {
  const auto found = std::find(header.begin(), header.end(), name);
  return found == header.end() ? -1 : static_cast<int>(found - header.begin());
}

Expected<std::vector<triage::LabelledText>> read_labelled_csv(const std::string& path,
                                                               const EvalTextFlags& flags) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::make(ErrorCode::not_found, path + ": cannot open");
  ingest::CsvReader reader(in, ingest::CsvOptions{});
  ingest::CsvRecord record;
  auto got = reader.next(record);
  if (!got) return got.error();
  if (!*got) return Error::invalid(path, "empty file");
  const std::vector<std::string> header = record.fields;
  std::vector<int> text_columns;
  for (const auto& name : flags.text_columns) {
    text_columns.push_back(column_of(header, name));
    if (text_columns.back() < 0) return Error::invalid("--text-column", path + " has no column \"" + name + "\"");
  }
  const int label_column = column_of(header, flags.label_column);
  if (label_column < 0) {
    return Error::invalid("--label-column", path + " has no column \"" + flags.label_column + "\"");
  }
  std::vector<triage::LabelledText> rows;
  while (true) {
    got = reader.next(record);
    if (!got) return Error::invalid(path + ":" + std::to_string(record.line_number), got.error().message);
    if (!*got) break;
    const auto field = [&](int column) {
      return static_cast<std::size_t>(column) < record.fields.size() ? record.fields[static_cast<std::size_t>(column)] : std::string{};
    };
    triage::LabelledText row;
    for (const int column : text_columns) row.text += (row.text.empty() ? "" : ". ") + field(column);
    row.label = field(label_column);
    if (row.label.empty()) {
      return Error::invalid(path + ":" + std::to_string(record.line_number) + ": " + flags.label_column,
                            "no label");
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void print_text(const triage::TextEvaluation& e) {
  const auto& m = e.metrics;
  if (e.folds > 0) {
    std::printf("Validation croisée en %d plis sur %s\n", e.folds, count_fr(e.tested_on, "texte", "textes").c_str());
  } else {
    std::printf("Appris sur %s, testé sur %s\n", count_fr(e.trained_on, "texte", "textes").c_str(),
                count_fr(e.tested_on, "texte", "textes").c_str());
  }
  std::printf("Exactitude %s %%, précision moyenne %s %%, rappel moyen %s %%, F1 moyen %s, F1 pondéré %s\n",
              format_decimal_fr(100 * m.accuracy, 1).c_str(), format_decimal_fr(100 * m.macro_precision, 1).c_str(),
              format_decimal_fr(100 * m.macro_recall, 1).c_str(), format_decimal_fr(m.macro_f1, 3).c_str(),
              format_decimal_fr(m.weighted_f1, 3).c_str());
  for (const auto& c : m.per_class) {
    std::printf("  %-36s F1 %s (précision %s %%, rappel %s %%, %zu)\n", c.name.c_str(),
                format_decimal_fr(c.f1, 3).c_str(), format_decimal_fr(100 * c.precision, 1).c_str(),
                format_decimal_fr(100 * c.recall, 1).c_str(), c.support);
  }
}

int run_eval_text(Context& context, const EvalTextFlags& flags) {
  auto train = read_labelled_csv(flags.train, flags);
  if (!train) {
    std::fprintf(stderr, "vigie eval text: %s\n", train.error().describe().c_str());
    return kExitUsage;
  }
  triage::StackParams params = triage::stack_params(context.config().triage);
  params.views = triage::views_named(flags.views).value_or(triage::Views::both);  // flag checked
  params.combiner = triage::combiner_named(flags.combiner).value_or(triage::Combiner::forest);
  if (!flags.tfidf_model.empty()) params.tfidf.svm = flags.tfidf_model == "svm";
  if (flags.tfidf_c > 0) params.tfidf.c = flags.tfidf_c;
  Expected<triage::TextEvaluation> evaluation = Error::make(ErrorCode::internal, "not run");
  if (flags.test.empty()) {
    evaluation = triage::cross_validate(*train, flags.folds, params);
  } else {
    auto test = read_labelled_csv(flags.test, flags);
    if (!test) {
      std::fprintf(stderr, "vigie eval text: %s\n", test.error().describe().c_str());
      return kExitUsage;
    }
    evaluation = triage::evaluate_split(*train, *test, params);
  }
  if (!evaluation) return report_failure("eval text", evaluation.error());
  if (flags.format == "json") {
    std::printf("%s\n", triage::text_evaluation_json(*evaluation).c_str());
  } else {
    print_text(*evaluation);
  }
  return kExitOk;
}

}  // namespace

void add_eval_text_command(CLI::App& eval, Context& context, int& exit_code) {
  auto* command = eval.add_subcommand(
      "text", "triage's text machinery on any labelled CSV (train/test, or cross-validation)");
  auto flags = std::make_shared<EvalTextFlags>();
  command->add_option("--train", flags->train, "labelled CSV to learn from")->required();
  command->add_option("--test", flags->test, "labelled CSV to score (default: cross-validation)");
  command->add_option("--folds", flags->folds, "folds of the cross-validation")
      ->capture_default_str()->check(CLI::Range(2, 20));
  command->add_option("--text-column", flags->text_columns, "text column (repeat to join several)")
      ->required();
  command->add_option("--label-column", flags->label_column, "label column")->required();
  command->add_option("--views", flags->views, "both, fasttext or tfidf")
      ->check(CLI::IsMember({"both", "fasttext", "tfidf"}))->capture_default_str();
  command->add_option("--combiner", flags->combiner,
                      "forest (over the views' out-of-fold probabilities) or mean (of the views)")
      ->check(CLI::IsMember({"forest", "mean"}))->capture_default_str();
  command->add_option("--tfidf-model", flags->tfidf_model,
                      "logistic or svm (default: models.triage.tfidf_model)")
      ->check(CLI::IsMember({"logistic", "svm"}));
  command->add_option("--tfidf-c", flags->tfidf_c,
                      "inverse regularisation of the TF-IDF model (default: models.triage.tfidf_c)")
      ->check(CLI::Range(0.001, 10000.0));
  command->add_option("--format", flags->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  command->callback([&context, &exit_code, flags] { exit_code = run_eval_text(context, *flags); });
}

}  // namespace vigie::cli
