// api/change_feed.hpp
//
// What changed, for the dashboards' live updates (issue 10; GET /api/v1/stream): each group
// commit's accepted events sorted into the topics pages show — the figures (every event moves
// some KPI), incidents, plans — and the alerts raised or cleared, which the alert watch reports.
// A page listens to the stream and reloads what it shows when one of its topics changed, instead
// of asking every few seconds. Thread-safe; waiters wake at each change, at close, or after
// their timeout.
#pragma once

#include <array>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>

#include "ingest/pipeline.hpp"

namespace vigie::api {

enum class Topic : std::uint8_t { kpis, incidents, plans, alerts };
inline constexpr std::array<std::string_view, 4> kTopicNames{"kpis", "incidents", "plans", "alerts"};
using Topics = std::uint8_t;  // a bit per Topic
constexpr Topics topic_bit(Topic topic) { return static_cast<Topics>(1u << static_cast<unsigned>(topic)); }
inline constexpr Topics kAllTopics = 0x0f;

// {"topics":["kpis","incidents"]}
std::string topics_json(Topics topics);

class ChangeFeed final : public ingest::IngestObserver {
 public:
  void on_committed(std::span<const events::Event> batch,
                    std::span<const store::AppendStatus> statuses) override;
  void on_refused(std::string_view, std::string_view, const Error&) override {}

  // Something outside the commits changed (the alert watch raised or cleared alerts).
  void notify(Topics topics);

  struct Change {
    std::uint64_t version = 0;  // pass it back as `seen` to wait for the next change
    Topics topics = 0;          // what changed after `seen`; 0 when the wait timed out
    bool closed = false;        // the server is stopping
  };
  Change wait_after(std::uint64_t seen, std::chrono::milliseconds timeout) const;
  std::uint64_t version() const;

  // Wakes every waiter for good (the server stops).
  void close();

 private:
  static constexpr std::size_t kRemembered = 256;  // changes whose topics are kept

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::uint64_t version_ = 0;
  std::array<Topics, kRemembered> topics_at_{};  // by version % kRemembered
  bool closed_ = false;
};

}  // namespace vigie::api
