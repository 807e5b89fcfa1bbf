// bench/measured_company.hpp
//
// The company a benchmark measures, opened as Vigie's store: the demo company built by
// `vigie demo` in a child process into a fresh scratch directory, exactly as a user would build
// it, or an existing data directory. The scratch directory is the benchmark's for the rest of
// its run (peers' files, logs) and is removed at the end unless kept.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "bench/child_process.hpp"
#include "bench/report.hpp"
#include "common/expected.hpp"
#include "common/time.hpp"
#include "store/store.hpp"

namespace vigie::bench {

struct CompanyOptions {
  std::string scratch_prefix;  // "vigie-bench-kpi": the scratch directory's name
  std::string vigie_binary;    // the program that runs `demo`
  int sites = 100;
  int years = 3;
  std::uint64_t seed = 1;
  std::string end;       // last simulated day, YYYY-MM-DD (default: today, Paris)
  std::string data_dir;  // measure this existing data directory instead of building the demo
  bool keep = false;     // keep the scratch directory
};

struct MeasuredCompany {
  TempDir work;
  LocalDate end{};  // the last simulated day
  std::unique_ptr<store::Store> store;
  std::uint64_t events = 0;  // stored
};

// The demo's output goes to `<scratch>/vigie-demo.log`, named in the error when it fails.
Expected<MeasuredCompany> open_measured_company(const CompanyOptions& options,
                                                const Progress& progress);

}  // namespace vigie::bench
