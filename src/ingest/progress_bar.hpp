// ingest/progress_bar.hpp
//
// An import's progress on the terminal, in French for the people who run it:
//   import  42 % [########............]  1,2 M lignes
// (without a known size: "import  1,2 M lignes  350 Mo lus"). Drawn on stderr, and only when
// stderr is a terminal: a piped or logged run gets no control characters, just the report.
// Redraws only when the text changes, so a tick per input chunk costs nothing visible.
// Not thread-safe: one bar per import, updated from the importing thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/import_stream.hpp"

namespace vigie::ingest {

// "842", "12 345", "1,2 M" (French grouping and decimal comma).
std::string format_count_fr(std::uint64_t count);

// The bar's text for a tick (no control characters), `bar_width` cells wide.
std::string render_progress(std::string_view label, const ImportTick& tick,
                            std::size_t bar_width = 20);

class ProgressBar {
 public:
  explicit ProgressBar(std::string label = "import");
  ~ProgressBar();  // finishes the line if update() drew anything
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void update(const ImportTick& tick);
  void finish();

  // For ImportProgress::on_tick; the bar must outlive the import.
  ImportProgress progress(std::optional<std::uint64_t> total_bytes);

 private:
  std::string label_;
  std::string shown_;
  bool enabled_ = false;
  bool drawn_ = false;
};

}  // namespace vigie::ingest
