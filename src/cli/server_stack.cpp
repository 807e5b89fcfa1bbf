#include "cli/server_stack.hpp"

#include "kpi/company_loader.hpp"

namespace vigie::cli {

std::vector<ingest::WebhookSource> load_webhook_sources(const Config& config, const Logger& log) {
  std::vector<ingest::WebhookSource> sources;
  for (const auto& source : config.webhooks) {
    if (source.secret.empty()) {
      log.warn("webhook source disabled: no secret", {{"source", source.name}});
      continue;
    }
    if (source.mapping.empty()) {
      throw StartupError{"webhooks." + source.name + ".mapping: is required"};
    }
    auto mapping = ingest::load_webhook_mapping(source.mapping);
    if (!mapping) {
      throw StartupError{"webhooks." + source.name + ".mapping: " + mapping.error().describe()};
    }
    sources.push_back({source.name, source.secret, std::move(*mapping)});
  }
  return sources;
}

ServerStack::ServerStack(const Config& config, const Logger& log, store::Store& store)
    : config_(config),
      log_(log),
      store_(store),
      pipeline_(std::make_unique<ingest::Pipeline>(
          store, ingest::PipelineOptions{config.group_commit_max_events})),
      auth_(store) {
  ingest::RawArchiveOptions archive;
  archive.archive_dir = config.lake_dir();
  archive.max_file_bytes = config.archive_max_file_bytes;
  archiver_ = std::make_unique<ingest::Archiver>(store, archive, log);
  pipeline_->add_observer(&metrics_);
  pipeline_->add_observer(archiver_.get());
  // The KPI state starts from every stored event, before any request can add one.
  auto company = kpi::load_company(store);
  if (!company) throw StartupError{"cannot fold the stored events into KPIs: " + company.error().describe()};
  kpis_ = std::make_unique<kpi::LiveCompany>(std::move(*company));
  kpi_feed_ = std::make_unique<api::KpiFeed>(*kpis_);
  pipeline_->add_observer(kpi_feed_.get());
  metrics_.add_gauge("vigie_ingest_queue_depth", "Events waiting for the group commit.",
                     [this] { return static_cast<double>(pipeline_->queue_depth()); });

  auto sources = load_webhook_sources(config, log);
  if (!sources.empty()) {
    webhooks_ = std::make_unique<ingest::WebhookReceiver>(
        std::move(sources), *pipeline_, store,
        ingest::WebhookSettings{std::chrono::seconds{config.webhook_window_seconds}});
  }
  services_ = std::make_unique<api::ApiServices>(
      api::ApiServices{config_, log_, store_, *pipeline_, auth_, metrics_, webhooks_.get(),
                       kpis_.get()});
  server_ = std::make_unique<api::HttpServer>(*services_, api::all_routes(*services_));
}

ServerStack::~ServerStack() { stop(); }

Expected<int> ServerStack::start(const std::string& host, int port) {
  archiver_->start();
  return server_->start(host, port);
}

void ServerStack::stop() {
  if (stopped_) return;
  stopped_ = true;
  server_->stop();        // in-flight requests finish and are acknowledged first
  pipeline_->shutdown();  // then what they queued is committed
  archiver_->stop();      // and archived
}

}  // namespace vigie::cli
