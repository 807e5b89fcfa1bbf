// tests/support/api_server.hpp — the real HTTP stack for API tests: a fresh SQLite store in a
// temporary data directory, a ServerStack on a free loopback port, and a client for it.
// Adjust config() and seed store() first, then start(): the pipeline reads the known sites then.
#pragma once

#include <httplib.h>

#include <memory>
#include <string>

#include "cli/server_stack.hpp"
#include "common/config.hpp"
#include "common/log.hpp"
#include "store/rows.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::testing {

class ApiServer {
 public:
  ApiServer();  // opens the store; aborts the test if it cannot
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  Config& config() { return config_; }
  store::Store& store() { return *store_; }
  const TempDir& dir() const { return dir_; }

  // Starts the server; false (with a test failure) if it could not.
  bool start();
  httplib::Client& client() { return *client_; }
  int port() const { return port_; }
  cli::ServerStack& stack() { return *stack_; }

  // A new token of `role` (for `person` when the role needs one).
  std::string token(store::Role role, const std::string& person = "");

  // POST with a bearer token (none when empty).
  httplib::Result post(const std::string& path, const std::string& body, const std::string& token,
                       const std::string& content_type = "application/json");

 private:
  TempDir dir_;
  Config config_;
  Logger log_{LogLevel::error};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<cli::ServerStack> stack_;
  std::unique_ptr<httplib::Client> client_;
  int port_ = 0;
};

}  // namespace vigie::testing
