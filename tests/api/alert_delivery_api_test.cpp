// Alert delivery in a running server: the alerts raised at start (an overrun, no report) go by
// e-mail to their site's manager's own address (a real SMTP server on loopback, without TLS here — the TLS path
// is tested in tests/alerts/email_delivery_test.cpp); GET /api/v1/alerts/deliveries shows it
// delivered to admin and direction tokens, not to a manager's.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <chrono>
#include <thread>

#include "support/api_server.hpp"
#include "support/command_json.hpp"
#include "support/smtp_sink.hpp"
#include "support/tiny_company.hpp"

namespace vigie::api {
namespace {

TEST(AlertDeliveryApi, TheOverrunAlertReachesTheSitesManagerByEmail) {
  const testing::SmtpSink sink{{}};
  testing::ApiServer server;
  AlertEmailSettings& email = server.config().alert_delivery.email;
  email.smtp_url = sink.url();
  email.starttls = false;
  email.from = "vigie@btp-exemple.fr";
  email.to[AlertAudience::manager] = {"affaires@btp-exemple.fr"};
  email.persons["P-M"] = "m.durand@btp-exemple.fr";
  // 100 000 €, half done, 60 000 € spent: EV 50 000 €, 20 % over at completion.
  const std::vector<events::Event> company = testing::overrunning_site();
  ASSERT_TRUE(server.store().append(company));
  const std::string admin = server.token(store::Role::admin);
  const std::string manager = server.token(store::Role::manager, "P-M");
  ASSERT_TRUE(server.start());

  // Two manager alerts: the overrun, and no daily report since 20/11 (the test runs later).
  const auto mail = sink.wait_for(2, 30);
  ASSERT_EQ(mail.size(), 2u);
  int overruns = 0;
  for (const std::string& received : mail) {
    const testing::CommandJson message{received};
    EXPECT_EQ(message.text("to"), "m.durand@btp-exemple.fr");
    if (message.text("subject").find("Dépassement du budget à terminaison : 20,0 %") == std::string::npos) continue;
    ++overruns;
    EXPECT_NE(message.text("text").find("(seuil : au-dessus de 10,0 %)"), std::string::npos)
        << message.text("text");
  }
  EXPECT_EQ(overruns, 1);

  std::string listed;
  for (int tries = 0; tries < 100; ++tries) {  // the outcome is recorded just after the send
    const auto reply = server.client().Get("/api/v1/alerts/deliveries?status=delivered",
                                           {{"Authorization", "Bearer " + admin}});
    ASSERT_TRUE(reply && reply->status == 200);
    listed = reply->body;
    if (listed.find("\"alert_id\"") != listed.rfind("\"alert_id\"")) break;  // two rows
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  simdjson::dom::parser parser;
  const simdjson::dom::array deliveries = parser.parse(listed)["deliveries"].get_array().value();
  ASSERT_EQ(deliveries.size(), 2u) << listed;
  for (const simdjson::dom::element row : deliveries) {
    EXPECT_EQ(std::string_view{row["channel"].get_string().value()}, "email");
    EXPECT_EQ(std::string_view{row["target"].get_string().value()}, "m.durand@btp-exemple.fr");
    EXPECT_EQ(std::string_view{row["status"].get_string().value()}, "delivered");
    EXPECT_EQ(row["attempts"].get_int64().value(), 1);
  }

  const auto forbidden = server.client().Get("/api/v1/alerts/deliveries",
                                             {{"Authorization", "Bearer " + manager}});
  ASSERT_TRUE(forbidden);
  EXPECT_EQ(forbidden->status, 403);
  const auto bad = server.client().Get("/api/v1/alerts/deliveries?status=lost",
                                       {{"Authorization", "Bearer " + admin}});
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 422);
  EXPECT_NE(bad->body.find("status"), std::string::npos);
}

}  // namespace
}  // namespace vigie::api
