#include "common/log.hpp"

#include <chrono>

#include "common/enum_names.hpp"
#include "common/json_writer.hpp"
#include "common/time.hpp"

namespace vigie {
namespace {
constexpr std::string_view kLevelNames[] = {"debug", "info", "warn", "error"};
}  // namespace

std::optional<LogLevel> parse_log_level(std::string_view name) {
  return enum_named<LogLevel>(name, kLevelNames);
}

void Logger::log(LogLevel level, std::string_view message,
                 std::initializer_list<LogField> fields) const {
  if (!enabled(level)) return;
  const auto now = instant_now();
  JsonWriter line;
  line.begin_object()
      .field("ts", format_rfc3339_utc(now))
      .field("level", kLevelNames[static_cast<std::size_t>(level)])
      .field("msg", message);
  for (const auto& [key, value] : fields) {
    line.key(key);
    std::visit([&line](const auto& v) { line.value(v); }, value);
  }
  line.end_object();
  std::string text = line.take();
  text.push_back('\n');
  const std::lock_guard lock(mutex_);
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

}  // namespace vigie
