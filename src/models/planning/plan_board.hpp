// models/planning/plan_board.hpp
//
// The server's side of planning (issue 8, point 3): GET /api/v1/plans/suggested plans a week
// from the store as it stands and keeps the suggestion under its id; POST
// /api/v1/plans/{id}/accept records exactly what was shown under that id as plan.accepted
// events, one per site (Vigie's own type, written through the ingest pipeline so that they are
// durable, archived and folded like any event). An accepted plan becomes the week's current
// plan (week_builder.hpp) and its savings feed KPI 15. POST /api/v1/plans/{id}/reject records
// its refusal in the store instead (who, when, why): the current plan stays, and the same
// suggestion shows as refused. A plan is accepted or refused once (plan_decisions.hpp); the
// suggestion carries the week's decisions.
//
// A week is solved again only when what the planner reads changed: the board keeps its history
// current from the store (what arrived since the last look) and reuses the plan of a suggestion
// already shown for the very same problem, so that the planning view opens at once and the same
// data always show the same plan. The server prepares the coming week in the background
// (cli/server_jobs.hpp). Thread-safe: one week is planned at a time, a second asker waits and
// reuses.
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "common/expected.hpp"
#include "events/event.hpp"
#include "models/planning/plan_decisions.hpp"
#include "models/planning/plan_json.hpp"
#include "models/planning/planning_history.hpp"
#include "models/planning/team_planner.hpp"
#include "store/store.hpp"

namespace vigie::models::planning {

// plan.accepted events, one per planned site, ids fixed by plan and site (accepting twice
// stores nothing more).
std::vector<events::Event> acceptance_events(const WeekProblem& problem, const WeekPlan& plan,
                                             const std::string& plan_id,
                                             const std::string& accepted_by,
                                             const std::string& actor_id, Instant at);

class PlanBoard {
 public:
  using SubmitEvents = std::function<Expected<std::size_t>(std::vector<events::Event>)>;
  // Attaches each site's predicted delay by team when a delay model is active (delay_effects.hpp;
  // empty: planning without it).
  using PredictDelays = std::function<Expected<void>(WeekProblem&)>;
  PlanBoard(store::Store& store, PlanningSettings settings, SubmitEvents submit,
            PredictDelays predict_delays = {});

  struct Shown {
    std::string id;
    std::string json;     // plan_json with the week's decisions (plan_decisions.hpp)
    bool solved = false;  // solved for this call; false: the plan of the same problem, reused
  };
  Expected<Shown> suggest(LocalDate monday);

  struct Accepted {
    std::string week;
    std::size_t sites = 0;
    std::size_t stored = 0;  // the others were already recorded
    PlanSavings savings;
    Instant at{};  // of the first acceptance
  };
  // nullopt: no suggestion shown under this id (never, or the server restarted since); a
  // conflict error when the plan was refused.
  Expected<std::optional<Accepted>> accept(const std::string& id, const std::string& accepted_by,
                                           const std::string& actor_id, Instant at);

  struct Rejected {
    std::string week;
    PlanDecision decision;
  };
  // Records the refusal of the plan shown under `id` with its reason (may be empty). nullopt:
  // no suggestion shown under this id; a conflict error naming who and when when the plan was
  // already accepted or refused.
  Expected<std::optional<Rejected>> reject(const std::string& id, const std::string& rejected_by,
                                           const std::string& reason, Instant at);

 private:
  struct Suggestion {
    WeekProblem problem;
    WeekPlan plan;
  };
  // The suggestion shown under `id` (nullptr when none), the mutex held.
  const Suggestion* shown(const std::string& id) const;
  // The plan of a suggestion shown for this very problem, if any.
  std::optional<WeekPlan> solved_before(const WeekProblem& problem) const;

  store::Store& store_;
  const PlanningSettings settings_;
  const SubmitEvents submit_;
  const PredictDelays predict_delays_;
  std::mutex plan_mutex_;  // one week planned at a time; guards the two below
  PlanningHistory history_;
  std::int64_t history_seq_ = 0;  // the store's events up to it are in history_
  mutable std::mutex mutex_;
  std::map<std::string, Suggestion> shown_;  // by id
  std::mutex decide_mutex_;  // one decision at a time: an acceptance and a refusal never cross
};

}  // namespace vigie::models::planning
