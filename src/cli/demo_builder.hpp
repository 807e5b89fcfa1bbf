// cli/demo_builder.hpp
//
// Builds the demo company into a store through the normal ingestion pipeline, so the demo's
// events are validated exactly like a sender's, then records the simulator's truth per site.
#pragma once

#include <cstdint>

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
  double seconds = 0;
};

// `progress(events_so_far)` is called every chunk; may be empty.
Expected<DemoBuildReport> build_demo(store::Store& store, ingest::Pipeline& pipeline,
                                     const demo::DemoOptions& options,
                                     const std::function<void(std::uint64_t)>& progress);

// For `vigie serve --demo`: builds the default demo company only when the store has no event.
Expected<void> build_demo_if_empty(store::Store& store, ingest::Pipeline& pipeline,
                                   const Config& config, const Logger& log);

}  // namespace vigie::cli
