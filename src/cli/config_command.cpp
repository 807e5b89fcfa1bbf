// `vigie config`: every setting, its value once file, environment and flags are applied, and
// what it means. Secrets are masked.
#include <cstdio>

#include "cli/context.hpp"

namespace vigie::cli {

void add_config_command(CLI::App& app, Context& context, int&) {
  auto* command = app.add_subcommand("config", "print the settings in force and their meaning");
  command->callback([&context] {
    for (const auto& [key, value] : settings_in_force(context.config())) {
      std::printf("%s = %s\n", key.c_str(), value.c_str());
    }
    std::printf("\n# Settings (key, default, meaning):\n");
    for (const auto& doc : documented_settings()) {
      std::printf("#   %-32s %-12s %s\n", doc.key.c_str(), doc.default_value.c_str(),
                  doc.meaning.c_str());
    }
  });
}

}  // namespace vigie::cli
