// cli/exit_codes.hpp — what `vigie`'s exit status means (also in the README).
#pragma once

namespace vigie::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;       // the job failed (store, disk, network)
inline constexpr int kExitUsage = 2;         // bad flags or configuration
inline constexpr int kExitPartial = 3;       // done, but some input was refused (import, replay)
inline constexpr int kExitMismatch = 4;      // a check found a difference (replay --verify)

}  // namespace vigie::cli
