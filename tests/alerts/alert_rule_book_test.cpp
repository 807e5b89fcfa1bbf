// Alert rules changed through the API (alerts/alert_rule_book.hpp): a change sets the fields it
// gives over the configuration's and keeps the others, outlives a restart (the store), is
// refused naming its field with nothing stored, a new rule names its measure, putting a rule
// back restores the configuration's, and every change stays in the audit trail.
#include "alerts/alert_rule_book.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::alerts {
namespace {

class AlertRuleBookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(*opened);
  }

  std::unique_ptr<AlertRuleBook> load(std::vector<AlertRule> configured = default_alert_rules()) {
    auto book = AlertRuleBook::load(*store_, std::move(configured), log_);
    EXPECT_TRUE(book) << book.error().describe();
    return book ? std::move(*book) : nullptr;
  }

  static AlertRule rule(const std::vector<AlertRule>& rules, const std::string& id) {
    const auto found = std::find_if(rules.begin(), rules.end(), [&](const AlertRule& r) { return r.id == id; });
    EXPECT_NE(found, rules.end()) << id;
    return found == rules.end() ? AlertRule{} : *found;
  }

  std::size_t stored_changes() const { return store_->alert_rule_changes().value().size(); }

  const testing::TempDir dir_;
  const Logger log_{LogLevel::error};
  std::unique_ptr<store::Store> store_;
};

TEST_F(AlertRuleBookTest, AChangeSetsItsFieldsKeepsTheOthersAndOutlivesARestart) {
  auto book = load();
  std::vector<AlertRule> heard;
  book->set_listener([&heard](const std::vector<AlertRule>& rules) { heard = rules; });
  const auto changed = book->change("budget_overrun", R"({"threshold":15,"scope":"type:residentiel"})",
                                    "admin", instant_now());
  ASSERT_TRUE(changed) << changed.error().describe();
  EXPECT_EQ(changed->rule.threshold, 15);
  EXPECT_EQ(changed->rule.scope, "type:residentiel");
  EXPECT_EQ(changed->rule.margin, 2);  // the default's, untouched
  EXPECT_TRUE(changed->configured);
  ASSERT_TRUE(changed->last_change);
  EXPECT_EQ(changed->last_change->changed_by, "admin");
  EXPECT_EQ(rule(heard, "budget_overrun").threshold, 15);
  EXPECT_EQ(rule(heard, "satisfaction_low").threshold, 6);

  // A second change replaces the first one's fields: the scope is the configuration's again.
  ASSERT_TRUE(book->change("budget_overrun", R"({"threshold":12.5,"enabled":false})", "admin", instant_now()));
  const auto restarted = load();
  const AlertRule overrun = rule(restarted->rules(), "budget_overrun");
  EXPECT_EQ(overrun.threshold, 12.5);
  EXPECT_FALSE(overrun.enabled);
  EXPECT_EQ(overrun.scope, "");
  EXPECT_EQ(restarted->rules().size(), default_alert_rules().size());
}

TEST_F(AlertRuleBookTest, ABadChangeIsRefusedNamingItsFieldAndStoresNothing) {
  auto book = load();
  const std::vector<std::pair<std::string, std::string>> refused{
      {R"({"threshold":"beaucoup"})", "threshold: must be a number"},
      {R"({"margin":-1})", "margin: must be between 0 and 1000000000000"},
      {R"({"treshold":15})", "treshold: unknown setting of an alert rule"},
      {R"({"audience":"everyone"})", "audience: must be manager, direction or admin"},
      {R"({"window_days":[7]})", "window_days: must be a string, a number, true or false"},
      {R"({"threshold":15,"threshold":16})", "threshold: is given twice"},
      {R"({})", "body: sets no field (DELETE puts a rule back to the configuration's)"},
      {R"([15])", "body: must be a JSON object of the rule's fields"},
  };
  for (const auto& [body, message] : refused) {
    const auto changed = book->change("budget_overrun", body, "admin", instant_now());
    ASSERT_FALSE(changed) << body;
    EXPECT_EQ(changed.error().describe(), message) << body;
  }
  EXPECT_EQ(stored_changes(), 0u);
  EXPECT_EQ(rule(book->rules(), "budget_overrun").threshold, 10);
}

TEST_F(AlertRuleBookTest, ANewRuleNamesItsMeasureAndGoesWhenPutBack) {
  auto book = load();
  const auto unnamed = book->change("budget_overrrun", R"({"threshold":15})", "admin", instant_now());
  ASSERT_FALSE(unnamed);
  EXPECT_EQ(unnamed.error().field, "measure");
  const auto added = book->change(
      "overrun_one_site",
      R"({"condition":"budget_overrun","measure":"budget_overrun_pct","scope":"site:CH-1","threshold":5,"audience":"direction"})",
      "P-ADMIN", instant_now());
  ASSERT_TRUE(added) << added.error().describe();
  EXPECT_FALSE(added->configured);
  EXPECT_EQ(added->rule.name, "budget_overrun");
  EXPECT_EQ(added->rule.audience, AlertAudience::direction);
  EXPECT_EQ(load()->rules().size(), default_alert_rules().size() + 1);

  const auto reset = book->reset("overrun_one_site", "P-ADMIN", instant_now());
  ASSERT_TRUE(reset);
  EXPECT_TRUE(*reset);
  EXPECT_FALSE(book->entry("overrun_one_site"));
  EXPECT_EQ(load()->rules().size(), default_alert_rules().size());
  // Nothing left to put back: false, and nothing recorded.
  EXPECT_FALSE(*book->reset("overrun_one_site", "P-ADMIN", instant_now()));
  // The audit trail: the addition and its removal, in order, with who.
  const auto changes = store_->alert_rule_changes().value();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].rule_id, "overrun_one_site");
  EXPECT_NE(changes[0].settings.find(R"("threshold":5)"), std::string::npos) << changes[0].settings;
  EXPECT_EQ(changes[1].settings, "");
  EXPECT_EQ(changes[1].changed_by, "P-ADMIN");
}

TEST_F(AlertRuleBookTest, AStoredChangeThatNoLongerFitsTheConfigurationIsLeftOut) {
  std::vector<AlertRule> configured = default_alert_rules();
  AlertRule own;
  own.id = own.name = "overrun_residential";
  own.scope = "type:residentiel";
  configured.push_back(own);
  ASSERT_TRUE(load(configured)->change("overrun_residential", R"({"threshold":8})", "admin", instant_now()));
  ASSERT_TRUE(load(configured)->change("late_risk", R"({"threshold":80})", "admin", instant_now()));

  // The file no longer has overrun_residential: the change made of it names no measure.
  const auto book = load();
  EXPECT_FALSE(book->entry("overrun_residential"));
  EXPECT_EQ(rule(book->rules(), "late_risk").threshold, 80);
}

}  // namespace
}  // namespace vigie::alerts
