// models/planning/gap_instance.hpp
//
// The generalised assignment problem (GAP), the core of team planning (models.md, Model 2):
// agents (teams) with a capacity (hours), jobs (sites) each given to exactly one agent, a job
// costing c[i][j] and using a[i][j] of agent i's capacity. The instances of the OR-Library
// format: a file with a leading instance count (gap1.txt … gap12.txt) or a single instance
// without it (the larger published sets). Bad input is refused naming the file, the instance and
// the token position. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"

namespace vigie::models::planning {

enum class Sense : std::uint8_t { minimise, maximise };
std::string_view sense_name(Sense sense);  // "min", "max"

struct GapInstance {
  std::string name;  // "gap1-3" (stem and 1-based position) or "d20400" (a single instance)
  int agents = 0;
  int jobs = 0;
  std::vector<std::int64_t> cost;      // agents × jobs, row by agent
  std::vector<std::int64_t> resource;  // agents × jobs
  std::vector<std::int64_t> capacity;  // agents

  std::int64_t c(int agent, int job) const { return cost[index(agent, job)]; }
  std::int64_t a(int agent, int job) const { return resource[index(agent, job)]; }
  std::size_t index(int agent, int job) const {
    return static_cast<std::size_t>(agent) * static_cast<std::size_t>(jobs) +
           static_cast<std::size_t>(job);
  }
};

// The instances of one file's text; `stem` names them (the file name without extension).
Expected<std::vector<GapInstance>> parse_gap_file(std::string_view text, const std::string& stem);

}  // namespace vigie::models::planning
