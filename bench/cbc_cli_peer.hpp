// bench/cbc_cli_peer.hpp
//
// The `cbc` command-line program (Debian's coinor-cbc) as the peer of `vigie bench planner
// --peer cbc`: each GAP instance written as an LP file (binary x_i_j, one agent per job, each
// agent within its capacity), solved with the same time limit on one thread, its solution file
// read back. The program's exit status says nothing (0 even for a missing file), so the solution
// file is removed first and must be written.
#pragma once

#include <optional>
#include <string>

#include "common/expected.hpp"
#include "models/planning/gap_instance.hpp"

namespace vigie::bench {

struct CbcCliRun {
  double seconds = 0;                // wall time of the program
  std::optional<double> value;       // nullopt when it found no integer solution
  std::string status;                // the solution file's first words: "Optimal", "Stopped on time"…
};

Expected<void> write_gap_lp(const models::planning::GapInstance& gap,
                            models::planning::Sense sense, const std::string& path);

Expected<CbcCliRun> run_cbc_cli(const std::string& program, const std::string& lp_path,
                                double time_limit_seconds, const std::string& solution_path);

}  // namespace vigie::bench
