// bench/vigie_server.hpp
//
// A real `vigie serve` for a benchmark: a child process of this very binary on a fresh data
// directory and a free loopback port, authenticated by an admin token created in that directory's
// store beforehand. What it answers is what a sender would get, fsync included.
// Not thread-safe; target() may be copied to any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bench/child_process.hpp"
#include "bench/http_load.hpp"
#include "common/expected.hpp"

namespace vigie::bench {

struct VigieServerOptions {
  std::string binary = "/proc/self/exe";
  std::string data_dir;  // created empty by the caller; the server's log goes to data_dir/serve.log
};

class VigieServer {
 public:
  // Creates the token, starts the server and returns once /readyz answers 200.
  static Expected<VigieServer> start(const VigieServerOptions& options);

  const HttpTarget& target() const { return target_; }  // carries the bearer token
  pid_t pid() const { return process_.pid(); }
  std::string log_path() const { return data_dir_ + "/serve.log"; }

  // The Prometheus text of /metrics; the error text on failure.
  std::string metrics() const;

  // SIGTERM (queued events are committed first); returns the exit status.
  int stop() { return process_.stop(); }

  // Events in the store; only once stopped (it opens the store file itself).
  Expected<std::uint64_t> stored_events() const;

 private:
  VigieServer(ChildProcess process, std::string data_dir, HttpTarget target)
      : process_(std::move(process)), data_dir_(std::move(data_dir)), target_(std::move(target)) {}

  ChildProcess process_;
  std::string data_dir_;
  HttpTarget target_;
};

// The integer after "key": in a small JSON reply ({"accepted":500,…}); nullopt if absent.
std::optional<std::uint64_t> json_count(std::string_view body, std::string_view key);

}  // namespace vigie::bench
