#include "events/parse.hpp"

#include <simdjson.h>

#include <string>

#include "events/catalogue.hpp"
#include "events/validate_data.hpp"

namespace vigie::events {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

simdjson::dom::parser& thread_parser() {
  thread_local simdjson::dom::parser parser;
  return parser;
}

Expected<std::string> required_text(const simdjson::dom::object& obj, const char* name) {
  const auto field = obj[name];
  if (field.error() || field.value_unsafe().is_null()) return Error::invalid(name, "is required");
  const auto text = field.value_unsafe().get_string();
  if (text.error()) return Error::invalid(name, "must be a string");
  if (text.value_unsafe().empty()) return Error::invalid(name, "must not be empty");
  if (text.value_unsafe().size() > kMaxIdLength) {
    return Error::invalid(name, "must be at most " + std::to_string(kMaxIdLength) + " bytes");
  }
  return std::string{text.value_unsafe()};
}

// An optional string field: absent or null gives "".
Expected<std::string> optional_text(const simdjson::dom::object& obj, const char* name) {
  const auto field = obj[name];
  if (field.error() || field.value_unsafe().is_null()) return std::string{};
  const auto text = field.value_unsafe().get_string();
  if (text.error()) return Error::invalid(name, "must be a string or null");
  if (text.value_unsafe().size() > kMaxIdLength) {
    return Error::invalid(name, "must be at most " + std::to_string(kMaxIdLength) + " bytes");
  }
  return std::string{text.value_unsafe()};
}

Expected<Event> parse_envelope(const element& root, Origin origin) {
  if (!root.is_object()) return Error::invalid("event", "must be a JSON object");
  const simdjson::dom::object obj = root.get_object().value_unsafe();
  Event event;

  auto id = required_text(obj, "id");
  if (!id) return id.error();
  event.id = std::move(*id);

  auto type_text = required_text(obj, "type");
  if (!type_text) return type_text.error();
  const auto type = parse_type(*type_text);
  if (!type) return Error::invalid("type", "unknown event type \"" + *type_text + "\"");
  if (origin == Origin::sender && is_vigie_only(*type)) {
    return Error::invalid("type", *type_text + " is written by Vigie only");
  }
  event.type = *type;

  auto site = optional_text(obj, "site_id");
  if (!site) return site.error();
  if (is_siteless(event.type) && !site->empty()) {
    return Error::invalid("site_id", "must be null for " + std::string{type_name(event.type)});
  }
  if (!is_siteless(event.type) && site->empty()) return Error::invalid("site_id", "is required");
  event.site_id = std::move(*site);

  auto when = required_text(obj, "occurred_at");
  if (!when) return when.error();
  const auto instant = parse_rfc3339(*when);
  if (!instant) {
    return Error::invalid("occurred_at", "must be an RFC 3339 date-time with offset");
  }
  const std::int64_t ms = to_millis(*instant);
  if (ms < kEarliestOccurredAtMs || ms >= kLatestOccurredAtMs) {
    return Error::invalid("occurred_at", "must be between 1990-01-01 and 2099-12-31");
  }
  event.occurred_at = *instant;

  auto source_text = required_text(obj, "source");
  if (!source_text) return source_text.error();
  const auto source = parse_source(*source_text);
  if (!source || (origin == Origin::sender && *source == Source::vigie)) {
    return Error::invalid("source", "must be one of mobile, web, erp, webhook, batch");
  }
  event.source = *source;

  auto actor = optional_text(obj, "actor_id");
  if (!actor) return actor.error();
  event.actor_id = std::move(*actor);

  const auto data = obj["data"];
  if (data.error() || data.value_unsafe().is_null()) return Error::invalid("data", "is required");
  if (!data.value_unsafe().is_object()) return Error::invalid("data", "must be an object");
  auto checked = validate_data(event.type, event.site_id, data.value_unsafe());
  if (!checked) return checked.error();

  event.raw = simdjson::minify(root);
  if (event.raw.size() > kMaxEventBytes) {
    return Error::invalid("event", "must be at most " + std::to_string(kMaxEventBytes) +
                                       " bytes (compact JSON)");
  }
  event.data = simdjson::minify(data.value_unsafe());
  return event;
}

}  // namespace

Expected<Event> parse_event(std::string_view json, Origin origin) {
  const auto doc = thread_parser().parse(json.data(), json.size(), true);
  if (doc.error()) {
    return Error::invalid("event", std::string{"is not valid JSON ("} +
                                       simdjson::error_message(doc.error()) + ")");
  }
  return parse_envelope(doc.value_unsafe(), origin);
}

Expected<ParsedBody> parse_body(std::string_view body, std::size_t max_events) {
  const auto doc = thread_parser().parse(body.data(), body.size(), true);
  if (doc.error()) {
    return Error::invalid("body", std::string{"is not valid JSON ("} +
                                      simdjson::error_message(doc.error()) + ")");
  }
  const element root = doc.value_unsafe();
  ParsedBody out;
  auto take = [&out](std::size_t index, const element& item) {
    auto event = parse_envelope(item, Origin::sender);
    if (event) {
      out.events.push_back(std::move(*event));
      out.positions.push_back(index);
    } else {
      out.refused.push_back({index, event.error()});
    }
  };
  if (root.is_object()) {
    out.total = 1;
    take(0, root);
    return out;
  }
  if (!root.is_array()) return Error::invalid("body", "must be an event object or an array");
  const auto array = root.get_array().value_unsafe();
  out.was_array = true;
  out.total = array.size();
  if (out.total > max_events) {
    Error error{ErrorCode::too_large, "body",
                "holds " + std::to_string(out.total) + " events, more than the limit of " +
                    std::to_string(max_events)};
    return error;
  }
  out.events.reserve(out.total);
  std::size_t index = 0;
  for (const element item : array) take(index++, item);
  return out;
}

}  // namespace vigie::events
