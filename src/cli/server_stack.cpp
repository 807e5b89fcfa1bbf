#include "cli/server_stack.hpp"

namespace vigie::cli {

ServerStack::ServerStack(const Config& config, const Logger& log, store::Store& store)
    : config_(config),
      log_(log),
      store_(store),
      pipeline_(std::make_unique<ingest::Pipeline>(
          store, ingest::PipelineOptions{config.group_commit_max_events})),
      auth_(store) {
  pipeline_->add_observer(&metrics_);
  metrics_.add_gauge("vigie_ingest_queue_depth", "Events waiting for the group commit.",
                     [this] { return static_cast<double>(pipeline_->queue_depth()); });
  services_ = std::make_unique<api::ApiServices>(
      api::ApiServices{config_, log_, store_, *pipeline_, auth_, metrics_});
  server_ = std::make_unique<api::HttpServer>(*services_, api::all_routes(*services_));
}

ServerStack::~ServerStack() { stop(); }

Expected<int> ServerStack::start(const std::string& host, int port) {
  return server_->start(host, port);
}

void ServerStack::stop() {
  if (stopped_) return;
  stopped_ = true;
  server_->stop();      // in-flight requests finish and are acknowledged first
  pipeline_->shutdown();  // then what they queued is committed
}

}  // namespace vigie::cli
