// alerts/alert_delivery.hpp
//
// Delivers alerts beyond the dashboards (issue 9, point 3): to webhooks and by e-mail.
//
// The alerts table is the outbox. A pass first takes up the alerts raised since the last one and
// records a delivery per target — each webhook whose audiences include the alert's; each address
// of its audience, or for a site's manager the address of that person when one is configured —
// together with the watermark, in one transaction; then it makes every try that is due. A failed
// try waits first_retry_seconds × 2^(n−1) before the next; after max_attempts the delivery is dead
// and stays, with its last error, as the dead-letter record. Recorded before sent, so a crash
// loses none; a try a crash cut short is made again with the same X-Vigie-Delivery (webhooks)
// or Message-ID (e-mail), so the receiver can drop the repeat.
//
// Alerts cleared before they are taken up are not sent (the condition is gone), and the
// watermark moves even when no channel is configured: configuring one later does not send the
// whole history. Thread-safe; its own worker thread between start() and stop().
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/alert_channels.hpp"
#include "common/expected.hpp"
#include "common/log.hpp"
#include "common/periodic_thread.hpp"
#include "store/store.hpp"

namespace vigie::alerts {

inline constexpr std::string_view kWebhookChannel = "webhook";
inline constexpr std::string_view kEmailChannel = "email";

struct DeliveryTarget {
  std::string channel;  // kWebhookChannel or kEmailChannel
  std::string target;   // the webhook's name, or the address
};

// Where one alert goes. `manager_id`: the manager of the alert's site (empty when none).
std::vector<DeliveryTarget> delivery_targets(const store::AlertRow& alert,
                                             const AlertDeliverySettings& settings,
                                             const std::string& manager_id);

// The wait after the `attempts`-th failed try: first_retry_seconds × 2^(attempts−1).
std::chrono::milliseconds retry_delay(const AlertDeliverySettings& settings, int attempts);

class AlertDelivery {
 public:
  AlertDelivery(store::Store& store, AlertDeliverySettings settings,
                std::chrono::milliseconds poll, const Logger& log);
  ~AlertDelivery();

  struct Pass {
    std::size_t enqueued = 0, delivered = 0, failed = 0, dead = 0;  // failed: will be retried
  };
  // One pass now, on the caller's thread.
  Expected<Pass> run_once(Instant now);

  void start();  // a pass every `poll`
  void stop();   // idempotent

  // Since the start of the process, for /metrics.
  std::uint64_t delivered() const { return delivered_; }
  std::uint64_t failed_tries() const { return failed_; }
  std::uint64_t dead() const { return dead_; }

 private:
  Expected<std::size_t> take_up_new_alerts(Instant now);
  // One try of a due delivery; the row as it stands after.
  store::AlertDeliveryRow attempt(store::AlertDeliveryRow row, Instant now);
  Expected<void> send(const store::AlertDeliveryRow& row, const store::AlertRow& alert, Instant now);

  store::Store& store_;
  const AlertDeliverySettings settings_;
  const Logger& log_;
  std::mutex pass_mutex_;  // one pass at a time
  std::atomic<std::uint64_t> delivered_{0}, failed_{0}, dead_{0};
  std::unique_ptr<PeriodicThread> thread_;
};

}  // namespace vigie::alerts
