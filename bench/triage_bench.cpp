#include "bench/triage_bench.hpp"

#include <algorithm>
#include <fstream>

#include "bench/child_process.hpp"
#include "bench/fasttext_cli_peer.hpp"
#include "models/triage/text_tokens.hpp"
#include "models/triage/training.hpp"
#include "models/triage/triage_model.hpp"

namespace vigie::bench {
namespace {

namespace triage = models::triage;

constexpr int kTypeClasses = 4;
constexpr auto kType = static_cast<std::size_t>(triage::Output::type);

int most_likely(const std::vector<float>& p) {
  return static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
}

Expected<void> write_lines(const std::string& path, const std::vector<std::string>& lines) {
  std::ofstream file(path, std::ios::trunc);
  for (const std::string& line : lines) file << line << '\n';
  if (!file.flush()) return Error::make(ErrorCode::io, "cannot write " + path);
  return {};
}

// The full stack, one held-out text at a time, `passes` times.
void measure_classification(const triage::TriageModel& model,
                            const std::vector<triage::IncidentText>& heldout,
                            const TriageBenchOptions& options, TriageBenchResult& result) {
  const triage::SlaHours sla = triage::sla_of(options.settings);
  std::uint64_t right = 0, seen = 0;
  const Stopwatch all;
  for (int pass = 0; pass < options.passes; ++pass) {
    for (const triage::IncidentText& incident : heldout) {
      const Stopwatch one;
      auto prediction = model.classify(incident, sla);
      result.classify_us.push_back(one.seconds() * 1e6);
      if (!prediction) {
        result.problems.push_back("classification: " + prediction.error().describe());
        return;
      }
      if (pass == 0) {
        ++seen;
        right += prediction->labels[kType] == incident.labels[kType] ? 1 : 0;
      }
    }
  }
  result.classify_seconds = all.seconds();
  result.type_accuracy = seen == 0 ? 0.0 : double(right) / double(seen);
}

// fastText alone on the type: Vigie in-process, then the program on the same lines.
void measure_fasttext(const std::vector<triage::IncidentText>& train,
                      const std::vector<triage::IncidentText>& heldout,
                      const TriageBenchOptions& options, const std::string& dir,
                      TriageBenchResult& result, const Progress& progress) {
  const triage::FastTextParams params = triage::stack_params(options.settings).fasttext;
  triage::LabelledTexts data;
  data.classes = {kTypeClasses};
  data.labels.resize(1);
  std::vector<std::string> train_lines;
  for (const triage::IncidentText& incident : train) {
    data.texts.push_back(triage::text_tokens(incident.description));
    data.labels[0].push_back(incident.labels[kType]);
    train_lines.push_back("__label__" + std::to_string(incident.labels[kType]) + " " +
                          triage::joined_tokens(data.texts.back()));
  }
  say(progress, "fastText alone: Vigie trains the type's model");
  auto model = triage::FastTextModel::train(data, params);
  if (!model) {
    result.problems.push_back("Vigie's fastText: " + model.error().describe());
    return;
  }
  std::vector<triage::Tokens> lines;
  std::vector<std::string> line_texts;
  for (int pass = 0; pass < options.passes; ++pass) {
    for (const triage::IncidentText& incident : heldout) {
      lines.push_back(triage::text_tokens(incident.description));
      line_texts.push_back(triage::joined_tokens(lines.back()));
    }
  }
  result.fasttext_lines = lines.size();
  std::vector<int> vigie_classes;
  vigie_classes.reserve(lines.size());
  const Stopwatch vigie;
  for (const triage::Tokens& line : lines) vigie_classes.push_back(most_likely((*model)->probabilities(line)[0]));
  result.vigie_fasttext_seconds = vigie.seconds();

  if (!options.fasttext) return;
  auto program = find_program(options.fasttext_program, "--fasttext", "fasttext");
  if (!program) {
    result.problems.push_back(program.error().describe());
    return;
  }
  result.fasttext_program = *program;
  const std::string train_path = dir + "/type-train.txt";
  const std::string test_path = dir + "/type-heldout.txt";
  const std::string one_path = dir + "/type-one.txt";
  for (const auto& [path, content] :
       {std::pair{train_path, train_lines}, std::pair{test_path, line_texts},
        std::pair{one_path, std::vector<std::string>{line_texts.front()}}}) {
    if (auto written = write_lines(path, content); !written) {
      result.problems.push_back(written.error().describe());
      return;
    }
  }
  say(progress, "fastText alone: the fasttext program trains the same model");
  auto trained = run_fasttext_train(*program, params, train_path, dir + "/type");
  if (!trained) {
    result.problems.push_back(trained.error().describe());
    return;
  }
  result.cli_train_seconds = *trained;
  say(progress, "fastText alone: the fasttext program predicts");
  auto one = run_fasttext_predict(*program, dir + "/type.bin", one_path, kTypeClasses, dir + "/one.out");
  auto all = run_fasttext_predict(*program, dir + "/type.bin", test_path, kTypeClasses, dir + "/all.out");
  if (!one || !all) {
    result.problems.push_back((one ? all.error() : one.error()).describe());
    return;
  }
  if (all->lines.size() != lines.size()) {
    result.problems.push_back("the fasttext program answered " + std::to_string(all->lines.size()) +
                              " lines of " + std::to_string(lines.size()));
    return;
  }
  result.cli_load_seconds = one->seconds;
  result.cli_seconds = all->seconds;
  std::uint64_t differ = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    differ += most_likely(all->lines[i]) == vigie_classes[i] ? 0 : 1;
  }
  result.disagreements = differ;
}

}  // namespace

std::optional<double> TriageBenchResult::vigie_per_s() const {
  return rate(classify_us.size(), classify_seconds);
}

std::optional<double> TriageBenchResult::vigie_fasttext_per_s() const {
  return rate(fasttext_lines, vigie_fasttext_seconds);
}

std::optional<double> TriageBenchResult::cli_per_s() const {
  if (!cli_seconds || !cli_load_seconds || fasttext_lines < 2) return std::nullopt;
  return rate(fasttext_lines - 1, *cli_seconds - *cli_load_seconds);
}

bool TriageBenchResult::complete() const {
  return problems.empty() && !classify_us.empty() && fasttext_lines > 0 &&
         (!options.fasttext || (cli_per_s() && disagreements));
}

TriageBenchResult run_triage_bench(const TriageBenchOptions& options, const Progress& progress) {
  TriageBenchResult result;
  result.options = options;
  auto dir = TempDir::create("vigie-bench-triage");
  if (!dir) {
    result.problems.push_back(dir.error().describe());
    return result;
  }
  if (options.keep) dir->keep();
  result.work_dir = dir->path();
  auto train = triage::read_incident_corpus(options.settings.corpus_dir);
  auto heldout = triage::read_incident_corpus(options.settings.heldout_dir);
  if (!train || !heldout) {
    result.problems.push_back((train ? heldout.error() : train.error()).describe());
    return result;
  }
  if (train->incidents.empty() || heldout->incidents.empty()) {
    result.problems.push_back("no texts in " + options.settings.corpus_dir + " or " +
                              options.settings.heldout_dir);
    return result;
  }
  result.train_texts = train->incidents.size();
  result.heldout_texts = heldout->incidents.size();

  say(progress, "training Vigie's triage model on " + std::to_string(result.train_texts) + " texts");
  const Stopwatch training;
  auto model = triage::TriageModel::train(train->incidents, triage::stack_params(options.settings));
  if (!model) {
    result.problems.push_back("training: " + model.error().describe());
    return result;
  }
  result.train_seconds = training.seconds();
  say(progress, "classifying the held-out texts one at a time");
  measure_classification(*model, heldout->incidents, options, result);
  measure_fasttext(train->incidents, heldout->incidents, options, result.work_dir, result, progress);
  return result;
}

}  // namespace vigie::bench
