// ingest/archive_reader.hpp
//
// Reads the raw archive back (for `vigie replay`): every line of every file, days in calendar
// order and the files of a day in name order (the sequence number of their first event), in
// constant memory — one zstd frame at a time, streamed from the file.
//
// A frame's lines are handed over only once the whole frame is decoded and its checksum holds, so
// a file cut in the middle of its last frame (a crash mid-write) yields its complete frames and a
// torn_tail issue; those events were not yet marked archived and were written again to a newer
// file. A frame that does not decode is a `corrupt` issue and the rest of that file is skipped.
// Neither stops the reading of other files; neither is ever a crash.
// Thread-safety: no shared state; each call reads on the caller's thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"

namespace vigie::ingest {

struct ArchiveLine {
  const std::filesystem::path& file;
  std::uint64_t line_number = 0;  // 1-based, within the file
  std::string_view text;          // without its newline; valid during the call only
};

enum class ReadIssueKind : std::uint8_t {
  torn_tail,  // the file ends inside a frame: expected after a crash, nothing is lost
  corrupt,    // a frame does not decode: the rest of the file is skipped
};

struct ReadIssue {
  std::filesystem::path file;
  std::uint64_t offset = 0;  // byte offset of the frame in the file
  ReadIssueKind kind = ReadIssueKind::torn_tail;
  std::string message;
};

struct ReadReport {
  std::uint64_t files = 0;
  std::uint64_t frames = 0;
  std::uint64_t lines = 0;  // lines handed to the visitor
  std::vector<ReadIssue> issues;
  bool stopped = false;  // the visitor asked to stop
};

// Returns false to stop reading.
using LineVisitor = std::function<bool(const ArchiveLine& line)>;

// The archive's files in reading order. A missing archive_dir is an empty archive; entries whose
// names are not YYYY/MM/DD/*.jsonl.zst are ignored. Fails (io) only if a directory is unreadable.
Expected<std::vector<std::filesystem::path>> archive_files(
    const std::filesystem::path& archive_dir);

// Reads every file of archive_files(archive_dir). Fails (io) only if a directory or a file
// cannot be opened or read; torn and corrupt frames are issues in the report.
Expected<ReadReport> read_archive(const std::filesystem::path& archive_dir,
                                  const LineVisitor& visit);

// Reads one file, adding to `report`.
Expected<void> read_archive_file(const std::filesystem::path& file, const LineVisitor& visit,
                                 ReadReport& report);

std::string_view read_issue_kind_name(ReadIssueKind kind);

}  // namespace vigie::ingest
