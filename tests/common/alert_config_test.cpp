// Alert rules in the configuration file (common/alert_config.hpp): a default rule changed where
// a key is given, a rule of the file's own overriding a condition for a site type, a default
// switched off; refusals that name the key; the rules listed by `vigie config`.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

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

}  // namespace
}  // namespace vigie
