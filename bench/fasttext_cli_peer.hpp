// bench/fasttext_cli_peer.hpp
//
// The `fasttext` command-line program (Debian's package fasttext, the same library Vigie links)
// as the peer of `vigie bench triage`: it trains a supervised model from the very lines Vigie's
// fastText view trains on (tokens joined, "__label__N " in front) with the very arguments, one
// thread and the same seed, so both learn the same model; then `predict-prob` reads a file of
// lines and writes every class's probability for each, which the benchmark times and compares
// with Vigie's in-process answers.
#pragma once

#include <string>
#include <vector>

#include "common/expected.hpp"
#include "models/triage/fasttext_model.hpp"

namespace vigie::bench {

// The arguments of `fasttext supervised` that match models/triage/fasttext_model.cpp.
std::vector<std::string> fasttext_train_args(const models::triage::FastTextParams& params,
                                             const std::string& input, const std::string& output);

struct FastTextCliPrediction {
  double seconds = 0;                     // wall time: start, model load, every line
  std::vector<std::vector<float>> lines;  // per input line, the probability of each class
};

// Runs `program supervised …`; returns its wall time. The model is `output_prefix`.bin.
Expected<double> run_fasttext_train(const std::string& program,
                                    const models::triage::FastTextParams& params,
                                    const std::string& input, const std::string& output_prefix);

// Runs `program predict-prob MODEL INPUT K` with its output to `output`, and reads it back.
Expected<FastTextCliPrediction> run_fasttext_predict(const std::string& program,
                                                     const std::string& model,
                                                     const std::string& input, int classes,
                                                     const std::string& output);

}  // namespace vigie::bench
