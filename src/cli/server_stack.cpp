#include "cli/server_stack.hpp"

#include "kpi/company_codec.hpp"
#include "kpi/company_loader.hpp"
#include "models/delay/history_loader.hpp"
#include "models/planning/delay_effects.hpp"

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
  // The KPI state starts from the snapshot and every event stored since, before any request
  // can add one.
  auto loaded = kpi::load_company(store, {}, {config.kpi_snapshot_path()}, log);
  if (!loaded) throw StartupError{"cannot fold the stored events into KPIs: " + loaded.error().describe()};
  kpi_snapshot_watermark_ = loaded->snapshot_watermark;
  kpis_ = std::make_unique<kpi::LiveCompany>(std::move(loaded->company));
  kpi_feed_ = std::make_unique<api::CommitFeed<kpi::LiveCompany>>(*kpis_);
  pipeline_->add_observer(kpi_feed_.get());
  auto history = models::load_history(store);
  if (!history) throw StartupError{"cannot read the history for delay predictions: " + history.error().describe()};
  predictions_ = std::make_unique<models::LivePredictions>(store, std::move(history->history), config.delay);
  prediction_feed_ = std::make_unique<api::CommitFeed<models::LivePredictions>>(*predictions_);
  pipeline_->add_observer(prediction_feed_.get());
  auto incidents = models::triage::load_company_incidents(store);
  if (!incidents) throw StartupError{"cannot read the incidents for triage: " + incidents.error().describe()};
  // Vigie's own events (classifications, accepted plans) go through the pipeline like any.
  const auto submit = [this](std::vector<events::Event> batch) -> Expected<std::size_t> {
    auto result = pipeline_->submit_events(std::move(batch));
    if (!result) return result.error();
    if (!result->refused.empty()) return result->refused.front().error;
    return result->accepted;
  };
  triage_ = std::make_unique<models::triage::LiveTriage>(
      store, std::move(*incidents), config.triage,
      [submit](std::vector<events::Event> batch) -> Expected<void> {
        auto stored = submit(std::move(batch));
        if (!stored) return stored.error();
        return {};
      },
      log);
  triage_feed_ = std::make_unique<api::CommitFeed<models::triage::LiveTriage>>(*triage_);
  pipeline_->add_observer(triage_feed_.get());
  metrics_.add_gauge("vigie_triage_corrected_share",
                     "Share of the incidents Vigie classified whose predicted labels a person corrected.",
                     [this] { return triage_->correction_share().share(); });
  metrics_.add_gauge("vigie_ingest_queue_depth", "Events waiting for the group commit.",
                     [this] { return static_cast<double>(pipeline_->queue_depth()); });

  auto sources = load_webhook_sources(config, log);
  if (!sources.empty()) {
    webhooks_ = std::make_unique<ingest::WebhookReceiver>(
        std::move(sources), *pipeline_, store,
        ingest::WebhookSettings{std::chrono::seconds{config.webhook_window_seconds}});
  }
  // Planning against delay (issue 8, point 6) with the live history and the active model.
  const auto predict_delays = [this, delay = config.delay](models::planning::WeekProblem& problem) {
    return predictions_->with_model(
        instant_now(), [&](const models::LoadedDelayModel& model, const models::CompanyHistory& company) {
          return models::planning::attach_predicted_delays(problem, model, company, delay);
        });
  };
  plans_ = std::make_unique<models::planning::PlanBoard>(store, config.planning, submit, predict_delays);
  // The rule alerts (issue 9), on the KPI state and the delay model's last predictions.
  const auto last_predictions = [this](Instant now)
      -> Expected<std::map<std::string, alerts::SitePredictionFigures>> {
    auto answer = predictions_->under_way(now);
    if (!answer) return answer.error();
    std::map<std::string, alerts::SitePredictionFigures> out;
    for (const auto& p : answer->predictions) out.emplace(p.site_id, alerts::SitePredictionFigures{p.p_late, p.delay_days});
    return out;
  };
  alerts::AlertWatch::Timing timing;
  timing.every = std::chrono::seconds(config.alerts_every_seconds);
  alerts_ = std::make_unique<alerts::AlertWatch>(store, *kpis_, last_predictions, config.alert_rules,
                                                 timing, log);
  alert_feed_ = std::make_unique<api::CommitFeed<alerts::AlertWatch>>(*alerts_);
  pipeline_->add_observer(alert_feed_.get());
  // Their delivery by webhook and e-mail: polls the alerts table, the outbox, every second.
  delivery_ = std::make_unique<alerts::AlertDelivery>(store, config.alert_delivery,
                                                      std::chrono::seconds(1), log);
  metrics_.add_gauge("vigie_alert_deliveries_delivered", "Alert deliveries made since the start.",
                     [this] { return static_cast<double>(delivery_->delivered()); });
  metrics_.add_gauge("vigie_alert_delivery_failed_tries",
                     "Tries of alert deliveries that failed since the start (retried or given up).",
                     [this] { return static_cast<double>(delivery_->failed_tries()); });
  metrics_.add_gauge("vigie_alert_deliveries_dead",
                     "Alert deliveries given up after their last try since the start.",
                     [this] { return static_cast<double>(delivery_->dead()); });
  services_ = std::make_unique<api::ApiServices>(
      api::ApiServices{config_, log_, store_, *pipeline_, auth_, metrics_, webhooks_.get(),
                       kpis_.get(), predictions_.get(), triage_.get(), plans_.get()});
  server_ = std::make_unique<api::HttpServer>(*services_, api::all_routes(*services_));
}

ServerStack::~ServerStack() { stop(); }

Expected<int> ServerStack::start(const std::string& host, int port) {
  archiver_->start();
  triage_->start();
  alerts_->start();
  delivery_->start();
  return server_->start(host, port);
}

void ServerStack::stop() {
  if (stopped_) return;
  stopped_ = true;
  server_->stop();        // in-flight requests finish and are acknowledged first
  triage_->stop();        // a classification being written is written
  alerts_->stop();        // and a pass of the alert rules finished
  delivery_->stop();      // and a try of a delivery (its outcome recorded)
  pipeline_->shutdown();  // then what they queued is committed
  archiver_->stop();      // and archived
  save_kpi_snapshot();    // and the KPI state, which holds it all, saved
}

// Every event the store holds went through the pipeline, whose commits the KPI feed folded:
// with the pipeline drained, the state holds exactly the events up to the store's last seq.
// The state is copied to bytes under the read lock; compression and writing happen outside it.
void ServerStack::save_kpi_snapshot() {
  const auto last_seq = store_.last_seq();
  if (!last_seq) {
    log_.warn("kpi snapshot not written", {{"error", last_seq.error().describe()}});
    return;
  }
  if (kpi_snapshot_watermark_ == *last_seq) return;  // the file already holds this state
  kpi::CompanySettings settings;
  const std::string state = kpis_->read([&settings](const kpi::Company& company) {
    settings = company.settings();
    return kpi::encode_company(company);
  });
  // A failure is logged there; the next start folds from the older snapshot.
  if (kpi::save_company_snapshot(store_, config_.kpi_snapshot_path(), settings, *last_seq, state,
                                 log_)) {
    kpi_snapshot_watermark_ = *last_seq;
  }
}

}  // namespace vigie::cli
