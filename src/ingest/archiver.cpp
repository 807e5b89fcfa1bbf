#include "ingest/archiver.hpp"

#include <algorithm>
#include <charconv>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include "common/json_writer.hpp"

namespace vigie::ingest {
namespace {

constexpr std::size_t kMarkScanEvents = 100'000;

void nullable_field(JsonWriter& json, std::string_view name, const std::string& text) {
  json.key(name);
  if (text.empty()) {
    json.null();
  } else {
    json.value(text);
  }
}

// The envelope of data.md from the event's fields; parse_event gives the same event back.
std::string envelope_from_fields(const events::Event& event) {
  JsonWriter json;
  json.begin_object().field("id", event.id).field("type", events::type_name(event.type));
  nullable_field(json, "site_id", event.site_id);
  json.field("occurred_at", format_rfc3339_utc(event.occurred_at))
      .field("source", events::source_name(event.source));
  nullable_field(json, "actor_id", event.actor_id);
  json.key("data").raw(event.data.empty() ? std::string_view{"{}"} : event.data);
  return json.end_object().take();
}

}  // namespace

std::string archive_line(const events::Event& event) {
  std::string line = event.raw.empty() ? envelope_from_fields(event) : event.raw;
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
  std::int64_t mark = *watermark;
  for (;;) {
    auto last = store.scan_events(mark, kMarkScanEvents, [](std::int64_t, const events::Event&) {});
    if (!last) return last.error();
    if (*last == mark) break;
    mark = *last;
  }
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
  auto last = store_.scan_events(*watermark, options_.batch_events,
                                 [&records](std::int64_t seq, const events::Event& event) {
                                   records.push_back({seq, event.occurred_at, archive_line(event)});
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
