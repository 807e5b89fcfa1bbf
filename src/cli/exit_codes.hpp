// cli/exit_codes.hpp — what `vigie`'s exit status means (also in the README).
#pragma once

#include <cstdio>

#include "common/error.hpp"

namespace vigie::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // the job failed (store, disk, network)
inline constexpr int kExitUsage = 2;         // bad flags or configuration
inline constexpr int kExitPartial = 3;       // done, but some input was refused (import, replay)
inline constexpr int kExitMismatch = 4;      // a check found a difference (replay --verify)

// Prints "vigie: <error>" to stderr; the exit status for it (usage for bad input).
inline int fail(const Error& error) {
  std::fprintf(stderr, "vigie: %s\n", error.describe().c_str());
  return error.code == ErrorCode::invalid ? kExitUsage : kExitFailure;
}

}  // namespace vigie::cli
