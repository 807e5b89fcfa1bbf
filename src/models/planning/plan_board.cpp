#include "models/planning/plan_board.hpp"

#include <chrono>

#include "common/fnv_hash.hpp"
#include "common/iso_week.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "events/catalogue.hpp"
#include "events/parse.hpp"
#include "models/planning/planning_history.hpp"
#include "models/planning/week_builder.hpp"

namespace vigie::models::planning {
namespace {

constexpr std::size_t kShownKept = 64;  // suggestions remembered (beyond, one is forgotten)

// 409: a plan is accepted or refused once, and the first decision stands.
Error already_decided(const PlanDecision& decision) {
  const bool accepted = decision.kind == PlanDecision::Kind::accepted;
  return Error::make(ErrorCode::conflict, "plan " + decision.plan_id + " was already " +
                                              (accepted ? "accepted" : "rejected") + " by " +
                                              decision.by + " at " + format_rfc3339_utc(decision.at));
}

std::string acceptance_id(const std::string& plan_id, const std::string& site_id) {
  std::string id = "plan:" + plan_id + ":" + site_id;
  if (id.size() <= events::kMaxIdLength) return id;
  return "plan:" + plan_id + ":" + Fnv1a{}.add(site_id).hex();
}

}  // namespace

std::vector<events::Event> acceptance_events(const WeekProblem& problem, const WeekPlan& plan,
                                             const std::string& plan_id,
                                             const std::string& accepted_by,
                                             const std::string& actor_id, Instant at) {
  std::vector<events::Event> out;
  for (const SitePlanLine& line : plan.lines) {
    JsonWriter envelope;
    envelope.begin_object()
        .field("id", acceptance_id(plan_id, line.site_id))
        .field("type", events::type_name(events::EventType::plan_accepted))
        .field("site_id", line.site_id)
        .field("occurred_at", format_paris_rfc3339(at))
        .field("source", events::source_name(events::Source::vigie));
    envelope.key("actor_id");
    if (actor_id.empty()) envelope.null();
    else envelope.value(actor_id);
    envelope.key("data").begin_object()
        .field("plan_id", plan_id)
        .field("week", format_iso_week(problem.monday))
        .field("team_id", line.team_id);
    envelope.key("previous_team_id");
    if (line.current_team_id.empty()) envelope.null();
    else envelope.value(line.current_team_id);
    envelope.field("km_saved", line.current.km - line.suggested.km)
        .field("travel_hours_saved", line.current.travel_hours - line.suggested.travel_hours)
        .field("accepted_by", accepted_by)
        .end_object()
        .end_object();
    auto event = events::parse_event(envelope.str(), events::Origin::vigie);
    if (event) out.push_back(std::move(*event));  // built here from checked values: always valid
  }
  return out;
}

PlanBoard::PlanBoard(store::Store& store, PlanningSettings settings, SubmitEvents submit,
                     PredictDelays predict_delays)
    : store_(store),
      settings_(settings),
      submit_(std::move(submit)),
      predict_delays_(std::move(predict_delays)) {}

Expected<PlanBoard::Shown> PlanBoard::suggest(LocalDate monday) {
  const std::lock_guard planning(plan_mutex_);
  auto caught_up = catch_up_planning_history(store_, history_seq_, history_);
  if (!caught_up) return caught_up.error();
  history_seq_ = *caught_up;
  Suggestion suggestion{week_problem(history_, monday, settings_), {}};
  if (predict_delays_) {
    if (auto predicted = predict_delays_(suggestion.problem); !predicted) return predicted.error();
  }
  Shown shown;
  if (auto same = solved_before(suggestion.problem)) {
    suggestion.plan = std::move(*same);
  } else {
    suggestion.plan = plan_week(suggestion.problem, settings_);
    shown.solved = true;
  }
  auto decisions = week_decisions(store_, format_iso_week(monday));
  if (!decisions) return decisions.error();
  shown.id = plan_id(suggestion.problem, suggestion.plan);
  shown.json = with_decisions(plan_json(suggestion.problem, suggestion.plan, settings_, shown.id),
                              shown.id, *decisions);
  const std::lock_guard lock(mutex_);
  if (shown_.size() >= kShownKept && !shown_.contains(shown.id)) shown_.erase(shown_.begin());
  shown_.insert_or_assign(shown.id, std::move(suggestion));
  return shown;
}

std::optional<WeekPlan> PlanBoard::solved_before(const WeekProblem& problem) const {
  const std::lock_guard lock(mutex_);
  for (const auto& [id, suggestion] : shown_) {
    if (suggestion.problem == problem) return suggestion.plan;
  }
  return std::nullopt;
}

const PlanBoard::Suggestion* PlanBoard::shown(const std::string& id) const {
  const auto found = shown_.find(id);
  return found == shown_.end() ? nullptr : &found->second;
}

Expected<std::optional<PlanBoard::Accepted>> PlanBoard::accept(const std::string& id,
                                                                const std::string& accepted_by,
                                                                const std::string& actor_id,
                                                                Instant at) {
  const std::lock_guard decide(decide_mutex_);
  std::vector<events::Event> batch;
  Accepted accepted;
  {
    const std::lock_guard lock(mutex_);
    const Suggestion* suggestion = shown(id);
    if (suggestion == nullptr || !suggestion->plan.found) return std::optional<Accepted>{};
    batch = acceptance_events(suggestion->problem, suggestion->plan, id, accepted_by, actor_id, at);
    accepted.week = format_iso_week(suggestion->problem.monday);
    accepted.savings = plan_savings(suggestion->plan, settings_);
  }
  auto decisions = week_decisions(store_, accepted.week);
  if (!decisions) return decisions.error();
  const PlanDecision* earlier = decision_of(*decisions, id);
  if (earlier != nullptr && earlier->kind == PlanDecision::Kind::rejected) return already_decided(*earlier);
  // The events keep the second (format_paris_rfc3339): the time read back is that one.
  accepted.at = earlier != nullptr ? earlier->at : Instant{std::chrono::floor<std::chrono::seconds>(at)};
  accepted.sites = batch.size();
  auto stored = submit_(std::move(batch));
  if (!stored) return stored.error();
  accepted.stored = *stored;
  return std::optional<Accepted>{accepted};
}

Expected<std::optional<PlanBoard::Rejected>> PlanBoard::reject(const std::string& id,
                                                                const std::string& rejected_by,
                                                                const std::string& reason, Instant at) {
  const std::lock_guard decide(decide_mutex_);
  Rejected rejected;
  {
    const std::lock_guard lock(mutex_);
    const Suggestion* suggestion = shown(id);
    if (suggestion == nullptr || !suggestion->plan.found) return std::optional<Rejected>{};
    rejected.week = format_iso_week(suggestion->problem.monday);
  }
  auto decisions = week_decisions(store_, rejected.week);
  if (!decisions) return decisions.error();
  if (const PlanDecision* earlier = decision_of(*decisions, id)) return already_decided(*earlier);
  rejected.decision = {PlanDecision::Kind::rejected, id, rejected_by, at, reason};
  auto added = store_.add_plan_rejection({id, rejected.week, rejected_by, at, reason});
  if (!added) return added.error();
  if (!*added) return Error::make(ErrorCode::conflict, "plan " + id + " was already rejected");
  return std::optional<Rejected>{std::move(rejected)};
}

}  // namespace vigie::models::planning
