// cli/demo_builder.hpp
//
// Builds the demo company into a store through the normal ingestion pipeline, so the demo's
// events are validated exactly like a sender's, then records the simulator's truth per site.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "common/config.hpp"
#include "common/log.hpp"
#include "demo/demo_company.hpp"
#include "ingest/pipeline.hpp"
#include "store/store.hpp"

namespace vigie::cli {

struct DemoBuildReport {
  std::uint64_t generated = 0;
  std::uint64_t accepted = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t refused = 0;
  std::uint64_t later = 0;  // after `not_after`: not stored
  double seconds = 0;
};

// `progress(events_so_far)` is called every chunk; may be empty. A demo that ends today is cut at
// `not_after` (now): the simulation runs to the end of the day, but a company seen at 10:00 has
// only what happened by 10:00 — no incident "opened" at 15:00.
Expected<DemoBuildReport> build_demo(store::Store& store, ingest::Pipeline& pipeline,
                                     const demo::DemoOptions& options,
                                     const std::function<void(std::uint64_t)>& progress,
                                     std::optional<Instant> not_after = std::nullopt);

// The cut of a demo ending on `end`: now when that is today (Paris), none for a past day.
std::optional<Instant> demo_cut(LocalDate end);

// For `vigie serve --demo`: builds the default demo company only when the store has no event.
Expected<void> build_demo_if_empty(store::Store& store, ingest::Pipeline& pipeline,
                                   const Config& config, const Logger& log);

}  // namespace vigie::cli
