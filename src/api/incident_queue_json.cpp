#include "api/incident_queue_json.hpp"

#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

namespace triage = models::triage;

// A text that may be unknown: null then.
void nullable(JsonWriter& json, std::string_view name, const std::string* text) {
  json.key(name);
  if (text == nullptr || text->empty())
    json.null();
  else
    json.value(*text);
}

void nullable(JsonWriter& json, std::string_view name, const std::optional<double>& number) {
  json.key(name);
  if (number)
    json.value(*number);
  else
    json.null();
}

std::string_view label_source(const triage::IncidentRecord& record, std::size_t o) {
  if (record.corrected[o] >= 0) return "corrected";
  if (record.given[o] >= 0) return "given";
  return "predicted";
}

void write_label(JsonWriter& json, const triage::QueueEntry& entry, triage::Output output) {
  const auto o = static_cast<std::size_t>(output);
  const triage::IncidentRecord& record = entry.record;
  json.key(triage::kLabelFields[o]);
  const int cls = entry.labels[o];
  if (cls < 0) {
    json.null();
    return;
  }
  json.begin_object()
      .field("value", triage::event_value(output, cls))
      .field("label", triage::class_names(output)[static_cast<std::size_t>(cls)])
      .field("source", label_source(record, o))
      .key("predicted");
  const int predicted = record.predicted[o];
  if (predicted < 0)
    json.null();
  else
    json.value(triage::event_value(output, predicted));
  nullable(json, "probability",
           predicted < 0 ? std::nullopt : std::optional<double>{record.predicted_probability[o]});
  json.end_object();
}

void write_incident(JsonWriter& json, const triage::QueueEntry& entry,
                    const QueueDirectory& directory) {
  const triage::IncidentRecord& record = entry.record;
  const auto site = directory.sites.find(record.site_id);
  const store::SiteRow* row = site == directory.sites.end() ? nullptr : &site->second;
  json.begin_object().field("id", record.incident_id).field("site_id", record.site_id);
  nullable(json, "site_name", row == nullptr ? nullptr : &row->name);
  nullable(json, "chief_id", row == nullptr ? nullptr : &row->chief_id);
  nullable(json, "chief_name",
           row == nullptr ? nullptr : directory.people.find(row->chief_id));
  json.field("state", triage::queue_state_name(entry.state))
      .field("description", record.description);
  json.key("labels").begin_object();
  for (const triage::Output output : triage::kAllOutputs) write_label(json, entry, output);
  json.end_object().key("model_version");
  if (record.model_version == 0)
    json.null();
  else
    json.value(record.model_version);
  json.time_field("opened_at", record.opened_at).time_field("taken_at", record.taken_at);
  nullable(json, "taken_by", &record.taken_by);
  nullable(json, "taken_by_name", directory.people.find(record.taken_by));
  json.time_field("resolved_at", record.resolved_at);
  nullable(json, "sla_hours", entry.sla_hours);
  json.time_field("sla_due_at", entry.sla_due_at).end_object();
}

}  // namespace

Expected<QueueDirectory> QueueDirectory::read(const store::Store& store,
                                              const Principal& principal) {
  auto sites = store.sites();
  if (!sites) return sites.error();
  auto people = read_people(store);
  if (!people) return people.error();
  QueueDirectory directory;
  directory.scope = SiteScope::of(principal, *sites);
  for (store::SiteRow& site : *sites) {
    if (directory.scope.contains(site.id)) directory.sites.emplace(site.id, std::move(site));
  }
  directory.people = std::move(*people);
  return directory;
}

std::string incident_json(const triage::QueueEntry& entry, const QueueDirectory& directory) {
  JsonWriter json;
  write_incident(json, entry, directory);
  return json.take();
}

std::string queue_json(const triage::IncidentQueue& queue, std::string_view state, Instant as_of,
                       const ChiefScores& chiefs, const QueueDirectory& directory) {
  const triage::QueueDay& day = queue.day;
  JsonWriter json;
  json.begin_object().time_field("as_of", as_of).field("state", state);
  json.key("counts")
      .begin_object()
      .field("waiting", day.waiting)
      .field("in_progress", day.in_progress)
      .field("resolved_today", day.resolved_today)
      .end_object();
  json.key("today").begin_object();
  nullable(json, "mean_resolution_hours", day.mean_resolution_hours());
  json.field("resolution_target_hours", triage::kResolutionTargetHours)
      .field("resolved_with_sla", day.with_sla)
      .field("resolved_within_sla", day.within_sla);
  nullable(json, "sla_met_share", day.sla_met_share());
  nullable(json, "chief_satisfaction",
           chiefs.responses == 0
               ? std::nullopt
               : std::optional<double>{chiefs.sum / static_cast<double>(chiefs.responses)});
  json.field("chief_responses", chiefs.responses)
      .field("chief_satisfaction_days", static_cast<std::int64_t>(chiefs.days))
      .end_object();
  json.key("incidents").begin_array();
  for (const triage::QueueEntry& entry : queue.entries) write_incident(json, entry, directory);
  json.end_array().end_object();
  return json.take();
}

}  // namespace vigie::api
