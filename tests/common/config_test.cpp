// Configuration layers: the TOML file, then VIGIE_* environment variables, then flags, each
// overriding the one before; unknown keys and ill-typed values are refused with the key's name.
#include "common/config.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "support/temp_dir.hpp"

namespace vigie {
namespace {

// Writes `text` to a file in `dir` and returns its path.
std::string write_file(const testing::TempDir& dir, const std::string& name,
                       const std::string& text) {
  const std::string path = dir.file(name);
  std::ofstream{path} << text;
  return path;
}

constexpr const char* kVigieToml = R"(# A deployment's file.
data_dir = "/srv/vigie"
log_level = "warn"

[server]
host = "0.0.0.0"
port = 8081

[webhooks]
window_seconds = 600

[webhooks.erp]
secret = "from-file"
mapping = "config/webhooks/erp.toml"

[webhooks.meteo]
mapping = "config/webhooks/meteo.toml"
)";

TEST(ReadConfigFile, FlattensTablesToDottedKeys) {
  const testing::TempDir dir;
  const auto settings = read_config_file(write_file(dir, "vigie.toml", kVigieToml));
  ASSERT_TRUE(settings) << settings.error().describe();
  const Settings expected = {
      {"data_dir", "/srv/vigie"},
      {"log_level", "warn"},
      {"server.host", "0.0.0.0"},
      {"server.port", {"8081", false}},
      {"webhooks.window_seconds", {"600", false}},
      {"webhooks.erp.secret", "from-file"},
      {"webhooks.erp.mapping", "config/webhooks/erp.toml"},
      {"webhooks.meteo.mapping", "config/webhooks/meteo.toml"},
  };
  EXPECT_EQ(*settings, expected);
}

TEST(ReadConfigFile, NoPathGivesNoSettings) {
  const auto settings = read_config_file("");
  ASSERT_TRUE(settings);
  EXPECT_TRUE(settings->empty());
}

TEST(ReadConfigFile, NamesFileLineAndColumnOfASyntaxError) {
  const testing::TempDir dir;
  const std::string path =
      write_file(dir, "broken.toml", "data_dir = \"/srv/vigie\"\n[server]\nport = = 8081\n");
  const auto settings = read_config_file(path);
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().code, ErrorCode::invalid);
  // Line 3, column 8: the second '=' where a value was expected.
  EXPECT_EQ(settings.error().field, path + ":3:8");
  EXPECT_NE(settings.error().message.find("could not determine value type"), std::string::npos)
      << settings.error().message;
}

TEST(ReadConfigFile, NamesTheLineOfAnUnclosedTableHeader) {
  const testing::TempDir dir;
  const std::string path =
      write_file(dir, "broken.toml", "log_level = \"info\"\n[server\nport = 1\n");
  const auto settings = read_config_file(path);
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().field, path + ":2:8");
}

TEST(ReadConfigFile, RefusesAMissingFileNamingIt) {
  const testing::TempDir dir;
  const std::string path = dir.file("absent.toml");
  const auto settings = read_config_file(path);
  ASSERT_FALSE(settings);
  EXPECT_EQ(settings.error().field.rfind(path, 0), 0u) << settings.error().field;
  EXPECT_EQ(settings.error().message, "File could not be opened for reading");
}

TEST(SettingsFromEnvironment, TakesOnlyVigieVariablesOfKnownKeys) {
  const Settings settings = settings_from_environment({
      "VIGIE_SERVER_PORT=9090", "VIGIE_LOG_LEVEL=debug", "VIGIE_SERVER_MAX_BATCH_EVENTS=500",
      "VIGIE_WEBHOOKS_ERP_SECRET=s3cr3t=With=Equals",  // the value keeps its case and '='
      "VIGIE_WEBHOOKS_WINDOW_SECONDS=120",             // a setting, not a source "window"
      "VIGIE_BINARY=/usr/bin/vigie",                   // not a setting: ignored
      "VIGIE_DATA_DIR",                                // no '=': ignored
      "PATH=/usr/bin",
      "VIGIE_WEBHOOKS_SECRET=x",  // no source name: ignored
  });
  const Settings expected = {
      {"server.port", "9090"},
      {"log_level", "debug"},
      {"server.max_batch_events", "500"},
      {"webhooks.erp.secret", "s3cr3t=With=Equals"},
      {"webhooks.window_seconds", "120"},
  };
  EXPECT_EQ(settings, expected);
}

TEST(SettingsFromEnvironment, ReadsAMultiWordWebhookSource) {
  const Settings settings =
      settings_from_environment({"VIGIE_WEBHOOKS_METEO_FRANCE_MAPPING=m.toml"});
  EXPECT_EQ(settings, (Settings{{"webhooks.meteo_france.mapping", "m.toml"}}));
}

TEST(BuildConfig, KeepsDefaultsWithoutSettings) {
  const auto config = build_config({});
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_EQ(config->data_dir, "./vigie-data");
  EXPECT_EQ(config->log_level, "info");
  EXPECT_EQ(config->server.host, "127.0.0.1");
  EXPECT_EQ(config->server.port, 8080);
  EXPECT_EQ(config->server.threads, 128);
  EXPECT_EQ(config->server.max_body_bytes, 32u << 20);
  EXPECT_EQ(config->server.max_batch_events, 10'000u);
  EXPECT_EQ(config->store_engine, "sqlite");
  EXPECT_EQ(config->webhook_window_seconds, 300);
  EXPECT_TRUE(config->webhooks.empty());
  EXPECT_EQ(config->store_path(), "./vigie-data/vigie.sqlite");
  EXPECT_EQ(config->lake_dir(), "./vigie-data/lake/raw");
}

TEST(BuildConfig, FlagsOverrideEnvironmentWhichOverridesTheFile) {
  const testing::TempDir dir;
  const auto file = read_config_file(write_file(dir, "vigie.toml", kVigieToml));
  ASSERT_TRUE(file) << file.error().describe();
  const Settings environment = settings_from_environment(
      {"VIGIE_SERVER_PORT=9090", "VIGIE_LOG_LEVEL=debug", "VIGIE_WEBHOOKS_ERP_SECRET=from-env"});
  const Settings flags = {{"server.port", "7070"}};

  const auto config = build_config({*file, environment, flags});
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_EQ(config->server.port, 7070);            // flag over environment over file
  EXPECT_EQ(config->log_level, "debug");           // environment over file
  EXPECT_EQ(config->data_dir, "/srv/vigie");       // file over default
  EXPECT_EQ(config->server.host, "0.0.0.0");       // file over default
  EXPECT_EQ(config->server.threads, 128);           // default
  EXPECT_EQ(config->webhook_window_seconds, 600);  // file
  ASSERT_EQ(config->webhooks.size(), 2u);          // in key order: erp, meteo
  EXPECT_EQ(config->webhooks[0].name, "erp");
  EXPECT_EQ(config->webhooks[0].secret, "from-env");  // environment over file
  EXPECT_EQ(config->webhooks[0].mapping, "config/webhooks/erp.toml");
  EXPECT_EQ(config->webhooks[1].name, "meteo");
  EXPECT_EQ(config->webhooks[1].secret, "");
  EXPECT_EQ(config->webhooks[1].mapping, "config/webhooks/meteo.toml");

  const auto without_flags = build_config({*file, environment});
  ASSERT_TRUE(without_flags) << without_flags.error().describe();
  EXPECT_EQ(without_flags->server.port, 9090);
}

TEST(BuildConfig, TakesAWebhookSourceFromTheEnvironmentAlone) {
  const auto config = build_config({settings_from_environment({"VIGIE_WEBHOOKS_ERP_SECRET=abc"})});
  ASSERT_TRUE(config) << config.error().describe();
  ASSERT_EQ(config->webhooks.size(), 1u);
  EXPECT_EQ(config->webhooks[0].name, "erp");
  EXPECT_EQ(config->webhooks[0].secret, "abc");
  EXPECT_EQ(config->webhooks[0].mapping, "");
}

TEST(BuildConfig, ReadsEveryIntegerSetting) {
  const auto config = build_config({{
      {"server.threads", "8"},
      {"server.max_body_bytes", "1048576"},
      {"server.max_batch_events", "250"},
      {"archive.max_file_bytes", "4096"},
      {"ingest.group_commit_max_events", "1000"},
      {"webhooks.window_seconds", "86400"},
  }});
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_EQ(config->server.threads, 8);
  EXPECT_EQ(config->server.max_body_bytes, 1'048'576u);
  EXPECT_EQ(config->server.max_batch_events, 250u);
  EXPECT_EQ(config->archive_max_file_bytes, 4096u);
  EXPECT_EQ(config->group_commit_max_events, 1000u);
  EXPECT_EQ(config->webhook_window_seconds, 86'400);
}

struct ConfigRefusal {
  std::string name;
  std::string key;
  std::string value;
  std::string message;
};

TEST(BuildConfig, RefusesUnknownKeysAndBadValuesNamingTheKey) {
  const ConfigRefusal refusals[] = {
      {"misspelt key", "server.prot", "8080", "unknown setting"},
      {"unknown section", "servr.port", "8080", "unknown setting"},
      {"port as words", "server.port", "eighty", "must be an integer"},
      {"port with a fraction", "server.port", "8080.5", "must be an integer"},
      {"port with trailing text", "server.port", "8080abc", "must be an integer"},
      {"empty port", "server.port", "", "must be an integer"},
      {"port 0", "server.port", "0", "must be between 1 and 65535"},
      {"port 70000", "server.port", "70000", "must be between 1 and 65535"},
      {"no threads", "server.threads", "0", "must be between 1 and 1024"},
      {"tiny body limit", "server.max_body_bytes", "1023", "must be between 1024 and 17179869184"},
      {"window of two days", "webhooks.window_seconds", "172800", "must be between 1 and 86400"},
      {"unknown log level", "log_level", "verbose", "must be one of debug, info, warn, error"},
      {"unknown engine", "store.engine", "postgres", "must be one of sqlite"},
      {"empty data_dir", "data_dir", "", "must not be empty"},
      {"empty host", "server.host", "", "must not be empty"},
      {"unknown webhook field", "webhooks.erp.token", "x",
       "unknown setting (webhook sources take secret and mapping)"},
      {"webhook without source", "webhooks.secret", "x",
       "unknown setting (webhook sources take secret and mapping)"},
  };
  for (const ConfigRefusal& c : refusals) {
    SCOPED_TRACE(c.name);
    const auto config = build_config({{{c.key, c.value}}});
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().code, ErrorCode::invalid);
    EXPECT_EQ(config.error().field, c.key);
    EXPECT_EQ(config.error().message, c.message);
  }
}

TEST(BuildConfig, RefusesAnUnknownKeyOfTheFile) {
  const testing::TempDir dir;
  const auto file = read_config_file(write_file(dir, "vigie.toml", "[server]\nprot = 8080\n"));
  ASSERT_TRUE(file) << file.error().describe();
  const auto config = build_config({*file});
  ASSERT_FALSE(config);
  EXPECT_EQ(config.error().field, "server.prot");
  EXPECT_EQ(config.error().message, "unknown setting");
}

TEST(BuildConfig, RefusesAValueOfTheWrongTomlTypeForAnIntegerKey) {
  const std::pair<std::string, std::string> files[] = {
      {"port = \"8080x\"", "must be an integer"},
      {"port = 8080.5", "must be an integer"},
      {"port = true", "must be an integer"},
      {"port = [8080]", "must be an integer"},
  };
  for (const auto& [line, message] : files) {
    SCOPED_TRACE(line);
    const testing::TempDir dir;
    const auto file = read_config_file(write_file(dir, "vigie.toml", "[server]\n" + line + "\n"));
    ASSERT_TRUE(file) << file.error().describe();
    const auto config = build_config({*file});
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().field, "server.port");
    EXPECT_EQ(config.error().message, message);
  }
}

TEST(BuildConfig, AQuotedNumberIsAcceptedForAnIntegerKey) {
  // Environment values are always text, so the file may quote numbers too.
  const testing::TempDir dir;
  const auto file = read_config_file(write_file(dir, "vigie.toml", "[server]\nport = \"8081\"\n"));
  ASSERT_TRUE(file) << file.error().describe();
  const auto config = build_config({*file});
  ASSERT_TRUE(config) << config.error().describe();
  EXPECT_EQ(config->server.port, 8081);
}

// BUG (src/common/config.cpp, flatten): a TOML integer, float or boolean given for a text setting
// is turned into text and accepted, although config.hpp promises that "a value of the wrong type
// is refused with the key's name": `data_dir = 5` makes Vigie write under "./5".
// Enable once flatten keeps the TOML type (or text keys refuse non-string nodes).
TEST(BuildConfig, RefusesANumberForATextKey) {
  const testing::TempDir dir;
  const auto file = read_config_file(write_file(dir, "vigie.toml", "data_dir = 5\n"));
  ASSERT_TRUE(file) << file.error().describe();
  const auto config = build_config({*file});
  ASSERT_FALSE(config) << "accepted data_dir = " << config->data_dir;
  EXPECT_EQ(config.error().field, "data_dir");
}

TEST(DocumentedSettings, ListsEveryKeyWithItsDefault) {
  const auto docs = documented_settings();
  std::map<std::string, std::string> defaults;
  for (const SettingDoc& doc : docs) {
    EXPECT_FALSE(doc.meaning.empty()) << doc.key;
    defaults[doc.key] = doc.default_value;
  }
  EXPECT_EQ(defaults.size(), docs.size());  // no key twice
  EXPECT_EQ(defaults["server.port"], "8080");
  EXPECT_EQ(defaults["log_level"], "info");
  EXPECT_EQ(defaults["server.max_batch_events"], "10000");
  EXPECT_EQ(defaults["webhooks.window_seconds"], "300");
  EXPECT_EQ(defaults.count("webhooks.<source>.secret"), 1u);
  // Every documented key (except the webhook patterns) is one build_config accepts.
  for (const SettingDoc& doc : docs) {
    if (doc.key.find('<') != std::string::npos) continue;
    SCOPED_TRACE(doc.key);
    EXPECT_TRUE(build_config({{{doc.key, doc.default_value}}}));
  }
}

}  // namespace
}  // namespace vigie
