#include "ingest/raw_archive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <utility>

#include "common/file_io.hpp"
#include "common/paris_time.hpp"

namespace vigie::ingest {
namespace {

// A frame holds at most this much text (plus one record): the reader keeps one frame in memory
// until its checksum is verified, so this bounds the reader's memory.
constexpr std::size_t kMaxFrameTextBytes = 1u << 20;
constexpr int kMaxNameAttempts = 1000;

std::string two_digits(unsigned value) {
  char text[8];
  std::snprintf(text, sizeof text, "%02u", value);
  return text;
}

// Zero-padded to int64's 19 digits, so that name order is sequence order.
std::string part_file_name(std::int64_t first_seq, int attempt) {
  char text[64];
  std::snprintf(text, sizeof text, "part-%019lld-%d", static_cast<long long>(first_seq), attempt);
  return std::string{text} + std::string{kArchiveFileSuffix};
}

struct NewFile {
  std::filesystem::path path;
  FileDescriptor fd;
};

// A fresh file, never an existing one: an existing file may end in a torn frame.
Expected<NewFile> create_part_file(const std::filesystem::path& dir, std::int64_t first_seq,
                                   bool durable) {
  auto made = make_directories(dir, durable);
  if (!made) return made.error();
  for (int attempt = 1; attempt <= kMaxNameAttempts; ++attempt) {
    std::filesystem::path path = dir / part_file_name(first_seq, attempt);
    FileDescriptor fd{
        ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644)};
    if (!fd.is_open() && errno == EEXIST) continue;  // a file of an earlier run, same first seq
    if (!fd.is_open()) return io_error("cannot create", path, errno);
    if (durable) {
      auto synced = sync_directory(dir);
      if (!synced) return synced.error();
    }
    return NewFile{std::move(path), std::move(fd)};
  }
  return Error::make(ErrorCode::io, "no free file name in " + dir.string());
}

// The records of one frame, starting at `begin`, as lines; returns where the next frame starts.
std::size_t frame_text(std::span<const ArchiveRecord* const> records, std::size_t begin,
                       std::string& text) {
  text.clear();
  while (begin < records.size() &&
         (text.empty() || text.size() + records[begin]->raw.size() < kMaxFrameTextBytes)) {
    text += records[begin]->raw;
    text += '\n';
    ++begin;
  }
  return begin;
}

Expected<void> check_record(const ArchiveRecord& record) {
  if (record.raw.empty())
    return Error::invalid("raw", "is empty (seq " + std::to_string(record.seq) + ")");
  if (record.raw.find_first_of("\r\n") != std::string::npos) {
    return Error::invalid("raw", "holds a line break (seq " + std::to_string(record.seq) + ")");
  }
  return {};
}

}  // namespace

std::filesystem::path partition_dir(const std::filesystem::path& archive_dir, LocalDate day) {
  char year[8];
  std::snprintf(year, sizeof year, "%04d", static_cast<int>(day.year()));
  return archive_dir / year / two_digits(static_cast<unsigned>(day.month())) /
         two_digits(static_cast<unsigned>(day.day()));
}

struct RawArchive::Partition {
  std::filesystem::path file;  // empty until this run creates the day's file
  std::uint64_t bytes = 0;     // size of `file`, all whole frames
  FileDescriptor fd;           // closed when another partition needed the slot
  std::uint64_t last_use = 0;
};

struct RawArchive::Touched {
  std::int32_t day = 0;
  std::uint64_t bytes_before = 0;
};

// One reusable zstd context; every compress() call yields one independent, checksummed frame.
struct RawArchive::Compressor {
  struct Free {
    void operator()(ZSTD_CCtx* context) const noexcept { ZSTD_freeCCtx(context); }
  };
  std::unique_ptr<ZSTD_CCtx, Free> context{ZSTD_createCCtx()};
  std::string frame;

  explicit Compressor(int level) {
    if (!context) throw std::bad_alloc{};
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, level);
    ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
  }

  Expected<std::string_view> compress(std::string_view text) {
    frame.resize(ZSTD_compressBound(text.size()));
    const std::size_t size =
        ZSTD_compress2(context.get(), frame.data(), frame.size(), text.data(), text.size());
    if (ZSTD_isError(size)) {
      return Error::make(ErrorCode::internal, std::string{"zstd: "} + ZSTD_getErrorName(size));
    }
    return std::string_view{frame.data(), size};
  }
};

RawArchive::RawArchive(RawArchiveOptions options)
    : options_(std::move(options)),
      compressor_(std::make_unique<Compressor>(options_.compression_level)) {
  options_.max_open_files = std::max<std::size_t>(options_.max_open_files, 1);
}

RawArchive::~RawArchive() = default;

std::size_t RawArchive::open_file_count() const {
  return static_cast<std::size_t>(
      std::count_if(partitions_.begin(), partitions_.end(),
                    [](const auto& entry) { return entry.second->fd.is_open(); }));
}

Expected<void> RawArchive::append(std::span<const ArchiveRecord> records) {
  std::map<std::int32_t, std::vector<const ArchiveRecord*>> by_day;
  for (const ArchiveRecord& record : records) {
    auto checked = check_record(record);
    if (!checked) return checked;
    by_day[days_since_epoch(paris_date(record.occurred_at))].push_back(&record);
  }
  std::vector<Touched> touched;
  for (const auto& [day, day_records] : by_day) {
    auto written = append_day(day, day_records, touched);
    if (!written) {
      roll_back(touched);
      return written;
    }
  }
  return {};
}

Expected<void> RawArchive::append_day(std::int32_t day,
                                      std::span<const ArchiveRecord* const> records,
                                      std::vector<Touched>& touched) {
  auto& slot = partitions_[day];
  // Rotation: a new Partition has no file, so the next open creates one.
  if (!slot || slot->bytes >= options_.max_file_bytes) slot = std::make_unique<Partition>();
  Partition& partition = *slot;
  touched.push_back({day, partition.bytes});
  partition.last_use = ++use_clock_;
  if (!partition.fd.is_open()) {
    auto opened = open_partition(date_from_days(day), partition, records.front()->seq);
    if (!opened) return opened;
  }
  std::string text;
  for (std::size_t begin = 0; begin < records.size();) {
    begin = frame_text(records, begin, text);
    auto frame = compressor_->compress(text);
    if (!frame) return frame.error();
    auto written = write_all(partition.fd.get(), *frame, partition.file);
    if (!written) return written;
    partition.bytes += frame->size();
  }
  if (!options_.durable) return {};
  return sync_file(partition.fd.get(), partition.file);
}

Expected<void> RawArchive::open_partition(LocalDate day, Partition& partition,
                                          std::int64_t first_seq) {
  if (open_file_count() >= options_.max_open_files) close_least_recently_used();
  if (!partition.file.empty()) {
    // Closed only to bound open files: this run wrote it, in whole frames, so it may go on.
    FileDescriptor fd{::open(partition.file.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC)};
    if (!fd.is_open()) return io_error("cannot reopen", partition.file, errno);
    partition.fd = std::move(fd);
    return {};
  }
  auto created =
      create_part_file(partition_dir(options_.archive_dir, day), first_seq, options_.durable);
  if (!created) return created.error();
  partition.file = std::move(created->path);
  partition.fd = std::move(created->fd);
  partition.bytes = 0;
  return {};
}

void RawArchive::close_least_recently_used() {
  Partition* oldest = nullptr;
  for (auto& [day, partition] : partitions_) {
    if (partition->fd.is_open() && (!oldest || partition->last_use < oldest->last_use)) {
      oldest = partition.get();
    }
  }
  if (oldest) oldest->fd.reset();
}

// Cuts each touched file back to its size before the failed append, then leaves it: the caller
// retries the batch into new files. If the cut fails the file keeps whole frames (read again as
// duplicates, which replay ignores) or a torn last frame (skipped by the reader).
void RawArchive::roll_back(const std::vector<Touched>& touched) {
  for (const Touched& entry : touched) {
    const auto found = partitions_.find(entry.day);
    if (found == partitions_.end()) continue;
    const std::filesystem::path& file = found->second->file;
    if (!file.empty() && ::truncate(file.c_str(), static_cast<off_t>(entry.bytes_before)) != 0) {
      // Nothing more to do: see above.
    }
    partitions_.erase(found);
  }
}

}  // namespace vigie::ingest
