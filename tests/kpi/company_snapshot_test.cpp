// The KPI snapshot: the state as bytes and back (kpi/company_codec.hpp) and the file around
// them (kpi/company_snapshot.hpp). A round trip gives the same answers and the same bytes, and
// folds later events like the original; a truncated, damaged or foreign file is refused, never
// read as a wrong state.
#include "kpi/company_snapshot.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "common/file_io.hpp"
#include "kpi/company_codec.hpp"
#include "support/kpi_samples.hpp"
#include "support/random.hpp"
#include "support/temp_dir.hpp"

namespace vigie::kpi {
namespace {

const std::vector<events::Event>& sample_events() {
  static const std::vector<events::Event> events = testing::demo_events(6, 1);
  return events;
}

Company fold(std::span<const events::Event> events) {
  Company company;
  for (const auto& event : events) company.apply(event);
  company.refresh();
  return company;
}

// The demo company of six sites over a year: every event type, late events, items whose
// events arrive in any order.
const Company& sample_company() {
  static const Company company = fold(sample_events());
  return company;
}

const std::string& sample_bytes() {
  static const std::string bytes = encode_company(sample_company());
  return bytes;
}

TEST(CompanyCodec, ARoundTripGivesTheSameAnswersAndTheSameBytes) {
  const Company& original = sample_company();
  ASSERT_GE(original.sites().size(), 6u);
  ASSERT_FALSE(original.features().empty());
  const auto decoded = decode_company(sample_bytes(), original.settings());
  ASSERT_TRUE(decoded) << decoded.error().describe();
  EXPECT_EQ(encode_company(*decoded), sample_bytes());
  EXPECT_EQ(testing::reports_json(*decoded), testing::reports_json(original));
  EXPECT_EQ(decoded->features(), original.features());
  EXPECT_EQ(decoded->feature_id(original.features().back()), original.features().size() - 1);
}

TEST(CompanyCodec, AnEmptyCompanyRoundTrips) {
  const auto decoded = decode_company(encode_company(Company{}), {});
  ASSERT_TRUE(decoded) << decoded.error().describe();
  EXPECT_TRUE(decoded->sites().empty());
  EXPECT_EQ(encode_company(*decoded), encode_company(Company{}));
}

// What a load does after reading the snapshot: the events stored since are folded into it.
TEST(CompanyCodec, ADecodedStateFoldsLaterEventsLikeTheOriginal) {
  const auto& events = sample_events();
  const std::size_t cut = events.size() * 7 / 10;
  const Company first_part = fold(std::span(events).first(cut));
  auto decoded = decode_company(encode_company(first_part), {});
  ASSERT_TRUE(decoded) << decoded.error().describe();
  for (const auto& event : std::span(events).subspan(cut)) decoded->apply(event);
  decoded->refresh();
  EXPECT_EQ(encode_company(*decoded), sample_bytes());
  EXPECT_EQ(testing::reports_json(*decoded), testing::reports_json(sample_company()));
}

TEST(CompanyCodec, RefusesEveryTruncation) {
  const std::string& bytes = sample_bytes();
  std::vector<std::size_t> cuts;
  for (std::size_t cut = 0; cut < 256; ++cut) cuts.push_back(cut);
  for (std::size_t cut = 256; cut < bytes.size(); cut += bytes.size() / 300 + 1)
    cuts.push_back(cut);
  cuts.push_back(bytes.size() - 1);
  for (const std::size_t cut : cuts) {
    SCOPED_TRACE(cut);
    const auto decoded = decode_company(std::string_view{bytes}.substr(0, cut), {});
    ASSERT_FALSE(decoded);
    EXPECT_EQ(decoded.error().code, ErrorCode::invalid);
  }
  EXPECT_FALSE(decode_company(bytes + '\0', {}));
}

// The file's checksum keeps damaged bytes from the decoder; the decoder must still never read
// out of bounds, allocate blindly or break an invariant (ASan and UBSan watch this test).
TEST(CompanyCodec, DamagedBytesNeverCrashTheDecoder) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int trial = 0; trial < 300; ++trial) {
    std::string bytes = sample_bytes();
    const auto damaged = random.integer(1, 8);
    for (std::int64_t i = 0; i < damaged; ++i) {
      bytes[random.index(std::min<std::size_t>(bytes.size(), trial % 2 ? bytes.size() : 4096))] =
          static_cast<char>(random.integer(0, 255));
    }
    const auto decoded = decode_company(bytes, {});
    if (decoded) (void)encode_company(*decoded);
  }
}

class SnapshotFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    header_.watermark_seq = 1234;
    header_.watermark_event_id = "ev-1234";
    const auto written = write_snapshot(path_, header_, sample_bytes());
    ASSERT_TRUE(written) << written.error().describe();
    auto file = read_file(path_);
    ASSERT_TRUE(file);
    file_ = *file;
    EXPECT_EQ(*written, file_.size());
  }

  // Replaces the file's bytes; what SnapshotFile then makes of it.
  Expected<Company> read_back(std::string_view bytes, SnapshotHeader* header = nullptr) {
    const std::string_view parts[] = {bytes};
    EXPECT_TRUE(replace_file(path_, parts));
    auto file = SnapshotFile::open(path_);
    if (!file) return file.error();
    if (header != nullptr) *header = file->header();
    return file->company();
  }

  testing::TempDir dir_;
  std::filesystem::path path_ = dir_.path() / "kpi" / "aggregates.vks";  // kpi/ is created
  SnapshotHeader header_;
  std::string file_;
};

TEST_F(SnapshotFileTest, ReadsBackTheHeaderAndTheState) {
  SnapshotHeader header;
  const auto company = read_back(file_, &header);
  ASSERT_TRUE(company) << company.error().describe();
  EXPECT_EQ(header.watermark_seq, 1234);
  EXPECT_EQ(header.watermark_event_id, "ev-1234");
  EXPECT_TRUE(same_settings(header.settings, CompanySettings{}));
  EXPECT_EQ(encode_company(*company), sample_bytes());
  EXPECT_LT(file_.size(), sample_bytes().size() / 3);  // mostly zero days: compressed
}

TEST_F(SnapshotFileTest, AMissingFileIsNotFound) {
  const auto file = SnapshotFile::open(dir_.path() / "none.vks");
  ASSERT_FALSE(file);
  EXPECT_EQ(file.error().code, ErrorCode::not_found);
}

TEST_F(SnapshotFileTest, RefusesATruncatedFileOrOneWithBytesAfterIt) {
  for (const std::size_t cut :
       {std::size_t{0}, std::size_t{7}, std::size_t{16}, std::size_t{20}, std::size_t{40},
        file_.size() / 2, file_.size() - 5, file_.size() - 1}) {
    SCOPED_TRACE(cut);
    const auto company = read_back(std::string_view{file_}.substr(0, cut));
    ASSERT_FALSE(company);
    EXPECT_EQ(company.error().code, ErrorCode::invalid) << company.error().describe();
  }
  EXPECT_FALSE(read_back(file_ + "x"));
}

// Any byte of the file damaged: refused, or (a zstd window size made larger, say) read as the
// very same state — never a different one.
TEST_F(SnapshotFileTest, ADamagedByteIsRefusedOrChangesNothing) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < 80; ++i) positions.push_back(i);  // prefix and header frame
  for (std::size_t i = file_.size() - 16; i < file_.size(); ++i) positions.push_back(i);
  for (int i = 0; i < 120; ++i) positions.push_back(random.index(file_.size()));
  int refused = 0;
  for (const std::size_t position : positions) {
    SCOPED_TRACE(position);
    std::string damaged = file_;
    damaged[position] = static_cast<char>(damaged[position] ^ (1 << random.integer(0, 7)));
    SnapshotHeader header;
    const auto company = read_back(damaged, &header);
    if (!company) {
      ++refused;
      continue;
    }
    EXPECT_EQ(header.watermark_seq, 1234);
    EXPECT_EQ(header.watermark_event_id, "ev-1234");
    EXPECT_EQ(encode_company(*company), sample_bytes());
  }
  EXPECT_GT(refused, static_cast<int>(positions.size()) * 9 / 10);
}

TEST_F(SnapshotFileTest, RefusesAnotherFormatVersionOrLayout) {
  struct Case {
    const char* name;
    std::size_t offset;  // of the byte changed
    ErrorCode code;
  };
  constexpr Case kCases[] = {
      {"magic", 0, ErrorCode::invalid},
      {"format version", 8, ErrorCode::conflict},
      {"layout", 12, ErrorCode::conflict},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string changed = file_;
    ++changed[c.offset];
    const auto company = read_back(changed);
    ASSERT_FALSE(company);
    EXPECT_EQ(company.error().code, c.code) << company.error().describe();
  }
}

}  // namespace
}  // namespace vigie::kpi
