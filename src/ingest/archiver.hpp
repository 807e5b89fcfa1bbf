// ingest/archiver.hpp
//
// Keeps the raw archive (raw_archive.hpp) behind the store. The store is the source of truth;
// the archiver reads what it holds past a watermark (store meta "archive.watermark", the last
// sequence number archived), appends those events to the archive, makes the files durable, and
// only then moves the watermark. A crash anywhere in between loses nothing: the next start
// archives again from the watermark (at worst a batch is in the archive twice, which replay
// counts as duplicates and ignores).
//
//   Pipeline writer thread ── on_committed ──▶ wake
//   archiver thread:  wait for wake ─▶ pass: { scan past watermark ─▶ append + fsync ─▶ set
//                     watermark } until nothing is left ─▶ wait; a failed pass is logged and
//                     retried after retry_delay
//   stop():           final pass (drain), join
//
// Threads: start() runs the archiver thread; catch_up() runs a pass on the caller's thread (one
// pass at a time, whoever runs it). No exception leaves the thread: failures are logged and
// retried. Ownership: the store and logger are borrowed and must outlive the archiver; the
// archive files are its own.
//
// Only one archiver may run against a store (with several `vigie serve` processes, the one that
// runs the scheduler). The watermark assumes sequence numbers become visible in order, which
// holds for SQLite's single writer.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <thread>

#include "common/expected.hpp"
#include "common/log.hpp"
#include "ingest/pipeline.hpp"
#include "ingest/raw_archive.hpp"
#include "store/store.hpp"

namespace vigie::ingest {

inline constexpr std::string_view kArchiveWatermarkKey = "archive.watermark";

struct ArchiverOptions {
  std::size_t batch_events = 10'000;  // events per scan, append and watermark update
  std::chrono::milliseconds retry_delay{1'000};
  std::chrono::milliseconds gather{200};  // after a commit wakes it, before the pass starts
};

class Archiver final : public IngestObserver {
 public:
  Archiver(store::Store& store, RawArchiveOptions archive, const Logger& logger,
           ArchiverOptions options = {});
  ~Archiver() override;  // stop()
  Archiver(const Archiver&) = delete;
  Archiver& operator=(const Archiver&) = delete;

  // Starts the archiver thread, which first catches up from the watermark. Once only.
  void start();

  // Archives everything stored now, on the caller's thread; returns how many events it wrote.
  // Fails (io, or the store's error) with the watermark left where the last good batch put it.
  Expected<std::uint64_t> catch_up();

  // Stops the thread after a last pass (drain). Idempotent; safe without start().
  void stop();

  void on_committed(std::span<const events::Event> batch,
                    std::span<const store::AppendStatus> statuses) override;
  void on_refused(std::string_view, std::string_view, const Error&) override {}

 private:
  Expected<std::size_t> archive_next_batch();
  void run();
  bool pass_logging_failures();

  store::Store& store_;
  const Logger& logger_;
  const ArchiverOptions options_;

  std::mutex pass_mutex_;  // one pass at a time; guards archive_
  RawArchive archive_;

  std::mutex mutex_;  // guards the two flags
  std::condition_variable wake_;
  bool pending_ = true;  // a commit happened since the last pass (true: catch up at start)
  bool stopping_ = false;
  std::jthread thread_;
};

// The last sequence number archived (0 when nothing is). Fails if the stored value is malformed.
Expected<std::int64_t> archive_watermark(const store::Store& store);

// Moves the watermark past every stored event, so that they are not archived again: for a store
// rebuilt by `vigie replay` from the same archive. Returns the new watermark.
Expected<std::int64_t> mark_all_archived(store::Store& store);

// The line archived for a stored envelope: the envelope itself, kept on one line.
std::string archive_line(std::string_view raw);

}  // namespace vigie::ingest
