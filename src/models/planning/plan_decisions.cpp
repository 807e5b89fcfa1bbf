#include "models/planning/plan_decisions.hpp"

#include <algorithm>
#include <map>

#include "events/data_fields.hpp"

namespace vigie::models::planning {
namespace {

// The week's acceptances by plan id: the first plan.accepted event of each (one per site, all
// written at once; a second acceptance stores nothing new).
Expected<std::map<std::string, PlanDecision>> week_acceptances(const store::Store& store,
                                                               const std::string& week) {
  std::map<std::string, PlanDecision> accepted;
  constexpr events::EventType kTypes[] = {events::EventType::plan_accepted};
  auto scanned = store.scan_events_of_types(0, kTypes, [&](std::int64_t, const events::Event& event) {
    const auto data = events::DataFields::of(event);
    if (!data || data->text("week") != week) return;
    const std::string plan_id{data->text("plan_id")};
    auto [found, inserted] = accepted.try_emplace(plan_id);
    PlanDecision& decision = found->second;
    if (!inserted && decision.at <= event.occurred_at) return;
    decision.kind = PlanDecision::Kind::accepted;
    decision.plan_id = plan_id;
    decision.by = data->text("accepted_by");
    decision.at = event.occurred_at;
  });
  if (!scanned) return scanned.error();
  return accepted;
}

}  // namespace

Expected<std::vector<PlanDecision>> week_decisions(const store::Store& store, const std::string& week) {
  auto accepted = week_acceptances(store, week);
  if (!accepted) return accepted.error();
  auto rejected = store.plan_rejections(week);
  if (!rejected) return rejected.error();
  std::vector<PlanDecision> decisions;
  for (auto& [id, decision] : *accepted) decisions.push_back(std::move(decision));
  for (store::PlanRejectionRow& row : *rejected) {
    decisions.push_back({PlanDecision::Kind::rejected, std::move(row.plan_id), std::move(row.rejected_by),
                         row.rejected_at, std::move(row.reason)});
  }
  std::stable_sort(decisions.begin(), decisions.end(),
                   [](const PlanDecision& a, const PlanDecision& b) { return a.at < b.at; });
  return decisions;
}

const PlanDecision* decision_of(const std::vector<PlanDecision>& decisions, const std::string& plan_id) {
  const auto found = std::find_if(decisions.begin(), decisions.end(),
                                  [&](const PlanDecision& d) { return d.plan_id == plan_id; });
  return found == decisions.end() ? nullptr : &*found;
}

void write_decision(JsonWriter& json, const PlanDecision& decision) {
  json.begin_object()
      .field("status", decision.kind == PlanDecision::Kind::accepted ? "accepted" : "rejected")
      .field("plan_id", decision.plan_id)
      .field("by", decision.by)
      .field("at", format_rfc3339_utc(decision.at));
  json.key("reason");
  if (decision.reason.empty()) json.null();
  else json.value(decision.reason);
  json.end_object();
}

std::string with_decisions(const std::string& plan, const std::string& plan_id,
                           const std::vector<PlanDecision>& decisions) {
  JsonWriter mine;
  if (const PlanDecision* decision = decision_of(decisions, plan_id)) write_decision(mine, *decision);
  else mine.null();
  JsonWriter all;
  all.begin_array();
  for (const PlanDecision& decision : decisions) write_decision(all, decision);
  all.end_array();
  return with_json_member(with_json_member(plan, "decision", mine.str()), "decisions", all.str());
}

}  // namespace vigie::models::planning
