#include "ingest/progress_bar.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include "common/french_format.hpp"

namespace vigie::ingest {
namespace {

constexpr int kStderr = 2;

void write_stderr(std::string_view text) {
  while (!text.empty()) {
    const ssize_t written = ::write(kStderr, text.data(), text.size());
    if (written <= 0) return;  // a progress bar is not worth failing an import for
    text.remove_prefix(static_cast<std::size_t>(written));
  }
}

// "1,2" for 1.23: one decimal, comma, the French way.
std::string one_decimal(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  std::string out{text};
  std::replace(out.begin(), out.end(), '.', ',');
  return out;
}

std::string format_bytes_fr(std::uint64_t bytes) {
  constexpr double kMega = 1e6;
  constexpr double kGiga = 1e9;
  if (bytes >= kGiga) return one_decimal(static_cast<double>(bytes) / kGiga) + " Go";
  return std::to_string(static_cast<std::uint64_t>(static_cast<double>(bytes) / kMega + 0.5)) +
         " Mo";
}

std::string lines_fr(std::uint64_t lines) {
  // French: 0 and 1 take the singular.
  return format_count_fr(lines) + (lines < 2 ? " ligne" : " lignes");
}

}  // namespace

std::string format_count_fr(std::uint64_t count) {
  if (count >= 1'000'000) return one_decimal(static_cast<double>(count) / 1e6) + " M";
  return format_integer_fr(static_cast<std::int64_t>(count));
}

std::string render_progress(std::string_view label, const ImportTick& tick, std::size_t bar_width) {
  std::string out{label};
  if (!tick.total_bytes || *tick.total_bytes == 0) {
    return out + "  " + lines_fr(tick.lines_read) + "  " + format_bytes_fr(tick.bytes_read) +
           " lus";
  }
  const double share =
      std::min(1.0, static_cast<double>(tick.bytes_read) / static_cast<double>(*tick.total_bytes));
  const auto percent = static_cast<int>(share * 100);
  const auto filled = static_cast<std::size_t>(share * static_cast<double>(bar_width));
  char head[16];
  std::snprintf(head, sizeof head, "%3d %% [", percent);
  out += ' ';
  out += head;
  out += std::string(filled, '#') + std::string(bar_width - filled, '.') + "]  ";
  return out + lines_fr(tick.lines_read);
}

ProgressBar::ProgressBar(std::string label)
    : label_(std::move(label)), enabled_(::isatty(kStderr) == 1) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::update(const ImportTick& tick) {
  if (!enabled_) return;
  std::string text = render_progress(label_, tick);
  if (text == shown_) return;
  // "\r" back to the line's start, "\033[K" clears what a longer previous text left.
  write_stderr("\r" + text + "\033[K");
  shown_ = std::move(text);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (drawn_) write_stderr("\n");
  drawn_ = false;
}

ImportProgress ProgressBar::progress(std::optional<std::uint64_t> total_bytes) {
  return ImportProgress{total_bytes, [this](const ImportTick& tick) { update(tick); }};
}

}  // namespace vigie::ingest
