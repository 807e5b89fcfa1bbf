#include "models/triage/incident_text.hpp"

#include <simdjson.h>

#include <algorithm>

#include "common/file_io.hpp"
#include "events/catalogue.hpp"

namespace vigie::models::triage {
namespace {

bool blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

// The optional string field `name`; an error when present and not a string.
Expected<std::optional<std::string_view>> optional_text(simdjson::dom::object& object,
                                                        const char* name) {
  simdjson::dom::element value;
  if (object[name].get(value) != simdjson::SUCCESS || value.is_null()) {
    return std::optional<std::string_view>{};
  }
  std::string_view text;
  if (value.get_string().get(text) != simdjson::SUCCESS) {
    return Error::invalid(name, "must be a string");
  }
  return std::optional<std::string_view>{text};
}

Expected<IncidentText> parse_incident(simdjson::dom::object& object, LabelsWanted labels) {
  IncidentText incident;
  auto description = optional_text(object, "description");
  if (!description) return description.error();
  if (!*description) return Error::invalid("description", "is required");
  if (auto checked = check_description(**description); !checked) return checked.error();
  incident.description = std::string{**description};
  auto id = optional_text(object, "id");
  if (!id) return id.error();
  if (*id) incident.id = std::string{**id};
  auto site_type = optional_text(object, "site_type");
  if (!site_type) return site_type.error();
  if (*site_type) {
    const auto& types = events::kSiteTypes;
    if (std::find(std::begin(types), std::end(types), **site_type) == std::end(types)) {
      return Error::invalid("site_type", "must be residentiel, tertiaire, industriel or commercial");
    }
    incident.site_type = std::string{**site_type};
  }
  auto opened_at = optional_text(object, "opened_at");
  if (!opened_at) return opened_at.error();
  if (*opened_at) {
    incident.opened_at = parse_rfc3339(**opened_at);
    if (!incident.opened_at) return Error::invalid("opened_at", "must be an RFC 3339 date-time");
  }
  for (const Output output : kAllOutputs) {
    const std::string name{output_name(output)};
    auto value = optional_text(object, name.c_str());
    if (!value) return value.error();
    if (!*value) {
      if (labels == LabelsWanted::required) return Error::invalid(name, "is required");
      continue;
    }
    const auto cls = class_of(output, **value);
    if (!cls) {
      const auto& names = class_names(output);
      return Error::invalid(name, "must be one of " + std::string{names[0]} + ", " +
                                      std::string{names[1]} + ", " + std::string{names[2]} +
                                      ", " + std::string{names[3]});
    }
    incident.labels[static_cast<std::size_t>(output)] = *cls;
  }
  return incident;
}

}  // namespace

Expected<void> check_description(std::string_view description) {
  if (blank(description)) return Error::invalid("description", "is empty");
  if (description.size() > kMaxDescriptionBytes) {
    return Error::invalid("description", "is longer than " + std::to_string(kMaxDescriptionBytes) +
                                             " bytes (" + std::to_string(description.size()) + ")");
  }
  return {};
}

ReadIncidents read_incident_lines(std::string_view text, std::string_view source, LabelsWanted labels) {
  ReadIncidents read;
  simdjson::dom::parser parser;
  std::size_t line_number = 0;
  for (std::size_t start = 0; start < text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (blank(line)) continue;
    const std::string where = std::string{source} + ":" + std::to_string(line_number);
    simdjson::dom::object object;
    if (parser.parse(line.data(), line.size()).get_object().get(object) != simdjson::SUCCESS) {
      read.refused.push_back(Error::invalid(where, "not a JSON object"));
      continue;
    }
    auto incident = parse_incident(object, labels);
    if (!incident) {
      read.refused.push_back(Error::invalid(where + ": " + incident.error().field, incident.error().message));
      continue;
    }
    if (incident->id.empty()) incident->id = where;
    read.incidents.push_back(std::move(*incident));
  }
  return read;
}

Expected<IncidentText> parse_incident_json(std::string_view json, LabelsWanted labels) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (parser.parse(json.data(), json.size()).get(root) != simdjson::SUCCESS) {
    return Error::invalid("body", "is not valid JSON");
  }
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return Error::invalid("body", "must be a JSON object");
  }
  return parse_incident(object, labels);
}

Expected<ReadIncidents> read_incident_corpus(const std::filesystem::path& dir) {
  std::error_code error;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".jsonl") files.push_back(it->path());
  }
  if (error) return Error::make(ErrorCode::io, "cannot read " + dir.string() + ": " + error.message());
  std::sort(files.begin(), files.end());
  ReadIncidents all;
  for (const auto& file : files) {
    auto text = read_file(file);
    if (!text) return text.error();
    auto read = read_incident_lines(*text, file.string(), LabelsWanted::required);
    std::move(read.incidents.begin(), read.incidents.end(), std::back_inserter(all.incidents));
    std::move(read.refused.begin(), read.refused.end(), std::back_inserter(all.refused));
  }
  return all;
}

}  // namespace vigie::models::triage
