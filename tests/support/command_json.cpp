#include "support/command_json.hpp"

#include <gtest/gtest.h>

namespace vigie::testing {

CommandJson::CommandJson(const std::string& text) {
  ok_ = parser_.parse(text).get_object().get(object_) == simdjson::SUCCESS;
  if (!ok_) ADD_FAILURE() << "not one JSON object: " << text;
}

bool CommandJson::field(const std::string& key, simdjson::dom::element& value) const {
  if (ok_ && object_[key].get(value) == simdjson::SUCCESS) return true;
  ADD_FAILURE() << "no key \"" << key << "\"";
  return false;
}

template <class T>
T CommandJson::read(const std::string& key, const char* what) const {
  simdjson::dom::element element;
  T value{};
  if (field(key, element) && element.get(value) != simdjson::SUCCESS) {
    ADD_FAILURE() << "\"" << key << "\" is not " << what;
  }
  return value;
}

double CommandJson::number(const std::string& key) const { return read<double>(key, "a number"); }

std::uint64_t CommandJson::count(const std::string& key) const {
  return read<std::uint64_t>(key, "a count");
}

std::string CommandJson::text(const std::string& key) const {
  return std::string{read<std::string_view>(key, "a string")};
}

bool CommandJson::flag(const std::string& key) const { return read<bool>(key, "true or false"); }

bool CommandJson::is_null(const std::string& key) const {
  simdjson::dom::element element;
  return field(key, element) && element.is_null();
}

}  // namespace vigie::testing
