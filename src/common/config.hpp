// common/config.hpp
//
// Vigie's configuration: a TOML file, then VIGIE_* environment variables, then command-line
// flags, each overriding the one before. Every setting has a dotted key (`server.port`) and the
// environment name derived from it (`VIGIE_SERVER_PORT`); an unknown key or a value of the wrong
// type is refused with the key's name, so a typo never passes silently.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "common/alert_channels.hpp"
#include "common/alert_rules.hpp"
#include "common/expected.hpp"

namespace vigie {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 128;  // HTTP workers: one per open connection (cpp-httplib), many wait on a commit
  std::size_t max_body_bytes = 32u << 20;       // larger bodies get 413
  std::size_t max_batch_events = 10'000;        // larger arrays get 413
  int session_hours = 12;                       // a dashboard sign-in lasts this long
};

struct WebhookSourceConfig {
  std::string name;     // the {source} of /api/v1/webhooks/{source}
  std::string secret;   // shared HMAC secret; never logged
  std::string mapping;  // path of the mapping file
};

// Model 1, delay prediction (models.md): models.delay.* in the configuration.
struct DelayModelSettings {
  // XGBoost's training parameters, the same for the classifier and the regressor.
  int max_depth = 4;
  double eta = 0.05;
  double min_child_weight = 5;
  double subsample = 0.8;
  double colsample_bytree = 0.8;
  int max_rounds = 600;
  int early_stopping_rounds = 40;
  int threads = 0;  // 0: every core
  // The rows: labels, snapshots, the time split.
  int late_tolerance_days = 0;
  int snapshot_every_days = 7;
  double test_share = 0.3;
  double validation_share = 0.2;
  // Serving: the probability from which a site is called late, and when a site's data are too
  // thin for a confident number.
  double threshold = 0.5;
  int min_events = 60;
  int max_days_without_progress = 21;
  // A/B testing (models/delay/ab_test.hpp): a version scored in the shadow on a share of sites.
  int challenger_version = 0;  // 0: none
  double challenger_share = 0.2;
  // Drift (models/delay/drift.hpp): the serving version's stored predictions of the last
  // drift_weeks weeks against its training rows; a PSI above drift_threshold alerts the admin.
  double drift_threshold = 0.2;
  int drift_weeks = 4;
};

// Model 3, incident triage (models.md): models.triage.* in the configuration.
struct TriageSettings {
  std::string corpus_dir = "data/triage/train";     // shipped with Vigie
  std::string heldout_dir = "data/triage/heldout";  // written by another hand: the metrics
  // The SLA of each urgency, in hours.
  double sla_hours_1h = 1, sla_hours_4h = 4, sla_hours_1d = 24, sla_hours_3d = 72;
  // The learners (models/triage/text_stack.hpp).
  int fasttext_epochs = 30;
  int fasttext_dim = 30;
  double tfidf_c = 10;
  std::string tfidf_model = "logistic";  // or "svm"
  int tfidf_char_max = 5;  // character n-grams of 3 to this many characters; below 3: none

  int forest_trees = 100;
  int forest_max_depth = 8;
  int folds = 5;
};

// Model 2, team planning (models.md): models.planning.* in the configuration. Travel is the
// straight line × road_factor at speed_kmh; the objective's parts are priced in euros so that a
// weight reads as "what a planner would pay to avoid one of these".
struct PlanningSettings {
  double road_factor = 1.3;
  double speed_kmh = 60;
  double hours_per_day = 8;            // a person-day on site
  double long_trip_minutes = 60;       // one way, home–site: beyond, a long trip (soft)
  double cost_per_km_eur = 0.45;       // also KPI 15's
  double cost_per_travel_hour_eur = 45;
  double weight_long_trip_eur = 20;    // per person-day travelling beyond long_trip_minutes
  double weight_change_eur = 150;      // per site whose team (and so chief) changes: continuity
  double weight_preference_eur = 40;   // per site of a type its chief does not prefer
  double weight_skill_depth_eur = 60;  // per site whose every required skill two members hold
  double weight_overload_eur = 10;     // per hour of a team's load above balance_share
  double balance_share = 0.9;          // of a team's weekly capacity
  // Per day of delay the delay model predicts for a site with a team: sites predicted late
  // weigh more, and a team that would make one later costs more.
  double weight_delay_day_eur = 100;
  int demand_weeks = 4;                // a site's weekly hours: its mean over these past weeks
  double time_limit_seconds = 1.5;     // the solvers' time for one week
};

// The jobs `vigie serve` runs on its own (issue 9, point 4): jobs.* in the configuration. The
// alert evaluation's period is alerts.evaluate_every_seconds.
struct JobSettings {
  int kpi_snapshot_every_seconds = 900;  // the KPI aggregates saved, so a restart folds little
  int retrain_weekday = 7;               // ISO weekday of the weekly retraining: 7 = Sunday
  int scoring_hour = 2;                  // Paris time of the daily scoring of the sites under way
  int retrain_hour = 3;                  // Paris time: the delay model then, triage an hour later
  int retries = 3;                       // of a failed run, before the job waits for its next time
  double first_retry_seconds = 60;       // doubled before each next retry
};

struct Config {
  std::string data_dir = "./vigie-data";
  std::string log_level = "info";  // debug | info | warn | error
  ServerConfig server;
  std::string store_engine = "sqlite";
  std::size_t archive_max_file_bytes = 64u << 20;
  std::size_t group_commit_max_events = 50'000;
  int webhook_window_seconds = 300;
  std::string import_mappings_dir = "config/import";  // CSV mappings named by POST /api/v1/import
  std::size_t import_max_body_bytes = std::size_t{8} << 30;  // POST /api/v1/import, spooled to disk
  std::vector<WebhookSourceConfig> webhooks;
  DelayModelSettings delay;
  TriageSettings triage;
  PlanningSettings planning;
  std::vector<AlertRule> alert_rules = default_alert_rules();  // alerts.rules.* (alert_config.hpp)
  int alerts_every_seconds = 300;  // the rules evaluated at least this often, events or not
  AlertDeliverySettings alert_delivery;  // alerts.delivery.*, alerts.webhooks.*, alerts.email.*
  JobSettings jobs;

  // Where Vigie writes (all under data_dir).
  std::string store_path() const { return data_dir + "/vigie.sqlite"; }
  std::string lake_dir() const { return data_dir + "/lake/raw"; }
  std::string models_dir() const { return data_dir + "/models"; }
  std::string kpi_snapshot_path() const { return data_dir + "/kpi/aggregates.vks"; }
};

// A setting's value as written. Environment and flags only have text; a TOML file says whether
// it wrote a string, so `data_dir = 5` can be refused rather than read as "5".
struct SettingValue {
  std::string text;
  bool is_string = true;
  SettingValue() = default;
  SettingValue(std::string value, bool string = true) : text(std::move(value)), is_string(string) {}  // NOLINT: implicit by design
  SettingValue(const char* value) : text(value) {}  // NOLINT
  bool operator==(const SettingValue&) const = default;
};
using Settings = std::map<std::string, SettingValue>;  // dotted key → value

// A number setting: refused naming `key` unless its text is a number within [min, max] (bounds
// included). Text from the environment or a flag is read like a TOML number.
Expected<double> real_setting(const std::string& key, const SettingValue& value, double min, double max);

// Reads the TOML file at `path` (none when empty) and flattens it to dotted keys.
Expected<Settings> read_config_file(const std::string& path);

// VIGIE_* variables of `environ`-style "NAME=value" entries, as dotted keys.
Settings settings_from_environment(const std::vector<std::string>& environment);

// Builds the configuration from layers applied in order (later wins).
Expected<Config> build_config(const std::vector<Settings>& layers);

// Every known key with its default, for the README and `vigie config` (key, default, meaning).
struct SettingDoc {
  std::string key;
  std::string default_value;
  std::string meaning;
};
std::vector<SettingDoc> documented_settings();

// Every key with its value in `config` (secrets masked), in the order of documented_settings().
std::vector<std::pair<std::string, std::string>> settings_in_force(const Config& config);

}  // namespace vigie
