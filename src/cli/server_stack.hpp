// cli/server_stack.hpp
//
// Everything `vigie serve` runs, built in dependency order and stopped in reverse:
// pipeline (group commit) → observers (metrics, raw archive, KPI state, delay predictions,
// incident triage) → webhooks → HTTP server.
// Stopping: the HTTP server finishes in-flight requests, the triage worker finishes the write it
// is making, the pipeline commits what they queued,
// the archiver drains, then the KPI state, which now holds every stored event, is saved as the
// snapshot the next start reads (kpi/company_loader.hpp). Tests build one on a temporary data
// directory to talk to a real server.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>

#include "alerts/alert_delivery.hpp"
#include "alerts/alert_rule_book.hpp"
#include "alerts/alert_watch.hpp"
#include "api/auth.hpp"
#include "api/http_server.hpp"
#include "api/commit_feed.hpp"
#include "api/metrics.hpp"
#include "api/sessions.hpp"
#include "common/config.hpp"
#include "common/job_scheduler.hpp"
#include "common/log.hpp"
#include "ingest/archiver.hpp"
#include "ingest/pipeline.hpp"
#include "ingest/webhook_receiver.hpp"
#include "kpi/live_company.hpp"
#include "models/delay/live_predictions.hpp"
#include "models/planning/plan_board.hpp"
#include "models/triage/live_triage.hpp"
#include "store/store.hpp"

namespace vigie::cli {

class ServerStack {
 public:
  // Throws StartupError when a configured webhook source cannot be loaded or the KPI state
  // cannot be read from the store.
  ServerStack(const Config& config, const Logger& log, store::Store& store);
  ~ServerStack();

  Expected<int> start(const std::string& host, int port);  // returns the bound port
  void stop();  // idempotent

  ingest::Pipeline& pipeline() { return *pipeline_; }
  ingest::Archiver& archiver() { return *archiver_; }
  api::Metrics& metrics() { return metrics_; }
  models::triage::LiveTriage& triage() { return *triage_; }
  JobScheduler& jobs() { return *jobs_; }
  // The demo's accounts, listed by the sign-in page (vigie serve --demo); before start().
  void list_demo_accounts(std::vector<api::DemoAccount> accounts);

 private:
  Expected<std::string> save_kpi_snapshot();
  void add_job_metrics();

  const Config& config_;
  const Logger& log_;
  store::Store& store_;
  api::Metrics metrics_;
  std::unique_ptr<ingest::Pipeline> pipeline_;
  std::unique_ptr<ingest::Archiver> archiver_;
  std::unique_ptr<ingest::WebhookReceiver> webhooks_;
  std::unique_ptr<kpi::LiveCompany> kpis_;
  std::unique_ptr<api::CommitFeed<kpi::LiveCompany>> kpi_feed_;
  std::unique_ptr<models::LivePredictions> predictions_;
  std::unique_ptr<api::CommitFeed<models::LivePredictions>> prediction_feed_;
  std::unique_ptr<models::triage::LiveTriage> triage_;
  std::unique_ptr<api::CommitFeed<models::triage::LiveTriage>> triage_feed_;
  std::unique_ptr<models::planning::PlanBoard> plans_;
  std::unique_ptr<alerts::AlertRuleBook> alert_rules_;
  std::unique_ptr<alerts::AlertWatch> alerts_;
  std::unique_ptr<api::CommitFeed<alerts::AlertWatch>> alert_feed_;
  std::unique_ptr<alerts::AlertDelivery> delivery_;
  std::unique_ptr<JobScheduler> jobs_;
  std::mutex snapshot_mutex_;
  std::optional<std::int64_t> kpi_snapshot_watermark_;  // of the snapshot file, when current
  api::Authenticator auth_;
  std::unique_ptr<api::SignIn> sign_in_;
  api::ChangeFeed changes_;
  std::unique_ptr<api::ApiServices> services_;
  std::unique_ptr<api::HttpServer> server_;
  bool stopped_ = false;
};

// The webhook sources of the configuration that have a secret, with their mappings loaded.
// Throws StartupError when a mapping does not load.
std::vector<ingest::WebhookSource> load_webhook_sources(const Config& config, const Logger& log);

}  // namespace vigie::cli
