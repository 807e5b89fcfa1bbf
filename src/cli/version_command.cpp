#include <cstdio>

#include "cli/context.hpp"
#include "common/version.hpp"

namespace vigie::cli {

void add_version_command(CLI::App& app, Context&, int&) {
  auto* command = app.add_subcommand("version", "print the version and the git commit");
  command->callback([] {
    std::printf("vigie %.*s (commit %.*s)\n", static_cast<int>(version().size()), version().data(),
                static_cast<int>(git_commit().size()), git_commit().data());
  });
}

}  // namespace vigie::cli
