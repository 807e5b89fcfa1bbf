// demo/demo_company.hpp
//
// The demo company: a seeded simulator of a building firm in Auvergne-Rhône-Alpes (towns, teams,
// chiefs, workers, managers, design office, vehicles) that writes the full event history of its
// sites. Its delays and overruns have causes inside them (docs/demo-company.md), and for each site
// it reports the true probability of finishing late that its own causal model implies, so that a
// model's score can be set against the best score possible on this data.
// Pure: no file, clock or network; the caller decides where the events go.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"

namespace vigie::demo {

struct DemoOptions {
  std::uint64_t seed = 1;
  int sites = 100;
  int years = 3;
  LocalDate end{};  // last simulated day (Paris); the CLI passes today by default
};

struct SiteTruth {  // what the simulator's own causal model implies for a site
  std::string site_id;
  double p_late = 0;  // true probability that actual_end > planned_end
  double expected_delay_days = 0;
  bool late = false;      // realised outcome (completed sites); false while active
  double delay_days = 0;  // realised days of delay (completed sites)
};

struct DemoSummary {
  std::uint64_t events = 0;
  std::vector<SiteTruth> truth;  // one per site, in site order
};

// Emits every event envelope as one compact JSON object (no newline) in non-decreasing
// occurred_at order; reference events (person/team/vehicle upserts, then each site.upserted)
// come before any event that names them. Deterministic: same options → same bytes.
// An `end` that is not a valid date stands for 2026-06-30, so that defaults stay reproducible.
DemoSummary generate(const DemoOptions& options,
                     const std::function<void(std::string_view json)>& emit);

}  // namespace vigie::demo
