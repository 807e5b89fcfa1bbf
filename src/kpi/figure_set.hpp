// kpi/figure_set.hpp
//
// The figures of one KPI under their contract keys (kpis.md, "the figures' names"), in order:
// a number, a count, "no data", a nested set (active_by_size) or a list of names (most_used).
// One shape for every KPI, so that the change against the previous period, the JSON of the API
// and the French terminal table are each written once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kpi/figure.hpp"

namespace vigie::kpi {

struct FigureSet;
using Names = std::vector<std::string>;
using FigureValue =
    std::variant<std::monostate, double, std::int64_t, std::shared_ptr<FigureSet>, Names>;

struct FigureEntry {
  std::string key;
  FigureValue value;
};

struct FigureSet {
  std::vector<FigureEntry> entries;

  FigureSet& number(std::string key, Figure value);  // nullopt → no data
  FigureSet& number(std::string key, double value);
  FigureSet& count(std::string key, std::int64_t value);
  FigureSet& nested(std::string key, FigureSet value);
  FigureSet& names(std::string key, Names value);
  const FigureValue* find(const std::string& key) const;
};

// value − previous for every number and count (nested sets too); "no data" when either side
// has none; lists of names have no change and are left out.
FigureSet change_between(const FigureSet& value, const FigureSet& previous);

}  // namespace vigie::kpi
