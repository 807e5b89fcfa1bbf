#include "ingest/raw_archive.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "common/paris_time.hpp"
#include "ingest/archive_reader.hpp"
#include "support/random.hpp"
#include "support/temp_dir.hpp"

namespace vigie::ingest {
namespace {

namespace fs = std::filesystem;

using vigie::testing::TempDir;

Instant at(std::string_view rfc3339) { return parse_rfc3339(rfc3339).value(); }

ArchiveRecord record(std::int64_t seq, std::string_view occurred_at) {
  return {seq, at(occurred_at),
          R"({"id":"e)" + std::to_string(seq) + R"(","occurred_at":")" + std::string{occurred_at} +
              R"("})"};
}

RawArchiveOptions options_for(const fs::path& dir) { return {.archive_dir = dir / "lake" / "raw"}; }

struct ReadBack {
  std::vector<std::string> lines;
  ReadReport report;
};

ReadBack read_back(const fs::path& archive_dir) {
  ReadBack out;
  auto report = read_archive(archive_dir, [&out](const ArchiveLine& line) {
    out.lines.emplace_back(line.text);
    return true;
  });
  EXPECT_TRUE(report) << report.error().describe();
  if (report) out.report = std::move(*report);
  return out;
}

std::vector<std::string> raws(const std::vector<ArchiveRecord>& records) {
  std::vector<std::string> out;
  for (const auto& r : records) out.push_back(r.raw);
  return out;
}

std::vector<std::string> file_names(const fs::path& dir) {
  std::vector<std::string> names;
  if (!fs::exists(dir)) return names;
  for (const auto& entry : fs::directory_iterator{dir}) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

void append_ok(RawArchive& archive, const std::vector<ArchiveRecord>& records) {
  auto appended = archive.append(records);
  ASSERT_TRUE(appended) << appended.error().describe();
}

struct DayCase {
  std::string_view name, occurred_at, partition;
};
constexpr DayCase kDayCases[] = {
    {"winter, after midnight in Paris", "2026-11-23T23:30:00Z", "2026/11/24"},
    {"winter, before midnight in Paris", "2026-11-23T22:59:59Z", "2026/11/23"},
    {"summer, 23:59 in Paris", "2026-07-14T21:59:00Z", "2026/07/14"},
    {"summer, midnight in Paris", "2026-07-14T22:00:00Z", "2026/07/15"},
    {"new year in Paris, still 2026 in UTC", "2026-12-31T23:00:00Z", "2027/01/01"},
    {"offset kept by the sender", "2026-11-24T00:30:00+01:00", "2026/11/24"},
};

TEST(RawArchive, PartitionsByParisDay) {
  for (const DayCase& c : kDayCases) {
    SCOPED_TRACE(c.name);
    const TempDir dir;
    RawArchive archive{options_for(dir.path())};
    const std::vector<ArchiveRecord> records = {record(7, c.occurred_at)};
    append_ok(archive, records);
    const fs::path day = dir.path() / "lake" / "raw" / c.partition;
    EXPECT_EQ(file_names(day), std::vector<std::string>{"part-0000000000000000007-1.jsonl.zst"});
    EXPECT_EQ(read_back(dir.path() / "lake" / "raw").lines, raws(records));
  }
}

TEST(RawArchive, LateEventGoesToItsPastDay) {
  const TempDir dir;
  const fs::path root = dir.path() / "lake" / "raw";
  RawArchive archive{options_for(dir.path())};
  append_ok(archive,
            {record(1, "2026-11-24T08:00:00+01:00"), record(2, "2026-11-24T09:00:00+01:00")});
  // Arrives later (higher seq) but happened four days earlier: a phone offline.
  append_ok(archive,
            {record(3, "2026-11-20T17:00:00+01:00"), record(4, "2026-11-24T10:00:00+01:00")});

  EXPECT_EQ(file_names(root / "2026/11/20"),
            std::vector<std::string>{"part-0000000000000000003-1.jsonl.zst"});
  EXPECT_EQ(file_names(root / "2026/11/24"),
            std::vector<std::string>{"part-0000000000000000001-1.jsonl.zst"});
  // Day order first, then arrival order within a day.
  const std::vector<std::string> expected = {
      record(3, "2026-11-20T17:00:00+01:00").raw, record(1, "2026-11-24T08:00:00+01:00").raw,
      record(2, "2026-11-24T09:00:00+01:00").raw, record(4, "2026-11-24T10:00:00+01:00").raw};
  EXPECT_EQ(read_back(root).lines, expected);
}

TEST(RawArchive, RotatesToANewFileOnceOverTheSize) {
  const TempDir dir;
  RawArchiveOptions options = options_for(dir.path());
  options.max_file_bytes = 1;  // every file is full after one append
  RawArchive archive{options};
  std::vector<ArchiveRecord> all;
  for (std::int64_t seq = 1; seq <= 4; ++seq) {
    all.push_back(record(seq * 10, "2026-11-24T08:00:00+01:00"));
    append_ok(archive, {all.back()});
  }
  EXPECT_EQ(file_names(options.archive_dir / "2026/11/24"),
            (std::vector<std::string>{
                "part-0000000000000000010-1.jsonl.zst", "part-0000000000000000020-1.jsonl.zst",
                "part-0000000000000000030-1.jsonl.zst", "part-0000000000000000040-1.jsonl.zst"}));
  const ReadBack back = read_back(options.archive_dir);
  EXPECT_EQ(back.lines, raws(all));
  EXPECT_EQ(back.report.files, 4u);
}

TEST(RawArchive, BelowTheSizeEachAppendIsOneMoreFrameOfTheSameFile) {
  const TempDir dir;
  RawArchive archive{options_for(dir.path())};
  std::vector<ArchiveRecord> all;
  for (std::int64_t seq = 1; seq <= 3; ++seq) {
    all.push_back(record(seq, "2026-11-24T08:00:00+01:00"));
    append_ok(archive, {all.back()});
  }
  const ReadBack back = read_back(options_for(dir.path()).archive_dir);
  EXPECT_EQ(back.lines, raws(all));
  EXPECT_EQ(back.report.files, 1u);
  EXPECT_EQ(back.report.frames, 3u);
}

TEST(RawArchive, ARestartStartsNewFiles) {
  const TempDir dir;
  const fs::path day = options_for(dir.path()).archive_dir / "2026/11/24";
  {
    RawArchive before_crash{options_for(dir.path())};
    append_ok(before_crash, {record(1, "2026-11-24T08:00:00+01:00")});
  }
  const auto size_before = fs::file_size(day / "part-0000000000000000001-1.jsonl.zst");
  RawArchive after_restart{options_for(dir.path())};
  // The same batch again: its watermark was not recorded before the crash.
  append_ok(after_restart, {record(1, "2026-11-24T08:00:00+01:00")});
  EXPECT_EQ(file_names(day), (std::vector<std::string>{"part-0000000000000000001-1.jsonl.zst",
                                                       "part-0000000000000000001-2.jsonl.zst"}));
  EXPECT_EQ(fs::file_size(day / "part-0000000000000000001-1.jsonl.zst"), size_before);
}

TEST(RawArchive, KeepsOpenFilesBoundedAndContinuesAClosedOne) {
  const TempDir dir;
  RawArchiveOptions options = options_for(dir.path());
  options.max_open_files = 2;
  RawArchive archive{options};
  std::vector<std::string> expected;
  for (int day = 1; day <= 5; ++day) {
    const ArchiveRecord r = record(day, "2026-11-0" + std::to_string(day) + "T12:00:00+01:00");
    append_ok(archive, {r});
    expected.push_back(r.raw);
    EXPECT_LE(archive.open_file_count(), 2u);
  }
  const ArchiveRecord again = record(6, "2026-11-01T13:00:00+01:00");
  append_ok(archive, {again});
  expected.insert(expected.begin() + 1, again.raw);
  EXPECT_EQ(file_names(options.archive_dir / "2026/11/01").size(), 1u);
  EXPECT_EQ(read_back(options.archive_dir).lines, expected);
}

TEST(RawArchive, SplitsALargeBatchIntoSeveralFrames) {
  const TempDir dir;
  RawArchive archive{options_for(dir.path())};
  std::vector<ArchiveRecord> records;
  for (std::int64_t seq = 1; seq <= 5; ++seq) {
    records.push_back({seq, at("2026-11-24T08:00:00Z"),
                       R"({"id":"big)" + std::to_string(seq) + R"(","pad":")" +
                           std::string(400'000, static_cast<char>('a' + seq)) + R"("})"});
  }
  append_ok(archive, records);
  const ReadBack back = read_back(options_for(dir.path()).archive_dir);
  EXPECT_EQ(back.lines, raws(records));
  EXPECT_GE(back.report.frames, 2u);
}

TEST(RawArchive, RefusesARecordThatWouldBreakTheLineFraming) {
  const TempDir dir;
  RawArchive archive{options_for(dir.path())};
  const std::vector<ArchiveRecord> records = {record(1, "2026-11-24T08:00:00Z"),
                                              {2, at("2026-11-24T08:00:00Z"), "{\n}"}};
  const auto appended = archive.append(records);
  ASSERT_FALSE(appended);
  EXPECT_EQ(appended.error().code, ErrorCode::invalid);
  EXPECT_FALSE(fs::exists(options_for(dir.path()).archive_dir));  // nothing half-written
}

TEST(RawArchive, FailsWithAnIoErrorWhenItCannotCreateItsDirectory) {
  const TempDir dir;
  std::ofstream{dir.path() / "lake"} << "a file where the lake should be";
  RawArchive archive{options_for(dir.path())};
  const auto appended = archive.append(std::vector{record(1, "2026-11-24T08:00:00Z")});
  ASSERT_FALSE(appended);
  EXPECT_EQ(appended.error().code, ErrorCode::io);
}

// Random lowercase text: compresses little, so that files fill up and rotate.
std::string letters(vigie::testing::Random& random, std::size_t length) {
  std::string text(length, 'a');
  for (char& c : text) c = static_cast<char>('a' + random.index(26));
  return text;
}

// Property: whatever the days, batch sizes and line lengths, reading gives back exactly the
// written lines, in day order then sequence order.
TEST(RawArchive, ReadBackGivesExactlyTheWrittenLines) {
  vigie::testing::Random random = vigie::testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  const TempDir dir;
  RawArchiveOptions options = options_for(dir.path());
  options.max_file_bytes = 1 << 10;
  options.max_open_files = 3;
  options.durable = false;  // fsync is not what this checks, and would make it slow
  RawArchive archive{options};
  struct Written {
    std::int32_t day;  // the record's Paris day, days since epoch
    std::int64_t seq;
    std::string raw;
  };
  std::vector<Written> all;
  std::int64_t seq = 0;
  while (all.size() < 800) {
    std::vector<ArchiveRecord> batch(static_cast<std::size_t>(random.integer(1, 60)));
    for (ArchiveRecord& r : batch) {
      r.seq = ++seq;
      r.occurred_at =
          at("2026-01-01T00:00:00Z") + std::chrono::minutes{random.integer(0, 90 * 24 * 60)};
      r.raw = R"({"id":"r)" + std::to_string(seq) + R"(","text":"é\"\\)" +
              letters(random, random.index(700)) + R"("})";
      all.push_back({days_since_epoch(paris_date(r.occurred_at)), r.seq, r.raw});
    }
    append_ok(archive, batch);
  }
  std::sort(all.begin(), all.end(), [](const Written& a, const Written& b) {
    return std::tie(a.day, a.seq) < std::tie(b.day, b.seq);
  });
  std::vector<std::string> expected;
  std::set<std::int32_t> days;
  for (const Written& w : all) {
    expected.push_back(w.raw);
    days.insert(w.day);
  }
  const ReadBack back = read_back(options.archive_dir);
  EXPECT_EQ(back.lines, expected);
  EXPECT_TRUE(back.report.issues.empty());
  EXPECT_GT(back.report.files, days.size());  // rotation made several files on some days
}

// Appends three one-record batches to one file; returns the file and its size after each.
std::pair<fs::path, std::vector<std::uintmax_t>> three_frames(const fs::path& dir,
                                                              std::vector<std::string>& raws_out) {
  RawArchive archive{options_for(dir)};
  std::vector<std::uintmax_t> sizes;
  const fs::path file =
      options_for(dir).archive_dir / "2026/11/24" / "part-0000000000000000001-1.jsonl.zst";
  for (std::int64_t seq = 1; seq <= 3; ++seq) {
    const ArchiveRecord r = record(seq, "2026-11-24T08:00:00+01:00");
    EXPECT_TRUE(archive.append(std::vector{r}));
    raws_out.push_back(r.raw);
    sizes.push_back(fs::file_size(file));
  }
  return {file, sizes};
}

TEST(ArchiveReader, FileCutInItsLastFrameYieldsTheCompleteFramesAndATornTail) {
  const TempDir dir;
  std::vector<std::string> written;
  const auto [file, sizes] = three_frames(dir.path(), written);
  fs::resize_file(file, sizes[1] + (sizes[2] - sizes[1]) / 2);  // a crash mid-write

  const ReadBack back = read_back(options_for(dir.path()).archive_dir);
  EXPECT_EQ(back.lines, std::vector<std::string>(written.begin(), written.begin() + 2));
  ASSERT_EQ(back.report.issues.size(), 1u);
  EXPECT_EQ(back.report.issues[0].kind, ReadIssueKind::torn_tail);
  EXPECT_EQ(back.report.issues[0].offset, sizes[1]);
  EXPECT_EQ(back.report.issues[0].file, file);
}

TEST(ArchiveReader, CorruptFrameSkipsTheRestOfItsFileOnly) {
  const TempDir dir;
  std::vector<std::string> written;
  const auto [file, sizes] = three_frames(dir.path(), written);
  {
    std::fstream bytes{file, std::ios::in | std::ios::out | std::ios::binary};
    bytes.seekp(static_cast<std::streamoff>(sizes[0] + (sizes[1] - sizes[0]) / 2));
    bytes.put('\xff');
  }
  RawArchive other_day{options_for(dir.path())};
  append_ok(other_day, {record(9, "2026-11-25T08:00:00+01:00")});

  const ReadBack back = read_back(options_for(dir.path()).archive_dir);
  EXPECT_EQ(back.lines,
            (std::vector<std::string>{written[0], record(9, "2026-11-25T08:00:00+01:00").raw}));
  ASSERT_EQ(back.report.issues.size(), 1u);
  EXPECT_EQ(back.report.issues[0].kind, ReadIssueKind::corrupt);
  EXPECT_EQ(back.report.issues[0].offset, sizes[0]);
}

TEST(ArchiveReader, MissingArchiveIsEmptyAndForeignEntriesAreIgnored) {
  const TempDir dir;
  const fs::path root = options_for(dir.path()).archive_dir;
  EXPECT_TRUE(read_back(root).lines.empty());
  fs::create_directories(root / "2026/11/24");
  fs::create_directories(root / "tmp");
  std::ofstream{root / "2026/11/24/notes.txt"} << "not an archive file";
  std::ofstream{root / "README"} << "not an archive file";
  const ReadBack back = read_back(root);
  EXPECT_TRUE(back.lines.empty());
  EXPECT_EQ(back.report.files, 0u);
}

}  // namespace
}  // namespace vigie::ingest
