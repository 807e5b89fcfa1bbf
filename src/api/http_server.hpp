// api/http_server.hpp
//
// Serves the route table over HTTP/1.1 with keep-alive, on a pool of worker threads large
// enough that many requests can wait on one group commit at once. Bodies over the configured
// limit get 413 with a JSON error before any handler runs. No exception leaves a handler: it
// becomes a JSON 500 with code `internal` (and a log line).
// start() returns once listening; stop() stops accepting, finishes in-flight requests, returns.
#pragma once

#include <memory>
#include <thread>
#include <vector>

#include "api/routes.hpp"

namespace vigie::api {

class HttpServer {
 public:
  HttpServer(ApiServices& services, std::vector<Route> routes);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds host:port (port 0 picks a free one) and serves on a background thread.
  Expected<int> start(const std::string& host, int port);
  void stop();
  int port() const { return port_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace vigie::api
