// models/triage/incident_text.hpp
//
// An incident as triage reads it — its description and the structured inputs of models.md
// (site type, hour, weekday) — with its labels when known; and the JSON Lines that carry them:
// the shipped corpus (data/triage/), `vigie eval triage --test`, `vigie classify --jsonl`. A bad
// line is refused with its source, line number and field, the good ones beside it kept.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "common/time.hpp"
#include "events/catalogue.hpp"
#include "models/triage/labels.hpp"

namespace vigie::models::triage {

// The limit of an incident.opened's description (events/catalogue.hpp): what can be stored can
// be classified, and no more.
inline constexpr std::size_t kMaxDescriptionBytes = events::kMaxTextLength;

struct IncidentText {
  std::string id;           // as given, else "<source>:<line>"
  std::string description;  // non-empty, at most kMaxDescriptionBytes
  std::string site_type;    // one of events::kSiteTypes, or empty
  std::optional<Instant> opened_at;
  std::array<int, kOutputs> labels = {-1, -1, -1};  // class per output; -1 unknown
  // How the most similar recent incident on the same site is labelled (similar_incidents.hpp):
  // a class per output, -1 when there is none (always for the shipped corpus: no site history).
  std::array<int, kOutputs> similar_labels = {-1, -1, -1};
};

struct ReadIncidents {
  std::vector<IncidentText> incidents;
  std::vector<Error> refused;  // field "<source>:<line>: <field>"
};

enum class LabelsWanted { none, required };

// One JSON object per line: `description` required; `id`, `site_type`, `opened_at` (RFC 3339)
// optional; `type`, `severity`, `urgency` in French, required when `labels` says so. Blank lines
// are skipped.
ReadIncidents read_incident_lines(std::string_view text, std::string_view source, LabelsWanted labels);

// One JSON object (an API body): the same fields and refusals as a line, field names bare.
Expected<IncidentText> parse_incident_json(std::string_view json, LabelsWanted labels);

// Every *.jsonl file under `dir` (recursively, in path order), labels required.
Expected<ReadIncidents> read_incident_corpus(const std::filesystem::path& dir);

// The description checked as the API and the command line take it: not empty once trimmed, not
// over kMaxDescriptionBytes; the message is French-free (it goes in an API error).
Expected<void> check_description(std::string_view description);

}  // namespace vigie::models::triage
