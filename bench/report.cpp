#include "bench/report.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <sstream>

#include "common/json_writer.hpp"

namespace vigie::bench {
namespace {

double seconds_of(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

// Sample at nearest rank p (0 < p ≤ 1) of sorted samples.
double at_rank(const std::vector<double>& sorted, double p) {
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string pad(const std::string& text, std::size_t width, bool left) {
  const std::string fill(width > text.size() ? width - text.size() : 0, ' ');
  return left ? text + fill : fill + text;
}

}  // namespace

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
}

std::optional<double> process_cpu_seconds(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // The command name (field 2) may hold spaces; fields after its ')' are space-separated.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(text.substr(close + 2));
  std::string skip;
  for (int field = 3; field < 14; ++field) fields >> skip;
  double user_ticks = 0, system_ticks = 0;
  if (!(fields >> user_ticks >> system_ticks)) return std::nullopt;
  return (user_ticks + system_ticks) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

std::optional<double> CpuMeter::server_seconds() const {
  const auto now = server_cpu();
  if (!now || !server_start_) return std::nullopt;
  return *now - *server_start_;
}

Percentiles percentiles(std::vector<double> samples) {
  if (samples.empty()) return {};
  std::sort(samples.begin(), samples.end());
  return {at_rank(samples, 0.50), at_rank(samples, 0.95), at_rank(samples, 0.99), samples.back()};
}

std::optional<double> percentile(const std::vector<double>& samples, double Percentiles::*which) {
  if (samples.empty()) return std::nullopt;
  return percentiles(samples).*which;
}

std::optional<double> rate(std::uint64_t count, double seconds) {
  if (seconds <= 0) return std::nullopt;
  return static_cast<double>(count) / seconds;
}

std::optional<double> ratio(std::optional<double> a, std::optional<double> b) {
  if (!a || !b || *b <= 0) return std::nullopt;
  return *a / *b;
}

std::string format_count(std::optional<double> value) {
  if (!value) return "n/a";
  const std::string digits = std::to_string(std::llround(std::fabs(*value)));
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return *value < 0 ? "-" + out : out;
}

std::string format_fixed(std::optional<double> value, int decimals) {
  if (!value) return "n/a";
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(decimals);
  out << *value;
  return out.str();
}

std::string Table::render() const {
  std::vector<std::size_t> widths;
  for (const auto& row : rows_) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  std::string out;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    for (std::size_t c = 0; c < rows_[r].size(); ++c) {
      out += (c == 0 ? "" : "  ") + pad(rows_[r][c], widths[c], c == 0);
    }
    out += '\n';
    if (r == 0) {
      std::size_t total = 0;
      for (const std::size_t width : widths) total += width + 2;
      out += std::string(total - 2, '-') + '\n';
    }
  }
  return out;
}

ResultJson& ResultJson::add(std::string key, Value value) {
  fields_.emplace_back(std::move(key), std::move(value));
  return *this;
}

ResultJson& ResultJson::set(std::string key, std::optional<double> value) {
  return value ? add(std::move(key), *value) : add(std::move(key), Value{});
}

ResultJson& ResultJson::set(std::string key, std::optional<std::uint64_t> value) {
  return value ? add(std::move(key), *value) : add(std::move(key), Value{});
}

ResultJson& ResultJson::set(std::string key, std::optional<std::string> value) {
  return value ? add(std::move(key), std::move(*value)) : add(std::move(key), Value{});
}

std::string ResultJson::render() const {
  JsonWriter out;
  out.begin_object();
  for (const auto& [key, value] : fields_) {
    out.key(key);
    std::visit(
        [&out](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::monostate>) {
            out.null();
          } else {
            out.value(v);
          }
        },
        value);
  }
  out.end_object();
  return out.take();
}

}  // namespace vigie::bench
