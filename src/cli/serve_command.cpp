// `vigie serve [--host H] [--port N] [--demo]`: the API, ingestion and operations endpoints.
// SIGTERM or SIGINT stop it cleanly: no new connections, in-flight requests answered, queued
// events committed, then exit 0 — nothing acknowledged is lost.
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>

#include "api/auth.hpp"

#include "api/http_server.hpp"
#include "cli/context.hpp"
#include "cli/demo_accounts.hpp"
#include "cli/demo_builder.hpp"
#include "cli/exit_codes.hpp"
#include "cli/server_stack.hpp"

namespace vigie::cli {
namespace {

struct ServeOptions {
  std::string host;
  int port = 0;
  bool demo = false;
  bool train = true;  // with --demo: train the models that have no version yet
};

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

// In demo mode, an admin token to try the API with, written once to <data_dir>/demo-admin-token
// (readable by the owner only) rather than printed into logs, which may be shipped elsewhere.
Expected<void> ensure_demo_token(const Config& config, store::Store& store, const Logger& log) {
  const std::filesystem::path path = std::filesystem::path(config.data_dir) / "demo-admin-token";
  if (std::filesystem::exists(path)) return {};
  const auto now = instant_now();
  auto token = api::create_token(store, store::Role::admin, "", "demo", now);
  if (!token) return token.error();
  {
    std::ofstream out(path);
    out << *token << '\n';
    if (!out) return Error::make(ErrorCode::io, "cannot write " + path.string());
  }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  log.info("demo admin token written", {{"path", path.string()}});
  return {};
}

// The demo company if the store is empty, its admin token and its dashboard accounts.
Expected<std::vector<api::DemoAccount>> prepare_demo(const Config& config, const Logger& log,
                                                     store::Store& store, ingest::Pipeline& pipeline) {
  if (auto built = build_demo_if_empty(store, pipeline, config, log); !built) return built.error();
  if (auto token = ensure_demo_token(config, store, log); !token) return token.error();
  auto accounts = demo_accounts(store);
  if (!accounts) return accounts.error();
  if (auto made = ensure_demo_accounts(store, *accounts, instant_now()); !made) return made.error();
  return accounts;
}

// The demo shows delay predictions and incident triage from its first minutes: a model with no
// version yet is trained once by its weekly job, in the background, so the server answers
// meanwhile (the live predictions and the triage take the version when it is promoted).
void train_missing_models(store::Store& store, JobScheduler& jobs, const Logger& log) {
  for (const auto& [model, job] : {std::pair{"delay", "retrain_delay"}, std::pair{"triage", "retrain_triage"}}) {
    auto versions = store.model_versions(model);
    if (!versions) {
      log.warn("model versions not read", {{"model", model}, {"error", versions.error().describe()}});
      continue;
    }
    if (!versions->empty()) continue;  // trained once already: promoting is a person's call
    jobs.run_now(job);
    log.info("training the demo's model in the background", {{"model", model}, {"job", job}});
  }
}

int serve(Context& context, const ServeOptions& options) {
  // Blocked before any thread starts, so every thread inherits the mask and only sigwait sees them.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (!options.host.empty()) context.flags().extra["server.host"] = options.host;
  if (options.port != 0) context.flags().extra["server.port"] = std::to_string(options.port);
  const Config& config = context.config();
  const Logger& log = context.log();
  context.lock_data_dir("serve");
  store::Store& store = context.store();

  ServerStack stack(config, log, store);
  if (options.demo) {
    auto accounts = prepare_demo(config, log, store, stack.pipeline());
    if (!accounts) {
      log.error("demo company not built", {{"error", accounts.error().describe()}});
      return kExitFailure;
    }
    stack.list_demo_accounts(std::move(*accounts));
  }
  auto started = stack.start(config.server.host, config.server.port);
  if (!started) {
    log.error("cannot start", {{"error", started.error().describe()}});
    return kExitFailure;
  }
  if (options.demo && options.train) train_missing_models(store, stack.jobs(), log);
  log.info("listening", {{"host", config.server.host},
                         {"port", static_cast<std::int64_t>(*started)},
                         {"data_dir", config.data_dir}});
  int signal_number = 0;
  sigwait(&signals, &signal_number);
  log.info("stopping", {{"signal", static_cast<std::int64_t>(signal_number)}});
  stack.stop();
  log.info("stopped");
  return kExitOk;
}

}  // namespace

void add_serve_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("serve", "serve the API, ingestion and dashboards");
  auto options = std::make_shared<ServeOptions>();
  command->add_option("--host", options->host, "address to listen on (server.host)");
  command->add_option("--port", options->port, "TCP port (server.port)");
  command->add_flag("--demo", options->demo,
                    "build the demo company first if the store is empty, and train the models "
                    "that have no version yet (in the background)");
  command->add_flag("--train,!--no-train", options->train,
                    "with --demo: train the models that have no version (default: yes)");
  command->callback([&context, &exit_code, options] { exit_code = serve(context, *options); });
}

}  // namespace vigie::cli
