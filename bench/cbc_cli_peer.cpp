#include "bench/cbc_cli_peer.hpp"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "bench/child_process.hpp"
#include "bench/report.hpp"

namespace vigie::bench {
namespace {

constexpr int kTermsPerLine = 8;  // LP readers dislike very long lines

std::string variable(int i, int j) { return "x_" + std::to_string(i) + "_" + std::to_string(j); }

}  // namespace

Expected<void> write_gap_lp(const models::planning::GapInstance& gap,
                            models::planning::Sense sense, const std::string& path) {
  std::ostringstream lp;
  lp << (sense == models::planning::Sense::maximise ? "Maximize\n obj:" : "Minimize\n obj:");
  int terms = 0;
  for (int i = 0; i < gap.agents; ++i) {
    for (int j = 0; j < gap.jobs; ++j) {
      const auto c = gap.c(i, j);
      lp << (c < 0 ? " - " : " + ") << (c < 0 ? -c : c) << ' ' << variable(i, j);
      if (++terms % kTermsPerLine == 0) lp << "\n";
    }
  }
  lp << "\nSubject To\n";
  for (int j = 0; j < gap.jobs; ++j) {
    lp << " job" << j << ":";
    for (int i = 0; i < gap.agents; ++i) {
      lp << " + " << variable(i, j);
      if ((i + 1) % kTermsPerLine == 0) lp << "\n";
    }
    lp << " = 1\n";
  }
  for (int i = 0; i < gap.agents; ++i) {
    lp << " agent" << i << ":";
    for (int j = 0; j < gap.jobs; ++j) {
      lp << " + " << gap.a(i, j) << ' ' << variable(i, j);
      if ((j + 1) % kTermsPerLine == 0) lp << "\n";
    }
    lp << " <= " << gap.capacity[static_cast<std::size_t>(i)] << "\n";
  }
  lp << "Binary\n";
  for (int i = 0; i < gap.agents; ++i) {
    for (int j = 0; j < gap.jobs; ++j) lp << ' ' << variable(i, j) << "\n";
  }
  lp << "End\n";
  std::ofstream file(path, std::ios::trunc);
  file << lp.str();
  if (!file.flush()) return Error::make(ErrorCode::io, "cannot write " + path);
  return {};
}

Expected<CbcCliRun> run_cbc_cli(const std::string& program, const std::string& lp_path,
                                double time_limit_seconds, const std::string& solution_path) {
  std::remove(solution_path.c_str());
  const std::string log = solution_path + ".log";
  const Stopwatch watch;
  auto child = ChildProcess::spawn({program, lp_path, "sec", std::to_string(time_limit_seconds),
                                    "timeMode", "elapsed", "threads", "1", "log", "0", "solve",
                                    "solution", solution_path},
                                   log);
  if (!child) return child.error();
  child->wait();
  CbcCliRun run;
  run.seconds = watch.seconds();
  std::ifstream solution(solution_path);
  std::string first;
  if (!std::getline(solution, first)) {
    return Error::make(ErrorCode::io, program + " wrote no solution for " + lp_path + " (see " + log + ")");
  }
  run.status = first.substr(0, first.find(" - "));
  const auto at = first.find("objective value");
  const bool integer = first.find("no integer solution") == std::string::npos &&
                       first.find("infeasible") == std::string::npos;
  if (at != std::string::npos && integer) {
    run.value = std::stod(first.substr(at + std::string{"objective value"}.size()));
  }
  return run;
}

}  // namespace vigie::bench
