// Delivering alerts by e-mail (issue 9, point 3), to a real SMTP server on loopback (Debian's
// aiosmtpd): the message arrives over STARTTLS after AUTH, one per address, with the French text
// and figures in a plain-text and an HTML part; a wrong password is a failed try, retried.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "alerts/alert_delivery.hpp"
#include "alerts/email_sender.hpp"
#include "store/store.hpp"
#include "support/command_json.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_dir.hpp"

namespace vigie::alerts {
namespace {

using namespace std::chrono_literals;

store::AlertRow late_alert() {
  store::AlertRow row;
  row.key = "rule:predicted_delay:CH-2026-004";
  row.kind = "predicted_delay";
  row.site_id = "CH-2026-004";
  row.audience = "Direction";
  row.title = "Retard prévu : 14,5 jours — Résidence « Les Tilleuls » (CH-2026-004)";
  row.message = "Retard prévu : 14,5 jours (seuil : au-dessus de 10 jours). À faire : revoir le "
                "planning & les équipes <avec> le responsable d'affaire.";
  row.figures = R"({"rule":"predicted_delay","value":14.5,"threshold":10})";
  row.raised_at = Instant{std::chrono::sys_days{std::chrono::year{2026} / 11 / 24}} + 13h + 5min;
  return row;
}

AlertDeliverySettings email_settings(const testing::SmtpSink& sink, const std::string& password) {
  AlertDeliverySettings settings;
  settings.max_attempts = 3;
  settings.first_retry_seconds = 30;
  settings.timeout_seconds = 10;
  settings.email.smtp_url = sink.url();
  settings.email.starttls = true;
  settings.email.username = "vigie";
  settings.email.password = password;
  settings.email.ca_file = sink.ca_file();
  settings.email.from = "vigie@btp-exemple.fr";
  settings.email.to[AlertAudience::direction] = {"dg@btp-exemple.fr", "dt@btp-exemple.fr"};
  return settings;
}

TEST(EmailDelivery, TheAlertArrivesOverStartTlsWithItsFrenchTextAndFigures) {
  const testing::SmtpSink sink{{true, "vigie", "mot-de-passe-42"}};
  const testing::TempDir dir;
  auto opened = store::open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(opened);
  store::Store& store = **opened;
  const auto id = store.raise_alert(late_alert());
  ASSERT_TRUE(id && *id);
  const Logger quiet{LogLevel::error};
  AlertDelivery delivery{store, email_settings(sink, "mot-de-passe-42"), 1s, quiet};
  auto pass = delivery.run_once(instant_now());
  ASSERT_TRUE(pass) << pass.error().describe();
  EXPECT_EQ(pass->enqueued, 2u);
  EXPECT_EQ(pass->delivered, 2u) << store.alert_deliveries(std::nullopt, 5)->front().last_error;

  const auto mail = sink.wait_for(2, 10);
  ASSERT_EQ(mail.size(), 2u);
  const testing::CommandJson first{mail[0]};
  EXPECT_EQ(first.text("to"), "dg@btp-exemple.fr");
  EXPECT_EQ(first.text("mail_from"), "vigie@btp-exemple.fr");
  EXPECT_EQ(first.text("from"), "Vigie <vigie@btp-exemple.fr>");
  EXPECT_TRUE(first.flag("tls"));
  EXPECT_TRUE(first.flag("authenticated"));
  EXPECT_EQ(first.text("content_type"), "multipart/mixed");
  EXPECT_EQ(first.text("subject"),
            "[Vigie] Retard prévu : 14,5 jours — Résidence « Les Tilleuls » (CH-2026-004)");
  const std::string text = first.text("text");
  EXPECT_NE(text.find("Retard prévu : 14,5 jours (seuil : au-dessus de 10 jours)."), std::string::npos) << text;
  EXPECT_NE(text.find("À faire : revoir le planning & les équipes <avec> le responsable d'affaire."),
            std::string::npos) << text;
  EXPECT_NE(text.find("Chantier : CH-2026-004"), std::string::npos) << text;
  EXPECT_NE(text.find("Déclenchée le 24/11/2026 à 14:05 (heure de Paris)"), std::string::npos) << text;
  EXPECT_NE(text.find("Alerte n° " + std::to_string(**id)), std::string::npos) << text;
  const std::string html = first.text("html");
  EXPECT_NE(html.find("<h1 style=\"font-size: 1.2em\">Retard prévu : 14,5 jours — Résidence « Les "
                      "Tilleuls » (CH-2026-004)</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("planning &amp; les équipes &lt;avec&gt; le responsable d&#39;affaire."),
            std::string::npos) << html;
  const testing::CommandJson second{mail[1]};
  EXPECT_EQ(second.text("to"), "dt@btp-exemple.fr");
  EXPECT_NE(first.text("message_id"), second.text("message_id"));
}

TEST(EmailDelivery, AWrongPasswordIsAFailedTryKeptForRetry) {
  const testing::SmtpSink sink{{true, "vigie", "mot-de-passe-42"}};
  const testing::TempDir dir;
  auto opened = store::open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(opened);
  store::Store& store = **opened;
  ASSERT_TRUE(store.raise_alert(late_alert()));
  const Logger quiet{LogLevel::error};
  AlertDeliverySettings settings = email_settings(sink, "pas-le-bon");
  settings.email.to[AlertAudience::direction] = {"dg@btp-exemple.fr"};
  AlertDelivery delivery{store, settings, 1s, quiet};
  auto pass = delivery.run_once(instant_now());
  ASSERT_TRUE(pass);
  EXPECT_EQ(pass->failed, 1u);
  const auto rows = store.alert_deliveries(store::DeliveryStatus::pending, 5);
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_NE(rows->front().last_error.find("e-mail to dg@btp-exemple.fr failed: Login denied"),
            std::string::npos) << rows->front().last_error;
  EXPECT_TRUE(sink.messages().empty());
}

TEST(EmailDelivery, SubjectsAreEncodedInWordsThatKeepCharactersWhole) {
  EXPECT_EQ(encode_header_words("Plain subject"), "Plain subject");
  EXPECT_EQ(encode_header_words("été"), "=?UTF-8?B?w6l0w6k=?=");
  // 44 ASCII bytes then 'é' (2 bytes): the first word stops before it rather than cut it.
  const std::string text = std::string(44, 'a') + "é";
  const std::string encoded = encode_header_words(text);
  const auto fold = encoded.find("\r\n ");
  ASSERT_NE(fold, std::string::npos);
  EXPECT_EQ(encoded.substr(fold + 3), "=?UTF-8?B?w6k=?=");
  EXPECT_LE(fold, 75u);
}

}  // namespace
}  // namespace vigie::alerts
