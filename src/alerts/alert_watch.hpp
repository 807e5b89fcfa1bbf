// alerts/alert_watch.hpp
//
// The server's rule alerts (issue 9, point 2): evaluates the rules (alert_engine.hpp) on the
// live KPI state and the delay model's last predictions, and records what it raises and clears
// in the store (one open alert per condition: the store refuses a second). Evaluation happens
// at start and shortly after commits (at most once per `settle`, so that a burst of events makes
// one pass) on its own worker thread; the server's scheduler also calls evaluate() every few
// minutes (common/job_scheduler.hpp), since figures move with the date alone (days without a
// report, windows). A pass that fails is logged and retried at the next one; it never stops the
// server. Thread-safe; passes never overlap.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "alerts/site_figures.hpp"
#include "common/alert_rules.hpp"
#include "common/expected.hpp"
#include "common/log.hpp"
#include "kpi/live_company.hpp"
#include "store/store.hpp"

namespace vigie::alerts {

class AlertWatch {
 public:
  // The delay model's last predictions of the sites under way at an instant (empty without a
  // model).
  using Predictions = std::function<Expected<std::map<std::string, SitePredictionFigures>>(Instant)>;
  // How long after a commit the pass waits for the burst to settle.
  AlertWatch(store::Store& store, const kpi::LiveCompany& kpis, Predictions predictions,
             std::vector<AlertRule> rules, std::chrono::milliseconds settle, const Logger& log);
  ~AlertWatch();

  struct Pass {
    std::size_t raised = 0, cleared = 0, open = 0;  // open: rule alerts open after the pass
  };
  // One pass now, on the caller's thread.
  Expected<Pass> evaluate(Instant now);

  // The commits' hook (api/commit_feed.hpp): a pass soon after.
  void apply(std::span<const events::Event> batch, std::span<const store::AppendStatus> statuses);
  void start();
  void stop();  // idempotent

  std::uint64_t passes() const;

  // Called after a pass that raised or cleared alerts (the dashboards' live updates).
  void set_on_change(std::function<void()> on_change);

  // The rules from now on (alert_rule_book.hpp: changed through the API); a pass soon after.
  // Alerts of a rule that is gone or switched off clear at that pass.
  void set_rules(std::vector<AlertRule> rules);

 private:
  void run();

  store::Store& store_;
  const kpi::LiveCompany& kpis_;
  const Predictions predictions_;
  const std::chrono::milliseconds settle_;
  const Logger& log_;
  std::mutex pass_mutex_;  // one pass at a time
  mutable std::mutex mutex_;
  std::vector<AlertRule> rules_;  // under mutex_
  std::function<void()> on_change_;  // under mutex_
  std::condition_variable wake_;
  bool dirty_ = false, stopping_ = false, started_ = false;
  std::uint64_t passes_ = 0;
  std::thread worker_;
};

}  // namespace vigie::alerts
