// ingest/replay.hpp
//
// `vigie replay`: rebuilds an empty store from the raw archive. The archived envelopes go through
// events::parse_event and the Pipeline like events from any other door, so the rebuilt store
// holds the same content (Store::content_digest) as the one that wrote the archive.
//
// Two passes over the archive: first the site.upserted events, then all the others. The archive
// is in day order, but a site's first upsert may carry a later occurred_at than events the site
// received (backdated ERP data, a phone offline for days), and the pipeline refuses an event for
// a site it does not know yet. Entities are placed by occurred_at, not by arrival, so submitting
// the sites first changes nothing else. A line in the archive twice (a batch archived again after
// a crash) is a duplicate, which idempotency ignores.
//
// Preconditions (the CLI checks them): the pipeline's store is empty — check
// Store::event_count() == 0 and refuse otherwise, since replaying over other data would not give
// the archived content — and no Archiver observes that pipeline (it would archive every event
// again). After a replay from the store's own archive, call mark_all_archived() so that the
// archiver does not write them again either.
// Thread: runs on the caller's thread; each chunk blocks until the pipeline made it durable.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <vector>

#include "common/expected.hpp"
#include "ingest/archive_reader.hpp"
#include "ingest/pipeline.hpp"

namespace vigie::ingest {

enum class ReplayPhase : std::uint8_t { sites, events };

struct ReplayRefusal {
  std::filesystem::path file;
  std::uint64_t line = 0;  // 1-based line within the (decompressed) file
  Error error;
};

struct ReplayReport {
  ReplayPhase phase = ReplayPhase::sites;  // where a progress report stands
  std::uint64_t lines = 0;                 // archive lines, counted in the events pass
  std::uint64_t accepted = 0;              // accepted + duplicates + refused == lines, once done
  std::uint64_t duplicates = 0;
  std::uint64_t refused = 0;
  std::vector<ReplayRefusal> refusals;  // the first ReplayOptions::max_listed_refusals
  std::vector<ReadIssue> issues;        // torn or corrupt frames met (events pass)
};

struct ReplayOptions {
  std::size_t chunk_events = 10'000;  // events per Pipeline::submit_events (one fsync each)
  std::size_t max_listed_refusals = 1'000;
};

// Called after each chunk is durable, on the caller's thread.
using ReplayProgress = std::function<void(const ReplayReport& so_far)>;

// Replays every line under archive_dir (`<data_dir>/lake/raw`, Config::lake_dir()). Fails (io)
// if the archive cannot be read, or with the store's error if a chunk cannot be stored; the
// store then holds part of the archive and must be emptied before trying again.
Expected<ReplayReport> replay(const std::filesystem::path& archive_dir, Pipeline& pipeline,
                              const ReplayProgress& progress = {},
                              const ReplayOptions& options = {});

}  // namespace vigie::ingest
