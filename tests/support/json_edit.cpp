#include "support/json_edit.hpp"

#include <simdjson.h>

#include <optional>
#include <stdexcept>

#include "common/json_writer.hpp"

namespace vigie::testing {
namespace {

std::string edited(std::string_view object, std::string_view name,
                   std::optional<std::string_view> value_json) {
  simdjson::dom::parser parser;
  const auto doc = parser.parse(object.data(), object.size(), true);
  if (doc.error() || !doc.value_unsafe().is_object()) {
    throw std::invalid_argument("json_edit: not a JSON object: " + std::string{object});
  }
  std::string out = "{";
  bool found = false;
  auto append_member = [&out](std::string_view key, std::string_view value) {
    if (out.size() > 1) out.push_back(',');
    append_json_string(out, key);
    out.push_back(':');
    out += value;
  };
  // A named object: looping over get_object().value_unsafe() would read a destroyed temporary.
  const simdjson::dom::object members = doc.value_unsafe().get_object().value_unsafe();
  for (const auto member : members) {
    if (member.key == name) {
      found = true;
      if (value_json) append_member(member.key, *value_json);
    } else {
      append_member(member.key, simdjson::minify(member.value));
    }
  }
  if (!found && value_json) append_member(name, *value_json);
  out.push_back('}');
  return out;
}

}  // namespace

std::string with_member(std::string_view object, std::string_view name,
                        std::string_view value_json) {
  return edited(object, name, value_json);
}

std::string without_member(std::string_view object, std::string_view name) {
  return edited(object, name, std::nullopt);
}

std::string json_quoted(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

}  // namespace vigie::testing
