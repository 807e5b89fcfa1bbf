// kpi/company_loader.hpp
//
// Builds the KPI state from the store (the CLI, and a server's start): from the snapshot file
// when one matches the store (kpi/company_snapshot.hpp) plus the events stored since, else by
// folding every stored event. Snapshots are written here too, after a load that had many
// events to fold, and by whoever holds a live state (the server, at a clean stop).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>

#include "common/expected.hpp"
#include "common/log.hpp"
#include "kpi/company.hpp"
#include "store/store.hpp"

namespace vigie::kpi {

// Every stored event folded, no snapshot read or written.
Expected<Company> load_company(const store::Store& store, CompanySettings settings = {});

struct LoadOptions {
  std::filesystem::path snapshot_path;  // Config::kpi_snapshot_path(); empty: no snapshot
  bool rebuild = false;                 // ignore the snapshot, fold every event, save anew
  // Save a snapshot after a load that folded at least this many events (a missing or stale
  // snapshot, or many events since it): the next load will not fold them again.
  std::uint64_t save_after_events = 100'000;
};

struct LoadedCompany {
  Company company;
  std::int64_t watermark_seq = 0;  // the state holds exactly the stored events with seq <= this
  bool from_snapshot = false;
  std::uint64_t events_folded = 0;  // read from the store by this load
  // The watermark of the snapshot file once the load is done (the one read with nothing to
  // add, or the one just written); nullopt when the file is older or missing.
  std::optional<std::int64_t> snapshot_watermark{};
  std::optional<Error> save_error{};  // a snapshot was due and could not be written
};

// Says on `log` (info; warn when the file is damaged) why a snapshot was not used, and when
// one is written. Fails only if the store does: a snapshot that cannot be used or written
// leaves the full fold, never a wrong state.
Expected<LoadedCompany> load_company(const store::Store& store, const CompanySettings& settings,
                                     const LoadOptions& options, const Logger& log);

// Writes `state` (encode_company, kpi/company_codec.hpp, of a state folded with `settings` and
// holding exactly the stored events with seq <= watermark_seq) as the snapshot at `path`,
// naming the store's event at the watermark. Logs what it wrote.
Expected<void> save_company_snapshot(const store::Store& store, const std::filesystem::path& path,
                                     const CompanySettings& settings, std::int64_t watermark_seq,
                                     std::string_view state, const Logger& log);

}  // namespace vigie::kpi
