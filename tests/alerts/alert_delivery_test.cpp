// Delivering alerts by webhook (issue 9, point 3): who gets which alert; a receiver that fails
// twice gets the alert on the third try, every try signed and under the same delivery id, the
// waits doubling; a receiver that never answers well leaves a dead-letter record after the last
// try; an alert is taken up once, and not at all when it cleared first.
#include <gtest/gtest.h>
#include <httplib.h>
#include <simdjson.h>

#include <chrono>
#include <mutex>
#include <thread>

#include "alerts/alert_delivery.hpp"
#include "common/webhook_signature.hpp"
#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::alerts {
namespace {

using namespace std::chrono_literals;

constexpr std::string_view kSecret = "alert-hook-secret-0123456789";

store::AlertRow overrun_alert(const std::string& audience) {
  store::AlertRow row;
  row.key = "rule:budget_overrun:CH-2026-004";
  row.kind = "budget_overrun";
  row.site_id = "CH-2026-004";
  row.audience = audience;
  row.title = "Dépassement à terminaison : 12,5 % — Résidence Les Tilleuls (CH-2026-004)";
  row.message = "Dépassement à terminaison : 12,5 % (seuil : au-dessus de 10 %). À faire : revoir "
                "le budget avec le chef de chantier.";
  row.figures = R"({"rule":"budget_overrun","value":12.5,"threshold":10})";
  row.raised_at = instant_now();
  return row;
}

// A webhook receiver on loopback that answers 503 to its first `failures` requests, then 200,
// and keeps what each request carried.
class Receiver {
 public:
  struct Request {
    std::chrono::steady_clock::time_point at;
    std::string body, signature, delivery, timestamp;
    int answered = 0;
  };
  explicit Receiver(int failures) : failures_(failures) {
    server_.Post("/hook", [this](const httplib::Request& request, httplib::Response& response) {
      const std::lock_guard lock(mutex_);
      Request& got = requests_.emplace_back();
      got.at = std::chrono::steady_clock::now();
      got.body = request.body;
      got.signature = request.get_header_value(std::string{kSignatureHeader});
      got.delivery = request.get_header_value(std::string{kDeliveryHeader});
      got.timestamp = request.get_header_value(std::string{kTimestampHeader});
      got.answered = static_cast<int>(requests_.size()) <= failures_ ? 503 : 200;
      response.status = got.answered;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~Receiver() {
    server_.stop();
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hook"; }
  std::vector<Request> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  const int failures_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
  mutable std::mutex mutex_;
  std::vector<Request> requests_;
};

AlertDeliverySettings webhook_settings(const std::string& url, int max_attempts, double first_retry) {
  AlertDeliverySettings settings;
  settings.max_attempts = max_attempts;
  settings.first_retry_seconds = first_retry;
  settings.timeout_seconds = 5;
  settings.webhooks.push_back({"astreinte", url, std::string{kSecret}, {}});
  return settings;
}

// Passes until the delivery is no longer pending, or 20 s.
store::AlertDeliveryRow deliver(AlertDelivery& delivery, store::Store& store) {
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  for (;;) {
    auto pass = delivery.run_once(instant_now());
    EXPECT_TRUE(pass) << pass.error().describe();
    auto rows = store.alert_deliveries(std::nullopt, 10);
    EXPECT_TRUE(rows && rows->size() == 1);
    if (!rows || rows->empty()) return {};
    if (rows->front().status != store::DeliveryStatus::pending || std::chrono::steady_clock::now() > deadline) {
      return rows->front();
    }
    std::this_thread::sleep_for(10ms);
  }
}

// Each test with a store of its own.
class AlertDeliveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened);
    store_ = std::move(*opened);
  }

  const testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  const Logger quiet_{LogLevel::error};
};

TEST(AlertDeliveryTargets, WebhooksByAudienceAndTheManagersOwnAddressBeforeTheSharedOne) {
  AlertDeliverySettings settings;
  settings.webhooks.push_back({"tous", "http://a", std::string{kSecret}, {}});
  settings.webhooks.push_back({"direction", "http://b", std::string{kSecret}, {AlertAudience::direction}});
  settings.email.smtp_url = "smtp://mail";
  settings.email.from = "vigie@example.fr";
  settings.email.to[AlertAudience::manager] = {"affaires@example.fr"};
  settings.email.to[AlertAudience::direction] = {"dg@example.fr", "dt@example.fr"};
  settings.email.persons["P-0003"] = "c.martin@example.fr";

  const auto names = [](const std::vector<DeliveryTarget>& targets) {
    std::vector<std::string> out;
    for (const auto& t : targets) out.push_back(t.channel + ":" + t.target);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(names(delivery_targets(overrun_alert("Responsable d'affaire"), settings, "P-0003")),
            (V{"webhook:tous", "email:c.martin@example.fr"}));
  EXPECT_EQ(names(delivery_targets(overrun_alert("Responsable d'affaire"), settings, "P-0009")),
            (V{"webhook:tous", "email:affaires@example.fr"}));
  EXPECT_EQ(names(delivery_targets(overrun_alert("Direction"), settings, "P-0003")),
            (V{"webhook:tous", "webhook:direction", "email:dg@example.fr", "email:dt@example.fr"}));
  EXPECT_EQ(names(delivery_targets(overrun_alert("admin"), settings, "")), (V{"webhook:tous"}));
  settings.email.smtp_url.clear();  // e-mail off
  EXPECT_EQ(names(delivery_targets(overrun_alert("Direction"), settings, "")),
            (V{"webhook:tous", "webhook:direction"}));
}

TEST(AlertDeliveryTargets, RetriesWaitTwiceAsLongEachTime) {
  AlertDeliverySettings settings;
  settings.first_retry_seconds = 30;
  EXPECT_EQ(retry_delay(settings, 1), 30s);
  EXPECT_EQ(retry_delay(settings, 2), 60s);
  EXPECT_EQ(retry_delay(settings, 5), 480s);
}

TEST_F(AlertDeliveryTest, AReceiverThatFailsTwiceGetsTheAlertOnTheThirdTryWithAValidSignature) {
  store::Store& store = *store_;
  const auto id = store.raise_alert(overrun_alert("Responsable d'affaire"));
  ASSERT_TRUE(id && *id);

  const Receiver receiver{2};
  AlertDelivery delivery{store, webhook_settings(receiver.url(), 5, 0.2), 1s, quiet_};
  const store::AlertDeliveryRow row = deliver(delivery, store);

  EXPECT_EQ(row.status, store::DeliveryStatus::delivered);
  EXPECT_EQ(row.attempts, 3);
  EXPECT_EQ(row.channel, "webhook");
  EXPECT_EQ(row.target, "astreinte");
  EXPECT_TRUE(row.last_error.empty());
  const auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].answered, 503);
  EXPECT_EQ(requests[1].answered, 503);
  EXPECT_EQ(requests[2].answered, 200);
  for (const auto& request : requests) {
    EXPECT_TRUE(signature_header_matches(request.signature, kSecret, {request.body})) << request.signature;
    EXPECT_FALSE(signature_header_matches(request.signature, "another-secret-0123456789", {request.body}));
    EXPECT_EQ(request.delivery, requests[0].delivery);  // the receiver can drop a repeat
    EXPECT_NEAR(std::stod(request.timestamp),
                static_cast<double>(std::chrono::duration_cast<std::chrono::seconds>(
                                        instant_now().time_since_epoch()).count()), 60);
  }
  EXPECT_EQ(requests[0].delivery, "alert-" + std::to_string(**id) + "-" + std::to_string(row.id));
  // Back-off: 0,2 s, then 0,4 s.
  EXPECT_GE(requests[1].at - requests[0].at, 199ms);  // times are kept to the millisecond
  EXPECT_GE(requests[2].at - requests[1].at, 399ms);

  simdjson::dom::parser parser;
  const auto body = parser.parse(requests[2].body);
  EXPECT_EQ(std::string_view{body["event"].get_string().value()}, "alert.raised");
  EXPECT_EQ(body["alert"]["id"].get_int64().value(), **id);
  EXPECT_EQ(std::string_view{body["alert"]["title"].get_string().value()},
            "Dépassement à terminaison : 12,5 % — Résidence Les Tilleuls (CH-2026-004)");
  EXPECT_EQ(body["alert"]["figures"]["value"].get_double().value(), 12.5);

  // Taken up once: later passes neither record nor send it again.
  auto later = delivery.run_once(instant_now());
  ASSERT_TRUE(later);
  EXPECT_EQ(later->enqueued, 0u);
  EXPECT_EQ(receiver.requests().size(), 3u);
  EXPECT_EQ(delivery.delivered(), 1u);
  EXPECT_EQ(delivery.failed_tries(), 2u);
}

TEST_F(AlertDeliveryTest, AfterTheLastTryTheDeliveryIsDeadWithItsError) {
  store::Store& store = *store_;
  ASSERT_TRUE(store.raise_alert(overrun_alert("Direction")));

  const Receiver receiver{1000};
  AlertDelivery delivery{store, webhook_settings(receiver.url(), 3, 0.05), 1s, quiet_};
  const store::AlertDeliveryRow row = deliver(delivery, store);
  EXPECT_EQ(row.status, store::DeliveryStatus::dead);
  EXPECT_EQ(row.attempts, 3);
  EXPECT_TRUE(row.finished_at);
  EXPECT_NE(row.last_error.find("HTTP 503"), std::string::npos) << row.last_error;
  auto dead = store.alert_deliveries(store::DeliveryStatus::dead, 10);
  ASSERT_TRUE(dead);
  EXPECT_EQ(dead->size(), 1u);
  std::this_thread::sleep_for(300ms);  // past the next back-off: no fourth try
  ASSERT_TRUE(delivery.run_once(instant_now()));
  EXPECT_EQ(receiver.requests().size(), 3u);
  EXPECT_EQ(delivery.dead(), 1u);
}

TEST_F(AlertDeliveryTest, AnUnreachableReceiverIsRetriedAndNamed) {
  store::Store& store = *store_;
  ASSERT_TRUE(store.raise_alert(overrun_alert("Direction")));
  // Port 1 on loopback: nothing listens there.
  AlertDelivery delivery{store, webhook_settings("http://127.0.0.1:1/hook", 2, 60), 1s, quiet_};
  auto pass = delivery.run_once(instant_now());
  ASSERT_TRUE(pass);
  EXPECT_EQ(pass->failed, 1u);
  auto rows = store.alert_deliveries(std::nullopt, 10);
  ASSERT_TRUE(rows && rows->size() == 1);
  EXPECT_EQ(rows->front().status, store::DeliveryStatus::pending);
  EXPECT_NE(rows->front().last_error.find("webhook astreinte failed"), std::string::npos)
      << rows->front().last_error;
  EXPECT_GE(rows->front().next_attempt_at - instant_now(), 50s);  // not due before its back-off
}

TEST_F(AlertDeliveryTest, AnAlertClearedBeforeItIsTakenUpIsNotSent) {
  store::Store& store = *store_;
  const store::AlertRow alert = overrun_alert("Direction");
  ASSERT_TRUE(store.raise_alert(alert));
  ASSERT_TRUE(store.clear_alert(alert.key, instant_now()));
  const Receiver receiver{0};
  AlertDelivery delivery{store, webhook_settings(receiver.url(), 3, 0.05), 1s, quiet_};
  auto pass = delivery.run_once(instant_now());
  ASSERT_TRUE(pass);
  EXPECT_EQ(pass->enqueued, 0u);
  EXPECT_EQ(*store.alert_delivery_watermark(), 1);  // taken up all the same: never again
  EXPECT_TRUE(receiver.requests().empty());
}

}  // namespace
}  // namespace vigie::alerts
