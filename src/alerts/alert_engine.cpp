#include "alerts/alert_engine.hpp"

#include <algorithm>

namespace vigie::alerts {
namespace {

constexpr int kDefaultWindowDays = 7;

// How specific a rule's scope is for a site: 2 the site, 1 its type, 0 company-wide, −1 not it.
int specificity(const AlertRule& rule, const SiteFigures& site) {
  if (rule.scope.empty()) return 0;
  if (rule.scope == "type:" + site.site_type) return 1;
  if (rule.scope == "site:" + site.site_id) return 2;
  return -1;
}

bool holds(const AlertRule& rule, double value, bool open) {
  // Open: it holds until the value is back past the threshold by the margin.
  const double margin = open ? rule.margin : 0;
  return rule.above ? value > rule.threshold - margin : value < rule.threshold + margin;
}

}  // namespace

const AlertRule* rule_for(const std::vector<AlertRule>& rules, const std::string& name,
                          const SiteFigures& site) {
  const AlertRule* best = nullptr;
  int best_specificity = -1;
  for (const AlertRule& rule : rules) {
    if (rule.name != name || !rule.enabled) continue;
    const int s = specificity(rule, site);
    if (s > best_specificity) {
      best = &rule;
      best_specificity = s;
    }
  }
  return best;
}

std::optional<Observed> observe(const AlertRule& rule, const SiteFigures& site) {
  const auto now = site.value(rule.measure);
  if (!now) return std::nullopt;
  if (rule.change == AlertChange::level) return Observed{*now, now, std::nullopt};
  const auto before = site.previous(rule.measure);
  if (!before) return std::nullopt;
  if (rule.change == AlertChange::points) return Observed{*now - *before, now, before};
  if (*before <= 0) return std::nullopt;  // a change from nothing has no percentage
  return Observed{100.0 * (*now - *before) / *before, now, before};
}

AlertChanges evaluate_alerts(const std::vector<AlertRule>& rules,
                             const std::vector<SiteFigures>& sites,
                             const std::set<std::string>& open_keys,
                             const std::map<std::string, std::string>& site_names, Instant now) {
  std::vector<std::string> names;
  for (const AlertRule& rule : rules) {
    if (std::find(names.begin(), names.end(), rule.name) == names.end()) names.push_back(rule.name);
  }
  AlertChanges changes;
  std::set<std::string> still_open;  // rule keys whose condition still holds or has no data
  for (const SiteFigures& site : sites) {
    for (const std::string& name : names) {
      const AlertRule* rule = rule_for(rules, name, site);
      if (rule == nullptr) continue;
      const std::string key = rule_alert_key(*rule, site.site_id);
      const bool open = open_keys.contains(key);
      const auto observed = observe(*rule, site);
      if (!observed) {
        if (open) still_open.insert(key);
        continue;
      }
      if (!holds(*rule, observed->value, open)) continue;
      if (open) {
        still_open.insert(key);
        continue;
      }
      const auto found = site_names.find(site.site_id);
      changes.raise.push_back(describe_alert(
          *rule, site, found == site_names.end() ? std::string{} : found->second, *observed, now));
    }
  }
  for (const std::string& key : open_keys) {
    if (key.starts_with(kRuleKeyPrefix) && !still_open.contains(key)) changes.clear.push_back(key);
  }
  return changes;
}

std::array<int, kAlertMeasureNames.size()> measure_windows(const std::vector<AlertRule>& rules) {
  std::array<int, kAlertMeasureNames.size()> windows{};
  for (const AlertRule& rule : rules) {
    int& w = windows[static_cast<std::size_t>(rule.measure)];
    w = std::max(w, rule.window_days);
  }
  for (int& w : windows) w = w > 0 ? w : kDefaultWindowDays;
  return windows;
}

}  // namespace vigie::alerts
