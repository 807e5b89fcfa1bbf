// `vigie serve [--host H] [--port N] [--demo]`: the API, ingestion and operations endpoints.
// SIGTERM or SIGINT stop it cleanly: no new connections, in-flight requests answered, queued
// events committed, then exit 0 — nothing acknowledged is lost.
#include <pthread.h>
#include <signal.h>

#include <memory>

#include "api/http_server.hpp"
#include "cli/context.hpp"
#include "cli/demo_builder.hpp"
#include "cli/exit_codes.hpp"
#include "cli/server_stack.hpp"

namespace vigie::cli {
namespace {

struct ServeOptions {
  std::string host;
  int port = 0;
  bool demo = false;
};

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

int serve(Context& context, const ServeOptions& options) {
  // Blocked before any thread starts, so every thread inherits the mask and only sigwait sees them.
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  if (!options.host.empty()) context.flags().extra["server.host"] = options.host;
  if (options.port != 0) context.flags().extra["server.port"] = std::to_string(options.port);
  const Config& config = context.config();
  const Logger& log = context.log();
  store::Store& store = context.store();

  ServerStack stack(config, log, store);
  if (options.demo) {
    auto built = build_demo_if_empty(store, stack.pipeline(), config, log);
    if (!built) {
      log.error("demo company not built", {{"error", built.error().describe()}});
      return kExitFailure;
    }
  }
  auto started = stack.start(config.server.host, config.server.port);
  if (!started) {
    log.error("cannot start", {{"error", started.error().describe()}});
    return kExitFailure;
  }
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
                    "build the demo company first if the store is empty");
  command->callback([&context, &exit_code, options] { exit_code = serve(context, *options); });
}

}  // namespace vigie::cli
