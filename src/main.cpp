// vigie — one binary, many subcommands (`vigie --help`). Each subcommand lives in src/cli/.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/expected.hpp"
#include "common/version.hpp"

int main(int argc, char** argv) {
  using namespace vigie::cli;
  CLI::App app{"Vigie: les données des chantiers, transformées en décisions."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "vigie " + std::string{vigie::version()} + " (commit " +
                                        std::string{vigie::git_commit()} + ")");
  GlobalFlags flags;
  app.add_option("--config", flags.config_path, "TOML configuration file");
  app.add_option("--data-dir", flags.data_dir, "where Vigie writes (default ./vigie-data)");
  app.add_option("--log-level", flags.log_level, "debug, info, warn or error");

  Context context(flags);
  int exit_code = kExitOk;
  add_version_command(app, context, exit_code);
  add_config_command(app, context, exit_code);
  add_serve_command(app, context, exit_code);
  add_demo_command(app, context, exit_code);
  add_token_command(app, context, exit_code);
  add_user_command(app, context, exit_code);
  add_import_command(app, context, exit_code);
  add_replay_command(app, context, exit_code);
  add_kpis_command(app, context, exit_code);
  add_models_commands(app, context, exit_code);
  add_predict_command(app, context, exit_code);
  add_plan_command(app, context, exit_code);
  add_classify_command(app, context, exit_code);
  add_bench_command(app, context, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  } catch (const vigie::StartupError& e) {
    std::fprintf(stderr, "vigie: %s\n", e.message.c_str());
    return kExitUsage;
  }
  return exit_code;
}
