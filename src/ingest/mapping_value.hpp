// ingest/mapping_value.hpp
//
// The values a mapping carries from a sender's record (a JSON body, a CSV cell) into an event,
// and their conversion to what the event catalogue expects. French exports are first-class:
// decimal commas and grouped thousands ("1 234,56"), "24/11/2026" dates, and wall-clock times
// without an offset, which mean Paris time.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "common/expected.hpp"
#include "common/json_writer.hpp"

namespace vigie::ingest {

// monostate: no value (absent, JSON null, empty cell).
using MappedValue = std::variant<std::monostate, bool, std::int64_t, double, std::string>;

// `as = "..."` in a mapping file.
enum class ValueType { text, number, integer, boolean, date, datetime };
std::optional<ValueType> parse_value_type(std::string_view name);

struct ConvertOptions {
  bool decimal_comma = false;  // "1 234,56" is a number (French exports)
};

inline bool is_missing(const MappedValue& value) {
  return std::holds_alternative<std::monostate>(value);
}

// How a value reads as text (a map key, a piece of a template): "12", "12.5", "true", the
// string itself; "" when missing.
std::string value_text(const MappedValue& value);

// The text without leading and trailing spaces and tabs.
std::string_view trim_blanks(std::string_view text);

// The text in double quotes for a message, cut after 60 bytes: a message quotes what the
// sender sent, never a whole document.
std::string quoted_for_message(std::string_view text);

// Converts to `type`:
//   text      any scalar, as value_text
//   number    a number, or text "1250.5" ("1 250,5" with decimal_comma)
//   integer   a whole number, or text holding one
//   boolean   a bool, 0/1, or text true/false, oui/non, yes/no, vrai/faux, o/n, 1/0
//   date      "YYYY-MM-DD", "DD/MM/YYYY", an RFC 3339 instant or Unix seconds (its Paris day)
//   datetime  RFC 3339; a date alone (noon in Paris); "DD/MM/YYYY HH:MM[:SS]" or
//             "YYYY-MM-DD[T ]HH:MM[:SS]" (Paris wall clock); Unix seconds. Written in UTC.
// A missing value stays missing. On failure the error has no field (the caller knows it) and
// a message quoting the value: "\"12,5\" is not a number".
Expected<MappedValue> convert_value(const MappedValue& value, ValueType type,
                                    const ConvertOptions& options);

// Writes the value as one JSON value (null when missing).
void write_value(JsonWriter& out, const MappedValue& value);

}  // namespace vigie::ingest
