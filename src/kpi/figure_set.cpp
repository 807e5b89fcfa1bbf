#include "kpi/figure_set.hpp"

namespace vigie::kpi {
namespace {

std::optional<double> as_number(const FigureValue& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<double>(*n);
  return std::nullopt;
}

}  // namespace

FigureSet& FigureSet::number(std::string key, Figure value) {
  entries.push_back({std::move(key), value ? FigureValue{*value} : FigureValue{}});
  return *this;
}

FigureSet& FigureSet::number(std::string key, double value) {
  entries.push_back({std::move(key), value});
  return *this;
}

FigureSet& FigureSet::count(std::string key, std::int64_t value) {
  entries.push_back({std::move(key), value});
  return *this;
}

FigureSet& FigureSet::nested(std::string key, FigureSet value) {
  entries.push_back({std::move(key), std::make_shared<FigureSet>(std::move(value))});
  return *this;
}

FigureSet& FigureSet::names(std::string key, Names value) {
  entries.push_back({std::move(key), std::move(value)});
  return *this;
}

const FigureValue* FigureSet::find(const std::string& key) const {
  for (const auto& entry : entries) {
    if (entry.key == key) return &entry.value;
  }
  return nullptr;
}

FigureSet change_between(const FigureSet& value, const FigureSet& previous) {
  FigureSet out;
  for (const auto& entry : value.entries) {
    const FigureValue* before = previous.find(entry.key);
    if (std::holds_alternative<Names>(entry.value)) continue;
    if (const auto* set = std::get_if<std::shared_ptr<FigureSet>>(&entry.value)) {
      const auto* earlier = before ? std::get_if<std::shared_ptr<FigureSet>>(before) : nullptr;
      out.nested(entry.key, change_between(**set, earlier ? **earlier : FigureSet{}));
      continue;
    }
    const auto now = as_number(entry.value);
    const auto then = before ? as_number(*before) : std::nullopt;
    if (now && then && std::holds_alternative<std::int64_t>(entry.value)) {
      out.count(entry.key, std::get<std::int64_t>(entry.value) - std::get<std::int64_t>(*before));
    } else {
      out.number(entry.key, now && then ? Figure{*now - *then} : std::nullopt);
    }
  }
  return out;
}

}  // namespace vigie::kpi
