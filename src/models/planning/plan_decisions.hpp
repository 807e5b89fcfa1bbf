// models/planning/plan_decisions.hpp
//
// What people decided about the suggested plans of a week (issue 10, the planning view): a plan
// is accepted — its plan.accepted events, one per site, read back by plan id — or refused — the
// store's plan_rejections. Both outlive a restart, so a suggestion shown again still says who
// accepted or refused it, and when. One decision per plan: the first stands (plan_board.hpp
// refuses the other).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "common/json_writer.hpp"
#include "common/time.hpp"
#include "store/store.hpp"

namespace vigie::models::planning {

struct PlanDecision {
  enum class Kind : std::uint8_t { accepted, rejected };
  Kind kind = Kind::accepted;
  std::string plan_id;
  std::string by;
  Instant at{};        // an acceptance: its first plan.accepted event
  std::string reason;  // a refusal's, as given; empty otherwise
};

// The decisions about the plans of an ISO week ("2026-W50"), oldest first; the store's error
// when it cannot be read.
Expected<std::vector<PlanDecision>> week_decisions(const store::Store& store, const std::string& week);

// The decision about `plan_id` among `decisions`; nullptr when none.
const PlanDecision* decision_of(const std::vector<PlanDecision>& decisions, const std::string& plan_id);

// {"status":"accepted"|"rejected","plan_id":…,"by":…,"at":"…Z","reason":… or null}
void write_decision(JsonWriter& json, const PlanDecision& decision);

// `plan` (plan_json's text) with "decision" (this plan's, or null) and "decisions" (the week's,
// oldest first) added.
std::string with_decisions(const std::string& plan, const std::string& plan_id,
                           const std::vector<PlanDecision>& decisions);

}  // namespace vigie::models::planning
