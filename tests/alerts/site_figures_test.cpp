// What the alert rules watch (alerts/site_figures.hpp), from events folded by the KPI engine,
// every figure worked out by hand below; on Tuesday 24/11/2026 at noon, windows of 7 days
// (18–24 November, and 11–17 before).
#include <gtest/gtest.h>

#include <vector>

#include "alerts/site_figures.hpp"
#include "common/time.hpp"
#include "support/tiny_company.hpp"

namespace vigie::alerts {
namespace {

using enum AlertMeasure;
using testing::event_from;
using testing::event_json;
using testing::site_data;

class SiteFiguresTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // CH-1: residential, 200 000 €, active since 2 November. Spent 97 000 + 10 000 (13/11) +
    // 13 000 (19/11) = 120 000 €; 50 % done, so EV = 100 000 € and the estimate at completion
    // 240 000 €: 20 % over. A week before (17/11): 40 % done (10/11), 107 000 € spent, so
    // 200 000 × 107 000 / 80 000 = 267 500 €. Client scores 9 (12/11) then 6 and 5 (20, 21/11). Last daily
    // report on 20/11: 4 days without. Timesheets: 8 h of which 6 billable (19/11): 75 %.
    add("site.upserted", "CH-1", "2026-11-02T08:00:00+01:00",
        site_data("CH-1", "residentiel", "Rhône", "P-M1", "T-01", 200000, "2026-11-02",
                  "2027-03-31", "active"));
    add("expense.recorded", "CH-1", "2026-11-05T10:00:00+01:00", R"({"amount":97000,"category":"material"})");
    add("expense.recorded", "CH-1", "2026-11-13T10:00:00+01:00", R"({"amount":10000,"category":"material"})");
    add("expense.recorded", "CH-1", "2026-11-19T10:00:00+01:00", R"({"amount":13000,"category":"labour"})");
    add("progress.reported", "CH-1", "2026-11-10T17:00:00+01:00", R"({"percent_complete":40})");
    add("progress.reported", "CH-1", "2026-11-20T17:00:00+01:00", R"({"percent_complete":50})");
    add("satisfaction.recorded", "CH-1", "2026-11-12T12:00:00+01:00", R"({"score":9,"respondent":"client"})");
    add("satisfaction.recorded", "CH-1", "2026-11-20T12:00:00+01:00", R"({"score":6,"respondent":"client"})");
    add("satisfaction.recorded", "CH-1", "2026-11-21T12:00:00+01:00", R"({"score":5,"respondent":"client"})");
    add("report.submitted", "CH-1", "2026-11-20T18:00:00+01:00",
        R"({"report_id":"R-1","kind":"journalier","writing_minutes":12,"sent_to_client":false})");
    add("timesheet.recorded", "CH-1", "2026-11-19T18:00:00+01:00",
        R"({"person_id":"P-1","date":"2026-11-19","hours_total":8,"hours_billable":6})");
    // CH-1's incidents at noon on 24/11 (an SLA at risk: a quarter of it or less left, or past,
    // and nobody took it): INC-1 (< 4 h, opened 08:45, 45 min left) at risk; INC-2 (< 4 h,
    // opened 10:00, 2 h left) not yet; INC-3 (< 1 h, opened 11:10, past) taken at 11:20; INC-4
    // (< 1 j, opened 23/11 08:00, 4 h past) at risk; INC-5 (< 3 j, opened 20/11) resolved; INC-6
    // opened after noon. So 2.
    const auto opened = [&](const std::string& id, const std::string& at, const std::string& urgency) {
      add("incident.opened", "CH-1", at,
          R"({"incident_id":")" + id + R"(","description":"Fuite sur la colonne d'eau","category":"technical","severity":"high","urgency":")" +
              urgency + R"("})");
    };
    opened("INC-1", "2026-11-24T08:45:00+01:00", "4h");
    opened("INC-2", "2026-11-24T10:00:00+01:00", "4h");
    opened("INC-3", "2026-11-24T11:10:00+01:00", "1h");
    add("incident.taken", "CH-1", "2026-11-24T11:20:00+01:00", R"({"incident_id":"INC-3","by":"P-0077"})");
    opened("INC-4", "2026-11-23T08:00:00+01:00", "1d");
    opened("INC-5", "2026-11-20T08:00:00+01:00", "3d");
    add("incident.resolved", "CH-1", "2026-11-21T08:00:00+01:00",
        R"({"incident_id":"INC-5","resolution":"Joint remplacé"})");
    opened("INC-6", "2026-11-24T12:30:00+01:00", "1h");
    // CH-2: active since 23/11, nothing else: no progress (no overrun figure), no score, no
    // report yet — counted from its start: 1 day.
    add("site.upserted", "CH-2", "2026-11-23T08:00:00+01:00",
        site_data("CH-2", "industriel", "Isère", "P-M2", "T-02", 50000, "2026-11-23", "2027-01-31",
                  "active"));
    // CH-3: completed on 20/11: not under way, no figures.
    add("site.upserted", "CH-3", "2026-10-01T08:00:00+02:00",
        site_data("CH-3", "residentiel", "Rhône", "P-M1", "T-01", 80000, "2026-10-01", "2026-11-20",
                  "active"));
    add("site.completed", "CH-3", "2026-11-20T17:00:00+01:00", R"({"actual_end":"2026-11-20"})");
    company_.refresh();
  }

  void add(const std::string& type, const std::string& site, const std::string& at,
           const std::string& data) {
    events_.push_back(event_from(event_json("ev-" + std::to_string(++n_), type, site, at, data)));
    company_.apply(events_.back());
  }

  std::vector<events::Event> events_;
  kpi::Company company_;
  int n_ = 0;
};

TEST_F(SiteFiguresTest, EachMeasureByHand) {
  std::array<int, kAlertMeasureNames.size()> windows;
  windows.fill(7);
  const Instant now = parse_rfc3339("2026-11-24T12:00:00+01:00").value();
  const std::map<std::string, SitePredictionFigures> predictions{{"CH-1", {0.82, 14.5}}};
  const auto sites = site_figures(company_, now, predictions, windows);
  ASSERT_EQ(sites.size(), 2u);
  const SiteFigures& one = sites[0];
  EXPECT_EQ(one.site_id, "CH-1");
  EXPECT_EQ(one.site_type, "residentiel");
  EXPECT_EQ(one.manager_id, "P-M1");
  EXPECT_NEAR(*one.value(budget_overrun_pct), 20.0, 1e-9);
  EXPECT_NEAR(*one.value(client_satisfaction), 5.5, 1e-9);
  EXPECT_NEAR(*one.previous(client_satisfaction), 9.0, 1e-9);
  EXPECT_EQ(*one.value(days_without_report), 4.0);
  EXPECT_NEAR(*one.value(cost_at_completion_eur), 240'000.0, 1e-6);
  EXPECT_NEAR(*one.previous(cost_at_completion_eur), 267'500.0, 1e-6);
  EXPECT_NEAR(*one.value(utilisation_pct), 75.0, 1e-9);
  EXPECT_FALSE(one.previous(utilisation_pct));  // no timesheet 11–17/11
  EXPECT_NEAR(*one.value(p_late_pct), 82.0, 1e-9);
  EXPECT_EQ(*one.value(predicted_delay_days), 14.5);
  EXPECT_EQ(*one.value(incidents_sla_at_risk), 2.0);

  const SiteFigures& two = sites[1];
  EXPECT_EQ(two.site_id, "CH-2");
  EXPECT_FALSE(two.value(budget_overrun_pct));
  EXPECT_FALSE(two.value(client_satisfaction));
  EXPECT_EQ(*two.value(days_without_report), 1.0);
  EXPECT_FALSE(two.value(cost_at_completion_eur));
  EXPECT_FALSE(two.value(p_late_pct));
  EXPECT_EQ(*two.value(incidents_sla_at_risk), 0.0);  // none: the alert of a site clears
}

// The company's own SLA hours: with 8 h for "< 4 h" and 60 h for "< 1 j", INC-1 has 4 h 45 left
// and INC-4 32 h: neither is at risk.
TEST_F(SiteFiguresTest, AnSlaAtRiskIsMeasuredAgainstTheCompanysHours) {
  kpi::CompanySettings settings;
  settings.incident_sla_hours = {1, 8, 60, 72};
  kpi::Company company(settings);
  for (const events::Event& event : events_) company.apply(event);
  company.refresh();
  std::array<int, kAlertMeasureNames.size()> windows;
  windows.fill(7);
  const Instant now = parse_rfc3339("2026-11-24T12:00:00+01:00").value();
  const auto sites = site_figures(company, now, {}, windows);
  ASSERT_EQ(sites.size(), 2u);
  EXPECT_EQ(*sites[0].value(incidents_sla_at_risk), 0.0);
}

}  // namespace
}  // namespace vigie::alerts
