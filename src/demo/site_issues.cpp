// What goes wrong on a site and how the office answers: incidents (with the chief's own labels,
// sometimes wrong or missing, some corrected later by the design office), requests, and plan
// changes. Open items slow the work down (issues_loss) until they are resolved.
#include <algorithm>
#include <span>

#include "common/json_writer.hpp"
#include "demo/incident_texts.hpp"
#include "demo/site_steps.hpp"
#include "events/catalogue.hpp"

namespace vigie::demo {
namespace {

using events::EventType;
using events::Source;
using Names = std::span<const std::string_view>;

constexpr double kNoLabels = 0.08;
constexpr double kLabelAbsent = 0.10;
constexpr double kLabelNull = 0.03;

int design_office_member(World& world, Rng& rng) {
  return world.company.design_office[rng.below(world.company.design_office.size())];
}

// One of the chief's labels: absent, null, wrong (another value, or a neighbouring one for the
// ordered scales) or right. Returns true when it is not right.
bool write_label(JsonWriter& out, Rng& rng, std::string_view name, Names values, int truth,
                 double p_wrong, bool ordered) {
  const double u = rng.uniform();
  if (u < kLabelAbsent) return true;
  out.key(name);
  if (u < kLabelAbsent + kLabelNull) {
    out.null();
    return true;
  }
  int given = truth;
  if (rng.chance(p_wrong)) {
    const int size = static_cast<int>(values.size());
    given = ordered ? std::clamp(truth + (rng.chance(0.5) ? 1 : -1), 0, size - 1)
                    : (truth + rng.between(1, size - 1)) % size;
  }
  out.value(values[given]);
  return given != truth;
}

std::uint8_t write_chief_labels(JsonWriter& out, Rng& rng, const OpenIncident& incident) {
  if (rng.chance(kNoLabels)) return 0b111;
  std::uint8_t wrong = 0;
  if (write_label(out, rng, "category", events::kIncidentCategories,
                  static_cast<int>(incident.category), 0.10, false)) wrong |= 1;
  if (write_label(out, rng, "severity", events::kSeverities, static_cast<int>(incident.severity),
                  0.18, true)) wrong |= 2;
  if (write_label(out, rng, "urgency", events::kUrgencies, static_cast<int>(incident.urgency),
                  0.18, true)) wrong |= 4;
  return wrong;
}

void schedule_answers(World& world, int site, OpenIncident& incident) {
  Rng& rng = world.sites[site].rng;
  const double slowness = world.drivers[site].answer_slowness;
  incident.handler = incident.category == IncidentCategory::technical
                         ? design_office_member(world, rng)
                         : world.plans[site].manager;
  incident.taken_at = office_time(
      after_hours(incident.opened_at, take_hours(rng, incident.urgency, slowness)));
  incident.resolved_at = office_time(
      after_hours(incident.taken_at, resolve_hours(rng, incident.severity, slowness)));
  const double p_relabel = incident.category == IncidentCategory::technical ? 0.8 : 0.6;
  if (incident.wrong_labels != 0 && rng.chance(p_relabel)) {
    incident.relabeller = design_office_member(world, rng);
    incident.relabelled_at = office_time(incident.taken_at + rng.between(300, 3600));
  }
}

void open_incident(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  Rng& rng = state.rng;
  OpenIncident incident;
  incident.id = numbered_id("INC", ++world.counters.incidents, 6);
  incident.category = draw_category(rng, world.drivers[site]);
  incident.severity = draw_severity(rng, world.drivers[site]);
  incident.urgency = urgency_for(rng, incident.category, incident.severity);
  incident.opened_at = at(clock.day, 7, 30) + rng.between(0, 10 * 3600);
  JsonWriter data;
  data.begin_object().field("incident_id", incident.id);
  data.field("description", incident_description(rng, incident.category, incident.severity));
  incident.wrong_labels = write_chief_labels(data, rng, incident);
  data.end_object();
  world.add(site, incident.opened_at, EventType::incident_opened, Source::mobile,
            world.chief_of(site), data.take());
  schedule_answers(world, site, incident);
  state.incidents.push_back(std::move(incident));
}

void open_request(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  Rng& rng = state.rng;
  OpenRequest request;
  request.id = numbered_id("DEM", ++world.counters.requests, 6);
  request.kind = draw_request_kind(rng);
  request.opened_at = at(clock.day, 8, 0) + rng.between(0, 8 * 3600 + 1800);
  request.handler = request.kind == RequestKind::material ? world.plans[site].manager
                                                          : design_office_member(world, rng);
  request.resolved_at = office_time(after_hours(
      request.opened_at, answer_hours(rng, request.kind, world.drivers[site].answer_slowness)));
  JsonWriter data;
  data.begin_object().field("request_id", request.id);
  data.field("kind", events::kRequestKinds[static_cast<int>(request.kind)]);
  data.field("description", request_description(rng, request.kind)).end_object();
  world.add(site, request.opened_at, EventType::request_opened, Source::mobile,
            world.chief_of(site), data.take());
  state.requests.push_back(std::move(request));
}

void change_plan(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  state.effort += kPlanChangeEffortDays;
  ++state.revision;
  const Stamp when = at(clock.day, 9, 0) + state.rng.between(0, 8 * 3600);
  JsonWriter data;
  data.begin_object().field("revision", state.revision);
  data.field("note", plan_change_note(state.rng, state.revision)).end_object();
  world.add(site, when, EventType::plan_modified, Source::web,
            design_office_member(world, state.rng), data.take());
  if (state.rng.chance(0.5)) revise_budget(world, site, when + 1200);
}

void emit_taken(World& world, int site, const OpenIncident& incident) {
  JsonWriter data;
  data.begin_object().field("incident_id", incident.id);
  data.field("by", world.person_id(incident.handler)).end_object();
  world.add(site, incident.taken_at, EventType::incident_taken, Source::web, incident.handler,
            data.take());
}

// The design office puts right what the chief got wrong or left out.
void emit_relabelled(World& world, int site, const OpenIncident& incident) {
  JsonWriter data;
  data.begin_object().field("incident_id", incident.id);
  if (incident.wrong_labels & 1) {
    data.field("category", events::kIncidentCategories[static_cast<int>(incident.category)]);
  }
  if (incident.wrong_labels & 2) {
    data.field("severity", events::kSeverities[static_cast<int>(incident.severity)]);
  }
  if (incident.wrong_labels & 4) {
    data.field("urgency", events::kUrgencies[static_cast<int>(incident.urgency)]);
  }
  world.add(site, incident.relabelled_at, EventType::incident_relabelled, Source::web,
            incident.relabeller, data.end_object().take());
}

void emit_resolved(World& world, int site, const OpenIncident& incident) {
  JsonWriter data;
  data.begin_object().field("incident_id", incident.id);
  data.field("resolution", incident_resolution(world.sites[site].rng, incident.category));
  world.add(site, incident.resolved_at, EventType::incident_resolved, Source::web,
            incident.handler, data.end_object().take());
  const bool serious = incident.severity >= Severity::high;
  const bool costs = incident.category == IncidentCategory::technical ||
                     incident.category == IncidentCategory::material;
  if (serious && costs) pay_rework(world, site, incident.resolved_at + 1800);
}

// Returns true once the incident is resolved.
bool follow_up(World& world, int site, OpenIncident& incident, Stamp day_end) {
  if (!incident.taken && incident.taken_at < day_end) {
    emit_taken(world, site, incident);
    incident.taken = true;
  }
  if (incident.relabelled_at >= 0 && incident.relabelled_at < day_end) {
    emit_relabelled(world, site, incident);
    incident.relabelled_at = -1;
  }
  if (incident.resolved_at >= day_end) return false;
  emit_resolved(world, site, incident);
  return true;
}

}  // namespace

void open_issues(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  const SiteDrivers& drivers = world.drivers[site];
  const int incidents = state.rng.poisson(drivers.incidents_per_day);
  for (int i = 0; i < incidents; ++i) open_incident(world, site, clock);
  if (state.rng.chance(drivers.requests_per_day)) open_request(world, site, clock);
  if (state.rng.chance(drivers.plan_changes_per_day)) change_plan(world, site, clock);
}

void follow_up_issues(World& world, int site, const DayClock& clock) {
  SiteState& state = world.sites[site];
  const Stamp day_end = at(clock.day + 1, 0, 0);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < state.incidents.size(); ++i) {
    if (follow_up(world, site, state.incidents[i], day_end)) continue;
    if (kept != i) state.incidents[kept] = std::move(state.incidents[i]);
    ++kept;
  }
  state.incidents.resize(kept);
  std::erase_if(state.requests, [&](const OpenRequest& request) {
    if (request.resolved_at >= day_end) return false;
    JsonWriter data;
    data.begin_object().field("request_id", request.id).end_object();
    world.add(site, request.resolved_at, EventType::request_resolved, Source::web,
              request.handler, data.take());
    return true;
  });
}

double issues_loss(const SiteState& state, Stamp noon) {
  double loss = 0;
  for (const OpenIncident& incident : state.incidents) {
    if (incident.opened_at <= noon && noon < incident.resolved_at) {
      loss += kIncidentBlockShare[static_cast<int>(incident.severity)];
    }
  }
  for (const OpenRequest& request : state.requests) {
    if (request.opened_at <= noon && noon < request.resolved_at) {
      loss += request_wait_loss(request.kind);
    }
  }
  return loss;
}

}  // namespace vigie::demo
