// kpi/company_snapshot.hpp
//
// The KPI state saved to a file, so that a start folds only the events stored since
// (docs/decisions/0007-kpi-snapshot.md). The file, `<data_dir>/kpi/aggregates.vks`:
//
//   "VIGIEKPI" | u32 kSnapshotFormatVersion | u32 state_layout()     the prefix, 16 bytes
//   zstd frame: the header                                           (SnapshotHeader, state size)
//   zstd frame: the state                                            (kpi/company_codec.hpp)
//
// The first 16 bytes are read as they are: a file of another version or layout is refused
// before anything is decompressed. Both frames carry zstd's content checksum, which is verified
// before a byte of them is decoded, and must fill the file exactly; the header says the size of
// the state, the settings it was folded with and its watermark: the state holds exactly the
// stored events with seq <= watermark_seq, and watermark_event_id, the id of the event at that
// seq, tells whether the store is still the one the state was folded from.
// Written atomically (common/file_io.hpp replace_file): a reader sees the old file or the new.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/expected.hpp"
#include "kpi/company.hpp"

namespace vigie::kpi {

// The meaning of a saved state. Bump it whenever what Company::apply() or contribution()
// (items.cpp) derive from an event changes — a new counter, a rule read differently, a bug fix
// in the fold — or when the encoding (company_codec.cpp) changes: a snapshot of another version
// is then ignored and the state folded again from every event, which is the rebuild.
// 2: incidents keep their label history; 3: accepted plans' savings (KPI 15); 4: chiefs' scores.
// 5: the teams' scores (respondent team); 6: the incidents' SLA hours among the settings.
inline constexpr std::uint32_t kSnapshotFormatVersion = 6;

struct SnapshotHeader {
  CompanySettings settings;
  std::int64_t watermark_seq = 0;  // the state holds exactly the events with seq <= this
  std::string watermark_event_id;  // the id of the event at watermark_seq; empty when 0
};

bool same_settings(const CompanySettings& a, const CompanySettings& b);

// Compresses `state` (encode_company of a state matching `header`) and replaces the file at
// `path` with it, creating its directory if needed. Returns the file's size in bytes.
Expected<std::uint64_t> write_snapshot(const std::filesystem::path& path,
                                       const SnapshotHeader& header, std::string_view state);

// A snapshot file whose first bytes and header checked out; the state is decoded on demand.
class SnapshotFile {
 public:
  // ErrorCode::not_found when there is no file; conflict when it is of another version or
  // layout; invalid when it is not a snapshot or is damaged (truncated, checksum wrong…);
  // io when it cannot be read.
  static Expected<SnapshotFile> open(const std::filesystem::path& path);

  const SnapshotHeader& header() const { return header_; }

  // Decompresses (checksum verified) and decodes the state, with the header's settings.
  // ErrorCode::invalid when it is damaged.
  Expected<Company> company() const;

 private:
  SnapshotFile(std::string file, std::size_t state_offset, SnapshotHeader header,
               std::uint64_t state_bytes)
      : file_(std::move(file)),
        state_offset_(state_offset),
        header_(std::move(header)),
        state_bytes_(state_bytes) {}

  std::string file_;          // the whole file, still compressed
  std::size_t state_offset_;  // where the state's frame starts
  SnapshotHeader header_;
  std::uint64_t state_bytes_;  // the state's size once decompressed
};

}  // namespace vigie::kpi
