#include "models/delay/live_predictions.hpp"

#include "common/paris_time.hpp"

namespace vigie::models {
namespace {

constexpr auto kModelCheckEvery = std::chrono::minutes{1};

bool ends_a_site(const events::Event& event) {
  return event.type == events::EventType::site_completed ||
         event.type == events::EventType::site_upserted;
}

}  // namespace

void LivePredictions::apply(std::span<const events::Event> batch,
                            std::span<const store::AppendStatus> statuses) {
  const std::lock_guard lock(mutex_);
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (statuses[i] != store::AppendStatus::accepted) continue;
    history_.apply(batch[i]);
    if (!batch[i].site_id.empty()) touched_.insert(batch[i].site_id);
    if (batch[i].site_id.empty() || ends_a_site(batch[i])) all_stale_ = true;
  }
  history_.sort();
}

Expected<void> LivePredictions::refresh(Instant now) {
  // Without a model, every read looks (a version just trained serves at once); with one, at
  // most once a minute.
  if (!model_ || !model_checked_at_ || now - *model_checked_at_ >= kModelCheckEvery) {
    model_checked_at_ = now;
    auto versions = store_.model_versions(std::string{kDelayModelName});
    if (!versions) return versions.error();
    std::int64_t active = 0;
    for (const auto& row : *versions) active = row.active ? row.version : active;
    if (active == 0) {
      model_.reset();
      cache_.clear();
    } else if (!model_ || model_->row.version != active) {
      auto loaded = load_delay_version(store_, active);
      if (!loaded) return loaded.error();
      model_ = std::move(**loaded);
      cache_.clear();
    }
  }
  const std::int32_t today = paris_day_number(now);
  if (cache_day_ != today) cache_.clear();
  cache_day_ = today;
  if (all_stale_) {
    cache_.clear();
    similar_.reset();
    all_stale_ = false;
  }
  for (const auto& id : touched_) cache_.erase(id);
  touched_.clear();
  if (!model_) return {};
  const DelayPredictor predictor(*model_, settings_);
  for (const auto& site : history_.sites()) {
    if (cache_.contains(site.id) || !under_way_at(site, now)) continue;
    if (!similar_) similar_.emplace(history_);
    auto prediction = predictor.predict(history_, *similar_, site, now);
    if (!prediction) return prediction.error();
    cache_.emplace(site.id, std::move(*prediction));
  }
  return {};
}

Expected<LivePredictions::Answer> LivePredictions::answer(Instant now, const std::string& only_site,
                                                          const std::string& manager_id) {
  const std::lock_guard lock(mutex_);
  if (auto refreshed = refresh(now); !refreshed) return refreshed.error();
  Answer out;
  if (!model_) return out;
  out.model = model_->row;
  for (const auto& site : history_.sites()) {
    if (!only_site.empty() && site.id != only_site) continue;
    const auto found = cache_.find(site.id);
    if (found == cache_.end()) continue;
    if (!manager_id.empty()) {
      const SiteRecordFacts* record = record_at(site, now);
      if (record == nullptr || record->manager_id != manager_id) continue;
    }
    out.predictions.push_back(found->second);
  }
  return out;
}

Expected<LivePredictions::Answer> LivePredictions::under_way(Instant now, const std::string& manager_id) {
  return answer(now, {}, manager_id);
}

Expected<LivePredictions::Answer> LivePredictions::site(const std::string& site_id, Instant now,
                                                        const std::string& manager_id) {
  if (site_id.empty()) return Answer{};
  return answer(now, site_id, manager_id);
}

Expected<void> LivePredictions::with_model(Instant now, const UseModel& use) {
  const std::lock_guard lock(mutex_);
  if (auto refreshed = refresh(now); !refreshed) return refreshed.error();
  if (!model_) return {};
  return use(*model_, history_);
}

Expected<void> LivePredictions::with_history(Instant now, const UseHistory& use) {
  const std::lock_guard lock(mutex_);
  if (auto refreshed = refresh(now); !refreshed) return refreshed.error();
  if (!similar_) similar_.emplace(history_);
  return use(history_, *similar_);
}

}  // namespace vigie::models
