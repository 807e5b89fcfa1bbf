#include "common/version.hpp"

namespace vigie {
std::string_view version() { return VIGIE_VERSION; }
std::string_view git_commit() { return VIGIE_GIT_COMMIT; }
}  // namespace vigie
