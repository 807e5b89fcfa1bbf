// cli/server_stack.hpp
//
// Everything `vigie serve` runs, built in dependency order and stopped in reverse:
// pipeline (group commit) → metrics and archive observers → webhooks → HTTP server.
// Tests build one on a temporary data directory to talk to a real server.
#pragma once

#include <memory>

#include "api/auth.hpp"
#include "api/http_server.hpp"
#include "api/metrics.hpp"
#include "common/config.hpp"
#include "common/log.hpp"
#include "ingest/pipeline.hpp"
#include "store/store.hpp"

namespace vigie::cli {

class ServerStack {
 public:
  ServerStack(const Config& config, const Logger& log, store::Store& store);
  ~ServerStack();

  Expected<int> start(const std::string& host, int port);  // returns the bound port
  void stop();  // idempotent

  ingest::Pipeline& pipeline() { return *pipeline_; }
  api::Metrics& metrics() { return metrics_; }

 private:
  const Config& config_;
  const Logger& log_;
  store::Store& store_;
  api::Metrics metrics_;
  std::unique_ptr<ingest::Pipeline> pipeline_;
  api::Authenticator auth_;
  std::unique_ptr<api::ApiServices> services_;
  std::unique_ptr<api::HttpServer> server_;
  bool stopped_ = false;
};

}  // namespace vigie::cli
