#include "bench/vigie_server.hpp"

#include <charconv>
#include <chrono>
#include <fstream>

#include "api/auth.hpp"
#include "store/store.hpp"

namespace vigie::bench {
namespace {

constexpr auto kStartTimeout = std::chrono::seconds{60};

std::string store_path(const std::string& data_dir) { return data_dir + "/vigie.sqlite"; }

Expected<std::string> create_admin_token(const std::string& data_dir) {
  auto store = store::open_store({"sqlite", store_path(data_dir), true});
  if (!store) return store.error();
  const auto now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  return api::create_token(**store, store::Role::admin, "", "vigie bench", now);
}

// An empty configuration file, so that a vigie.toml in the working directory does not apply.
std::string write_empty_config(const std::string& data_dir) {
  const std::string path = data_dir + "/bench.toml";
  std::ofstream{path} << "# vigie bench: defaults only (VIGIE_* variables still apply)\n";
  return path;
}

}  // namespace

Expected<VigieServer> VigieServer::start(const VigieServerOptions& options) {
  auto token = create_admin_token(options.data_dir);
  if (!token) return token.error();
  auto port = free_loopback_port();
  if (!port) return port.error();
  const std::vector<std::string> argv = {
      options.binary,          "--config", write_empty_config(options.data_dir),
      "--data-dir",            options.data_dir, "--log-level", "warn", "serve",
      "--host",                "127.0.0.1", "--port", std::to_string(*port)};
  auto process = ChildProcess::spawn(argv, options.data_dir + "/serve.log");
  if (!process) return process.error();
  HttpTarget target{"127.0.0.1", *port, {{"Authorization", "Bearer " + *token}}};
  VigieServer server(std::move(*process), options.data_dir, std::move(target));
  const bool ready = wait_until([&] { return http_get(server.target_, "/readyz").status == 200; },
                                [&] { return server.process_.running(); }, kStartTimeout);
  if (!ready) {
    return Error::make(ErrorCode::unavailable,
                       "vigie serve did not become ready (see " + server.log_path() + ")");
  }
  return server;
}

std::string VigieServer::metrics() const { return http_get(target_, "/metrics").body; }

Expected<std::uint64_t> VigieServer::stored_events() const {
  auto store = store::open_store({"sqlite", store_path(data_dir_), true});
  if (!store) return store.error();
  return (*store)->event_count();
}

std::optional<std::uint64_t> json_count(std::string_view body, std::string_view key) {
  const std::string quoted = "\"" + std::string{key} + "\":";
  const auto at = body.find(quoted);
  if (at == std::string_view::npos) return std::nullopt;
  const char* first = body.data() + at + quoted.size();
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(first, body.data() + body.size(), value);
  if (error != std::errc{} || end == first) return std::nullopt;
  return value;
}

}  // namespace vigie::bench
