// models/triage/critical_alert.hpp
//
// models.md, automatic actions: "alert on Critique". An incident whose labels in force (a
// correction, else the chief's, else Vigie's) say Critique raises one alert to Direction while it
// is open; its resolution, or a correction to a lower severity, clears it. The alert says what,
// where, why (the labels, who gave them, the model's probability) and what to do, in French.
#pragma once

#include <string>

#include "models/triage/company_incidents.hpp"
#include "models/triage/labels.hpp"
#include "store/rows.hpp"

namespace vigie::models::triage {

inline constexpr std::string_view kCriticalAlertKind = "incident_critical";

// Open (opened, not resolved) and Critique by the labels in force.
bool is_open_critical(const IncidentRecord& record);

std::string critical_alert_key(const std::string& site_id, const std::string& incident_id);

// The alert of an open critical incident; `site_name` may be empty (the site is unknown).
store::AlertRow critical_alert(const IncidentRecord& record, const std::string& site_name,
                               const SlaHours& sla, Instant now);

}  // namespace vigie::models::triage
