// models/delay/live_predictions.hpp
//
// The server's delay predictions (issue 6, point 6): the history kept up to date by the
// pipeline's commits, the active model version, and each site's last prediction. Scores
// refresh when a site's events change (the next read re-scores the sites a commit touched),
// every Paris day (a prediction made on an earlier day is made again), and when the registry's
// active version changes (checked at most once a minute; at every read while none is loaded). Thread-safe: one mutex, held for a
// commit's fold or a read's refresh (a few milliseconds for a hundred sites).
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/config.hpp"
#include "models/delay/prediction.hpp"
#include "store/store.hpp"

namespace vigie::models {

class LivePredictions {
 public:
  LivePredictions(const store::Store& store, CompanyHistory history, DelayModelSettings settings)
      : store_(store), history_(std::move(history)), settings_(settings) {}

  void apply(std::span<const events::Event> batch, std::span<const store::AppendStatus> statuses);

  struct Answer {
    std::optional<store::ModelVersionRow> model;  // nullopt: no version trained yet
    std::vector<SitePrediction> predictions;
  };
  // Every site under way at `now`, or only those of `manager_id` when not empty.
  Expected<Answer> under_way(Instant now, const std::string& manager_id = {});
  // One site; an empty list when the site is unknown or not under way.
  Expected<Answer> site(const std::string& site_id, Instant now, const std::string& manager_id = {});

  // Lends the active model and the up-to-date history to `use` (planning against delay scores
  // each site with each team), under the mutex; `use` is not called while no version is active.
  using UseModel = std::function<Expected<void>(const LoadedDelayModel&, const CompanyHistory&)>;
  Expected<void> with_model(Instant now, const UseModel& use);

  // Lends the up-to-date history and its similar sites to `use` (a challenger version scores
  // with them), under the mutex.
  using UseHistory = std::function<Expected<void>(const CompanyHistory&, const SimilarSites&)>;
  Expected<void> with_history(Instant now, const UseHistory& use);

 private:
  Expected<void> refresh(Instant now);  // mutex held
  Expected<Answer> answer(Instant now, const std::string& only_site, const std::string& manager_id);

  const store::Store& store_;
  std::mutex mutex_;
  CompanyHistory history_;
  DelayModelSettings settings_;
  std::optional<LoadedDelayModel> model_;
  std::optional<Instant> model_checked_at_;
  std::unordered_map<std::string, SitePrediction> cache_;  // by site id
  std::set<std::string> touched_;  // sites whose events changed since their prediction
  // A person's or team's record, or a site's record or completion, moves features of many sites
  // (experience, team size, feature 15): every prediction is stale, and the completions too.
  bool all_stale_ = false;
  std::optional<SimilarSites> similar_;    // built from history_ when a site needs scoring
  std::optional<std::int32_t> cache_day_;  // the Paris day the cache was made on
};

}  // namespace vigie::models
