// tests/support/command_json.hpp — the one JSON object a command printed (`vigie bench …
// --format json`), read by key; a missing or mistyped key fails the test, naming the key.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>

namespace vigie::testing {

class CommandJson {
 public:
  // Records a test failure, with the text, when it is not one JSON object.
  explicit CommandJson(const std::string& text);
  CommandJson(const CommandJson&) = delete;
  CommandJson& operator=(const CommandJson&) = delete;

  bool ok() const { return ok_; }
  double number(const std::string& key) const;
  std::uint64_t count(const std::string& key) const;
  std::string text(const std::string& key) const;
  bool flag(const std::string& key) const;
  bool is_null(const std::string& key) const;

 private:
  bool field(const std::string& key, simdjson::dom::element& value) const;
  template <class T>
  T read(const std::string& key, const char* what) const;

  simdjson::dom::parser parser_;
  simdjson::dom::object object_;
  bool ok_ = false;
};

}  // namespace vigie::testing
