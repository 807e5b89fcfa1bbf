#include "api/change_feed.hpp"

#include "common/json_writer.hpp"

namespace vigie::api {
namespace {

Topics topics_of(events::EventType type) {
  using enum events::EventType;
  Topics topics = topic_bit(Topic::kpis);
  switch (type) {
    case incident_opened:
    case incident_taken:
    case incident_resolved:
    case incident_relabelled:
    case incident_classified: topics |= topic_bit(Topic::incidents); break;
    case plan_accepted:
    case plan_modified: topics |= topic_bit(Topic::plans); break;
    default: break;
  }
  return topics;
}

}  // namespace

std::string topics_json(Topics topics) {
  JsonWriter json;
  json.begin_object().key("topics").begin_array();
  for (std::size_t i = 0; i < kTopicNames.size(); ++i) {
    if ((topics & (1u << i)) != 0) json.value(kTopicNames[i]);
  }
  json.end_array().end_object();
  return json.take();
}

void ChangeFeed::on_committed(std::span<const events::Event> batch,
                              std::span<const store::AppendStatus> statuses) {
  Topics topics = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (statuses[i] == store::AppendStatus::accepted) topics |= topics_of(batch[i].type);
  }
  if (topics != 0) notify(topics);
}

void ChangeFeed::notify(Topics topics) {
  {
    const std::lock_guard lock(mutex_);
    ++version_;
    topics_at_[version_ % kRemembered] = topics;
  }
  changed_.notify_all();
}

ChangeFeed::Change ChangeFeed::wait_after(std::uint64_t seen, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, timeout, [&] { return closed_ || version_ > seen; });
  Change change{version_, 0, closed_};
  if (version_ <= seen) return change;
  if (version_ - seen > kRemembered) {
    change.topics = kAllTopics;  // too far behind to know: everything
    return change;
  }
  for (std::uint64_t v = seen + 1; v <= version_; ++v) change.topics |= topics_at_[v % kRemembered];
  return change;
}

std::uint64_t ChangeFeed::version() const {
  const std::lock_guard lock(mutex_);
  return version_;
}

void ChangeFeed::close() {
  {
    const std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

}  // namespace vigie::api
