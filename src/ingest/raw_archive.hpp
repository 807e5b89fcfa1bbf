// ingest/raw_archive.hpp
//
// The raw archive's files (the data lake): every accepted event's envelope, unchanged, one JSON
// line each, in `<archive_dir>/YYYY/MM/DD/part-<first seq>-<n>.jsonl.zst`, where archive_dir is
// `<data_dir>/lake/raw` (Config::lake_dir()) and the day is the Paris day of occurred_at — a late
// event goes to its own past day, not to the day it arrived.
//
// Crash safety: each append() writes whole zstd frames (with checksums) and fsyncs the files,
// and the directories it created, before returning, so a crash can only tear the last frame of a
// file; archive_reader.hpp skips such a frame. For the same reason a file is never continued
// after a restart (each RawArchive starts new files) nor after a failed write (the file is cut
// back and left). A file is also left for a new one once it has reached max_file_bytes (checked
// before each append, so a file ends at most one append over).
//
// Not thread-safe: one owner calls it (the Archiver, under its lock). It owns its descriptors and
// keeps at most max_open_files open, closing the least recently used.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "common/time.hpp"

namespace vigie::ingest {

inline constexpr std::string_view kArchiveFileSuffix = ".jsonl.zst";

struct RawArchiveOptions {
  std::filesystem::path archive_dir;         // <data_dir>/lake/raw; created when missing
  std::uint64_t max_file_bytes = 64u << 20;  // setting archive.max_file_bytes
  std::size_t max_open_files = 16;
  int compression_level = 3;  // zstd's default: fast, about 5× on JSON
  bool durable = true;        // fsync; off only for a bulk build that restarts on crash
};

struct ArchiveRecord {
  std::int64_t seq = 0;   // the store's sequence number: names new files, so names sort by it
  Instant occurred_at{};  // places the record in its Paris day
  std::string raw;        // one envelope, compact JSON, without a newline
};

// `<archive_dir>/YYYY/MM/DD`.
std::filesystem::path partition_dir(const std::filesystem::path& archive_dir, LocalDate day);

class RawArchive {
 public:
  explicit RawArchive(RawArchiveOptions options);  // no I/O until the first append
  ~RawArchive();
  RawArchive(const RawArchive&) = delete;
  RawArchive& operator=(const RawArchive&) = delete;

  // Appends the records (in their order within each day) and makes them durable. On failure
  // (an io Error naming the file) the touched files are cut back to their previous size and
  // left, so the caller may retry the whole batch: nothing is half-written into a file that
  // will be continued. A record whose raw text is empty or holds a newline is refused (invalid)
  // before anything is written: it would break the one-line-per-event framing.
  Expected<void> append(std::span<const ArchiveRecord> records);

  std::size_t open_file_count() const;

 private:
  struct Partition;
  struct Touched;
  struct Compressor;

  Expected<void> append_day(std::int32_t day, std::span<const ArchiveRecord* const> records,
                            std::vector<Touched>& touched);
  Expected<void> open_partition(LocalDate day, Partition& partition, std::int64_t first_seq);
  void close_least_recently_used();
  void roll_back(const std::vector<Touched>& touched);

  RawArchiveOptions options_;
  std::unique_ptr<Compressor> compressor_;
  // By days since epoch: the file this run writes for each day it has touched.
  std::map<std::int32_t, std::unique_ptr<Partition>> partitions_;
  std::uint64_t use_clock_ = 0;  // orders partitions by last use, for closing
};

}  // namespace vigie::ingest
