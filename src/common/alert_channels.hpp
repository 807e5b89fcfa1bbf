// common/alert_channels.hpp
//
// Where alerts go besides the dashboards (issue 9, point 3), from the configuration:
//
//   [alerts.delivery]
//   max_attempts = 6              # tries before the dead-letter record
//   first_retry_seconds = 30      # the wait before the second try, doubled before each next one
//   timeout_seconds = 10          # of one try
//
//   [alerts.webhooks.astreinte]   # POST of the alert as JSON, signed like incoming webhooks
//   url = "https://astreinte.example.fr/vigie"
//   secret = "…"                  # at least 16 bytes; never shown
//   audiences = "direction,admin" # whose alerts (default: every audience)
//
//   [alerts.email]                # one message per alert and address
//   smtp_url = "smtp://mail.example.fr:587"   # smtps:// for TLS from the first byte
//   starttls = true               # with smtp://, refuse to send unless STARTTLS succeeds
//   username = "vigie"            # AUTH when given
//   password = "…"                # never shown; VIGIE_ALERTS_EMAIL_PASSWORD in the environment
//   ca_file = "/etc/ssl/private-ca.pem"   # a company's own certificate authority
//   from = "vigie@example.fr"
//   direction = "dg@example.fr, dt@example.fr"   # the addresses of each audience
//   manager = "affaires@example.fr"   # managers' alerts whose manager has no address below
//   admin = "it@example.fr"
//   [alerts.email.persons]
//   P-0003 = "c.martin@example.fr"    # a site's manager, by person id
//
// A bad value is refused naming its key; a webhook without url or secret, or e-mail without
// `from`, is refused once every layer is applied.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/alert_rules.hpp"
#include "common/expected.hpp"

namespace vigie {

struct SettingValue;

struct AlertWebhookTarget {
  std::string name;    // alerts.webhooks.<name>
  std::string url;
  std::string secret;  // HMAC-SHA256 key of the X-Vigie-Signature header
  std::vector<AlertAudience> audiences;  // empty: every audience
};

struct AlertEmailSettings {
  std::string smtp_url;  // empty: no e-mail
  bool starttls = true;
  std::string username, password, ca_file, from;
  std::map<AlertAudience, std::vector<std::string>> to;  // the addresses of each audience
  std::map<std::string, std::string> persons;            // person id → address
  bool enabled() const { return !smtp_url.empty(); }
};

struct AlertDeliverySettings {
  int max_attempts = 6;
  double first_retry_seconds = 30;
  double timeout_seconds = 10;
  std::vector<AlertWebhookTarget> webhooks;
  AlertEmailSettings email;
};

inline constexpr std::string_view kAlertWebhooksPrefix = "alerts.webhooks.";
inline constexpr std::string_view kAlertEmailPrefix = "alerts.email.";

// Applies one alerts.webhooks.<name>.<key> or alerts.email.<key> setting.
Expected<void> apply_alert_channel_setting(AlertDeliverySettings& delivery, const std::string& key,
                                           const SettingValue& value);

// Once every setting is applied: each webhook has its url and secret, e-mail has its sender.
Expected<void> check_alert_channels(const AlertDeliverySettings& delivery);

// The alerts.email.* keys that the environment may set (VIGIE_ALERTS_EMAIL_PASSWORD, …).
const std::vector<std::string>& alert_email_keys();

// The channels as settings, secrets masked (for `vigie config`).
std::vector<std::pair<std::string, std::string>> alert_channel_settings(
    const AlertDeliverySettings& delivery);

}  // namespace vigie
