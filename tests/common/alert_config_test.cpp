// Alert rules in the configuration file (common/alert_config.hpp): a default rule changed where
// a key is given, a rule of the file's own overriding a condition for a site type, a default
// switched off; refusals that name the key; the rules listed by `vigie config`. Where alerts go
// (common/alert_channels.hpp): webhooks and e-mail read, refused naming the key, secrets never
// shown, the e-mail password from the environment.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "common/alert_channels.hpp"
#include "common/alert_config.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

constexpr const char* kRules = R"toml(
[alerts]
evaluate_every_seconds = 60

[alerts.rules.budget_overrun]
threshold = 15

[alerts.rules.overrun_residential]
condition = "budget_overrun"
measure = "budget_overrun_pct"
scope = "type:residentiel"
threshold = 8
margin = 1.5

[alerts.rules.no_report]
enabled = false
)toml";

const AlertRule* find(const Config& config, const std::string& id) {
  const auto it = std::find_if(config.alert_rules.begin(), config.alert_rules.end(),
                               [&](const AlertRule& r) { return r.id == id; });
  return it == config.alert_rules.end() ? nullptr : &*it;
}

Expected<Config> from_text(const std::string& text) {
  const testing::TempDir dir;
  const std::string path = dir.file("vigie.toml");
  std::ofstream(path) << text;
  auto settings = read_config_file(path);
  if (!settings) return settings.error();
  return build_config({*settings});
}

TEST(AlertConfig, ChangesDefaultsAddsOverridesAndSwitchesOff) {
  const auto config = from_text(kRules);
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_EQ(config->alerts_every_seconds, 60);
  EXPECT_EQ(config->alert_rules.size(), default_alert_rules().size() + 1);
  const AlertRule* overrun = find(*config, "budget_overrun");
  ASSERT_NE(overrun, nullptr);
  EXPECT_EQ(overrun->threshold, 15);
  EXPECT_EQ(overrun->margin, 2);  // kept from the default
  const AlertRule* residential = find(*config, "overrun_residential");
  ASSERT_NE(residential, nullptr);
  EXPECT_EQ(residential->name, "budget_overrun");
  EXPECT_EQ(residential->scope, "type:residentiel");
  EXPECT_EQ(residential->threshold, 8);
  EXPECT_EQ(residential->margin, 1.5);
  EXPECT_TRUE(residential->above);
  EXPECT_FALSE(find(*config, "no_report")->enabled);
  // Listed for `vigie config`.
  const auto listed = settings_in_force(*config);
  const auto shown = std::find(listed.begin(), listed.end(),
                               std::pair<std::string, std::string>{"alerts.rules.overrun_residential.scope",
                                                                   "type:residentiel"});
  EXPECT_NE(shown, listed.end());
}

TEST(AlertConfig, RefusesNamingTheKey) {
  const auto refused = [](const std::string& text) {
    const auto config = from_text(text);
    EXPECT_FALSE(config);
    return config ? std::string{} : config.error().describe();
  };
  EXPECT_NE(refused("[alerts.rules.mine]\nthreshold = 3\n").find("alerts.rules.mine.measure"),
            std::string::npos);
  EXPECT_NE(refused("[alerts.rules.budget_overrun]\nwhen = \"sideways\"\n").find("alerts.rules.budget_overrun.when"),
            std::string::npos);
  EXPECT_NE(refused("[alerts.rules.budget_overrun]\nthreshold = \"ten\"\n").find("must be a number"),
            std::string::npos);
  EXPECT_NE(refused("[alerts.rules.budget_overrun]\nscope = \"region:Isère\"\n").find("scope"),
            std::string::npos);
  EXPECT_NE(refused("[alerts.rules.x]\nmeasure = \"mood\"\n").find("unknown measure mood"),
            std::string::npos);
  EXPECT_NE(refused("[alerts.rules.budget_overrun]\ncolour = \"red\"\n").find("alerts.rules.budget_overrun.colour"),
            std::string::npos);
}

constexpr const char* kChannels = R"toml(
[alerts.delivery]
max_attempts = 4
first_retry_seconds = 15

[alerts.webhooks.astreinte]
url = "https://astreinte.example.fr/vigie"
secret = "0123456789abcdef-secret"
audiences = "direction, admin"

[alerts.email]
smtp_url = "smtp://mail.example.fr:587"
username = "vigie"
password = "mot-de-passe"
from = "vigie@example.fr"
direction = "dg@example.fr, dt@example.fr"

[alerts.email.persons]
P-0003 = "c.martin@example.fr"
)toml";

TEST(AlertChannelsConfig, WebhooksAndEmailAreReadAndTheirSecretsNeverShown) {
  const auto config = from_text(kChannels);
  ASSERT_TRUE(config) << config.error().describe();
  const AlertDeliverySettings& delivery = config->alert_delivery;
  EXPECT_EQ(delivery.max_attempts, 4);
  EXPECT_EQ(delivery.first_retry_seconds, 15);
  ASSERT_EQ(delivery.webhooks.size(), 1u);
  EXPECT_EQ(delivery.webhooks[0].url, "https://astreinte.example.fr/vigie");
  EXPECT_EQ(delivery.webhooks[0].audiences,
            (std::vector<AlertAudience>{AlertAudience::direction, AlertAudience::admin}));
  EXPECT_TRUE(delivery.email.enabled());
  EXPECT_TRUE(delivery.email.starttls);  // by default
  EXPECT_EQ(delivery.email.to.at(AlertAudience::direction),
            (std::vector<std::string>{"dg@example.fr", "dt@example.fr"}));
  EXPECT_EQ(delivery.email.persons.at("P-0003"), "c.martin@example.fr");

  const auto shown = settings_in_force(*config);
  const auto value = [&](const std::string& key) {
    const auto it = std::find_if(shown.begin(), shown.end(), [&](const auto& kv) { return kv.first == key; });
    return it == shown.end() ? std::string{"(absent)"} : it->second;
  };
  EXPECT_EQ(value("alerts.webhooks.astreinte.secret"), "(set)");
  EXPECT_EQ(value("alerts.email.password"), "(set)");
  EXPECT_EQ(value("alerts.email.direction"), "dg@example.fr, dt@example.fr");
  for (const auto& [key, shown_value] : shown) {
    EXPECT_EQ(shown_value.find("0123456789abcdef"), std::string::npos) << key;
    EXPECT_EQ(shown_value.find("mot-de-passe"), std::string::npos) << key;
  }

  const Settings environment = settings_from_environment({"VIGIE_ALERTS_EMAIL_PASSWORD=from-env"});
  ASSERT_EQ(environment.count("alerts.email.password"), 1u);
  const testing::TempDir dir;
  std::ofstream(dir.file("v.toml")) << kChannels;
  const auto layered = build_config({*read_config_file(dir.file("v.toml")), environment});
  ASSERT_TRUE(layered) << layered.error().describe();
  EXPECT_EQ(layered->alert_delivery.email.password, "from-env");
}

TEST(AlertChannelsConfig, BadValuesAreRefusedNamingTheirKey) {
  const auto refused = [](const std::string& text) {
    const auto config = from_text(text);
    return config ? std::string{"accepted"} : config.error().describe();
  };
  const std::string hook = "[alerts.webhooks.h]\nurl = \"https://h.fr\"\nsecret = \"0123456789abcdef\"\n";
  EXPECT_EQ(refused(hook), "accepted");
  EXPECT_NE(refused("[alerts.webhooks.h]\nurl = \"ftp://h.fr\"\nsecret = \"0123456789abcdef\"\n")
                .find("alerts.webhooks.h.url"), std::string::npos);
  EXPECT_NE(refused("[alerts.webhooks.h]\nurl = \"https://h.fr\"\nsecret = \"short\"\n")
                .find("alerts.webhooks.h.secret: must be at least 16 bytes"), std::string::npos);
  EXPECT_NE(refused("[alerts.webhooks.h]\nurl = \"https://h.fr\"\n").find("alerts.webhooks.h.secret"),
            std::string::npos);
  EXPECT_NE(refused(hook + "audiences = \"direction, tout le monde\"\n").find("alerts.webhooks.h.audiences"),
            std::string::npos);
  EXPECT_NE(refused(hook + "colour = \"red\"\n").find("alerts.webhooks.h.colour"), std::string::npos);
  const std::string mail = "[alerts.email]\nsmtp_url = \"smtp://m.fr\"\nfrom = \"v@m.fr\"\n";
  EXPECT_EQ(refused(mail), "accepted");
  EXPECT_NE(refused("[alerts.email]\nsmtp_url = \"smtp://m.fr\"\n").find("alerts.email.from"),
            std::string::npos);
  EXPECT_NE(refused("[alerts.email]\nsmtp_url = \"http://m.fr\"\nfrom = \"v@m.fr\"\n")
                .find("alerts.email.smtp_url"), std::string::npos);
  EXPECT_NE(refused(mail + "admin = \"it@m.fr, it at m.fr\"\n")
                .find("alerts.email.admin: address 2 must be an e-mail address"), std::string::npos);
  EXPECT_NE(refused(mail + "username = \"vigie\"\n").find("alerts.email.password"), std::string::npos);
  EXPECT_NE(refused(mail + "starttls = \"yes\"\n").find("alerts.email.starttls"), std::string::npos);
  EXPECT_NE(refused(mail + "[alerts.email.persons]\nP-1 = \"<evil@m.fr>\\r\\nBcc: x@y.fr\"\n")
                .find("alerts.email.persons.P-1"), std::string::npos);
  EXPECT_NE(refused("[alerts.delivery]\nmax_attempts = 0\n").find("alerts.delivery.max_attempts"),
            std::string::npos);
}

}  // namespace
}  // namespace vigie
