#include "common/alert_config.hpp"

#include <algorithm>
#include <set>

#include "common/json_writer.hpp"

namespace vigie {
namespace {

Expected<std::string> text_value(const std::string& key, const SettingValue& value) {
  if (!value.is_string) return Error::invalid(key, "must be a string");
  return value.text;
}

// The rule table's id and field of "alerts.rules.<id>.<field>".
Expected<std::pair<std::string, std::string>> split_key(const std::string& key) {
  const std::string rest = key.substr(kAlertRulesPrefix.size());
  const auto dot = rest.rfind('.');
  if (dot == std::string::npos || dot == 0 || dot + 1 == rest.size()) {
    return Error::invalid(key, "unknown setting (alert rules are alerts.rules.<name>.<key>)");
  }
  return std::pair{rest.substr(0, dot), rest.substr(dot + 1)};
}

}  // namespace

Expected<void> set_alert_rule_field(AlertRule& rule, const std::string& field, const SettingValue& value,
                                    const std::string& key) {
  if (field == "threshold" || field == "margin") {
    auto number = real_setting(key, value, field == "margin" ? 0 : -1e12, 1e12);
    if (!number) return number.error();
    (field == "margin" ? rule.margin : rule.threshold) = *number;
    return {};
  }
  if (field == "window_days") {
    auto days = real_setting(key, value, 1, 365);
    if (!days) return days.error();
    if (*days != static_cast<int>(*days)) return Error::invalid(key, "must be an integer");
    rule.window_days = static_cast<int>(*days);
    return {};
  }
  if (field == "enabled") {
    if (value.is_string || (value.text != "true" && value.text != "false")) {
      return Error::invalid(key, "must be true or false");
    }
    rule.enabled = value.text == "true";
    return {};
  }
  constexpr std::array<std::string_view, 6> kTextFields{"condition", "measure", "change",
                                                         "when",      "scope",   "audience"};
  if (std::find(kTextFields.begin(), kTextFields.end(), field) == kTextFields.end()) {
    return Error::invalid(key, "unknown setting of an alert rule");
  }
  auto text = text_value(key, value);
  if (!text) return text.error();
  if (field == "condition") {
    if (text->empty() || text->find(':') != std::string::npos) {
      return Error::invalid(key, "must be a name without ':'");
    }
    rule.name = *text;
  } else if (field == "measure") {
    const auto measure = parse_alert_measure(*text);
    if (!measure) return Error::invalid(key, "unknown measure " + *text);
    rule.measure = *measure;
  } else if (field == "change") {
    const auto change = parse_alert_change(*text);
    if (!change) return Error::invalid(key, "must be level, points or percent");
    rule.change = *change;
  } else if (field == "when") {
    if (*text != "above" && *text != "below") return Error::invalid(key, "must be above or below");
    rule.above = *text == "above";
  } else if (field == "scope") {
    if (!text->empty() && !text->starts_with("type:") && !text->starts_with("site:")) {
      return Error::invalid(key, "must be empty, type:<site type> or site:<site id>");
    }
    rule.scope = *text;
  } else if (field == "audience") {
    const auto audience = parse_alert_audience(*text);
    if (!audience) return Error::invalid(key, "must be manager, direction or admin");
    rule.audience = *audience;
  }
  return {};
}

Expected<void> apply_alert_rule_setting(std::vector<AlertRule>& rules, const std::string& key,
                                        const SettingValue& value) {
  auto split = split_key(key);
  if (!split) return split.error();
  const auto& [id, field] = *split;
  auto rule = std::find_if(rules.begin(), rules.end(), [&](const AlertRule& r) { return r.id == id; });
  if (rule == rules.end()) {
    AlertRule added;
    added.id = id;
    added.name = id;
    rules.push_back(std::move(added));
    rule = std::prev(rules.end());
  }
  return set_alert_rule_field(*rule, field, value, key);
}

Expected<void> check_alert_rule_settings(const Settings& merged) {
  std::set<std::string> defaults;
  for (const AlertRule& rule : default_alert_rules()) defaults.insert(rule.id);
  std::set<std::string> added, measured;
  for (const auto& [key, value] : merged) {
    if (!key.starts_with(kAlertRulesPrefix)) continue;
    auto split = split_key(key);
    if (!split) return split.error();
    if (!defaults.contains(split->first)) added.insert(split->first);
    if (split->second == "measure") measured.insert(split->first);
  }
  for (const std::string& id : added) {
    if (!measured.contains(id)) {
      return Error::invalid(std::string{kAlertRulesPrefix} + id + ".measure",
                            "a rule of the configuration's own must name its measure");
    }
  }
  return {};
}

std::vector<std::pair<std::string, std::string>> alert_rule_settings(const std::vector<AlertRule>& rules) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const AlertRule& rule : rules) {
    const std::string prefix = std::string{kAlertRulesPrefix} + rule.id + ".";
    out.emplace_back(prefix + "condition", rule.name);
    out.emplace_back(prefix + "measure", std::string{alert_measure_name(rule.measure)});
    out.emplace_back(prefix + "change", std::string{alert_change_name(rule.change)});
    out.emplace_back(prefix + "when", rule.above ? "above" : "below");
    out.emplace_back(prefix + "threshold", format_json_number(rule.threshold));
    out.emplace_back(prefix + "margin", format_json_number(rule.margin));
    out.emplace_back(prefix + "window_days", std::to_string(rule.window_days));
    out.emplace_back(prefix + "scope", rule.scope);
    out.emplace_back(prefix + "audience", std::string{alert_audience_name(rule.audience)});
    out.emplace_back(prefix + "enabled", rule.enabled ? "true" : "false");
  }
  return out;
}

}  // namespace vigie
