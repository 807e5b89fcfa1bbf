// models/triage/company_incidents.hpp
//
// The company's own incidents as triage sees them, folded from their events: what the chief
// wrote and labelled at the opening, what Vigie predicted (incident.classified), what a person
// corrected later (incident.relabelled), who took it in charge (the design office's queue) and
// whether it is resolved. From it come the incidents
// still to classify, the company's labelled incidents for the next training (models.md:
// "the correction is kept and used at the next training") and the share of predictions people
// corrected. Not thread-safe: its owner (live_triage.hpp) or a command holds it alone.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"
#include "events/event.hpp"
#include "models/triage/incident_text.hpp"
#include "store/store.hpp"

namespace vigie::models::triage {

// The events this fold reads; the others change nothing here.
inline constexpr std::array<events::EventType, 5> kIncidentEventTypes = {
    events::EventType::incident_opened, events::EventType::incident_classified,
    events::EventType::incident_relabelled, events::EventType::incident_taken,
    events::EventType::incident_resolved};

using Labels = std::array<int, kOutputs>;  // class per output; -1 when not given
inline constexpr Labels kNoLabels = {-1, -1, -1};

// The data fields of each output in incident.opened/relabelled/classified, in output order.
inline constexpr std::array<std::string_view, kOutputs> kLabelFields = {"category", "severity",
                                                                        "urgency"};

struct IncidentRecord {
  std::string site_id;
  std::string incident_id;
  std::string description;  // empty until the opening arrives
  std::vector<std::string> words;  // its word set (similar_incidents.hpp)
  std::optional<Instant> opened_at;
  std::optional<Instant> taken_at;  // the first taking in charge, by occurred_at
  std::string taken_by;             // … and its `by`
  std::optional<Instant> resolved_at;
  Labels given = kNoLabels;      // by the opening
  Labels predicted = kNoLabels;  // by Vigie's incident.classified
  std::array<double, kOutputs> predicted_probability{};
  std::int64_t model_version = 0;  // of the prediction; 0 when none
  Labels corrected = kNoLabels;    // the latest relabelling of each output

  // Field by field: a correction, else the chief's label, else the prediction.
  Labels labels() const;
  // What people said, field by field: a correction, else the chief's label; -1 elsewhere.
  Labels person_given() const;
  // Opened, with an output no one labelled and nothing predicted yet.
  bool needs_classification() const;
  // Every output labelled by a person: given, corrected, or predicted and left standing by a
  // person who corrected another output of the same incident (they read it and kept it).
  std::optional<Labels> person_labels() const;
  // An output Vigie predicted and a person then set to another value.
  bool prediction_corrected(Output output) const;
};

struct CorrectionShare {
  std::size_t classified = 0;  // incidents with a prediction
  std::size_t corrected = 0;   // … of which a person changed at least one predicted label
  std::array<std::size_t, kOutputs> predicted{};  // predicted labels, per output
  std::array<std::size_t, kOutputs> changed{};    // … changed by a person
  double share() const { return classified == 0 ? 0.0 : double(corrected) / double(classified); }
};

class CompanyIncidents {
 public:
  // Folds one event; returns the record it changed, nullptr for an event this fold ignores.
  const IncidentRecord* apply(const events::Event& event);

  const IncidentRecord* find(const std::string& site_id, const std::string& incident_id) const;
  const std::map<std::pair<std::string, std::string>, IncidentRecord>& records() const {
    return records_;
  }
  CorrectionShare correction_share() const;

  // The labels in force of the incident of `site_id` most similar to `words`, opened in the
  // kSimilarWindow before `at` (not `except_incident` itself); -1 for each output when none is
  // similar enough (kMinSimilarity).
  Labels similar_labels(const std::string& site_id, const std::vector<std::string>& words, Instant at,
                        const std::string& except_incident) const;

 private:
  std::map<std::pair<std::string, std::string>, IncidentRecord> records_;  // by (site, incident)
};

// The fold of every incident event the store holds; `watermark` (optional) gets the last seq.
Expected<CompanyIncidents> load_company_incidents(const store::Store& store,
                                                  std::int64_t* watermark = nullptr);

// The company's incidents that people labelled (person_labels), as training texts: the site's
// type, the opening time and the similar recent incident's labels as structured inputs.
// Ids "<site>/<incident>".
std::vector<IncidentText> labelled_incidents(const CompanyIncidents& incidents,
                                             const std::vector<store::SiteRow>& sites);

}  // namespace vigie::models::triage
