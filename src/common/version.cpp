#include "common/version.hpp"

#include "git_commit.h"  // generated at build time (cmake/git_commit.cmake)

namespace vigie {
std::string_view version() { return VIGIE_VERSION; }
std::string_view git_commit() { return VIGIE_GIT_COMMIT; }
}  // namespace vigie
