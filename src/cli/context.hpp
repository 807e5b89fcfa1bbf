// cli/context.hpp
//
// What every subcommand shares: the global flags (--config, --data-dir, --log-level), the
// configuration built from file, environment and flags, and helpers to open the store.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>

#include "cli/data_dir_lock.hpp"
#include "common/config.hpp"
#include "common/log.hpp"
#include "store/store.hpp"

namespace vigie::cli {

struct GlobalFlags {
  std::string config_path;   // --config; else VIGIE_CONFIG; else ./vigie.toml when present
  std::string data_dir;      // --data-dir
  std::string log_level;     // --log-level
  Settings extra;            // flags of subcommands that override settings (serve --port)
};

class Context {
 public:
  explicit Context(GlobalFlags& flags) : flags_(flags) {}

  // Builds the configuration (file < environment < flags). Throws StartupError when invalid.
  const Config& config();
  const Logger& log();
  // For one-shot commands whose output is their answer (kpis): warnings and errors only, unless
  // --log-level asks for more.
  const Logger& quiet_log();
  // Creates the data directory and opens the store. Throws StartupError on failure.
  store::Store& store();
  GlobalFlags& flags() { return flags_; }

  // Appends to the raw archive every stored event not archived yet (after demo, import).
  Expected<std::uint64_t> archive_pending();

  // For commands that write events (serve, demo, import, replay): holds the data directory's
  // lock until the process ends (data_dir_lock.hpp). Throws StartupError when another holds it.
  void lock_data_dir(const std::string& command);

  // For commands that build a store from scratch (demo, replay): kExitOk when the store holds
  // no event (and any KPI snapshot of an earlier store is removed); otherwise says why on
  // stderr, naming `command`, and returns the exit code.
  int require_empty_store(const char* command);

 private:
  GlobalFlags& flags_;
  std::unique_ptr<Config> config_;
  std::unique_ptr<Logger> log_;
  std::unique_ptr<Logger> quiet_log_;
  std::unique_ptr<store::Store> store_;
  std::optional<DataDirLock> lock_;
};

// "vigie <command>: <error>" on stderr; returns kExitFailure (the job failed).
int report_failure(const char* command, const Error& error);

// Each subcommand adds itself to the app; its callback runs with the context and sets `exit_code`.
void add_version_command(CLI::App& app, Context& context, int& exit_code);
void add_serve_command(CLI::App& app, Context& context, int& exit_code);
void add_demo_command(CLI::App& app, Context& context, int& exit_code);
void add_token_command(CLI::App& app, Context& context, int& exit_code);
void add_user_command(CLI::App& app, Context& context, int& exit_code);
void add_import_command(CLI::App& app, Context& context, int& exit_code);
void add_replay_command(CLI::App& app, Context& context, int& exit_code);
void add_bench_command(CLI::App& app, Context& context, int& exit_code);
void add_config_command(CLI::App& app, Context& context, int& exit_code);
void add_kpis_command(CLI::App& app, Context& context, int& exit_code);
void add_models_commands(CLI::App& app, Context& context, int& exit_code);  // train, eval, models
void add_predict_command(CLI::App& app, Context& context, int& exit_code);
void add_plan_command(CLI::App& app, Context& context, int& exit_code);
// `train triage` and `eval triage`, under the `train` and `eval` commands of add_models_commands.
void add_triage_commands(CLI::App& train, CLI::App& eval, Context& context, int& exit_code);
void add_classify_command(CLI::App& app, Context& context, int& exit_code);
void add_eval_text_command(CLI::App& eval, Context& context, int& exit_code);  // `eval text`
void add_eval_planner_command(CLI::App& eval, Context& context, int& exit_code);  // `eval planner`

}  // namespace vigie::cli
