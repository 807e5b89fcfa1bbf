#include "models/triage/company_incidents.hpp"

#include <algorithm>

#include <unordered_map>

#include "events/data_fields.hpp"
#include "models/triage/similar_incidents.hpp"

namespace vigie::models::triage {
namespace {

constexpr std::array<std::string_view, kOutputs> kProbabilityFields = {
    "category_probability", "severity_probability", "urgency_probability"};

// The labels an event's data gives, in the catalogue's values (validated on the way in).
Labels labels_in(const events::DataFields& data) {
  Labels labels = kNoLabels;
  for (const Output output : kAllOutputs) {
    const auto o = static_cast<std::size_t>(output);
    if (const auto value = data.text(kLabelFields[o]); !value.empty()) {
      labels[o] = class_of_event_value(output, value).value_or(-1);
    }
  }
  return labels;
}

void overwrite_given(Labels& into, const Labels& from) {
  for (std::size_t o = 0; o < kOutputs; ++o) {
    if (from[o] >= 0) into[o] = from[o];
  }
}

}  // namespace

Labels IncidentRecord::person_given() const {
  Labels out = given;
  overwrite_given(out, corrected);
  return out;
}

Labels IncidentRecord::labels() const {
  Labels out = predicted;
  overwrite_given(out, person_given());
  return out;
}

bool IncidentRecord::needs_classification() const {
  if (!opened_at || model_version != 0) return false;
  const Labels known = person_given();
  return std::find(known.begin(), known.end(), -1) != known.end();
}

std::optional<Labels> IncidentRecord::person_labels() const {
  if (!opened_at) return std::nullopt;
  const bool reviewed = corrected != kNoLabels;
  Labels out = person_given();
  for (std::size_t o = 0; o < kOutputs; ++o) {
    if (out[o] >= 0) continue;
    if (!reviewed || predicted[o] < 0) return std::nullopt;
    out[o] = predicted[o];
  }
  return out;
}

bool IncidentRecord::prediction_corrected(Output output) const {
  const auto o = static_cast<std::size_t>(output);
  return predicted[o] >= 0 && corrected[o] >= 0 && corrected[o] != predicted[o];
}

const IncidentRecord* CompanyIncidents::apply(const events::Event& event) {
  using events::EventType;
  if (std::find(kIncidentEventTypes.begin(), kIncidentEventTypes.end(), event.type) ==
      kIncidentEventTypes.end()) {
    return nullptr;
  }
  const auto data = events::DataFields::of(event);
  if (!data) return nullptr;
  const std::string incident_id{data->text("incident_id")};
  IncidentRecord& record = records_[{event.site_id, incident_id}];
  if (record.incident_id.empty()) {
    record.site_id = event.site_id;
    record.incident_id = incident_id;
  }
  switch (event.type) {
    case EventType::incident_opened:
      if (record.opened_at) return &record;  // the first opening is the incident's
      record.opened_at = event.occurred_at;
      record.description = std::string{data->text("description")};
      record.words = word_set(record.description);
      record.given = labels_in(*data);
      return &record;
    case EventType::incident_classified:
      if (record.model_version != 0) return &record;  // the first classification is the one people saw
      record.predicted = labels_in(*data);
      for (std::size_t o = 0; o < kOutputs; ++o) {
        record.predicted_probability[o] =
            data->number(kProbabilityFields[o]).value_or(0.0);
      }
      record.model_version = static_cast<std::int64_t>(data->number("model_version").value_or(0));
      return &record;
    case EventType::incident_relabelled:
      overwrite_given(record.corrected, labels_in(*data));
      return &record;
    case EventType::incident_taken:  // a late event may tell of an earlier taking
      if (!record.taken_at || event.occurred_at < *record.taken_at) {
        record.taken_at = event.occurred_at;
        record.taken_by = std::string{data->text("by")};
      }
      return &record;
    default:  // incident.resolved
      if (!record.resolved_at) record.resolved_at = event.occurred_at;
      return &record;
  }
}

const IncidentRecord* CompanyIncidents::find(const std::string& site_id,
                                             const std::string& incident_id) const {
  const auto it = records_.find({site_id, incident_id});
  return it == records_.end() ? nullptr : &it->second;
}

Labels CompanyIncidents::similar_labels(const std::string& site_id,
                                        const std::vector<std::string>& words, Instant at,
                                        const std::string& except_incident) const {
  const IncidentRecord* best = nullptr;  // the most similar; the latest among equals
  double best_similarity = 0;
  for (auto it = records_.lower_bound({site_id, std::string{}});
       it != records_.end() && it->first.first == site_id; ++it) {
    const IncidentRecord& other = it->second;
    if (!other.opened_at || other.incident_id == except_incident || *other.opened_at >= at ||
        at - *other.opened_at > kSimilarWindow) {
      continue;
    }
    const double similarity = jaccard(words, other.words);
    if (similarity < kMinSimilarity) continue;
    if (best == nullptr || similarity > best_similarity ||
        (similarity == best_similarity && *other.opened_at > *best->opened_at)) {
      best = &other;
      best_similarity = similarity;
    }
  }
  return best == nullptr ? kNoLabels : best->labels();
}

CorrectionShare CompanyIncidents::correction_share() const {
  CorrectionShare share;
  for (const auto& [key, record] : records_) {
    if (record.model_version == 0) continue;
    ++share.classified;
    bool any = false;
    for (const Output output : kAllOutputs) {
      const auto o = static_cast<std::size_t>(output);
      if (record.predicted[o] < 0) continue;
      ++share.predicted[o];
      if (record.prediction_corrected(output)) {
        ++share.changed[o];
        any = true;
      }
    }
    if (any) ++share.corrected;
  }
  return share;
}

Expected<CompanyIncidents> load_company_incidents(const store::Store& store,
                                                  std::int64_t* watermark) {
  CompanyIncidents incidents;
  auto last = store.scan_events_of_types(
      0, kIncidentEventTypes,
      [&incidents](std::int64_t, const events::Event& event) { incidents.apply(event); });
  if (!last) return last.error();
  if (watermark != nullptr) *watermark = *last;
  return incidents;
}

std::vector<IncidentText> labelled_incidents(const CompanyIncidents& incidents,
                                             const std::vector<store::SiteRow>& sites) {
  std::unordered_map<std::string, std::string> site_types;
  for (const store::SiteRow& site : sites) site_types.emplace(site.id, site.type);
  std::vector<IncidentText> out;
  for (const auto& [key, record] : incidents.records()) {
    const auto labels = record.person_labels();
    if (!labels || record.description.empty()) continue;
    IncidentText text;
    text.id = record.site_id + "/" + record.incident_id;
    text.description = record.description;
    if (const auto it = site_types.find(record.site_id); it != site_types.end()) {
      text.site_type = it->second;
    }
    text.opened_at = record.opened_at;
    text.labels = *labels;
    text.similar_labels =
        incidents.similar_labels(record.site_id, record.words, *record.opened_at, record.incident_id);
    out.push_back(std::move(text));
  }
  return out;
}

}  // namespace vigie::models::triage
