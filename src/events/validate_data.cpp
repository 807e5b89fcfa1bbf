#include "events/validate_data.hpp"

#include <cmath>
#include <string>

#include "common/time.hpp"
#include "events/catalogue.hpp"

namespace vigie::events {
namespace {

using simdjson::dom::element;

std::string field_name(std::string_view name) { return "data." + std::string{name}; }

std::string format_bound(double bound) {
  if (bound == std::floor(bound) && std::fabs(bound) < 1e15) {
    return std::to_string(static_cast<long long>(bound));
  }
  return std::to_string(bound);
}

std::string join_choices(std::span<const std::string_view> choices) {
  std::string out;
  for (const auto choice : choices) {
    if (!out.empty()) out += ", ";
    out += choice;
  }
  return out;
}

Expected<void> check_bounds(const FieldRule& rule, double value) {
  if (value < rule.min) return Error::invalid(field_name(rule.name), "must be >= " + format_bound(rule.min));
  if (value > rule.max) return Error::invalid(field_name(rule.name), "must be <= " + format_bound(rule.max));
  return {};
}

Expected<void> check_text(const FieldRule& rule, const element& value) {
  const auto text = value.get_string();
  if (text.error()) return Error::invalid(field_name(rule.name), "must be a string");
  if (text.value_unsafe().empty()) return Error::invalid(field_name(rule.name), "must not be empty");
  if (text.value_unsafe().size() > rule.max_length) {
    return Error::invalid(field_name(rule.name),
                          "must be at most " + std::to_string(rule.max_length) + " bytes");
  }
  return {};
}

Expected<void> check_value(const FieldRule& rule, const element& value) {
  const std::string name = field_name(rule.name);
  switch (rule.kind) {
    case FieldKind::text:
      return check_text(rule, value);
    case FieldKind::number: {
      const auto number = value.get_double();  // accepts integers too
      if (number.error()) return Error::invalid(name, "must be a number");
      return check_bounds(rule, number.value_unsafe());
    }
    case FieldKind::integer: {
      const auto number = value.get_int64();
      if (number.error()) return Error::invalid(name, "must be an integer");
      return check_bounds(rule, static_cast<double>(number.value_unsafe()));
    }
    case FieldKind::boolean:
      if (!value.is_bool()) return Error::invalid(name, "must be true or false");
      return {};
    case FieldKind::date: {
      const auto text = value.get_string();
      if (text.error() || !parse_iso_date(text.value_unsafe())) {
        return Error::invalid(name, "must be a date YYYY-MM-DD");
      }
      return {};
    }
    case FieldKind::choice: {
      const auto text = value.get_string();
      if (!text.error()) {
        for (const auto choice : rule.choices) {
          if (choice == text.value_unsafe()) return {};
        }
      }
      return Error::invalid(name, "must be one of " + join_choices(rule.choices));
    }
    case FieldKind::text_list: {
      const auto array = value.get_array();
      if (array.error()) return Error::invalid(name, "must be an array of strings");
      std::size_t index = 0;
      for (const element item : array.value_unsafe()) {
        if (!item.is_string()) {
          return Error::invalid(name + "[" + std::to_string(index) + "]", "must be a string");
        }
        ++index;
      }
      return {};
    }
    case FieldKind::object:
      if (!value.is_object()) return Error::invalid(name, "must be an object");
      return {};
  }
  return {};
}

std::string_view text_of(const simdjson::dom::object& data, const char* name) {
  const auto field = data[name];
  if (field.error()) return {};
  const auto text = field.value_unsafe().get_string();
  return text.error() ? std::string_view{} : text.value_unsafe();
}

double number_of(const simdjson::dom::object& data, const char* name) {
  const auto field = data[name];
  if (field.error()) return 0;
  const auto number = field.value_unsafe().get_double();
  return number.error() ? 0 : number.value_unsafe();
}

// An end date that is present must not precede its start date. ISO dates compare as text.
Expected<void> check_date_order(const simdjson::dom::object& data, const char* start,
                                const char* end) {
  const auto from = text_of(data, start);
  const auto to = text_of(data, end);
  if (!from.empty() && !to.empty() && to < from) {
    return Error::invalid(field_name(end), std::string{"must not be before "} + start);
  }
  return {};
}

// The rules that involve more than one field.
Expected<void> check_cross_fields(EventType type, std::string_view site_id,
                                  const simdjson::dom::object& data) {
  switch (type) {
    case EventType::site_upserted: {
      const auto id = text_of(data, "id");
      if (!id.empty() && id != site_id) return Error::invalid("data.id", "must equal site_id");
      return check_date_order(data, "planned_start", "planned_end");
    }
    case EventType::vehicle_upserted:
      return check_date_order(data, "available_from", "available_to");
    case EventType::timesheet_recorded:
      if (number_of(data, "hours_billable") > number_of(data, "hours_total")) {
        return Error::invalid("data.hours_billable", "must be <= hours_total");
      }
      return {};
    case EventType::incident_relabelled:
    case EventType::incident_classified:
      if (data["category"].error() && data["severity"].error() && data["urgency"].error()) {
        return Error::invalid("data", "must contain category, severity or urgency");
      }
      return {};
    default:
      return {};
  }
}

}  // namespace

Expected<void> validate_data(EventType type, std::string_view site_id, const element& data) {
  const simdjson::dom::object object = data.get_object().value_unsafe();
  for (const FieldRule& rule : rules_for(type).fields) {
    const auto field = object[rule.name];
    if (field.error()) {
      if (rule.required) return Error::invalid(field_name(rule.name), "is required");
      continue;
    }
    if (field.value_unsafe().is_null()) {
      if (rule.nullable) continue;
      if (rule.required) return Error::invalid(field_name(rule.name), "is required");
      return Error::invalid(field_name(rule.name), "must not be null");
    }
    auto checked = check_value(rule, field.value_unsafe());
    if (!checked) return checked;
  }
  return check_cross_fields(type, site_id, object);
}

}  // namespace vigie::events
