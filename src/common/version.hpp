// common/version.hpp — the version and the git commit this binary was built from.
#pragma once

#include <string_view>

namespace vigie {
std::string_view version();
std::string_view git_commit();
}  // namespace vigie
