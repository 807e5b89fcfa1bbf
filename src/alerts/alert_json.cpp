#include "alerts/alert_json.hpp"

namespace vigie::alerts {

void write_alert_json(JsonWriter& json, const store::AlertRow& alert) {
  json.begin_object()
      .field("id", alert.id)
      .field("kind", alert.kind)
      .field("site_id", alert.site_id)
      .field("audience", alert.audience)
      .field("title", alert.title)
      .field("message", alert.message)
      .key("figures").raw(alert.figures)
      .field("raised_at", format_rfc3339_utc(alert.raised_at));
  json.time_field("cleared_at", alert.cleared_at);
  json.time_field("acknowledged_at", alert.acknowledged_at);
  json.key("acknowledged_by");
  if (alert.acknowledged_by.empty()) json.null();
  else json.value(alert.acknowledged_by);
  json.end_object();
}

}  // namespace vigie::alerts
