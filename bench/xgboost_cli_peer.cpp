#include "bench/xgboost_cli_peer.hpp"

#include <unistd.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "bench/child_process.hpp"
#include "bench/report.hpp"

namespace vigie::bench {
namespace {

std::string path_of(const CliJob& job, const std::string& suffix) {
  return job.dir + "/" + job.name + suffix;
}

void append_float(std::string& out, float value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, ec == std::errc{} ? end : buffer);
}

// "[09:19:54] [9]\tvalidation-logloss:0.0739…": round 9, metric 0.0739…
bool parse_evaluation_line(const std::string& line, int& round, double& metric) {
  const auto tab = line.find("]\tvalidation-");
  if (tab == std::string::npos) return false;
  const auto open = line.rfind('[', tab);
  const auto colon = line.find(':', tab);
  if (open == std::string::npos || colon == std::string::npos) return false;
  round = std::atoi(line.c_str() + open + 1);
  metric = std::strtod(line.c_str() + colon + 1, nullptr);
  return true;
}

}  // namespace

Expected<void> write_libsvm(const models::Dataset& data, const std::string& path) {
  std::string out;
  out.reserve(data.values.size() * 8);
  for (std::size_t row = 0; row < data.rows(); ++row) {
    append_float(out, data.labels.empty() ? 0.0f : data.labels[row]);
    for (std::size_t column = 0; column < data.columns; ++column) {
      const float value = data.values[row * data.columns + column];
      if (std::isnan(value)) continue;
      out += ' ';
      out += std::to_string(column);
      out += ':';
      append_float(out, value);
    }
    out += '\n';
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(out.data(), static_cast<std::streamsize>(out.size()));
  if (!file.flush()) return Error::make(ErrorCode::io, "cannot write " + path);
  return {};
}

Expected<void> prepare_cli_job(const CliJob& job, const models::Dataset& train,
                               const models::Dataset& validation) {
  if (auto written = write_libsvm(train, path_of(job, "-train.libsvm")); !written) return written;
  if (auto written = write_libsvm(validation, path_of(job, "-validation.libsvm")); !written) {
    return written;
  }
  // Values quoted: monotone_constraints is "(0,-1,…)".
  std::string config;
  for (const auto& [name, value] : job.params) config += name + " = \"" + value + "\"\n";
  config += "num_round = " + std::to_string(job.rounds) + "\n";
  config += "data = \"" + path_of(job, "-train.libsvm") + "?format=libsvm\"\n";
  config += "eval[validation] = \"" + path_of(job, "-validation.libsvm") + "?format=libsvm\"\n";
  config += "model_out = \"" + path_of(job, ".model") + "\"\n";
  std::ofstream file(path_of(job, ".conf"), std::ios::trunc);
  file << config;
  if (!file.flush()) return Error::make(ErrorCode::io, "cannot write " + path_of(job, ".conf"));
  return {};
}

Expected<CliRun> run_cli_job(const std::string& program, const CliJob& job) {
  const std::string log = path_of(job, ".log");
  std::remove(log.c_str());
  const Stopwatch watch;
  auto child = ChildProcess::spawn({program, path_of(job, ".conf")}, log);
  if (!child) return child.error();
  const int status = child->wait();
  CliRun run;
  run.seconds = watch.seconds();
  if (status != 0) {
    return Error::make(ErrorCode::io, program + " exited with status " + std::to_string(status) +
                                          " (see " + log + ")");
  }
  std::ifstream lines(log);
  for (std::string line; std::getline(lines, line);) {
    parse_evaluation_line(line, run.last_round, run.last_metric);
  }
  if (run.last_round < 0) {
    return Error::make(ErrorCode::io, program + " printed no validation metric (see " + log + ")");
  }
  return run;
}

}  // namespace vigie::bench
