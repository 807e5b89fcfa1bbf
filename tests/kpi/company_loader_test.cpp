// Loading the KPI state from a real store and the snapshot file: the snapshot is used when it
// matches the store, and only the events stored since are folded; a missing, damaged, foreign
// or stale snapshot is left for the full fold, said in the log, and the figures stay right.
#include "kpi/company_loader.hpp"

#include <gtest/gtest.h>

#include <cstdio>

#include "common/file_io.hpp"
#include "kpi/company_codec.hpp"
#include "support/kpi_samples.hpp"
#include "support/temp_dir.hpp"

namespace vigie::kpi {
namespace {

const std::vector<events::Event>& sample_events() {
  static const std::vector<events::Event> events = testing::demo_events(2, 1);
  return events;
}

struct LogFile {  // a Logger writing to a temporary file the test reads
  std::FILE* file = std::tmpfile();
  Logger log{LogLevel::info, file};
  ~LogFile() { std::fclose(file); }
  std::string text() const {
    std::fflush(file);
    std::string content;
    std::rewind(file);
    char buffer[4096];
    while (const std::size_t got = std::fread(buffer, 1, sizeof buffer, file))
      content.append(buffer, got);
    return content;
  }
};

class CompanyLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open(dir_.file("vigie.sqlite")); }

  static std::unique_ptr<store::Store> open(const std::string& path) {
    auto opened = store::open_store({"sqlite", path, false});
    EXPECT_TRUE(opened) << opened.error().describe();
    return opened ? std::move(*opened) : nullptr;
  }

  static void append(store::Store& store, std::span<const events::Event> events) {
    for (std::size_t begin = 0; begin < events.size(); begin += 5000) {
      const auto appended =
          store.append(events.subspan(begin, std::min<std::size_t>(5000, events.size() - begin)));
      ASSERT_TRUE(appended) << appended.error().describe();
    }
  }

  // Loads through the snapshot at path_, saving after `save_after` folded events.
  LoadedCompany load(std::uint64_t save_after, bool rebuild = false,
                     const store::Store* store = nullptr, CompanySettings settings = {}) {
    LoadOptions options{path_, rebuild, save_after};
    auto loaded = load_company(store ? *store : *store_, settings, options, log_.log);
    EXPECT_TRUE(loaded) << loaded.error().describe();
    return std::move(*loaded);
  }

  // The figures of every stored event folded from scratch.
  std::string full_fold_reports(const store::Store& store) {
    auto company = load_company(store);
    EXPECT_TRUE(company);
    return testing::reports_json(*company);
  }

  std::int64_t last_seq() { return *store_->last_seq(); }
  std::uint64_t event_count() { return *store_->event_count(); }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_.path() / "kpi" / "aggregates.vks";
  std::unique_ptr<store::Store> store_;
  LogFile log_;
};

TEST_F(CompanyLoaderTest, WithoutASnapshotFoldsEverythingThenTheNextLoadReadsIt) {
  append(*store_, sample_events());
  const LoadedCompany first = load(1000);
  EXPECT_FALSE(first.from_snapshot);
  EXPECT_EQ(first.events_folded, event_count());
  EXPECT_EQ(first.watermark_seq, last_seq());
  EXPECT_EQ(first.snapshot_watermark, last_seq());
  EXPECT_NE(log_.text().find("kpi snapshot not found"), std::string::npos) << log_.text();
  EXPECT_NE(log_.text().find("kpi snapshot written"), std::string::npos) << log_.text();

  const LoadedCompany second = load(1000);
  EXPECT_TRUE(second.from_snapshot);
  EXPECT_EQ(second.events_folded, 0u);
  EXPECT_EQ(second.watermark_seq, last_seq());
  EXPECT_EQ(encode_company(second.company), encode_company(first.company));
  EXPECT_EQ(testing::reports_json(second.company), full_fold_reports(*store_));
  EXPECT_NE(log_.text().find("kpi snapshot read"), std::string::npos) << log_.text();
}

TEST_F(CompanyLoaderTest, EventsStoredAfterTheSnapshotAreFolded) {
  const auto& events = sample_events();
  const std::size_t cut = events.size() * 7 / 10;
  append(*store_, std::span(events).first(cut));
  const std::int64_t snapshot_seq = load(0).watermark_seq;
  append(*store_, std::span(events).subspan(cut));

  const LoadedCompany loaded = load(1'000'000);  // too few new events to save again
  EXPECT_TRUE(loaded.from_snapshot);
  EXPECT_EQ(loaded.events_folded, event_count() - static_cast<std::uint64_t>(snapshot_seq));
  EXPECT_EQ(loaded.watermark_seq, last_seq());
  EXPECT_EQ(loaded.snapshot_watermark, snapshot_seq);  // the file still holds the older state
  EXPECT_EQ(testing::reports_json(loaded.company), full_fold_reports(*store_));

  EXPECT_EQ(load(1).snapshot_watermark, last_seq());  // over the threshold: saved anew
  EXPECT_EQ(load(1).events_folded, 0u);
}

TEST_F(CompanyLoaderTest, ADamagedOrForeignSnapshotIsLeftForTheFullFold) {
  append(*store_, sample_events());
  const std::string expected = full_fold_reports(*store_);
  (void)load(0);
  const auto good = read_file(path_);
  ASSERT_TRUE(good);
  struct Case {
    const char* name;
    std::string bytes;
    const char* logged;
  };
  std::string flipped = *good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x10);
  std::string other_version = *good;
  ++other_version[8];
  const Case cases[] = {
      {"empty", "", R"("level":"warn","msg":"kpi snapshot unreadable)"},
      {"truncated", good->substr(0, good->size() / 2), "kpi snapshot unreadable"},
      {"a bit flipped", flipped, "kpi snapshot unreadable"},
      {"another format version", other_version, R"("level":"info","msg":"kpi snapshot not used)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string_view parts[] = {c.bytes};
    ASSERT_TRUE(replace_file(path_, parts));
    const LoadedCompany loaded = load(1'000'000);
    EXPECT_FALSE(loaded.from_snapshot);
    EXPECT_EQ(loaded.events_folded, event_count());
    EXPECT_EQ(testing::reports_json(loaded.company), expected);
    EXPECT_NE(log_.text().find(c.logged), std::string::npos) << log_.text();
  }
}

// `vigie replay` into a new store renumbers the events: the snapshot's watermark seq then holds
// another event (or none), and the snapshot describes other events than the store's.
TEST_F(CompanyLoaderTest, AStoreWithAnotherEventAtTheWatermarkIsDetected) {
  const auto& events = sample_events();
  append(*store_, events);
  (void)load(0);

  const std::vector<events::Event> reversed(events.rbegin(), events.rend());
  const auto replayed = open(dir_.file("replayed.sqlite"));
  append(*replayed, reversed);
  const LoadedCompany loaded = load(1'000'000, false, replayed.get());
  EXPECT_FALSE(loaded.from_snapshot);
  EXPECT_EQ(loaded.events_folded, events.size());
  EXPECT_EQ(testing::reports_json(loaded.company), full_fold_reports(*replayed));
  EXPECT_NE(log_.text().find("is not the snapshot's: the store was replaced"), std::string::npos)
      << log_.text();

  const auto shorter = open(dir_.file("shorter.sqlite"));
  append(*shorter, std::span(events).first(events.size() / 2));
  EXPECT_FALSE(load(1'000'000, false, shorter.get()).from_snapshot);
}

TEST_F(CompanyLoaderTest, ASnapshotFoldedWithOtherSettingsIsNotUsed) {
  append(*store_, sample_events());
  (void)load(0);
  CompanySettings settings;
  settings.request_sla_hours = 48;
  const LoadedCompany loaded = load(1'000'000, false, nullptr, settings);
  EXPECT_FALSE(loaded.from_snapshot);
  EXPECT_EQ(loaded.company.settings().request_sla_hours, 48);
  EXPECT_NE(log_.text().find("folded with other KPI settings"), std::string::npos) << log_.text();
}

TEST_F(CompanyLoaderTest, RebuildIgnoresAGoodSnapshotAndWritesAFreshOne) {
  const auto& events = sample_events();
  append(*store_, std::span(events).first(events.size() / 2));
  (void)load(0);
  append(*store_, std::span(events).subspan(events.size() / 2));

  const LoadedCompany rebuilt = load(1'000'000, true);
  EXPECT_FALSE(rebuilt.from_snapshot);
  EXPECT_EQ(rebuilt.events_folded, event_count());
  EXPECT_EQ(rebuilt.snapshot_watermark, last_seq());
  EXPECT_FALSE(rebuilt.save_error);
  const LoadedCompany next = load(1'000'000);
  EXPECT_TRUE(next.from_snapshot);
  EXPECT_EQ(next.events_folded, 0u);
  EXPECT_EQ(testing::reports_json(next.company), full_fold_reports(*store_));
}

TEST_F(CompanyLoaderTest, AnEmptyStoreHasASnapshotToo) {
  EXPECT_EQ(load(0, true).snapshot_watermark, 0);
  const LoadedCompany loaded = load(0);
  EXPECT_TRUE(loaded.from_snapshot);
  EXPECT_TRUE(loaded.company.sites().empty());
}

TEST_F(CompanyLoaderTest, ASnapshotThatCannotBeWrittenIsReportedNotFatal) {
  append(*store_, std::span(sample_events()).first(100));
  const std::string_view parts[] = {"a file where the kpi directory should be"};
  ASSERT_TRUE(replace_file(dir_.path() / "kpi", parts));
  const LoadedCompany loaded = load(0);
  EXPECT_EQ(loaded.events_folded, 100u);
  ASSERT_TRUE(loaded.save_error);
  EXPECT_EQ(loaded.save_error->code, ErrorCode::io);
  EXPECT_FALSE(loaded.snapshot_watermark);
  EXPECT_NE(log_.text().find("kpi snapshot not written"), std::string::npos) << log_.text();
}

}  // namespace
}  // namespace vigie::kpi
