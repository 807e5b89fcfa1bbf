// The life of rule alerts (alerts/alert_engine.hpp) on figures set by hand: a budget overrun
// that crosses its threshold raises exactly one alert while it lasts and clears once back past
// the margin; the most specific rule wins; changes against the window before; no data changes
// nothing; a site no longer under way clears its alerts; the French words carry the figures.
#include <gtest/gtest.h>

#include "alerts/alert_engine.hpp"

namespace vigie::alerts {
namespace {

using enum AlertMeasure;

SiteFigures site(const std::string& id, const std::string& type = "residentiel") {
  SiteFigures figures;
  figures.site_id = id;
  figures.site_type = type;
  figures.window_days.fill(7);
  return figures;
}

void set(SiteFigures& figures, AlertMeasure m, std::optional<double> now,
         std::optional<double> before = {}) {
  figures.now[static_cast<std::size_t>(m)] = now;
  figures.before[static_cast<std::size_t>(m)] = before;
}

AlertRule overrun_rule(double threshold, std::string scope = "") {
  AlertRule rule;
  rule.name = "budget_overrun";
  rule.measure = budget_overrun_pct;
  rule.threshold = threshold;
  rule.margin = 2;
  rule.scope = std::move(scope);
  return rule;
}

const std::map<std::string, std::string> kNames{{"CH-1", "Résidence Les Tilleuls"}};
const Instant kNow{};

TEST(AlertEngine, AnOverrunRaisesOneAlertWhileItLastsAndClearsPastTheMargin) {
  const std::vector<AlertRule> rules{overrun_rule(10)};
  std::set<std::string> open;
  int raised = 0, cleared = 0;
  // The overrun each evaluation sees, and whether an alert is open after it: 11 crosses 10;
  // 12 and 9 keep it (it clears at 8 or less: margin 2); 7.5 clears it; 11 raises anew.
  const std::vector<std::pair<double, bool>> steps{
      {8, false}, {11, true}, {12, true}, {9, true}, {7.5, false}, {9.5, false}, {11, true}};
  for (const auto& [overrun, open_after] : steps) {
    SiteFigures figures = site("CH-1");
    set(figures, budget_overrun_pct, overrun);
    const AlertChanges changes = evaluate_alerts(rules, {figures}, open, kNames, kNow);
    for (const auto& row : changes.raise) {
      ++raised;
      open.insert(row.key);
    }
    for (const auto& key : changes.clear) {
      ++cleared;
      open.erase(key);
    }
    EXPECT_LE(changes.raise.size() + changes.clear.size(), 1u) << overrun;
    EXPECT_EQ(open.contains("rule:budget_overrun:CH-1"), open_after) << overrun;
  }
  EXPECT_EQ(raised, 2);
  EXPECT_EQ(cleared, 1);
}

TEST(AlertEngine, TheAlertSaysWhatWhereWhyAndWhatToDoInFrench) {
  SiteFigures figures = site("CH-1");
  set(figures, budget_overrun_pct, 12.44);
  const AlertChanges changes = evaluate_alerts({overrun_rule(10)}, {figures}, {}, kNames, kNow);
  ASSERT_EQ(changes.raise.size(), 1u);
  const store::AlertRow& row = changes.raise[0];
  EXPECT_EQ(row.key, "rule:budget_overrun:CH-1");
  EXPECT_EQ(row.kind, "budget_overrun");
  EXPECT_EQ(row.site_id, "CH-1");
  EXPECT_EQ(row.audience, "Responsable d'affaire");
  EXPECT_EQ(row.title, "Dépassement du budget à terminaison : 12,4 % — Résidence Les Tilleuls (CH-1)");
  EXPECT_EQ(row.message.substr(0, row.message.find(" À faire")),
            "Dépassement du budget à terminaison : 12,4 % (seuil : au-dessus de 10,0 %).");
  EXPECT_NE(row.message.find("À faire : revoir avec le conducteur de travaux"), std::string::npos);
  EXPECT_EQ(row.figures,
            R"({"rule":"budget_overrun","measure":"budget_overrun_pct","value":12.44,"threshold":10,"window_days":7,"now":12.44})");
}

TEST(AlertEngine, TheRuleOfTheSiteThenOfItsTypeThenOfTheCompanyApplies) {
  const std::vector<AlertRule> rules{overrun_rule(10), overrun_rule(5, "type:residentiel"),
                                     overrun_rule(20, "site:CH-3")};
  // 7 %: over the residential 5 % (CH-1), under the company's 10 % (CH-2, industrial).
  SiteFigures residential = site("CH-1"), industrial = site("CH-2", "industriel");
  // 15 %: under CH-3's own 20 % although residential.
  SiteFigures own = site("CH-3");
  set(residential, budget_overrun_pct, 7);
  set(industrial, budget_overrun_pct, 7);
  set(own, budget_overrun_pct, 15);
  const AlertChanges changes =
      evaluate_alerts(rules, {residential, industrial, own}, {}, kNames, kNow);
  ASSERT_EQ(changes.raise.size(), 1u);
  EXPECT_EQ(changes.raise[0].site_id, "CH-1");
  EXPECT_NE(changes.raise[0].message.find("au-dessus de 5,0 %"), std::string::npos);
}

TEST(AlertEngine, ChangesAgainstTheWindowBefore) {
  AlertRule drop;  // satisfaction down 2 points or more
  drop.name = "satisfaction_drop";
  drop.measure = client_satisfaction;
  drop.change = AlertChange::points;
  drop.above = false;
  drop.threshold = -2;
  AlertRule jump;  // cost at completion up 15 % or more in a week
  jump.name = "cost_jump";
  jump.measure = cost_at_completion_eur;
  jump.change = AlertChange::percent;
  jump.threshold = 15;
  SiteFigures figures = site("CH-1");
  set(figures, client_satisfaction, 5.5, 9);           // −3.5 points
  set(figures, cost_at_completion_eur, 240'000, 200'000);  // +20 %
  SiteFigures calm = site("CH-2");
  set(calm, client_satisfaction, 7.5, 8);              // −0.5
  set(calm, cost_at_completion_eur, 210'000, 200'000);     // +5 %
  const AlertChanges changes = evaluate_alerts({drop, jump}, {figures, calm}, {}, kNames, kNow);
  ASSERT_EQ(changes.raise.size(), 2u);
  EXPECT_EQ(changes.raise[0].title, "Satisfaction client en baisse — Résidence Les Tilleuls (CH-1)");
  EXPECT_EQ(changes.raise[0].message.substr(0, changes.raise[0].message.find(" À faire")),
            "Satisfaction client : 9,0/10 → 5,5/10 sur les 7 derniers jours, soit -3,5 points par "
            "rapport aux 7 jours précédents (seuil : -2,0 points).");
  EXPECT_EQ(changes.raise[1].title, "Coût estimé à terminaison en hausse — Résidence Les Tilleuls (CH-1)");
  EXPECT_EQ(changes.raise[1].message.substr(0, changes.raise[1].message.find(" À faire")),
            "Coût estimé à terminaison : 200,0 k€ il y a 7 jours → 240,0 k€, soit +20,0 % "
            "(seuil : +15,0 %).");
  // A change from nothing has no percentage: no alert, no error.
  SiteFigures fresh = site("CH-3");
  set(fresh, cost_at_completion_eur, 5'000, 0);
  EXPECT_TRUE(evaluate_alerts({jump}, {fresh}, {}, kNames, kNow).raise.empty());
}

TEST(AlertEngine, NoDataKeepsAnOpenAlertAndASiteNoLongerUnderWayClearsIt) {
  const std::vector<AlertRule> rules{overrun_rule(10)};
  const std::set<std::string> open{"rule:budget_overrun:CH-1", "rule:budget_overrun:CH-2",
                                    "incident_critical:CH-1:INC-1"};
  SiteFigures no_data = site("CH-1");  // no overrun figure this time
  const AlertChanges changes = evaluate_alerts(rules, {no_data}, open, kNames, kNow);
  EXPECT_TRUE(changes.raise.empty());
  // CH-2 is not among the sites under way: its alert clears; the incident's is not the rules'.
  EXPECT_EQ(changes.clear, std::vector<std::string>{"rule:budget_overrun:CH-2"});
}

TEST(AlertEngine, EachMeasureIsComputedOverTheLongestWindowAskedOfIt) {
  std::vector<AlertRule> rules = default_alert_rules();
  const auto windows = measure_windows(rules);
  EXPECT_EQ(windows[static_cast<std::size_t>(client_satisfaction)], 30);
  EXPECT_EQ(windows[static_cast<std::size_t>(cost_at_completion_eur)], 7);
  EXPECT_EQ(windows[static_cast<std::size_t>(p_late_pct)], 7);
}

}  // namespace
}  // namespace vigie::alerts
