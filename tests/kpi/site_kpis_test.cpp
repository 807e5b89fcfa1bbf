// KPIs 1 to 5 on four sites whose figures were worked out by hand (the working is in the
// comments), for November 2026 up to the 24th (previous period: 1–24 October).
#include "kpi/site_kpis.hpp"

#include "kpi/money_kpis.hpp"

#include <gtest/gtest.h>

#include "support/tiny_company.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;
using testing::event_from;
using testing::event_json;

using testing::site_data;

// A scope with one filter set.
Scope with(std::string Scope::*filter, const char* value) {
  Scope scope;
  scope.*filter = value;
  return scope;
}

class SiteKpisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    int n = 0;
    const auto add = [&](const std::string& type, const std::string& site, const std::string& at,
                         const std::string& data) {
      company_.apply(event_from(event_json("ev-" + std::to_string(++n), type, site, at, data)));
    };
    // A: tertiaire, Rhône, P-M1, 250 000 €, 5 Jan → 18 Dec 2026, active.
    add("site.upserted", "CH-A", "2026-01-05T08:00:00+01:00",
        site_data("CH-A", "tertiaire", "Rhône", "P-M1", "T-01", 250000, "2026-01-05", "2026-12-18", "active"));
    add("expense.recorded", "CH-A", "2026-03-02T10:00:00+01:00", R"({"amount":150000,"category":"material"})");
    add("expense.recorded", "CH-A", "2026-11-05T10:00:00+01:00", R"({"amount":60000,"category":"labour"})");
    add("progress.reported", "CH-A", "2026-11-10T17:00:00+01:00", R"({"percent_complete":80})");
    add("incident.opened", "CH-A", "2026-11-03T08:00:00+01:00", R"({"incident_id":"I1","description":"x","severity":"high"})");
    add("incident.resolved", "CH-A", "2026-11-04T14:00:00+01:00", R"({"incident_id":"I1","resolution":"ok"})");
    add("incident.opened", "CH-A", "2026-11-12T08:00:00+01:00", R"({"incident_id":"I2","description":"y","severity":"low"})");
    add("satisfaction.recorded", "CH-A", "2026-11-10T12:00:00+01:00", R"({"score":5,"respondent":"client"})");
    // B: residentiel, Isère, P-M2, 80 000 €, 1 Sep → 31 Dec 2026, active.
    add("site.upserted", "CH-B", "2026-09-01T08:00:00+02:00",
        site_data("CH-B", "residentiel", "Isère", "P-M2", "T-02", 80000, "2026-09-01", "2026-12-31", "active"));
    add("expense.recorded", "CH-B", "2026-10-15T10:00:00+02:00", R"({"amount":30000,"category":"material"})");
    add("progress.reported", "CH-B", "2026-11-20T17:00:00+01:00", R"({"percent_complete":80})");
    add("incident.opened", "CH-B", "2026-10-20T10:00:00+02:00", R"({"incident_id":"I3","description":"z","severity":"medium"})");
    add("incident.resolved", "CH-B", "2026-11-02T10:00:00+01:00", R"({"incident_id":"I3","resolution":"ok"})");
    add("satisfaction.recorded", "CH-B", "2026-10-12T12:00:00+02:00", R"({"score":10,"respondent":"client"})");
    add("satisfaction.recorded", "CH-B", "2026-11-15T12:00:00+01:00", R"({"score":8,"respondent":"client"})");
    // The workers' scores: 9 and 6 on A in November, 3 on B in October (the month before).
    add("satisfaction.recorded", "CH-A", "2026-11-12T12:00:00+01:00", R"({"score":9,"respondent":"team"})");
    add("satisfaction.recorded", "CH-A", "2026-11-19T12:00:00+01:00", R"({"score":6,"respondent":"team"})");
    add("satisfaction.recorded", "CH-B", "2026-10-20T12:00:00+02:00", R"({"score":3,"respondent":"team"})");
    // C: industriel, Rhône, P-M1, 1 500 000 €, 1 Feb → 10 Nov 2026, completed on 18 Nov.
    add("site.upserted", "CH-C", "2026-02-01T08:00:00+01:00",
        site_data("CH-C", "industriel", "Rhône", "P-M1", "T-01", 1500000, "2026-02-01", "2026-11-10", "active"));
    add("expense.recorded", "CH-C", "2026-06-01T10:00:00+02:00", R"({"amount":1400000,"category":"subcontracting"})");
    add("site.completed", "CH-C", "2026-11-18T17:00:00+01:00", R"({"actual_end":"2026-11-18"})");
    // D: commercial, Rhône, P-M1, 500 000 €, 1 May 2026 → 31 Mar 2027, 30 %, suspended 1 Oct.
    add("site.upserted", "CH-D", "2026-05-01T08:00:00+02:00",
        site_data("CH-D", "commercial", "Rhône", "P-M1", "T-03", 500000, "2026-05-01", "2027-03-31", "active"));
    add("expense.recorded", "CH-D", "2026-07-01T10:00:00+02:00", R"({"amount":100000,"category":"material"})");
    add("progress.reported", "CH-D", "2026-09-15T17:00:00+02:00", R"({"percent_complete":30})");
    add("site.upserted", "CH-D", "2026-10-01T08:00:00+02:00",
        site_data("CH-D", "commercial", "Rhône", "P-M1", "T-03", 500000, "2026-05-01", "2027-03-31", "suspended"));
  }

  std::vector<SiteAt> scoped(const Scope& scope = {}) const {
    return sites_in_scope(company_, scope, periods_.current);
  }

  Company company_;
  const PeriodPair periods_ = calendar_periods(PeriodKind::month, 2026y / November / 24d);
  const SiteKpiSettings settings_;
};

TEST_F(SiteKpisTest, Kpi1ActiveSites) {
  // Active at the end: A (250 k€, moyen) and B (80 k€, petit); D is suspended, C completed.
  const ActiveSites kpi = active_sites(scoped(), periods_.current, settings_);
  EXPECT_EQ(kpi.active, 2);
  EXPECT_EQ(kpi.petit, 1);
  EXPECT_EQ(kpi.moyen, 1);
  EXPECT_EQ(kpi.gros, 0);
  EXPECT_EQ(kpi.in_progress, 3);  // A, B and the suspended D
  EXPECT_EQ(kpi.completed, 1);    // C, on 18 November
  // Region Rhône: A, C, D.
  const ActiveSites rhone = active_sites(scoped(with(&Scope::region, "Rhône")), periods_.current, settings_);
  EXPECT_EQ(rhone.active, 1);
  EXPECT_EQ(rhone.in_progress, 2);
  EXPECT_EQ(rhone.completed, 1);
  // At the end of October, C was still active.
  const ActiveSites october =
      active_sites(sites_in_scope(company_, {}, periods_.previous), periods_.previous, settings_);
  EXPECT_EQ(october.active, 3);  // A, B, C
  EXPECT_EQ(october.completed, 0);
}

TEST_F(SiteKpisTest, Kpi2BudgetVsActual) {
  const auto of_period = sites_of_period(scoped(), periods_.current);
  ASSERT_EQ(of_period.size(), 4u);
  const BudgetVsActual kpi = budget_vs_actual(of_period, settings_);
  EXPECT_DOUBLE_EQ(kpi.budget_total_eur, 2'330'000);  // 250 k + 80 k + 1.5 M + 500 k
  EXPECT_DOUBLE_EQ(kpi.actual_cost_eur, 1'740'000);   // 210 k + 30 k + 1.4 M + 100 k
  EXPECT_DOUBLE_EQ(*kpi.spent_share, 1'740'000.0 / 2'330'000.0);
  // EV: A 80 % × 250 k = 200 k, B 80 % × 80 k = 64 k, C 100 % × 1.5 M, D 30 % × 500 k = 150 k.
  EXPECT_DOUBLE_EQ(*kpi.progress, 1'914'000.0 / 2'330'000.0);
  // A: AC 210 k > EV 200 k × 1.02 = 204 k. The others spent less than they earned.
  EXPECT_EQ(kpi.overrun_sites, std::vector<std::string>{"CH-A"});
}

TEST_F(SiteKpisTest, Kpi3ScheduleVsActual) {
  const auto of_period = sites_of_period(scoped(), periods_.current);
  const ScheduleVsActual kpi = schedule_vs_actual(of_period, periods_.current, settings_);
  // A: 323 days elapsed of 347, 80 % done: 323 − 277.6 = +45.4 days, late.
  // B: 84 of 121, 80 %: 84 − 96.8 = −12.8, ahead.
  // C: completed 18 Nov, planned 10 Nov: +8, late.
  // D: 207 of 334, 30 %: 207 − 100.2 = +106.8, late (a suspension does not stop the clock).
  EXPECT_EQ(kpi.ahead, 1);
  EXPECT_EQ(kpi.on_time, 0);
  EXPECT_EQ(kpi.late, 3);
  EXPECT_NEAR(*kpi.mean_delay_days, (45.4 + 8 + 106.8) / 3, 1e-9);
}

TEST_F(SiteKpisTest, Kpi4IncidentRate) {
  const auto in_scope = scoped();
  const auto of_period = sites_of_period(in_scope, periods_.current);
  const IncidentRate kpi = incident_rate(in_scope, of_period.size());
  EXPECT_EQ(kpi.incidents, 2);                 // A's two of November; B's was opened in October
  EXPECT_DOUBLE_EQ(*kpi.incidents_per_site, 0.5);  // over the 4 sites of the period
  EXPECT_DOUBLE_EQ(*kpi.mean_severity, 2);     // high 3, low 1
  // Resolved in November: A's I1 in 30 h; B's I3 from 20 Oct 10:00 CEST to 2 Nov 10:00 CET:
  // 13 days and the hour the clocks went back, 313 h.
  EXPECT_DOUBLE_EQ(*kpi.mean_resolution_hours, (30.0 + 313.0) / 2);
  // Manager P-M2 (B alone): no incident opened in November.
  const auto b = scoped(with(&Scope::manager, "P-M2"));
  const IncidentRate only_b = incident_rate(b, 1);
  EXPECT_EQ(only_b.incidents, 0);
  EXPECT_FALSE(only_b.mean_severity);  // no data, not 0
  EXPECT_DOUBLE_EQ(*only_b.mean_resolution_hours, 313);
}

TEST_F(SiteKpisTest, Kpi5ClientSatisfaction) {
  const ClientSatisfaction kpi =
      client_satisfaction(scoped(), periods_.previous, settings_);
  EXPECT_DOUBLE_EQ(*kpi.mean_client_score, 6.5);  // A 5, B 8
  // A: 5 < 6. B: 8 after 10 in October, a fall of 2. C and D have no score: not judged.
  EXPECT_EQ(kpi.sites_at_risk, (std::vector<std::string>{"CH-A", "CH-B"}));  // the teams' scores play no part
  EXPECT_DOUBLE_EQ(*kpi.mean_team_score, 7.5);  // A's 9 and 6; B's 3 is October's
  const ClientSatisfaction none =
      client_satisfaction(scoped(with(&Scope::type, "industriel")), periods_.previous, settings_);
  EXPECT_FALSE(none.mean_client_score);
  EXPECT_FALSE(none.mean_team_score);
  EXPECT_TRUE(none.sites_at_risk.empty());
}

TEST_F(SiteKpisTest, Kpi14BudgetOverruns) {
  const auto of_period = sites_of_period(scoped(), periods_.current);
  // A: EAC = 250 k × 210 k / 200 k = 262 500 €, 12 500 € over its budget.
  const BudgetOverruns kpi = budget_overruns(of_period, settings_, 0);
  EXPECT_EQ(kpi.overrun_sites, std::vector<std::string>{"CH-A"});
  EXPECT_DOUBLE_EQ(kpi.overrun_eur, 12'500);
  EXPECT_EQ(kpi.alerts_sent, 0);
}

TEST(OptimisationSavings, PricesKmAndHoursWithTheSettings) {
  const OptimisationSavings kpi = optimisation_savings({120, 3.5}, MoneySettings{});
  EXPECT_DOUBLE_EQ(kpi.savings_eur, 120 * 0.45 + 3.5 * 45);
}

}  // namespace
}  // namespace vigie::kpi
