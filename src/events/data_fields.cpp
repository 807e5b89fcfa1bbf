#include "events/data_fields.hpp"

namespace vigie::events {

Expected<DataFields> DataFields::of(const Event& event) {
  thread_local simdjson::dom::parser parser;
  const auto doc = parser.parse(event.data);
  if (doc.error() || !doc.value_unsafe().is_object()) {
    return Error::invalid("data", "is not a JSON object");
  }
  return DataFields{doc.value_unsafe().get_object().value_unsafe()};
}

std::string_view DataFields::text(std::string_view name) const {
  const auto field = object_[name];
  if (field.error() || !field.value_unsafe().is_string()) return {};
  return field.value_unsafe().get_string().value_unsafe();
}

std::optional<double> DataFields::number(std::string_view name) const {
  const auto field = object_[name];
  if (field.error()) return std::nullopt;
  const auto value = field.value_unsafe().get_double();
  if (value.error()) return std::nullopt;
  return value.value_unsafe();
}

std::optional<LocalDate> DataFields::date(std::string_view name) const {
  return parse_iso_date(text(name));
}

bool DataFields::flag(std::string_view name) const {
  const auto field = object_[name];
  if (field.error()) return false;
  const auto value = field.value_unsafe().get_bool();
  return !value.error() && value.value_unsafe();
}

std::vector<std::string> DataFields::text_list(std::string_view name) const {
  std::vector<std::string> out;
  const auto field = object_[name];
  simdjson::dom::array items;
  if (field.error() || field.value_unsafe().get_array().get(items) != simdjson::SUCCESS) return out;
  for (const simdjson::dom::element item : items) {
    if (item.is_string()) out.emplace_back(item.get_string().value_unsafe());
  }
  return out;
}

std::optional<DataFields> DataFields::object(std::string_view name) const {
  const auto field = object_[name];
  simdjson::dom::object nested;
  if (field.error() || field.value_unsafe().get_object().get(nested) != simdjson::SUCCESS) {
    return std::nullopt;
  }
  return DataFields{nested};
}

}  // namespace vigie::events
