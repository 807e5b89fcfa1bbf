#include "cli/server_stack.hpp"

#include "alerts/job_alert.hpp"
#include "cli/company_settings.hpp"
#include "cli/page_routes.hpp"
#include "cli/server_jobs.hpp"
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
  auto loaded = kpi::load_company(store, company_settings(config), {config.kpi_snapshot_path()}, log);
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
  // The configuration's rules with the changes made through the API on top.
  auto rule_book = alerts::AlertRuleBook::load(store, config.alert_rules, log);
  if (!rule_book) throw StartupError{"cannot read the alert rules' changes: " + rule_book.error().describe()};
  alert_rules_ = std::move(*rule_book);
  alerts_ = std::make_unique<alerts::AlertWatch>(store, *kpis_, last_predictions, alert_rules_->rules(),
                                                 std::chrono::seconds(1), log);
  alert_rules_->set_listener([this](const std::vector<AlertRule>& rules) { alerts_->set_rules(rules); });
  alert_feed_ = std::make_unique<api::CommitFeed<alerts::AlertWatch>>(*alerts_);
  alerts_->set_on_change([this] { changes_.notify(api::topic_bit(api::Topic::alerts)); });
  pipeline_->add_observer(&changes_);
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
  // The scheduled jobs (issue 9, point 4); a failure raises one admin alert, cleared by the
  // job's next success.
  const auto failed = [this](const Job& job, const Error& error, bool will_retry) {
    if (auto raised = store_.raise_alert(
            alerts::job_failure_alert(job.name, job.label, error, will_retry, instant_now()));
        !raised) {
      log_.error("job alert not raised", {{"job", job.name}, {"error", raised.error().describe()}});
    }
  };
  const auto recovered = [this](const std::string& job) {
    if (auto cleared = store_.clear_alert(alerts::job_alert_key(job), instant_now()); !cleared) {
      log_.error("job alert not cleared", {{"job", job}, {"error", cleared.error().describe()}});
    }
  };
  jobs_ = std::make_unique<JobScheduler>(
      server_jobs({config, store, *alerts_, *predictions_, *plans_, [this] { return save_kpi_snapshot(); }}),
      JobScheduler::Retry{config.jobs.retries,
                          millis_from_seconds(config.jobs.first_retry_seconds)},
      failed, recovered, log);
  add_job_metrics();
  sign_in_ = std::make_unique<api::SignIn>(store, std::chrono::hours{config.server.session_hours});
  services_ = std::make_unique<api::ApiServices>(
      api::ApiServices{config_, log_, store_, *pipeline_, auth_, metrics_, webhooks_.get(),
                       kpis_.get(), predictions_.get(), triage_.get(), plans_.get(), jobs_.get(),
                       alert_rules_.get(), sign_in_.get(), {}, &changes_});
  auto routes = api::all_routes(*services_);
  for (auto& route : page_routes()) routes.push_back(std::move(route));  // after the API's
  server_ = std::make_unique<api::HttpServer>(*services_, std::move(routes));
}

ServerStack::~ServerStack() { stop(); }

void ServerStack::list_demo_accounts(std::vector<api::DemoAccount> accounts) {
  services_->demo_accounts = std::move(accounts);
}

Expected<int> ServerStack::start(const std::string& host, int port) {
  archiver_->start();
  triage_->start();
  alerts_->start();
  delivery_->start();
  jobs_->start();
  jobs_->run_now(kPlanSuggestionJob);  // the coming week ready before anyone asks
  return server_->start(host, port);
}

void ServerStack::stop() {
  if (stopped_) return;
  stopped_ = true;
  changes_.close();       // open event streams end, so that their workers are free
  server_->stop();        // in-flight requests finish and are acknowledged first
  jobs_->stop();          // a scheduled job under way finishes (a retraining may take minutes)
  triage_->stop();        // a classification being written is written
  alerts_->stop();        // and a pass of the alert rules finished
  delivery_->stop();      // and a try of a delivery (its outcome recorded)
  pipeline_->shutdown();  // then what they queued is committed
  archiver_->stop();      // and archived
  // and the KPI state, which holds it all, saved
  if (auto saved = save_kpi_snapshot(); !saved) {
    log_.warn("kpi snapshot not written", {{"error", saved.error().describe()}});
  }
}

// The KPI state and the store's last sequence number are read together between two commits (the
// pipeline's), so the snapshot's watermark is exactly what the state holds; after shutdown, the
// pipeline is drained and the same holds. The state is copied to bytes there; compression and
// writing happen outside. Called by the kpi_snapshot job and at stop: one at a time.
Expected<std::string> ServerStack::save_kpi_snapshot() {
  const std::lock_guard lock(snapshot_mutex_);
  Expected<std::int64_t> last_seq = std::int64_t{0};
  kpi::CompanySettings settings;
  std::string state;
  pipeline_->between_commits([&] {
    last_seq = store_.last_seq();
    if (!last_seq || kpi_snapshot_watermark_ == *last_seq) return;
    state = kpis_->read([&settings](const kpi::Company& company) {
      settings = company.settings();
      return kpi::encode_company(company);
    });
  });
  if (!last_seq) return last_seq.error();
  if (kpi_snapshot_watermark_ == *last_seq) return std::string{"unchanged since the last save"};
  // A failure is logged there; the next start folds from the older snapshot.
  if (!kpi::save_company_snapshot(store_, config_.kpi_snapshot_path(), settings, *last_seq, state, log_)) {
    return Error::make(ErrorCode::io, "the KPI snapshot could not be written (see the log)");
  }
  kpi_snapshot_watermark_ = *last_seq;
  return "saved up to event " + std::to_string(*last_seq);
}

// Per job: runs, failures and the last run's duration, labelled by job.
void ServerStack::add_job_metrics() {
  const auto family = [this](double (*read)(const JobState&)) {
    return [this, read] {
      std::vector<std::pair<std::string, double>> out;
      for (const JobState& state : jobs_->states()) out.emplace_back("job=\"" + state.name + "\"", read(state));
      return out;
    };
  };
  metrics_.add_family("vigie_job_runs_total", "Scheduled job runs since the start, retries included.",
                      "counter", family([](const JobState& s) { return static_cast<double>(s.runs); }));
  metrics_.add_family("vigie_job_failures_total", "Scheduled job runs that failed since the start.",
                      "counter", family([](const JobState& s) { return static_cast<double>(s.failures); }));
  metrics_.add_family("vigie_job_last_duration_seconds", "Duration of each job's last run.", "gauge",
                      family([](const JobState& s) { return s.last_seconds; }));
  metrics_.add_family("vigie_job_last_ok", "1 when the job's last run succeeded (0 before any).", "gauge",
                      family([](const JobState& s) { return s.last_ok ? 1.0 : 0.0; }));
}

}  // namespace vigie::cli
