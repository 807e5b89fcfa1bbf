// events/data_fields.hpp
//
// Read access to the `data` of a stored event by field name, for code that folds events into
// figures (kpi/). The event passed validation, so a field the catalogue requires is there with
// its type; an optional one may be absent (the accessors then give an empty value).
// Views into a thread-local parser: a DataFields is valid until the next of() on the same thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "common/expected.hpp"
#include "common/time.hpp"
#include "events/event.hpp"

namespace vigie::events {

class DataFields {
 public:
  static Expected<DataFields> of(const Event& event);

  std::string_view text(std::string_view name) const;  // "" when absent, null or not a string
  std::optional<double> number(std::string_view name) const;
  std::optional<LocalDate> date(std::string_view name) const;
  bool flag(std::string_view name) const;  // false when absent
  std::vector<std::string> text_list(std::string_view name) const;  // the strings of an array
  std::optional<DataFields> object(std::string_view name) const;    // a nested object's fields

 private:
  explicit DataFields(simdjson::dom::object object) : object_(object) {}
  simdjson::dom::object object_;
};

}  // namespace vigie::events
