// KPIs 6 to 12 on two sites worked out by hand, for November 2026 up to the 24th: 16 working
// days (2–6, 9–13 less the 11th, 16–20, 23–24).
#include <gtest/gtest.h>

#include "common/french_calendar.hpp"
#include "kpi/money_kpis.hpp"
#include "kpi/operations_kpis.hpp"
#include "kpi/team_kpis.hpp"
#include "support/tiny_company.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;
using testing::event_from;
using testing::event_json;
using testing::site_data;

class TeamOperationsKpisTest : public ::testing::Test {
 protected:
  void add(const std::string& type, const std::string& site, const std::string& at,
           const std::string& data) {
    company_.apply(event_from(event_json("ev-" + std::to_string(++n_), type, site, at, data)));
  }

  // app.used by `chief` at 08:00 on each working day of 1–24 November but the `skipped` ones.
  void use_app(const std::string& chief, const std::string& site, const std::string& feature,
               const std::vector<unsigned>& skipped) {
    for (unsigned d = 1; d <= 24; ++d) {
      const LocalDate day = 2026y / November / std::chrono::day{d};
      if (!is_working_day(day) || std::find(skipped.begin(), skipped.end(), d) != skipped.end()) {
        continue;
      }
      char at[40];
      std::snprintf(at, sizeof at, "2026-11-%02uT08:00:00+01:00", d);
      add("app.used", site, at, R"({"person_id":")" + chief + R"(","feature":")" + feature + R"("})");
    }
  }

  void SetUp() override {
    // X: tertiaire, active since 1 October; chief P-CCH-X.
    add("site.upserted", "CH-X", "2026-10-01T08:00:00+02:00",
        site_data("CH-X", "tertiaire", "Rhône", "P-M1", "T-01", 400000, "2026-10-01", "2027-06-30", "active"));
    // Y: residentiel, planned, then active from Monday 16 November; chief P-CCH-Y.
    add("site.upserted", "CH-Y", "2026-10-01T08:00:00+02:00",
        site_data("CH-Y", "residentiel", "Isère", "P-M2", "T-02", 90000, "2026-11-16", "2027-02-26", "planned"));
    add("site.upserted", "CH-Y", "2026-11-16T07:00:00+01:00",
        site_data("CH-Y", "residentiel", "Isère", "P-M2", "T-02", 90000, "2026-11-16", "2027-02-26", "active"));

    for (const auto& [site, minutes] : {std::pair{"CH-X", 10}, {"CH-X", 20}, {"CH-X", 30}, {"CH-Y", 20}}) {
      add("report.submitted", site, "2026-11-18T18:00:00+01:00",
          R"({"report_id":"R)" + std::to_string(n_) + R"(","kind":"journalier","writing_minutes":)" +
              std::to_string(minutes) + R"(,"sent_to_client":false})");
    }
    // Design office: X's technical incident of the 20th is never taken (waiting at the end);
    // Y's is taken after 4 h and resolved after 24 h ("< 1 j": within its SLA).
    add("incident.opened", "CH-X", "2026-11-20T10:00:00+01:00",
        R"({"incident_id":"I1","description":"Réservation oubliée","category":"technical","severity":"medium","urgency":"1d"})");
    add("incident.opened", "CH-Y", "2026-11-18T08:00:00+01:00",
        R"({"incident_id":"I2","description":"Plan faux","category":"technical","severity":"high","urgency":"1d"})");
    add("incident.taken", "CH-Y", "2026-11-18T12:00:00+01:00", R"({"incident_id":"I2","by":"P-BE1"})");
    add("incident.resolved", "CH-Y", "2026-11-19T08:00:00+01:00", R"({"incident_id":"I2","resolution":"ok"})");
    // A question answered in 24 h (within 24 h), a technical request in 48 h (not).
    add("request.opened", "CH-X", "2026-11-02T09:00:00+01:00",
        R"({"request_id":"D1","kind":"design_office_question","description":"?"})");
    add("request.resolved", "CH-X", "2026-11-03T09:00:00+01:00", R"({"request_id":"D1"})");
    add("request.opened", "CH-X", "2026-11-05T09:00:00+01:00", R"({"request_id":"D2","kind":"technical","description":"?"})");
    add("request.resolved", "CH-X", "2026-11-07T09:00:00+01:00", R"({"request_id":"D2"})");
    // Timesheets: 8 h of which 6 billable on X, 8 of 8 on Y; one in October (outside).
    add("timesheet.recorded", "CH-X", "2026-11-10T18:00:00+01:00",
        R"({"person_id":"P-W1","date":"2026-11-10","hours_total":8,"hours_billable":6})");
    add("timesheet.recorded", "CH-Y", "2026-11-17T18:00:00+01:00",
        R"({"person_id":"P-W2","date":"2026-11-17","hours_total":8,"hours_billable":8})");
    add("timesheet.recorded", "CH-X", "2026-10-30T18:00:00+01:00",
        R"({"person_id":"P-W1","date":"2026-10-30","hours_total":8,"hours_billable":8})");
    // Photos: two in November (2 and 3 MB), one in October (1 MB, still stored).
    add("photo.uploaded", "CH-X", "2026-11-03T11:00:00+01:00", R"({"photo_id":"F1","bytes":2000000})");
    add("photo.uploaded", "CH-X", "2026-11-04T11:00:00+01:00", R"({"photo_id":"F2","bytes":3000000})");
    add("photo.uploaded", "CH-X", "2026-10-15T11:00:00+02:00", R"({"photo_id":"F0","bytes":1000000})");
    // App: X's chief skips 4 of the 16 working days (12/16 = 75 %: not an adopter); Y's chief is
    // away 2–4 November and skips 2 more days (11 of the 13 left, 84.6 %: an adopter).
    use_app("P-CCH-X", "CH-X", "rapport", {2, 9, 16, 23});
    add("absence.recorded", "CH-Y", "2026-10-30T12:00:00+01:00",
        R"({"person_id":"P-CCH-Y","date":"2026-11-02","days":3})");
    use_app("P-CCH-Y", "CH-Y", "pointage", {2, 3, 4, 5, 6});
    add("app.used", "CH-X", "2026-11-21T09:00:00+01:00", R"({"person_id":"P-CCH-X","feature":"photo"})");
    add("app.used", "CH-X", "2026-11-22T09:00:00+01:00", R"({"person_id":"P-CCH-X","feature":"photo"})");
    in_scope_ = sites_in_scope(company_, {}, period_);
    of_period_ = sites_of_period(in_scope_, period_);
  }

  Company company_;
  int n_ = 0;
  const Period period_{2026y / November / 1d, 2026y / November / 24d};
  std::vector<SiteAt> in_scope_;
  std::vector<SiteAt> of_period_;
  const OperationsSettings settings_;
};

TEST_F(TeamOperationsKpisTest, Kpi6ChiefProductivity) {
  ASSERT_EQ(chiefs_of(of_period_).size(), 2u);
  const ChiefProductivity kpi = chief_productivity(in_scope_, of_period_, period_);
  EXPECT_DOUBLE_EQ(*kpi.reports_per_chief_day, 4.0 / (2 * 16));
  EXPECT_DOUBLE_EQ(*kpi.mean_writing_minutes, 20);  // (10 + 20 + 30 + 20) / 4
}

TEST_F(TeamOperationsKpisTest, Kpi7DesignOfficeLoad) {
  const DesignOfficeLoad kpi = design_office_load(in_scope_);
  EXPECT_EQ(kpi.waiting, 1);                             // X's incident
  EXPECT_DOUBLE_EQ(*kpi.mean_resolution_hours, 32);      // (24 + 48 + 24) / 3
  EXPECT_DOUBLE_EQ(*kpi.within_sla_share, 2.0 / 3.0);
}

TEST_F(TeamOperationsKpisTest, Kpi8TeamUtilisation) {
  const TeamUtilisation kpi = team_utilisation(in_scope_);
  EXPECT_DOUBLE_EQ(kpi.total_hours, 16);
  EXPECT_DOUBLE_EQ(kpi.billable_hours, 14);
  EXPECT_DOUBLE_EQ(*kpi.utilisation, 0.875);
}

TEST_F(TeamOperationsKpisTest, Kpi9PhotoVolume) {
  const PhotoVolume kpi = photo_volume(in_scope_, period_);
  EXPECT_EQ(kpi.photos, 2);
  EXPECT_DOUBLE_EQ(*kpi.photos_per_day, 2.0 / 24);
  EXPECT_EQ(kpi.storage_bytes, 6'000'000);
}

TEST_F(TeamOperationsKpisTest, Kpi10TracedIncidents) {
  // X: tertiaire, 4 per site-month, active 24 of November's 30 days: 3.2.
  // Y: residentiel, 2 per site-month, active 16–24 November, 9 days: 0.6.
  const TracedIncidents kpi = traced_incidents(in_scope_, period_, settings_);
  EXPECT_EQ(kpi.recorded, 2);
  EXPECT_NEAR(kpi.expected, 3.8, 1e-12);
  EXPECT_NEAR(*kpi.traced_rate, 2 / 3.8, 1e-12);
}

TEST_F(TeamOperationsKpisTest, Kpi11ResponseTimes) {
  const ResponseTimes kpi = response_times(in_scope_);
  EXPECT_DOUBLE_EQ(*kpi.technical, 4);                 // Y's incident, opened → taken
  EXPECT_FALSE(kpi.material);                          // no material request: no data
  EXPECT_DOUBLE_EQ(*kpi.design_office_question, 24);
}

TEST_F(TeamOperationsKpisTest, Kpi12AppAdoption) {
  const AppAdoption kpi = app_adoption(company_, in_scope_, of_period_, period_, settings_);
  EXPECT_DOUBLE_EQ(*kpi.adoption_share, 0.5);  // Y's chief only
  // rapport 12, pointage 11, photo 2.
  EXPECT_EQ(kpi.most_used, (std::vector<std::string>{"rapport", "pointage", "photo"}));
  EXPECT_EQ(kpi.least_used, (std::vector<std::string>{"photo", "pointage", "rapport"}));
}

TEST_F(TeamOperationsKpisTest, Kpi13AvoidedCosts) {
  // Reports: 4 × 45 − 80 = 100 minutes saved, 75 € at 45 €/h; none sent to the client;
  // two design-office items within their SLA (the question, Y's incident): 800 €.
  const AvoidedCosts kpi = avoided_costs(in_scope_, MoneySettings{});
  EXPECT_DOUBLE_EQ(kpi.report_minutes_saved, 100);
  EXPECT_EQ(kpi.disputes_avoided, 0);
  EXPECT_EQ(kpi.rework_avoided, 2);
  EXPECT_DOUBLE_EQ(kpi.avoided_cost_eur, 75 + 800);
}

}  // namespace
}  // namespace vigie::kpi
