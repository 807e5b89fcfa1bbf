// tests/support/json_edit.hpp
//
// Edits one member of a JSON object given as text, so that a test can state a refusal as
// "this valid event, with `amount` set to -5" instead of repeating the whole event.
// Members keep their order; the result is compact. Throws std::invalid_argument when `object`
// is not a JSON object: a broken fixture is a bug of the test, not a case under test.
#pragma once

#include <string>
#include <string_view>

namespace vigie::testing {

// `object` with member `name` set to `value_json` (raw JSON text, inserted as it is, so it may be
// malformed on purpose), appended when absent.
std::string with_member(std::string_view object, std::string_view name,
                        std::string_view value_json);

// `object` without member `name`.
std::string without_member(std::string_view object, std::string_view name);

// `"text"` as a JSON string literal: with_member(o, "id", json_quoted(std::string(201, 'a'))).
std::string json_quoted(std::string_view text);

}  // namespace vigie::testing
