#include "bench/kpi_figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace vigie::bench {
namespace {

bool from_outside(const std::string& key) {
  return key == "14.alerts_sent" || key.rfind("15.", 0) == 0;
}

void add_set(FlatFigures& out, const std::string& prefix, const kpi::FigureSet& set) {
  for (const kpi::FigureEntry& entry : set.entries) {
    const std::string key = prefix + "." + entry.key;
    if (from_outside(key)) continue;
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::monostate>) {
            out[key] = std::monostate{};
          } else if constexpr (std::is_same_v<T, double>) {
            out[key] = value;
          } else if constexpr (std::is_same_v<T, std::int64_t>) {
            out[key] = static_cast<double>(value);
          } else if constexpr (std::is_same_v<T, std::shared_ptr<kpi::FigureSet>>) {
            add_set(out, key, *value);
          } else {
            out[key] = value;  // names
          }
        },
        entry.value);
  }
}

bool same(const FlatFigure& a, const FlatFigure& b) {
  if (a.index() != b.index()) return false;
  if (const auto* x = std::get_if<double>(&a)) {
    const double y = std::get<double>(b);
    return std::abs(*x - y) <= 1e-6 * std::max({1.0, std::abs(*x), std::abs(y)});
  }
  return a == b;
}

}  // namespace

std::string describe(const FlatFigure& figure) {
  if (std::holds_alternative<std::monostate>(figure)) return "null";
  if (const auto* number = std::get_if<double>(&figure)) {
    char text[64];
    std::snprintf(text, sizeof text, "%.10g", *number);
    return text;
  }
  std::string out = "[";
  for (const std::string& name : std::get<std::vector<std::string>>(figure)) {
    if (out.size() > 1) out += ",";
    out += name;
  }
  return out + "]";
}

bool is_names_figure(std::string_view key) {
  return key == "12.most_used" || key == "12.least_used";
}

std::vector<std::string> split_names(std::string_view joined) {
  std::vector<std::string> names;
  while (!joined.empty()) {
    const auto bar = joined.find('|');
    names.emplace_back(joined.substr(0, bar));
    joined = bar == std::string_view::npos ? std::string_view{} : joined.substr(bar + 1);
  }
  return names;
}

FlatFigures flat_figures(const kpi::KpiReport& report, bool previous) {
  FlatFigures out;
  for (const kpi::KpiResult& kpi : report.kpis) {
    add_set(out, std::to_string(kpi.id), previous ? kpi.previous : kpi.value);
  }
  return out;
}

std::vector<std::string> figure_differences(const FlatFigures& vigie, const FlatFigures& peer) {
  std::vector<std::string> out;
  for (const auto& [key, mine] : vigie) {
    const auto theirs = peer.find(key);
    if (theirs == peer.end()) {
      out.push_back(key + ": missing from the peer");
    } else if (!same(mine, theirs->second)) {
      out.push_back(key + ": " + describe(mine) + " vs " + describe(theirs->second));
    }
  }
  return out;
}

}  // namespace vigie::bench
