// alerts/alert_json.hpp — an alert as JSON, the same for the API's listings and for the body of
// the webhooks that deliver it (field names in English; title and message in French).
#pragma once

#include "common/json_writer.hpp"
#include "store/rows.hpp"

namespace vigie::alerts {

// {"id", "kind", "site_id", "audience", "title", "message", "figures": {…}, "raised_at",
//  "cleared_at", "acknowledged_at", "acknowledged_by"}; instants in RFC 3339 UTC, null when not yet.
void write_alert_json(JsonWriter& json, const store::AlertRow& alert);

}  // namespace vigie::alerts
