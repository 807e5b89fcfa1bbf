// events/catalogue.hpp
//
// The rules of each event type's `data`, as a table: a field's name, kind, whether it is required
// or may be null, its bounds and allowed values. The validator (parse.cpp) reads only this table
// plus the few cross-field rules of `check_cross_fields`, so the catalogue is in one place.
// Fields not listed are accepted and kept (senders may add their own).
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "events/event.hpp"

namespace vigie::events {

enum class FieldKind {
  text,        // a JSON string, non-empty, at most max_length bytes
  number,      // a JSON number within [min, max]
  integer,     // a JSON integer within [min, max]
  boolean,
  date,        // "YYYY-MM-DD"
  choice,      // a string among `choices`
  text_list,   // an array of strings
  object,      // any JSON object
};

inline constexpr double kNoMin = -std::numeric_limits<double>::infinity();
inline constexpr double kNoMax = std::numeric_limits<double>::infinity();
inline constexpr std::size_t kMaxIdLength = 200;
// A whole event, compacted: bounds what fields outside the catalogue may carry.
inline constexpr std::size_t kMaxEventBytes = 64 * 1024;
// occurred_at must fall in [1990-01-01, 2100-01-01) UTC: outside, a date is a typo or a clock
// gone wrong, and the archive's YYYY/MM/DD partitions need four-digit years.
inline constexpr std::int64_t kEarliestOccurredAtMs = 631'152'000'000;    // 1990-01-01T00:00:00Z
inline constexpr std::int64_t kLatestOccurredAtMs = 4'102'444'800'000;    // 2100-01-01T00:00:00Z
inline constexpr std::size_t kMaxTextLength = 8000;

struct FieldRule {
  std::string_view name;
  FieldKind kind = FieldKind::text;
  bool required = true;
  bool nullable = false;
  double min = kNoMin;
  double max = kNoMax;
  std::span<const std::string_view> choices = {};
  std::size_t max_length = kMaxIdLength;
};

struct TypeRules {
  EventType type;
  std::span<const FieldRule> fields;
};

// The rules of one type.
const TypeRules& rules_for(EventType type);

// Allowed values, shared with the code that reads them (store, KPIs, demo).
inline constexpr std::string_view kSiteTypes[] = {"residentiel", "tertiaire", "industriel",
                                                  "commercial"};
inline constexpr std::string_view kSiteStatuses[] = {"planned", "active", "suspended",
                                                     "completed", "cancelled"};
inline constexpr std::string_view kPersonRoles[] = {"direction", "manager", "design_office",
                                                    "chief", "worker"};
inline constexpr std::string_view kExpenseCategories[] = {"material", "labour", "subcontracting",
                                                          "other"};
inline constexpr std::string_view kIncidentCategories[] = {"safety", "technical", "material",
                                                           "administrative"};
inline constexpr std::string_view kSeverities[] = {"low", "medium", "high", "critical"};
inline constexpr std::string_view kUrgencies[] = {"1h", "4h", "1d", "3d"};
inline constexpr std::string_view kRequestKinds[] = {"technical", "material",
                                                     "design_office_question"};
inline constexpr std::string_view kRespondents[] = {"client", "chief", "team"};

}  // namespace vigie::events
