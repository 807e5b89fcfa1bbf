// common/json_writer.hpp
//
// A small streaming JSON writer for responses and generated events. It writes into a string
// it owns; commas and nesting are tracked so callers cannot produce malformed output by order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/time.hpp"

namespace vigie {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view{text}); }
  JsonWriter& value(const std::string& text) { return value(std::string_view{text}); }
  JsonWriter& value(double number);
  JsonWriter& value(std::int64_t number);
  JsonWriter& value(int number) { return value(static_cast<std::int64_t>(number)); }
  JsonWriter& value(std::uint64_t number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  // Inserts already-serialised JSON as one value (no validation).
  JsonWriter& raw(std::string_view json);

  template <class T>
  JsonWriter& field(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }
  // An instant as RFC 3339 UTC ("2026-11-24T13:05:00.000Z"), or null when there is none.
  JsonWriter& time_field(std::string_view name, const std::optional<Instant>& at);

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();

  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

// Appends `text` to `out` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view text);

// `object` (a JSON object's text) with `"key": raw` added as its last member.
std::string with_json_member(const std::string& object, std::string_view key, std::string_view raw);

// Shortest text that parses back to the same double ("12.5", "1e+20"); non-finite → "null".
std::string format_json_number(double number);

}  // namespace vigie
