#include "common/config.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <functional>
#include <type_traits>

#include "common/alert_config.hpp"
#include "common/json_writer.hpp"

namespace vigie {

Expected<double> real_setting(const std::string& key, const SettingValue& value, double min, double max) {
  double number = 0;
  const std::string& text = value.text;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc{} || end != text.data() + text.size()) return Error::invalid(key, "must be a number");
  if (!(number >= min && number <= max)) {
    return Error::invalid(key, "must be between " + format_json_number(min) + " and " +
                                   format_json_number(max));
  }
  return number;
}

namespace {

Expected<long long> parse_integer(const std::string& key, const std::string& text, long long min,
                                  long long max) {
  long long value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) {
    return Error::invalid(key, "must be an integer");
  }
  if (value < min || value > max) {
    return Error::invalid(key, "must be between " + std::to_string(min) + " and " +
                                   std::to_string(max));
  }
  return value;
}

struct KeyRule {
  const char* key;
  const char* meaning;
  std::function<Expected<void>(Config&, const SettingValue&)> apply;
  std::function<std::string(const Config&)> show;
};

// A numeric setting, reached by `field` (a lambda giving the member of a Config, const or not):
// an integer member takes integers within [min, max], a real one any number within it.
template <class Field>
KeyRule number_key(const char* key, const char* meaning, Field field, double min, double max) {
  using T = std::remove_reference_t<decltype(field(std::declval<Config&>()))>;
  return {key, meaning,
          [=](Config& c, const SettingValue& setting) -> Expected<void> {
            if constexpr (std::is_integral_v<T>) {
              auto value = parse_integer(key, setting.text, static_cast<long long>(min),
                                         static_cast<long long>(max));
              if (!value) return value.error();
              field(c) = static_cast<T>(*value);
            } else {
              auto value = real_setting(key, setting, min, max);
              if (!value) return value.error();
              field(c) = *value;
            }
            return {};
          },
          [=](const Config& c) {
            if constexpr (std::is_integral_v<T>) return std::to_string(field(c));
            else return format_json_number(field(c));
          }};
}

template <class T>
KeyRule integer_key(const char* key, const char* meaning, T Config::*member, double min, double max) {
  return number_key(key, meaning, [member](auto& c) -> auto& { return c.*member; }, min, max);
}

template <class T>
KeyRule server_integer_key(const char* key, const char* meaning, T ServerConfig::*member,
                           double min, double max) {
  return number_key(key, meaning, [member](auto& c) -> auto& { return c.server.*member; }, min, max);
}

// models.delay.*: a member of DelayModelSettings, integer or real.
template <class T>
KeyRule delay_key(const char* key, const char* meaning, T DelayModelSettings::*member, double min,
                  double max) {
  return number_key(key, meaning, [member](auto& c) -> auto& { return c.delay.*member; }, min, max);
}

// A text setting reached by `field` (a lambda giving the member of a Config, const or not):
// not empty, and one of `choices` when there are some.
template <class Field>
KeyRule text_field_key(const char* key, const char* meaning, Field field,
                       std::vector<std::string> choices = {}) {
  return {key, meaning,
          [=](Config& c, const SettingValue& setting) -> Expected<void> {
            if (!setting.is_string) return Error::invalid(key, "must be a string");
            const std::string& text = setting.text;
            if (!choices.empty() && std::find(choices.begin(), choices.end(), text) == choices.end()) {
              std::string list;
              for (const auto& choice : choices) list += (list.empty() ? "" : ", ") + choice;
              return Error::invalid(key, "must be one of " + list);
            }
            if (text.empty()) return Error::invalid(key, "must not be empty");
            field(c) = text;
            return {};
          },
          [=](const Config& c) { return field(c); }};
}

KeyRule text_key(const char* key, const char* meaning, std::string Config::*member,
                 std::vector<std::string> choices = {}) {
  return text_field_key(key, meaning, [member](auto& c) -> auto& { return c.*member; },
                        std::move(choices));
}

// models.triage.*: a member of TriageSettings, text or number.
template <class T>
KeyRule triage_key(const char* key, const char* meaning, T TriageSettings::*member, double min = 0,
                   double max = 0) {
  const auto field = [member](auto& c) -> auto& { return c.triage.*member; };
  if constexpr (std::is_same_v<T, std::string>) {
    return text_field_key(key, meaning, field);
  } else {
    return number_key(key, meaning, field, min, max);
  }
}

// models.planning.*: a member of PlanningSettings.
template <class T>
KeyRule planning_key(const char* key, const char* meaning, T PlanningSettings::*member, double min,
                     double max) {
  return number_key(key, meaning, [member](auto& c) -> auto& { return c.planning.*member; }, min, max);
}

const std::vector<KeyRule>& key_rules() {
  static const std::vector<KeyRule> rules = {
      text_key("data_dir", "where Vigie writes everything: store, raw archive, models",
               &Config::data_dir),
      text_key("log_level", "debug, info, warn or error", &Config::log_level,
               {"debug", "info", "warn", "error"}),
      {"server.host", "address to listen on",
       [](Config& c, const SettingValue& t) -> Expected<void> {
         if (!t.is_string) return Error::invalid("server.host", "must be a string");
         if (t.text.empty()) return Error::invalid("server.host", "must not be empty");
         c.server.host = t.text;
         return {};
       },
       [](const Config& c) { return c.server.host; }},
      server_integer_key("server.port", "TCP port of the API and dashboards", &ServerConfig::port,
                         1, 65535),
      server_integer_key("server.threads", "HTTP worker threads", &ServerConfig::threads, 1, 1024),
      server_integer_key("server.max_body_bytes", "largest request body (413 above)",
                         &ServerConfig::max_body_bytes, 1024, 1LL << 34),
      server_integer_key("server.max_batch_events", "most events in one POST (413 above)",
                         &ServerConfig::max_batch_events, 1, 1'000'000),
      server_integer_key("server.session_hours", "how long a dashboard sign-in lasts (hours)",
                         &ServerConfig::session_hours, 1, 24 * 31),
      text_key("store.engine", "operational store engine", &Config::store_engine, {"sqlite"}),
      integer_key("archive.max_file_bytes", "raw archive file size before rotation",
                  &Config::archive_max_file_bytes, 4096, 1LL << 40),
      integer_key("ingest.group_commit_max_events", "most events committed in one transaction",
                  &Config::group_commit_max_events, 1, 10'000'000),
      text_key("import.mappings_dir", "folder of the CSV mapping files named by the import API",
               &Config::import_mappings_dir),
      integer_key("import.max_body_bytes", "largest file sent to POST /api/v1/import (413 above)",
                  &Config::import_max_body_bytes, 1024, 1LL << 40),
      integer_key("webhooks.window_seconds", "accepted clock skew of webhook timestamps",
                  &Config::webhook_window_seconds, 1, 86'400),
      integer_key("alerts.evaluate_every_seconds",
                  "alert rules evaluated at least this often, events or not",
                  &Config::alerts_every_seconds, 10, 86'400),
      number_key("alerts.delivery.max_attempts", "alert deliveries: tries before the dead-letter record",
                 [](auto& c) -> auto& { return c.alert_delivery.max_attempts; }, 1, 100),
      number_key("alerts.delivery.first_retry_seconds",
                 "alert deliveries: wait before the second try, doubled before each next one",
                 [](auto& c) -> auto& { return c.alert_delivery.first_retry_seconds; }, 0.01, 86'400),
      number_key("alerts.delivery.timeout_seconds", "alert deliveries: time allowed to one try",
                 [](auto& c) -> auto& { return c.alert_delivery.timeout_seconds; }, 0.1, 600),
      number_key("jobs.kpi_snapshot_every_seconds", "seconds between two saves of the KPI aggregates",
                 [](auto& c) -> auto& { return c.jobs.kpi_snapshot_every_seconds; }, 10, 86'400),
      number_key("jobs.scoring_hour", "Paris hour of the daily scoring of the sites under way (stored predictions)",
                 [](auto& c) -> auto& { return c.jobs.scoring_hour; }, 0, 23),
      number_key("jobs.retrain_weekday", "ISO weekday of the weekly retraining (1 Monday … 7 Sunday)",
                 [](auto& c) -> auto& { return c.jobs.retrain_weekday; }, 1, 7),
      number_key("jobs.retrain_hour", "Paris hour of the delay model's retraining (triage: an hour later)",
                 [](auto& c) -> auto& { return c.jobs.retrain_hour; }, 0, 22),
      number_key("jobs.retries", "retries of a failed scheduled job before its next time",
                 [](auto& c) -> auto& { return c.jobs.retries; }, 0, 20),
      number_key("jobs.first_retry_seconds", "wait before a failed job's first retry, doubled each time",
                 [](auto& c) -> auto& { return c.jobs.first_retry_seconds; }, 0.01, 86'400),
      delay_key("models.delay.max_depth", "delay model: depth of each tree",
                &DelayModelSettings::max_depth, 1, 16),
      delay_key("models.delay.eta", "delay model: learning rate", &DelayModelSettings::eta, 0.001, 1),
      delay_key("models.delay.min_child_weight", "delay model: least weight in a leaf",
                &DelayModelSettings::min_child_weight, 0, 1000),
      delay_key("models.delay.subsample", "delay model: share of rows per tree",
                &DelayModelSettings::subsample, 0.1, 1),
      delay_key("models.delay.colsample_bytree", "delay model: share of features per tree",
                &DelayModelSettings::colsample_bytree, 0.1, 1),
      delay_key("models.delay.max_rounds", "delay model: most trees",
                &DelayModelSettings::max_rounds, 1, 10'000),
      delay_key("models.delay.early_stopping_rounds",
                "delay model: stop after this many trees without progress on validation",
                &DelayModelSettings::early_stopping_rounds, 1, 1'000),
      delay_key("models.delay.threads", "delay model: training threads (0: every core)",
                &DelayModelSettings::threads, 0, 256),
      delay_key("models.delay.late_tolerance_days", "days past planned_end still counted on time",
                &DelayModelSettings::late_tolerance_days, 0, 365),
      delay_key("models.delay.snapshot_every_days", "days between two training snapshots of a site",
                &DelayModelSettings::snapshot_every_days, 1, 90),
      delay_key("models.delay.test_share", "share of completed sites, the latest, kept for the test",
                &DelayModelSettings::test_share, 0.05, 0.8),
      delay_key("models.delay.validation_share",
                "share of training sites, the latest, used for early stopping",
                &DelayModelSettings::validation_share, 0.05, 0.5),
      delay_key("models.delay.threshold", "probability from which a site is predicted late",
                &DelayModelSettings::threshold, 0.01, 0.99),
      delay_key("models.delay.min_events", "fewer events on a site: low data coverage",
                &DelayModelSettings::min_events, 0, 1'000'000),
      delay_key("models.delay.max_days_without_progress",
                "longer without a progress report: low data coverage",
                &DelayModelSettings::max_days_without_progress, 1, 365),
      delay_key("models.delay.challenger_version",
                "A/B test: the delay model version scored in the shadow on a share of sites (0: none)",
                &DelayModelSettings::challenger_version, 0, 1'000'000),
      delay_key("models.delay.challenger_share", "A/B test: the share of sites the challenger scores",
                &DelayModelSettings::challenger_share, 0, 1),
      delay_key("models.delay.drift_threshold",
                "drift: the population stability index beyond which a feature or the predictions have moved",
                &DelayModelSettings::drift_threshold, 0.01, 10),
      delay_key("models.delay.drift_weeks", "drift: weeks of stored predictions compared with the training rows",
                &DelayModelSettings::drift_weeks, 1, 52),
      triage_key("models.triage.corpus_dir",
                 "the labelled incident texts shipped with Vigie, read by `vigie train triage`",
                 &TriageSettings::corpus_dir),
      triage_key("models.triage.heldout_dir",
                 "their held-out part, written apart: the metrics recorded with a version",
                 &TriageSettings::heldout_dir),
      triage_key("models.triage.sla_hours_1h", "SLA of urgency < 1 h, in hours",
                 &TriageSettings::sla_hours_1h, 0.1, 1000),
      triage_key("models.triage.sla_hours_4h", "SLA of urgency < 4 h, in hours",
                 &TriageSettings::sla_hours_4h, 0.1, 1000),
      triage_key("models.triage.sla_hours_1d", "SLA of urgency < 1 j, in hours",
                 &TriageSettings::sla_hours_1d, 0.1, 1000),
      triage_key("models.triage.sla_hours_3d", "SLA of urgency < 3 j, in hours",
                 &TriageSettings::sla_hours_3d, 0.1, 1000),
      triage_key("models.triage.fasttext_epochs", "triage: fastText's passes over the texts",
                 &TriageSettings::fasttext_epochs, 1, 1000),
      triage_key("models.triage.fasttext_dim", "triage: fastText's vector size",
                 &TriageSettings::fasttext_dim, 2, 1000),
      triage_key("models.triage.tfidf_c", "triage: inverse regularisation of the TF-IDF model",
                 &TriageSettings::tfidf_c, 0.001, 10000),
      text_field_key("models.triage.tfidf_model",
                     "triage: the TF-IDF view's linear model, logistic or svm",
                     [](auto& c) -> auto& { return c.triage.tfidf_model; }, {"logistic", "svm"}),
      triage_key("models.triage.tfidf_char_max",
                 "triage: longest character n-gram of the TF-IDF view (3 to this; 0: words only)",
                 &TriageSettings::tfidf_char_max, 0, 10),
      triage_key("models.triage.forest_trees", "triage: trees of each random forest",
                 &TriageSettings::forest_trees, 1, 10000),
      triage_key("models.triage.forest_max_depth", "triage: depth of each tree of the forests",
                 &TriageSettings::forest_max_depth, 1, 30),
      triage_key("models.triage.folds", "triage: folds of the out-of-fold probabilities",
                 &TriageSettings::folds, 2, 20),
      planning_key("models.planning.road_factor", "planning: road km per straight-line km",
                   &PlanningSettings::road_factor, 1, 5),
      planning_key("models.planning.speed_kmh", "planning: average travel speed",
                   &PlanningSettings::speed_kmh, 5, 200),
      planning_key("models.planning.hours_per_day", "planning: hours of a person-day on site",
                   &PlanningSettings::hours_per_day, 1, 24),
      planning_key("models.planning.long_trip_minutes",
                   "planning: one-way home-site travel beyond which a trip is long (soft)",
                   &PlanningSettings::long_trip_minutes, 1, 600),
      planning_key("models.planning.cost_per_km_eur", "planning and KPI 15: cost of a km",
                   &PlanningSettings::cost_per_km_eur, 0, 100),
      planning_key("models.planning.cost_per_travel_hour_eur",
                   "planning and KPI 15: cost of an hour of travel",
                   &PlanningSettings::cost_per_travel_hour_eur, 0, 1000),
      planning_key("models.planning.weight_long_trip_eur",
                   "planning: weight of a person-day with a long trip",
                   &PlanningSettings::weight_long_trip_eur, 0, 100000),
      planning_key("models.planning.weight_change_eur",
                   "planning: weight of a site changing team (continuity of its chief)",
                   &PlanningSettings::weight_change_eur, 0, 100000),
      planning_key("models.planning.weight_preference_eur",
                   "planning: weight of a site of a type its chief does not prefer",
                   &PlanningSettings::weight_preference_eur, 0, 100000),
      planning_key("models.planning.weight_skill_depth_eur",
                   "planning: reward of a site whose every required skill two members hold",
                   &PlanningSettings::weight_skill_depth_eur, 0, 100000),
      planning_key("models.planning.weight_overload_eur",
                   "planning: weight of an hour of a team's load above the balance share",
                   &PlanningSettings::weight_overload_eur, 0, 100000),
      planning_key("models.planning.weight_delay_day_eur",
                   "planning: weight of a day of delay the delay model predicts for a site with a team",
                   &PlanningSettings::weight_delay_day_eur, 0, 100000),
      planning_key("models.planning.balance_share",
                   "planning: share of a team's capacity beyond which its load is unbalanced",
                   &PlanningSettings::balance_share, 0.1, 1),
      planning_key("models.planning.demand_weeks",
                   "planning: past weeks whose mean hours give a site's weekly need",
                   &PlanningSettings::demand_weeks, 1, 52),
      planning_key("models.planning.time_limit_seconds", "planning: the solvers' time for a week",
                   &PlanningSettings::time_limit_seconds, 0.05, 600),
  };
  return rules;
}

void flatten(const toml::table& table, const std::string& prefix, Settings& out) {
  for (const auto& [name, node] : table) {
    const std::string key = prefix.empty() ? std::string{name.str()} : prefix + "." + std::string{name.str()};
    if (const auto* sub = node.as_table()) {
      flatten(*sub, key, out);
    } else if (const auto* text = node.as_string()) {
      out[key] = text->get();
    } else if (const auto* integer = node.as_integer()) {
      out[key] = SettingValue{std::to_string(integer->get()), false};
    } else if (const auto* flag = node.as_boolean()) {
      out[key] = SettingValue{flag->get() ? "true" : "false", false};
    } else if (const auto* real = node.as_floating_point()) {
      out[key] = SettingValue{std::to_string(real->get()), false};
    } else {
      out[key] = SettingValue{"", false};  // arrays and dates are not settings
    }
  }
}

// webhooks.<source>.secret / .mapping: one source per name.
Expected<void> apply_webhook_key(Config& config, const std::string& key, const SettingValue& setting) {
  if (!setting.is_string) return Error::invalid(key, "must be a string");
  const std::string& value = setting.text;
  const auto first = key.find('.');
  const auto last = key.rfind('.');
  const std::string name = key.substr(first + 1, last - first - 1);
  const std::string field = key.substr(last + 1);
  if (first == last || name.empty() || (field != "secret" && field != "mapping")) {
    return Error::invalid(key, "unknown setting (webhook sources take secret and mapping)");
  }
  auto it = std::find_if(config.webhooks.begin(), config.webhooks.end(),
                         [&](const WebhookSourceConfig& s) { return s.name == name; });
  if (it == config.webhooks.end()) {
    config.webhooks.push_back({name, "", ""});
    it = std::prev(config.webhooks.end());
  }
  (field == "secret" ? it->secret : it->mapping) = value;
  return {};
}

}  // namespace

Expected<Settings> read_config_file(const std::string& path) {
  Settings settings;
  if (path.empty()) return settings;
  try {
    const toml::table table = toml::parse_file(path);
    flatten(table, "", settings);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return Error::invalid(path + ":" + std::to_string(where.line) + ":" +
                              std::to_string(where.column),
                          std::string{error.description()});
  }
  return settings;
}

Settings settings_from_environment(const std::vector<std::string>& environment) {
  Settings settings;
  for (const auto& entry : environment) {
    if (entry.rfind("VIGIE_", 0) != 0) continue;
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    std::string name = entry.substr(6, eq - 6);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string value = entry.substr(eq + 1);
    // The key whose environment name matches: dots became underscores.
    bool matched = false;
    for (const auto& rule : key_rules()) {
      std::string env_form = rule.key;
      std::replace(env_form.begin(), env_form.end(), '.', '_');
      if (env_form == name) {
        settings[rule.key] = value;
        matched = true;
      }
    }
    for (const std::string& key : alert_email_keys()) {
      std::string env_form = key;
      std::replace(env_form.begin(), env_form.end(), '.', '_');
      if (env_form == name) {
        settings[key] = value;
        matched = true;
      }
    }
    if (!matched && name.rfind("webhooks_", 0) == 0) {
      // VIGIE_WEBHOOKS_ERP_SECRET → webhooks.erp.secret
      const auto last = name.rfind('_');
      if (last > 9) settings["webhooks." + name.substr(9, last - 9) + "." + name.substr(last + 1)] = value;
    }
  }
  return settings;
}

Expected<Config> build_config(const std::vector<Settings>& layers) {
  Config config;
  Settings merged;
  for (const auto& layer : layers) {
    for (const auto& [key, value] : layer) merged[key] = value;
  }
  if (auto checked = check_alert_rule_settings(merged); !checked) return checked.error();
  for (const auto& [key, value] : merged) {
    if (key.starts_with(kAlertRulesPrefix)) {
      auto applied = apply_alert_rule_setting(config.alert_rules, key, value);
      if (!applied) return applied.error();
      continue;
    }
    if (key.starts_with(kAlertWebhooksPrefix) || key.starts_with(kAlertEmailPrefix)) {
      auto applied = apply_alert_channel_setting(config.alert_delivery, key, value);
      if (!applied) return applied.error();
      continue;
    }
    if (key.rfind("webhooks.", 0) == 0 && key != "webhooks.window_seconds") {
      auto applied = apply_webhook_key(config, key, value);
      if (!applied) return applied.error();
      continue;
    }
    const auto& rules = key_rules();
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const KeyRule& r) { return key == r.key; });
    if (rule == rules.end()) return Error::invalid(key, "unknown setting");
    auto applied = rule->apply(config, value);
    if (!applied) return applied.error();
  }
  if (auto checked = check_alert_channels(config.alert_delivery); !checked) return checked.error();
  return config;
}

std::vector<SettingDoc> documented_settings() {
  const Config defaults;
  std::vector<SettingDoc> docs;
  for (const auto& rule : key_rules()) docs.push_back({rule.key, rule.show(defaults), rule.meaning});
  docs.push_back({"webhooks.<source>.secret", "", "HMAC secret of a webhook source"});
  docs.push_back({"webhooks.<source>.mapping", "", "mapping file of a webhook source"});
  docs.push_back({"alerts.webhooks.<name>.<key>", "",
                  "where alerts are posted, signed: url, secret, audiences (default all)"});
  docs.push_back({"alerts.email.<key>", "",
                  "alert e-mail: smtp_url, starttls, username, password, ca_file, from, the addresses "
                  "of manager, direction, admin, and persons.<person id>"});
  docs.push_back({"alerts.rules.<name>.<key>", "",
                  "an alert rule (condition, measure, change, when, threshold, margin, window_days, "
                  "scope, audience, enabled); the defaults are listed by vigie config"});
  return docs;
}

std::vector<std::pair<std::string, std::string>> settings_in_force(const Config& config) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& rule : key_rules()) out.emplace_back(rule.key, rule.show(config));
  for (auto& setting : alert_rule_settings(config.alert_rules)) out.push_back(std::move(setting));
  for (auto& setting : alert_channel_settings(config.alert_delivery)) out.push_back(std::move(setting));
  for (const auto& source : config.webhooks) {
    out.emplace_back("webhooks." + source.name + ".mapping", source.mapping);
    out.emplace_back("webhooks." + source.name + ".secret", source.secret.empty() ? "(none)" : "(set)");
  }
  return out;
}

}  // namespace vigie
