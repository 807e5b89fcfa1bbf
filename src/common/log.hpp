// common/log.hpp
//
// Logs as JSON lines on stderr: {"ts":"…Z","level":"info","msg":"…", …fields}. One object per
// line so that any log shipper can read them. Passed to whoever logs (no global logger).
// Thread-safe: each line is written with one fwrite under a mutex.
#pragma once

#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <variant>

namespace vigie {

enum class LogLevel { debug, info, warn, error };
std::optional<LogLevel> parse_log_level(std::string_view name);

using LogValue = std::variant<std::string_view, std::int64_t, double, bool>;
using LogField = std::pair<std::string_view, LogValue>;

class Logger {
 public:
  explicit Logger(LogLevel min_level = LogLevel::info, std::FILE* out = stderr)
      : min_level_(min_level), out_(out) {}

  void log(LogLevel level, std::string_view message,
           std::initializer_list<LogField> fields = {}) const;
  void info(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    log(LogLevel::info, message, fields);
  }
  void warn(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    log(LogLevel::warn, message, fields);
  }
  void error(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    log(LogLevel::error, message, fields);
  }
  bool enabled(LogLevel level) const { return level >= min_level_; }

 private:
  LogLevel min_level_;
  std::FILE* out_;
  mutable std::mutex mutex_;
};

}  // namespace vigie
