#include "bench/fasttext_cli_peer.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "bench/child_process.hpp"
#include "bench/report.hpp"

namespace vigie::bench {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";

Expected<double> run_program(const std::vector<std::string>& argv, const std::string& log) {
  std::remove(log.c_str());
  const Stopwatch watch;
  auto child = ChildProcess::spawn(argv, log);
  if (!child) return child.error();
  const int status = child->wait();
  const double seconds = watch.seconds();
  if (status != 0) {
    return Error::make(ErrorCode::io, argv[0] + " " + argv[1] + " exited with status " +
                                          std::to_string(status) + " (see " + log + ")");
  }
  return seconds;
}

}  // namespace

std::vector<std::string> fasttext_train_args(const models::triage::FastTextParams& params,
                                             const std::string& input, const std::string& output) {
  return {"supervised",  "-input",      input,
          "-output",     output,        "-loss",
          "softmax",     "-dim",        std::to_string(params.dim),
          "-epoch",      std::to_string(params.epoch), "-lr",
          std::to_string(params.lr),    "-wordNgrams", std::to_string(params.word_ngrams),
          "-minn",       std::to_string(params.minn),  "-maxn",
          std::to_string(params.maxn),  "-bucket",     std::to_string(params.bucket),
          "-minCount",   std::to_string(params.min_count), "-seed",
          std::to_string(params.seed),  "-thread",     "1",
          "-verbose",    "0"};
}

Expected<double> run_fasttext_train(const std::string& program,
                                    const models::triage::FastTextParams& params,
                                    const std::string& input, const std::string& output_prefix) {
  std::vector<std::string> argv = {program};
  for (auto& arg : fasttext_train_args(params, input, output_prefix)) argv.push_back(std::move(arg));
  return run_program(argv, output_prefix + ".log");
}

Expected<FastTextCliPrediction> run_fasttext_predict(const std::string& program,
                                                     const std::string& model,
                                                     const std::string& input, int classes,
                                                     const std::string& output) {
  auto seconds = run_program({program, "predict-prob", model, input, std::to_string(classes)}, output);
  if (!seconds) return seconds.error();
  FastTextCliPrediction prediction;
  prediction.seconds = *seconds;
  std::ifstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    std::vector<float> p(static_cast<std::size_t>(classes), 0.0f);
    std::istringstream words(line);
    for (std::string label, value; words >> label >> value;) {
      if (label.compare(0, kLabelPrefix.size(), kLabelPrefix) != 0) continue;
      int cls = -1;
      std::from_chars(label.data() + kLabelPrefix.size(), label.data() + label.size(), cls);
      if (cls >= 0 && cls < classes) p[static_cast<std::size_t>(cls)] = std::stof(value);
    }
    prediction.lines.push_back(std::move(p));
  }
  return prediction;
}

}  // namespace vigie::bench
