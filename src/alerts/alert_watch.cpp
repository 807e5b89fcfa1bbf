#include "alerts/alert_watch.hpp"

#include <set>

#include "alerts/alert_engine.hpp"

namespace vigie::alerts {
namespace {

constexpr std::size_t kOpenListed = 1'000'000;  // every open alert: one per condition

}  // namespace

AlertWatch::AlertWatch(store::Store& store, const kpi::LiveCompany& kpis, Predictions predictions,
                       std::vector<AlertRule> rules, std::chrono::milliseconds settle,
                       const Logger& log)
    : store_(store),
      kpis_(kpis),
      predictions_(std::move(predictions)),
      settle_(settle),
      log_(log),
      rules_(std::move(rules)) {}

AlertWatch::~AlertWatch() { stop(); }

Expected<AlertWatch::Pass> AlertWatch::evaluate(Instant now) {
  const std::lock_guard pass_lock(pass_mutex_);
  using PredictionMap = std::map<std::string, SitePredictionFigures>;
  auto predictions = predictions_ ? predictions_(now) : Expected<PredictionMap>{PredictionMap{}};
  if (!predictions) return predictions.error();
  const std::vector<AlertRule> rules = [this] {
    const std::lock_guard lock(mutex_);
    return rules_;
  }();
  const auto windows = measure_windows(rules);
  const std::vector<SiteFigures> sites = kpis_.read([&](const kpi::Company& company) {
    return site_figures(company, now, *predictions, windows);
  });
  auto open = store_.alerts(true, kOpenListed);
  if (!open) return open.error();
  std::set<std::string> open_keys;
  for (const auto& row : *open) open_keys.insert(row.key);
  auto records = store_.sites();
  if (!records) return records.error();
  std::map<std::string, std::string> names;
  for (const auto& site : *records) names.emplace(site.id, site.name);

  const AlertChanges changes = evaluate_alerts(rules, sites, open_keys, names, now);
  Pass pass;
  for (const store::AlertRow& row : changes.raise) {
    auto raised = store_.raise_alert(row);
    if (!raised) return raised.error();
    pass.raised += raised->has_value() ? 1 : 0;
  }
  for (const std::string& key : changes.clear) {
    auto cleared = store_.clear_alert(key, now);
    if (!cleared) return cleared.error();
    pass.cleared += *cleared ? 1 : 0;
  }
  for (const std::string& key : open_keys) pass.open += key.starts_with(kRuleKeyPrefix) ? 1 : 0;
  pass.open = pass.open + pass.raised - pass.cleared;
  std::function<void()> on_change;
  {
    const std::lock_guard lock(mutex_);
    ++passes_;
    on_change = on_change_;
  }
  if (on_change && (pass.raised > 0 || pass.cleared > 0)) on_change();
  return pass;
}

void AlertWatch::set_on_change(std::function<void()> on_change) {
  const std::lock_guard lock(mutex_);
  on_change_ = std::move(on_change);
}

void AlertWatch::set_rules(std::vector<AlertRule> rules) {
  {
    const std::lock_guard lock(mutex_);
    rules_ = std::move(rules);
    dirty_ = true;
  }
  wake_.notify_all();
}

void AlertWatch::apply(std::span<const events::Event> batch,
                       std::span<const store::AppendStatus> statuses) {
  bool any = false;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    any = any || statuses[i] == store::AppendStatus::accepted;
  }
  if (!any) return;
  {
    const std::lock_guard lock(mutex_);
    dirty_ = true;
  }
  wake_.notify_all();
}

void AlertWatch::start() {
  {
    const std::lock_guard lock(mutex_);
    if (started_) return;
    started_ = true;
    dirty_ = true;  // a first pass at once: the state the server starts with
  }
  worker_ = std::thread([this] { run(); });
}

void AlertWatch::stop() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

std::uint64_t AlertWatch::passes() const {
  const std::lock_guard lock(mutex_);
  return passes_;
}

void AlertWatch::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // Until events; then let the burst settle.
    wake_.wait(lock, [this] { return stopping_ || dirty_; });
    if (stopping_) break;
    if (wake_.wait_for(lock, settle_, [this] { return stopping_; })) break;
    dirty_ = false;
    lock.unlock();
    const auto pass = evaluate(instant_now());
    if (!pass) {
      log_.error("alert evaluation failed", {{"error", pass.error().describe()}});
    } else if (pass->raised > 0 || pass->cleared > 0) {
      log_.info("alerts evaluated", {{"raised", static_cast<std::int64_t>(pass->raised)},
                                     {"cleared", static_cast<std::int64_t>(pass->cleared)},
                                     {"open", static_cast<std::int64_t>(pass->open)}});
    }
    lock.lock();
  }
}

}  // namespace vigie::alerts
