// bench/report.hpp
//
// What every `vigie bench <area>` shares to present results: a stopwatch, CPU time of this
// process and of a child, latency percentiles, an aligned text table, and the one-object JSON
// result in which a measurement that could not be taken is null — never a made-up number.
// Also the progress lines a benchmark says on the way.
// Pure except Stopwatch and the CPU readers; no threads.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace vigie::bench {

// Where a benchmark says what it is doing (stderr on a terminal, nothing otherwise).
using Progress = std::function<void(std::string_view)>;
inline void say(const Progress& progress, const std::string& line) {
  if (progress) progress(line);
}

class Stopwatch {
 public:
  Stopwatch() : started_(Clock::now()) {}
  double seconds() const { return std::chrono::duration<double>(Clock::now() - started_).count(); }

 private:
  using Clock = std::chrono::steady_clock;
  Clock::time_point started_;
};

// User + system CPU seconds of this process (all threads), and of another process by pid
// (from /proc; nullopt once it has exited).
double own_cpu_seconds();
std::optional<double> process_cpu_seconds(pid_t pid);

// CPU spent since construction by this process and, when given, by a server process.
class CpuMeter {
 public:
  explicit CpuMeter(pid_t server = -1)
      : server_(server), own_start_(own_cpu_seconds()), server_start_(server_cpu()) {}
  double own_seconds() const { return own_cpu_seconds() - own_start_; }
  std::optional<double> server_seconds() const;

 private:
  std::optional<double> server_cpu() const {
    return server_ > 0 ? process_cpu_seconds(server_) : std::nullopt;
  }
  pid_t server_;
  double own_start_;
  std::optional<double> server_start_;
};

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0, max = 0;
};
// Nearest-rank percentiles of `samples`; all zero when empty.
Percentiles percentiles(std::vector<double> samples);
// One of them (&Percentiles::p99…); nullopt when there are no samples.
std::optional<double> percentile(const std::vector<double>& samples, double Percentiles::*which);

// count / seconds; nullopt when seconds is not positive.
std::optional<double> rate(std::uint64_t count, double seconds);
// a / b; nullopt when either is missing or b is not positive.
std::optional<double> ratio(std::optional<double> a, std::optional<double> b);

// 152304.7 → "152,305"; nullopt → "n/a".
std::string format_count(std::optional<double> value);
// 1.23456, 2 → "1.23"; nullopt → "n/a".
std::string format_fixed(std::optional<double> value, int decimals);

// A plain-text table: first column left-aligned, the others right-aligned.
class Table {
 public:
  explicit Table(std::vector<std::string> header) : rows_{std::move(header)} {}
  void add_row(std::vector<std::string> cells) { rows_.push_back(std::move(cells)); }
  std::string render() const;

 private:
  std::vector<std::vector<std::string>> rows_;  // rows_[0] is the header
};

// The JSON result: one object, keys in the order they were set; nullopt is written null.
class ResultJson {
 public:
  ResultJson& set(std::string key, double value) { return add(std::move(key), value); }
  ResultJson& set(std::string key, std::uint64_t value) { return add(std::move(key), value); }
  ResultJson& set(std::string key, bool value) { return add(std::move(key), value); }
  ResultJson& set(std::string key, std::string value) { return add(std::move(key), std::move(value)); }
  ResultJson& set(std::string key, const char* value) { return set(std::move(key), std::string{value}); }
  ResultJson& set(std::string key, std::optional<double> value);
  ResultJson& set(std::string key, std::optional<std::uint64_t> value);
  ResultJson& set(std::string key, std::optional<std::string> value);
  std::string render() const;

 private:
  using Value = std::variant<std::monostate, double, std::uint64_t, bool, std::string>;
  ResultJson& add(std::string key, Value value);
  std::vector<std::pair<std::string, Value>> fields_;
};

}  // namespace vigie::bench
