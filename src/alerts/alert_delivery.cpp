#include "alerts/alert_delivery.hpp"

#include <algorithm>
#include <cmath>

#include "alerts/alert_email.hpp"
#include "alerts/alert_json.hpp"
#include "alerts/webhook_sender.hpp"

namespace vigie::alerts {
namespace {

constexpr std::size_t kAlertsPerPass = 1000;
constexpr std::size_t kTriesPerPass = 1000;

// The same on every try of one delivery: receivers drop repeats by it.
std::string delivery_id(const store::AlertDeliveryRow& row) {
  return "alert-" + std::to_string(row.alert_id) + "-" + std::to_string(row.id);
}

}  // namespace

std::vector<DeliveryTarget> delivery_targets(const store::AlertRow& alert,
                                             const AlertDeliverySettings& settings,
                                             const std::string& manager_id) {
  std::vector<DeliveryTarget> targets;
  const auto audience = parse_alert_audience_label(alert.audience);
  if (!audience) return targets;
  for (const AlertWebhookTarget& webhook : settings.webhooks) {
    const auto& wanted = webhook.audiences;
    if (wanted.empty() || std::find(wanted.begin(), wanted.end(), *audience) != wanted.end()) {
      targets.push_back({std::string{kWebhookChannel}, webhook.name});
    }
  }
  const AlertEmailSettings& email = settings.email;
  if (!email.enabled()) return targets;
  if (*audience == AlertAudience::manager && !manager_id.empty()) {
    if (const auto own = email.persons.find(manager_id); own != email.persons.end()) {
      targets.push_back({std::string{kEmailChannel}, own->second});
      return targets;
    }
  }
  if (const auto to = email.to.find(*audience); to != email.to.end()) {
    for (const std::string& address : to->second) targets.push_back({std::string{kEmailChannel}, address});
  }
  return targets;
}

std::chrono::milliseconds retry_delay(const AlertDeliverySettings& settings, int attempts) {
  return millis_from_seconds(settings.first_retry_seconds * std::ldexp(1.0, std::max(attempts, 1) - 1));
}

AlertDelivery::AlertDelivery(store::Store& store, AlertDeliverySettings settings,
                             std::chrono::milliseconds poll, const Logger& log)
    : store_(store), settings_(std::move(settings)), log_(log) {
  thread_ = std::make_unique<PeriodicThread>(poll, [this] {
    auto pass = run_once(instant_now());
    if (!pass) log_.error("alert delivery failed", {{"error", pass.error().describe()}});
  });
}

AlertDelivery::~AlertDelivery() { stop(); }

void AlertDelivery::start() { thread_->start(); }
void AlertDelivery::stop() { thread_->stop(); }

Expected<std::size_t> AlertDelivery::take_up_new_alerts(Instant now) {
  auto watermark = store_.alert_delivery_watermark();
  if (!watermark) return watermark.error();
  auto alerts = store_.alerts_after(*watermark, kAlertsPerPass);
  if (!alerts) return alerts.error();
  if (alerts->empty()) return std::size_t{0};
  std::vector<store::AlertDeliveryRow> rows;
  for (const store::AlertRow& alert : *alerts) {
    if (alert.cleared_at) continue;
    std::string manager_id;
    if (!alert.site_id.empty()) {
      auto site = store_.site(alert.site_id);
      if (!site) return site.error();
      if (*site) manager_id = (*site)->manager_id;
    }
    for (DeliveryTarget& target : delivery_targets(alert, settings_, manager_id)) {
      store::AlertDeliveryRow& row = rows.emplace_back();
      row.alert_id = alert.id;
      row.channel = std::move(target.channel);
      row.target = std::move(target.target);
      row.created_at = now;
      row.next_attempt_at = now;
    }
  }
  auto recorded = store_.enqueue_alert_deliveries(rows, alerts->back().id);
  if (!recorded) return recorded.error();
  return rows.size();
}

Expected<AlertDelivery::Pass> AlertDelivery::run_once(Instant now) {
  const std::lock_guard lock(pass_mutex_);
  Pass pass;
  auto enqueued = take_up_new_alerts(now);
  if (!enqueued) return enqueued.error();
  pass.enqueued = *enqueued;
  auto due = store_.due_alert_deliveries(now, kTriesPerPass);
  if (!due) return due.error();
  for (store::AlertDeliveryRow& row : *due) {
    const store::AlertDeliveryRow after = attempt(std::move(row), instant_now());
    auto updated = store_.update_alert_delivery(after);
    if (!updated) return updated.error();
    switch (after.status) {
      case store::DeliveryStatus::delivered: ++pass.delivered; ++delivered_; break;
      case store::DeliveryStatus::pending: ++pass.failed; ++failed_; break;
      case store::DeliveryStatus::dead: ++pass.dead; ++failed_; ++dead_; break;
    }
  }
  return pass;
}

store::AlertDeliveryRow AlertDelivery::attempt(store::AlertDeliveryRow row, Instant now) {
  ++row.attempts;
  auto alert = store_.alert(row.alert_id);
  Expected<void> sent = !alert    ? Expected<void>{alert.error()}
                        : !*alert ? Expected<void>{Error::make(ErrorCode::not_found, "the alert is gone")}
                                  : send(row, **alert, now);
  if (sent) {
    row.status = store::DeliveryStatus::delivered;
    row.finished_at = instant_now();
    row.last_error.clear();
    log_.info("alert delivered", {{"alert", row.alert_id}, {"channel", row.channel},
                                  {"target", row.target}, {"attempts", std::int64_t{row.attempts}}});
    return row;
  }
  row.last_error = sent.error().describe();
  if (row.attempts >= settings_.max_attempts) {
    row.status = store::DeliveryStatus::dead;
    row.finished_at = instant_now();
    log_.error("alert delivery given up", {{"alert", row.alert_id}, {"channel", row.channel},
                                           {"target", row.target}, {"error", row.last_error}});
  } else {
    row.next_attempt_at = instant_now() + retry_delay(settings_, row.attempts);
    log_.warn("alert delivery failed, will retry", {{"alert", row.alert_id}, {"channel", row.channel},
                                                    {"target", row.target}, {"error", row.last_error}});
  }
  return row;
}

Expected<void> AlertDelivery::send(const store::AlertDeliveryRow& row, const store::AlertRow& alert,
                                   Instant now) {
  const auto timeout = millis_from_seconds(settings_.timeout_seconds);
  if (row.channel == kWebhookChannel) {
    const auto target = std::find_if(settings_.webhooks.begin(), settings_.webhooks.end(),
                                     [&](const AlertWebhookTarget& t) { return t.name == row.target; });
    if (target == settings_.webhooks.end()) {
      return Error::make(ErrorCode::not_found, "webhook " + row.target + " is no longer configured");
    }
    JsonWriter json;
    json.begin_object().field("event", "alert.raised").key("alert");
    write_alert_json(json, alert);
    json.end_object();
    return post_signed(*target, delivery_id(row), json.take(), now, timeout);
  }
  if (!settings_.email.enabled()) return Error::make(ErrorCode::not_found, "e-mail is no longer configured");
  std::string site_name;
  if (!alert.site_id.empty()) {
    auto site = store_.site(alert.site_id);
    if (!site) return site.error();
    if (*site) site_name = (*site)->name;
  }
  const EmailMessage email = alert_email(alert, site_name, row.target, delivery_id(row) + "@vigie");
  return send_email(settings_.email, email, now, timeout);
}

}  // namespace vigie::alerts
