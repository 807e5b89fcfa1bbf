// bench/gap_generator.hpp
//
// `vigie bench gap-instances --out DIR`: larger GAP instances of the published kinds, for
// measuring the planner where no optimum is at hand (the published sets of that size are held
// back from this repository). Types after Chu & Beasley (1997) and Laguna et al. (1995), all
// minimisation, each agent's capacity 80 % of its share of the total resource:
//   C: a_ij uniform in [5, 25], c_ij uniform in [10, 50];
//   D: a_ij uniform in [1, 100], c_ij = 111 − a_ij + e, e uniform in [−10, 10] (cost falls as
//      resource grows: the hard kind);
//   E: a_ij = 1 − 10 ln u, u uniform in (0, 1], c_ij = 1000 / a_ij − 10 v, v uniform in [0, 1]
//      (capacity at least the largest a_ij).
// Seeded by type and size, so that the same files come out on every machine (std::mt19937_64 and
// hand-written draws; the standard distributions differ between libraries).
#pragma once

#include <string>
#include <vector>

#include "common/expected.hpp"
#include "models/planning/gap_instance.hpp"

namespace vigie::bench {

models::planning::GapInstance generate_gap(char type, int agents, int jobs);

// The instance in the OR-Library single-instance format (parse_gap_file reads it back).
std::string format_gap(const models::planning::GapInstance& gap);

// The 24 instances — types C, D, E × 5, 10, 20 agents × 100, 200 jobs and 10, 20 × 400 — as
// files "d20400.txt" in `dir`; returns their paths.
Expected<std::vector<std::string>> write_generated_gaps(const std::string& dir);

}  // namespace vigie::bench
