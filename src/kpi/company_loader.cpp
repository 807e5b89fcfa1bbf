#include "kpi/company_loader.hpp"

#include <chrono>
#include <string>
#include <utility>

#include "kpi/company_codec.hpp"
#include "kpi/company_snapshot.hpp"

namespace vigie::kpi {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Folded {
  std::int64_t last_seq = 0;
  std::uint64_t events = 0;
};

// Folds the stored events with seq > after_seq into `company`, then refreshes it.
Expected<Folded> fold_events_after(const store::Store& store, Company& company,
                                   std::int64_t after_seq) {
  constexpr std::size_t kChunk = 100'000;
  Folded folded{after_seq, 0};
  for (;;) {
    auto last =
        store.scan_events(folded.last_seq, kChunk, [&](std::int64_t, const events::Event& event) {
          company.apply(event);
          ++folded.events;
        });
    if (!last) return last.error();
    if (*last == folded.last_seq) break;
    folded.last_seq = *last;
  }
  company.refresh();
  return folded;
}

// The id of the stored event with this seq: empty for seq 0 (the empty store), nullopt when
// the store has no such event.
Expected<std::optional<std::string>> event_id_at(const store::Store& store, std::int64_t seq) {
  if (seq == 0) return std::optional<std::string>{std::string{}};
  std::optional<std::string> id;
  auto visited = store.scan_events(seq - 1, 1, [&](std::int64_t found, const events::Event& event) {
    if (found == seq) id = event.id;
  });
  if (!visited) return visited.error();
  return id;
}

// A snapshot that is missing or of another version is expected (first start, an upgrade): info.
// A damaged one is not: warn.
void log_unusable(const Logger& log, const std::filesystem::path& path, const Error& error) {
  const std::string reason = error.describe();
  const std::string where = path.string();
  if (error.code == ErrorCode::not_found) {
    log.info("kpi snapshot not found; folding every event", {{"path", where}});
  } else if (error.code == ErrorCode::conflict) {
    log.info("kpi snapshot not used; folding every event", {{"path", where}, {"reason", reason}});
  } else {
    log.warn("kpi snapshot unreadable; folding every event", {{"path", where}, {"reason", reason}});
  }
}

struct Restored {
  Company company;
  std::int64_t watermark_seq = 0;
};

// The snapshot's state when it was folded with `settings` from this store; otherwise says why
// on `log` and returns nullopt. Fails only when the store does.
Expected<std::optional<Restored>> restore(const store::Store& store,
                                          const CompanySettings& settings,
                                          const std::filesystem::path& path, const Logger& log) {
  const auto started = Clock::now();
  auto file = SnapshotFile::open(path);
  if (!file) {
    log_unusable(log, path, file.error());
    return std::optional<Restored>{};
  }
  const SnapshotHeader& header = file->header();
  if (!same_settings(header.settings, settings)) {
    log_unusable(log, path, Error::make(ErrorCode::conflict, "folded with other KPI settings"));
    return std::optional<Restored>{};
  }
  auto id = event_id_at(store, header.watermark_seq);
  if (!id) return id.error();
  if (!*id || **id != header.watermark_event_id) {
    log_unusable(log, path,
                 Error::make(ErrorCode::conflict,
                             "the store's event at seq " + std::to_string(header.watermark_seq) +
                                 " is not the snapshot's: the store was replaced"));
    return std::optional<Restored>{};
  }
  auto company = file->company();
  if (!company) {
    log_unusable(log, path, company.error());
    return std::optional<Restored>{};
  }
  log.info("kpi snapshot read", {{"path", path.string()},
                                 {"watermark_seq", header.watermark_seq},
                                 {"seconds", seconds_since(started)}});
  return std::optional<Restored>{Restored{std::move(*company), header.watermark_seq}};
}

// Writes the snapshot, naming the store's event at the watermark; returns the file's size.
Expected<std::uint64_t> write_for_store(const store::Store& store,
                                        const std::filesystem::path& path,
                                        const CompanySettings& settings, std::int64_t watermark_seq,
                                        std::string_view state) {
  auto id = event_id_at(store, watermark_seq);
  if (!id) return id.error();
  if (!*id) {
    return Error::make(ErrorCode::conflict,
                       "no stored event has seq " + std::to_string(watermark_seq));
  }
  return write_snapshot(path, SnapshotHeader{settings, watermark_seq, **id}, state);
}

}  // namespace

Expected<Company> load_company(const store::Store& store, CompanySettings settings) {
  Company company(settings);
  auto folded = fold_events_after(store, company, 0);
  if (!folded) return folded.error();
  return company;
}

Expected<LoadedCompany> load_company(const store::Store& store, const CompanySettings& settings,
                                     const LoadOptions& options, const Logger& log) {
  const auto started = Clock::now();
  LoadedCompany loaded{Company(settings)};
  const bool with_snapshot = !options.snapshot_path.empty();
  if (with_snapshot && options.rebuild) {
    log.info("kpi snapshot ignored: rebuilding from every event",
             {{"path", options.snapshot_path.string()}});
  } else if (with_snapshot) {
    auto restored = restore(store, settings, options.snapshot_path, log);
    if (!restored) return restored.error();
    if (*restored) {
      loaded.company = std::move((*restored)->company);
      loaded.watermark_seq = (*restored)->watermark_seq;
      loaded.from_snapshot = true;
      loaded.snapshot_watermark = loaded.watermark_seq;
    }
  }
  auto folded = fold_events_after(store, loaded.company, loaded.watermark_seq);
  if (!folded) return folded.error();
  loaded.watermark_seq = folded->last_seq;
  loaded.events_folded = folded->events;
  log.info("kpi state ready", {{"from_snapshot", loaded.from_snapshot},
                               {"events_folded", static_cast<std::int64_t>(loaded.events_folded)},
                               {"watermark_seq", loaded.watermark_seq},
                               {"seconds", seconds_since(started)}});
  if (with_snapshot && (options.rebuild || loaded.events_folded >= options.save_after_events)) {
    const std::string state = encode_company(loaded.company);
    auto saved = save_company_snapshot(store, options.snapshot_path, settings, loaded.watermark_seq,
                                       state, log);
    if (saved) {
      loaded.snapshot_watermark = loaded.watermark_seq;
    } else {
      loaded.save_error = saved.error();
    }
  }
  return loaded;
}

Expected<void> save_company_snapshot(const store::Store& store, const std::filesystem::path& path,
                                     const CompanySettings& settings, std::int64_t watermark_seq,
                                     std::string_view state, const Logger& log) {
  const auto started = Clock::now();
  auto written = write_for_store(store, path, settings, watermark_seq, state);
  if (!written) {
    log.warn("kpi snapshot not written",
             {{"path", path.string()}, {"error", written.error().describe()}});
    return written.error();
  }
  log.info("kpi snapshot written", {{"path", path.string()},
                                    {"watermark_seq", watermark_seq},
                                    {"bytes", static_cast<std::int64_t>(*written)},
                                    {"state_bytes", static_cast<std::int64_t>(state.size())},
                                    {"seconds", seconds_since(started)}});
  return {};
}

}  // namespace vigie::kpi
