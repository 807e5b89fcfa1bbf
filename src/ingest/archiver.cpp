#include "ingest/archiver.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace vigie::ingest {

std::string archive_line(std::string_view raw) {
  std::string line{raw};
  // In JSON a line break can only be whitespace between tokens (strings escape theirs), so a
  // space keeps the meaning and the archive's one-line-per-event framing.
  std::replace_if(
      line.begin(), line.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return line;
}

Expected<std::int64_t> archive_watermark(const store::Store& store) {
  auto text = store.meta(std::string{kArchiveWatermarkKey});
  if (!text) return text.error();
  if (!text->has_value()) return std::int64_t{0};
  const std::string& digits = **text;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (error != std::errc{} || end != digits.data() + digits.size() || value < 0) {
    return Error::make(ErrorCode::internal,
                       "stored archive.watermark is not a sequence number: \"" + digits + "\"");
  }
  return value;
}

Expected<std::int64_t> mark_all_archived(store::Store& store) {
  auto watermark = archive_watermark(store);
  if (!watermark) return watermark;
  auto last = store.last_seq();
  if (!last) return last.error();
  const std::int64_t mark = std::max(*watermark, *last);
  auto saved = store.set_meta(std::string{kArchiveWatermarkKey}, std::to_string(mark));
  if (!saved) return saved.error();
  return mark;
}

Archiver::Archiver(store::Store& store, RawArchiveOptions archive, const Logger& logger,
                   ArchiverOptions options)
    : store_(store), logger_(logger), options_(options), archive_(std::move(archive)) {}

Archiver::~Archiver() { stop(); }

void Archiver::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this] { run(); });
}

void Archiver::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Archiver::on_committed(std::span<const events::Event> /*batch*/,
                            std::span<const store::AppendStatus> statuses) {
  const bool stored_new = std::any_of(statuses.begin(), statuses.end(), [](auto status) {
    return status == store::AppendStatus::accepted;
  });
  if (!stored_new) return;
  {
    const std::lock_guard lock(mutex_);
    pending_ = true;
  }
  wake_.notify_one();
}

Expected<std::uint64_t> Archiver::catch_up() {
  const std::lock_guard lock(pass_mutex_);
  std::uint64_t archived = 0;
  for (;;) {
    auto batch = archive_next_batch();
    if (!batch) return batch.error();
    if (*batch == 0) return archived;
    archived += *batch;
  }
}

// One batch past the watermark: archive it durably, then move the watermark (in that order).
Expected<std::size_t> Archiver::archive_next_batch() {
  auto watermark = archive_watermark(store_);
  if (!watermark) return watermark.error();
  std::vector<ArchiveRecord> records;
  auto last = store_.scan_raw(*watermark, options_.batch_events,
                              [&records](const store::StoredEvent& event) {
                                records.push_back({event.seq, event.occurred_at,
                                                   archive_line(event.raw)});
                              });
  if (!last) return last.error();
  if (records.empty()) return std::size_t{0};
  auto appended = archive_.append(records);
  if (!appended) return appended.error();
  auto marked = store_.set_meta(std::string{kArchiveWatermarkKey}, std::to_string(*last));
  if (!marked) return marked.error();
  return records.size();
}

void Archiver::run() {
  bool last_failed = false;
  for (;;) {
    bool stopping = false;
    {
      std::unique_lock lock(mutex_);
      if (last_failed) {
        // Commits do not cut the delay short: a failing disk must not make a busy loop.
        wake_.wait_for(lock, options_.retry_delay, [this] { return stopping_; });
      } else {
        wake_.wait(lock, [this] { return pending_ || stopping_; });
        // Let commits gather: archiving is off the acknowledgement path, and a pass per group
        // commit would add two fsyncs (archive file, watermark) to every one of them.
        wake_.wait_for(lock, options_.gather, [this] { return stopping_; });
      }
      stopping = stopping_;
      pending_ = false;
    }
    last_failed = !pass_logging_failures();
    if (stopping) return;  // that pass was the drain
  }
}

// Whatever goes wrong stays on this thread: logged, and retried by run().
bool Archiver::pass_logging_failures() {
  const auto retry_ms = static_cast<std::int64_t>(options_.retry_delay.count());
  try {
    auto archived = catch_up();
    if (archived) return true;
    const std::string reason = archived.error().describe();
    logger_.error("raw archive pass failed", {{"error", reason}, {"retry_ms", retry_ms}});
  } catch (const std::exception& failure) {
    logger_.error("raw archive pass threw", {{"error", failure.what()}, {"retry_ms", retry_ms}});
  } catch (...) {
    logger_.error("raw archive pass threw",
                  {{"error", "unknown exception"}, {"retry_ms", retry_ms}});
  }
  return false;
}

}  // namespace vigie::ingest
