// `vigie config`: every setting, its value once file, environment and flags are applied, and
// what it means. Secrets are masked.
#include <cstdio>

#include "cli/context.hpp"

namespace vigie::cli {

void add_config_command(CLI::App& app, Context& context, int&) {
  auto* command = app.add_subcommand("config", "print the settings in force and their meaning");
  command->callback([&context] {
    const Config& config = context.config();
    std::printf("data_dir = %s\nlog_level = %s\nserver.host = %s\nserver.port = %d\n",
                config.data_dir.c_str(), config.log_level.c_str(), config.server.host.c_str(),
                config.server.port);
    std::printf("server.threads = %d\nserver.max_body_bytes = %zu\nserver.max_batch_events = %zu\n",
                config.server.threads, config.server.max_body_bytes,
                config.server.max_batch_events);
    std::printf("store.engine = %s\narchive.max_file_bytes = %zu\n",
                config.store_engine.c_str(), config.archive_max_file_bytes);
    std::printf("ingest.group_commit_max_events = %zu\nwebhooks.window_seconds = %d\n",
                config.group_commit_max_events, config.webhook_window_seconds);
    for (const auto& source : config.webhooks) {
      std::printf("webhooks.%s.mapping = %s\nwebhooks.%s.secret = %s\n", source.name.c_str(),
                  source.mapping.c_str(), source.name.c_str(),
                  source.secret.empty() ? "(none)" : "(set)");
    }
    std::printf("\n# Settings (key, default, meaning):\n");
    for (const auto& doc : documented_settings()) {
      std::printf("#   %-32s %-12s %s\n", doc.key.c_str(), doc.default_value.c_str(),
                  doc.meaning.c_str());
    }
  });
}

}  // namespace vigie::cli
