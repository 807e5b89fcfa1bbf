// models/triage/live_triage.hpp
//
// The server's incident triage (models.md, Model 3, automatic actions): an incident opened
// without some of its labels is classified on arrival by the active triage version, and the
// labels Vigie gives are stored as an `incident.classified` event through the same pipeline as
// every event (durable, archived, folded by the KPIs); from the labels in force follow its
// queues and SLA (labels.hpp), and a Critique raises an alert to Direction until it is resolved
// (critical_alert.hpp).
//
// Commits fold here on the pipeline's writer thread (quick: a map update); a worker thread
// classifies and writes, so that submitting never waits on the commit that woke it. Nothing is
// lost on a crash: the start folds every stored incident event and the worker catches up on the
// incidents still unclassified and the alerts not yet raised or cleared. The active version is
// looked up at most once a minute; while there is none, incidents wait for one.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <span>
#include <thread>
#include <vector>

#include "common/config.hpp"
#include "common/log.hpp"
#include "models/triage/company_incidents.hpp"
#include "models/triage/training.hpp"
#include "store/store.hpp"

namespace vigie::models::triage {

// Stores Vigie's events (the server passes its pipeline's submit_events).
using SubmitEvents = std::function<Expected<void>(std::vector<events::Event>)>;

class LiveTriage {
 public:
  LiveTriage(store::Store& store, CompanyIncidents incidents, TriageSettings settings,
             SubmitEvents submit, const Logger& log);
  ~LiveTriage();  // stops the worker
  LiveTriage(const LiveTriage&) = delete;
  LiveTriage& operator=(const LiveTriage&) = delete;

  void start();  // the worker: catch-up first, then every commit's incidents
  void stop();   // idempotent; before the pipeline stops, so a write in flight completes

  // Folds a commit (api/commit_feed.hpp); what needs classifying or an alert check is queued.
  void apply(std::span<const events::Event> batch, std::span<const store::AppendStatus> statuses);

  struct Classified {
    TriagePrediction prediction;
    std::int64_t model_version = 0;
  };
  // A text classified by the active version, stored nowhere (POST /api/v1/incidents/classify).
  // nullopt when no version is trained yet.
  Expected<std::optional<Classified>> classify(const IncidentText& incident);

  CorrectionShare correction_share() const;
  // Runs `read` on the folded incidents under the lock and returns what it returns: for the
  // design office's queue (api/incident_queue_routes.cpp). Keep it quick: commits wait meanwhile.
  template <class Read>
  auto read_incidents(Read&& read) const {
    const std::lock_guard lock(mutex_);
    return read(static_cast<const CompanyIncidents&>(incidents_));
  }
  // Returns once every incident folded so far is classified (when a version exists) and its alert
  // checked: for tests and for `vigie serve`'s clean stop.
  void wait_idle();

 private:
  using Key = std::pair<std::string, std::string>;  // (site, incident)
  void run();
  std::shared_ptr<const LoadedTriage> current_model(bool force_check);
  void classify_pending(const std::shared_ptr<const LoadedTriage>& model, std::vector<Key> keys);
  void check_alerts(const std::vector<Key>& keys);
  void clear_stale_alerts();  // at start: open alerts whose incident is no longer critical

  store::Store& store_;
  TriageSettings settings_;
  SubmitEvents submit_;
  const Logger& log_;

  mutable std::mutex mutex_;  // incidents_, the queues, the flags
  std::condition_variable wake_;
  std::condition_variable idle_;
  CompanyIncidents incidents_;
  std::set<Key> to_classify_;
  std::set<Key> to_check_;
  bool stopping_ = false;
  bool busy_ = false;
  bool started_ = false;
  bool model_missing_ = false;  // the last lookup found no version: wait for a new incident or a minute
  std::set<std::string> open_alerts_;  // keys of the open critical alerts (worker thread only)

  std::mutex model_mutex_;  // the model (XGBoost's in-place prediction is not reentrant)
  std::shared_ptr<const LoadedTriage> model_;
  std::optional<std::chrono::steady_clock::time_point> model_checked_at_;
  std::thread worker_;
};

}  // namespace vigie::models::triage
