#include "bench/planner_bench.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "bench/cbc_cli_peer.hpp"
#include "bench/child_process.hpp"
#include "common/file_io.hpp"
#include "models/planning/gap_checker.hpp"

namespace vigie::bench {
namespace {

namespace planning = models::planning;
using Optima = std::map<std::pair<std::string, int>, std::pair<std::int64_t, std::int64_t>>;

// optima.csv beside a file: (file name, index) → (max, min). Absent or unreadable: none.
Optima optima_beside(const std::filesystem::path& file) {
  Optima optima;
  std::ifstream csv(file.parent_path() / "optima.csv");
  std::string line;
  if (!std::getline(csv, line)) return optima;
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');) cells.push_back(cell);
    if (cells.size() < 7) continue;
    try {
      optima[{cells[0], std::stoi(cells[1])}] = {std::stoll(cells[5]), std::stoll(cells[6])};
    } catch (const std::exception&) {
      continue;  // a header repeated or a blank: not an optimum
    }
  }
  return optima;
}

void run_peer(const PlannerBenchOptions& options, const planning::GapInstance& gap,
              const std::string& dir, PlannerInstanceResult& out, PlannerBenchResult& result) {
  const std::string lp = dir + "/" + gap.name + ".lp";
  if (auto written = write_gap_lp(gap, options.sense, lp); !written) {
    result.problems.push_back(written.error().describe());
    return;
  }
  auto run = run_cbc_cli(options.cbc_program, lp, options.time_limit, dir + "/" + gap.name + ".sol");
  if (!run) {
    result.problems.push_back(run.error().describe());
    return;
  }
  out.cbc_value = run->value;
  out.cbc_seconds = run->seconds;
}

}  // namespace

std::optional<double> PlannerInstanceResult::gap_pct() const {
  if (!value || !best_known || *best_known == 0) return std::nullopt;
  return 100.0 * std::abs(static_cast<double>(*value - *best_known)) /
         std::abs(static_cast<double>(*best_known));
}

std::optional<double> PlannerInstanceResult::bound_gap_pct() const {
  if (!value || !bound || *bound == 0) return std::nullopt;
  return 100.0 * std::abs(static_cast<double>(*value) - *bound) / std::abs(*bound);
}

PlannerBenchResult run_planner_bench(const PlannerBenchOptions& options, const Progress& progress) {
  PlannerBenchResult result;
  result.options = options;
  auto dir = TempDir::create("vigie-bench-planner");
  if (!dir) {
    result.problems.push_back(dir.error().describe());
    return result;
  }
  if (options.keep) dir->keep();
  std::string cbc;
  if (options.peer == "cbc") {
    auto found = find_program(options.cbc_program, "--cbc", "coinor-cbc");
    if (!found) {
      result.problems.push_back(found.error().describe());
    } else {
      cbc = *found;
    }
  }
  PlannerBenchOptions peer_options = options;
  peer_options.cbc_program = cbc;
  for (const std::string& file : options.files) {
    const std::filesystem::path path{file};
    auto text = read_file(path);
    if (!text) {
      result.problems.push_back(text.error().describe());
      continue;
    }
    auto instances = planning::parse_gap_file(*text, path.stem().string());
    if (!instances) {
      result.problems.push_back(instances.error().describe());
      continue;
    }
    const Optima optima = optima_beside(path);
    for (std::size_t k = 0; k < instances->size(); ++k) {
      const planning::GapInstance& gap = (*instances)[k];
      say(progress, gap.name + " (" + std::to_string(gap.agents) + " × " + std::to_string(gap.jobs) + ")");
      PlannerInstanceResult out;
      out.name = gap.name;
      const auto known = optima.find({path.filename().string(), static_cast<int>(k) + 1});
      if (known != optima.end()) {
        out.best_known = options.sense == planning::Sense::maximise ? known->second.first : known->second.second;
      }
      const planning::GapSolution solution = planning::solve_gap(
          gap, {options.sense, std::chrono::duration<double>(options.time_limit), options.method});
      out.seconds = solution.seconds;
      out.bound = solution.bound;
      if (solution.assignment) {
        const planning::GapCheck check = planning::check_assignment(gap, *solution.assignment);
        if (!check.feasible || check.value != solution.value) {
          result.problems.push_back(gap.name + ": the checker refuses the solver's answer: " +
                                    (check.problems.empty() ? "value " + std::to_string(check.value) +
                                                                  " ≠ " + std::to_string(solution.value)
                                                            : check.problems.front()));
        } else {
          out.value = check.value;
          out.assignment = *solution.assignment;
          out.proven_optimal = solution.proven_optimal;
        }
      }
      if (!cbc.empty()) run_peer(peer_options, gap, dir->path(), out, result);
      result.instances.push_back(std::move(out));
    }
  }
  return result;
}

}  // namespace vigie::bench
