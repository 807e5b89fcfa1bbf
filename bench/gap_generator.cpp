#include "bench/gap_generator.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <random>
#include <string_view>

#include "common/file_io.hpp"

namespace vigie::bench {
namespace {

using models::planning::GapInstance;

// Draws written out rather than std::uniform_*_distribution, whose output is left to each
// standard library: the files must not depend on the compiler.
struct Draws {
  std::mt19937_64 engine;
  std::int64_t integer(std::int64_t low, std::int64_t high) {  // in [low, high]
    return low + static_cast<std::int64_t>(engine() % static_cast<std::uint64_t>(high - low + 1));
  }
  double unit() {  // in [0, 1)
    return static_cast<double>(engine() >> 11) * 0x1.0p-53;
  }
};

}  // namespace

GapInstance generate_gap(char type, int agents, int jobs) {
  GapInstance gap;
  gap.name = std::string(1, type) + (agents < 10 ? "0" : "") + std::to_string(agents) + std::to_string(jobs);
  gap.agents = agents;
  gap.jobs = jobs;
  Draws draws{std::mt19937_64(static_cast<std::uint64_t>(type) * 1'000'003u +
                              static_cast<std::uint64_t>(agents) * 1'009u +
                              static_cast<std::uint64_t>(jobs))};
  const auto cells = static_cast<std::size_t>(agents) * static_cast<std::size_t>(jobs);
  gap.cost.resize(cells);
  gap.resource.resize(cells);
  for (std::size_t k = 0; k < cells; ++k) {
    if (type == 'c') {
      gap.resource[k] = draws.integer(5, 25);
      gap.cost[k] = draws.integer(10, 50);
    } else if (type == 'd') {
      gap.resource[k] = draws.integer(1, 100);
      gap.cost[k] = 111 - gap.resource[k] + draws.integer(-10, 10);
    } else {
      gap.resource[k] = static_cast<std::int64_t>(1 - 10 * std::log(1 - draws.unit()));
      gap.cost[k] = static_cast<std::int64_t>(1000.0 / static_cast<double>(gap.resource[k]) -
                                              10 * draws.unit());
    }
  }
  for (int i = 0; i < agents; ++i) {
    const auto row = gap.resource.begin() + static_cast<std::ptrdiff_t>(gap.index(i, 0));
    std::int64_t total = 0, largest = 0;
    for (auto it = row; it != row + jobs; ++it) {
      total += *it;
      largest = std::max(largest, *it);
    }
    const auto capacity = static_cast<std::int64_t>(0.8 * static_cast<double>(total) / agents);
    gap.capacity.push_back(type == 'e' ? std::max(capacity, largest) : capacity);
  }
  return gap;
}

std::string format_gap(const GapInstance& gap) {
  std::string out = std::to_string(gap.agents) + " " + std::to_string(gap.jobs) + "\n";
  const auto rows = [&](const std::vector<std::int64_t>& cells) {
    for (int i = 0; i < gap.agents; ++i) {
      for (int j = 0; j < gap.jobs; ++j) {
        out += std::to_string(cells[gap.index(i, j)]);
        out += j + 1 < gap.jobs ? ' ' : '\n';
      }
    }
  };
  rows(gap.cost);
  rows(gap.resource);
  for (int i = 0; i < gap.agents; ++i) {
    out += std::to_string(gap.capacity[static_cast<std::size_t>(i)]);
    out += i + 1 < gap.agents ? ' ' : '\n';
  }
  return out;
}

Expected<std::vector<std::string>> write_generated_gaps(const std::string& dir) {
  constexpr std::array<std::pair<int, int>, 8> kSizes{
      {{5, 100}, {5, 200}, {10, 100}, {10, 200}, {20, 100}, {20, 200}, {10, 400}, {20, 400}}};
  std::vector<std::string> paths;
  for (const char type : std::string_view{"cde"}) {
    for (const auto& [agents, jobs] : kSizes) {
      const GapInstance gap = generate_gap(type, agents, jobs);
      const std::string path = (std::filesystem::path(dir) / (gap.name + ".txt")).string();
      const std::string text = format_gap(gap);
      const std::string_view parts[] = {text};
      if (auto written = replace_file(path, parts); !written) return written.error();
      paths.push_back(path);
    }
  }
  return paths;
}

}  // namespace vigie::bench
