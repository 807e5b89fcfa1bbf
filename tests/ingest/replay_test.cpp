#include "ingest/replay.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "events/parse.hpp"
#include "ingest/archiver.hpp"
#include "ingest/raw_archive.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::ingest {
namespace {

namespace fs = std::filesystem;
using vigie::testing::event_from;

// A company's history, in arrival order, in batches as senders would send them. Some of it is
// late, one site's first upsert occurs after an expense it received (backdated ERP data), and
// the last batch repeats an event (a retry), so replay meets all the orders it must survive.
std::vector<std::vector<std::string>> history() {
  using namespace vigie::testing;
  return {
      {site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00", 250'000),
       person_json("p1", "P-0001", "2026-01-05T08:00:00+01:00"),
       expense_json("e1", "CH-1", "2026-11-23T23:30:00Z", 1'250),
       expense_json("e2", "CH-1", "2026-11-24T09:00:00+01:00", 300)},
      {budget_json("b1", "CH-1", "2026-11-25T10:00:00+01:00", 260'000, 100'000),
       expense_json("e3", "CH-1", "2026-11-20T16:00:00+01:00", 75)},
      {site_json("s2", "CH-2", "2026-11-26T08:00:00+01:00", 90'000)},
      {expense_json("e4", "CH-2", "2026-11-02T10:00:00+01:00", 410),
       site_json("s1b", "CH-1", "2026-11-25T12:00:00+01:00", 270'000),
       completed_json("c1", "CH-1", "2026-12-18T17:00:00+01:00", "2026-12-18")},
      {expense_json("e1", "CH-1", "2026-11-23T23:30:00Z", 1'250)},
  };
}
constexpr std::uint64_t kHistoryEvents = 10;  // stored once each: the retried e1 is a duplicate

class ArchiveTest : public ::testing::Test {
 protected:
  std::unique_ptr<store::Store> open(const std::string& name) {
    auto opened = store::open_store({.engine = "sqlite", .path = dir_.file(name), .durable = true});
    EXPECT_TRUE(opened) << opened.error().describe();
    return opened ? std::move(*opened) : nullptr;
  }

  RawArchiveOptions archive_options() const { return {.archive_dir = archive_dir()}; }
  fs::path archive_dir() const { return dir_.path() / "lake" / "raw"; }

  static void submit_history(Pipeline& pipeline) {
    for (const auto& batch : history()) {
      std::vector<events::Event> events;
      for (const std::string& json : batch) events.push_back(event_from(json));
      const auto submitted = pipeline.submit_events(std::move(events));
      ASSERT_TRUE(submitted) << submitted.error().describe();
      ASSERT_TRUE(submitted->refused.empty()) << submitted->refused[0].error.describe();
    }
  }

  // Replays the archive into a new store; returns the store, the report in `report`.
  std::unique_ptr<store::Store> replayed(const std::string& name, ReplayReport& report) {
    auto fresh = open(name);
    Pipeline pipeline{*fresh, PipelineOptions{}};
    auto replay_result = replay(archive_dir(), pipeline, {}, {.chunk_events = 3});
    pipeline.shutdown();
    EXPECT_TRUE(replay_result) << replay_result.error().describe();
    if (replay_result) report = std::move(*replay_result);
    return fresh;
  }

  static void expect_same_content(const store::Store& original, const store::Store& rebuilt) {
    EXPECT_EQ(*rebuilt.event_count(), *original.event_count());
    const auto original_digest = original.content_digest();
    const auto rebuilt_digest = rebuilt.content_digest();
    ASSERT_TRUE(original_digest && rebuilt_digest);
    EXPECT_EQ(*rebuilt_digest, *original_digest);
  }

  vigie::testing::TempDir dir_;
  Logger logger_{LogLevel::warn};
};

TEST_F(ArchiveTest, ReplayOfTheArchiveRebuildsTheSameContent) {
  auto original = open("original.sqlite");
  {
    Pipeline pipeline{*original, PipelineOptions{}};
    Archiver archiver{*original, archive_options(), logger_};
    pipeline.add_observer(&archiver);
    archiver.start();
    submit_history(pipeline);
    pipeline.shutdown();
    archiver.stop();  // drains
  }
  ASSERT_EQ(*original->event_count(), kHistoryEvents);

  ReplayReport report;
  const auto rebuilt = replayed("rebuilt.sqlite", report);
  EXPECT_EQ(report.lines, kHistoryEvents);
  EXPECT_EQ(report.accepted, kHistoryEvents);
  EXPECT_EQ(report.duplicates, 0u);
  EXPECT_EQ(report.refused, 0u) << (report.refusals.empty() ? ""
                                                            : report.refusals[0].error.describe());
  EXPECT_TRUE(report.issues.empty());
  expect_same_content(*original, *rebuilt);
}

TEST_F(ArchiveTest, ANewArchiverCatchesUpWhatACrashLeftUnarchived) {
  auto original = open("original.sqlite");
  {
    Pipeline pipeline{*original, PipelineOptions{}};
    Archiver crashed{*original, archive_options(), logger_};  // never started: a kill -9
    pipeline.add_observer(&crashed);
    submit_history(pipeline);
    pipeline.shutdown();
  }
  EXPECT_FALSE(fs::exists(archive_dir()));
  EXPECT_EQ(*archive_watermark(*original), 0);

  Archiver restarted{*original, archive_options(), logger_};
  const auto archived = restarted.catch_up();
  ASSERT_TRUE(archived) << archived.error().describe();
  EXPECT_EQ(*archived, kHistoryEvents);
  EXPECT_EQ(*restarted.catch_up(), 0u);  // the watermark moved past them

  ReplayReport report;
  const auto rebuilt = replayed("rebuilt.sqlite", report);
  EXPECT_EQ(report.accepted, kHistoryEvents);
  expect_same_content(*original, *rebuilt);
}

// The crash fell between the archive's fsync and the watermark's update: the batch is archived
// twice, and replay ignores the second copy.
TEST_F(ArchiveTest, ACrashBeforeTheWatermarkMovesArchivesABatchTwiceAndLosesNothing) {
  auto original = open("original.sqlite");
  {
    Pipeline pipeline{*original, PipelineOptions{}};
    submit_history(pipeline);
  }
  std::vector<ArchiveRecord> first_batch;
  const auto scanned = original->scan_events(0, 4, [&](std::int64_t seq, const events::Event& e) {
    first_batch.push_back({seq, e.occurred_at, e.raw});
  });
  ASSERT_TRUE(scanned);
  {
    RawArchive before_crash{archive_options()};
    ASSERT_TRUE(before_crash.append(first_batch));
  }
  Archiver restarted{*original, archive_options(), logger_};
  ASSERT_TRUE(restarted.catch_up());

  ReplayReport report;
  const auto rebuilt = replayed("rebuilt.sqlite", report);
  EXPECT_EQ(report.lines, kHistoryEvents + first_batch.size());
  EXPECT_EQ(report.accepted, kHistoryEvents);
  EXPECT_EQ(report.duplicates, first_batch.size());
  expect_same_content(*original, *rebuilt);
}

TEST_F(ArchiveTest, AFailedPassLeavesTheWatermarkAndTheNextPassCompletes) {
  auto original = open("original.sqlite");
  {
    Pipeline pipeline{*original, PipelineOptions{}};
    submit_history(pipeline);
  }
  fs::create_directories(dir_.path());
  std::ofstream{dir_.path() / "lake"} << "a file where the lake should be";
  Archiver archiver{*original, archive_options(), logger_};
  const auto failed = archiver.catch_up();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::io);
  EXPECT_EQ(*archive_watermark(*original), 0);

  fs::remove(dir_.path() / "lake");
  const auto archived = archiver.catch_up();
  ASSERT_TRUE(archived) << archived.error().describe();
  EXPECT_EQ(*archived, kHistoryEvents);
}

TEST_F(ArchiveTest, MarkAllArchivedStopsTheArchiverWritingReplayedEventsAgain) {
  auto original = open("original.sqlite");
  {
    Pipeline pipeline{*original, PipelineOptions{}};
    submit_history(pipeline);
  }
  const auto marked = mark_all_archived(*original);
  ASSERT_TRUE(marked);
  EXPECT_EQ(*archive_watermark(*original), *marked);
  Archiver archiver{*original, archive_options(), logger_};
  EXPECT_EQ(*archiver.catch_up(), 0u);
  EXPECT_FALSE(fs::exists(archive_dir()));
}

TEST_F(ArchiveTest, ReplayReportsRefusedLinesByFileAndLine) {
  {
    RawArchive archive{archive_options()};
    const Instant day = parse_rfc3339("2026-11-24T08:00:00Z").value();
    const std::vector<ArchiveRecord> records = {
        {1, day, vigie::testing::site_json("s1", "CH-1", "2026-11-24T08:00:00Z")},
        {2, day, R"({"id":"broken")"},
        {3, day, vigie::testing::expense_json("e9", "CH-404", "2026-11-24T08:00:00Z", 10)},
        {4, day, vigie::testing::expense_json("e1", "CH-1", "2026-11-24T08:00:00Z", 10)},
    };
    ASSERT_TRUE(archive.append(records));
  }
  ReplayReport report;
  const auto rebuilt = replayed("rebuilt.sqlite", report);
  EXPECT_EQ(report.lines, 4u);
  EXPECT_EQ(report.accepted, 2u);
  EXPECT_EQ(report.refused, 2u);
  ASSERT_EQ(report.refusals.size(), 2u);
  const fs::path file = archive_dir() / "2026/11/24/part-0000000000000000001-1.jsonl.zst";
  EXPECT_EQ(report.refusals[0].file, file);
  EXPECT_EQ(report.refusals[0].line, 2u);
  EXPECT_EQ(report.refusals[0].error.field, "event");
  EXPECT_EQ(report.refusals[1].line, 3u);
  EXPECT_EQ(report.refusals[1].error.field, "site_id");
}

TEST(ArchiveLine, KeepsTheRawEnvelope) {
  const events::Event event =
      event_from(vigie::testing::expense_json("e1", "CH-1", "2026-11-24T08:00:00+01:00", 12.5));
  EXPECT_EQ(archive_line(event.raw), event.raw);
}

TEST(ArchiveLine, TurnsLineBreaksBetweenTokensIntoSpaces) {
  EXPECT_EQ(archive_line("{\"id\":\"e1\",\r\n\"type\":\"app.used\"}"), "{\"id\":\"e1\",  \"type\":\"app.used\"}");
}

}  // namespace
}  // namespace vigie::ingest
