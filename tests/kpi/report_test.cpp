// The report of all 15 KPIs: its JSON contract, the change against the previous period, and
// "no data" as null.
#include "kpi/report.hpp"

#include <gtest/gtest.h>

#include "kpi/report_json.hpp"
#include "support/tiny_company.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;

// One tertiaire site of 250 000 € in Rhône, active through 2026.
Company one_active_site() {
  Company company;
  company.apply(testing::event_from(testing::event_json("s", "site.upserted", "CH-1",
      "2026-01-05T08:00:00+01:00",
      testing::site_data("CH-1", "tertiaire", "Rhône", "P-M1", "T-01", 250000, "2026-01-05",
                         "2026-12-18", "active"))));
  return company;
}

TEST(FigureSetChange, SubtractsNumbersAndCountsAndKeepsNoData) {
  FigureSet now;
  now.count("active", 5).number("share", 0.5).number("none", std::nullopt)
      .nested("by_size", FigureSet{}.count("petit", 2)).names("most_used", {"photo"});
  FigureSet before;
  before.count("active", 7).number("share", 0.25).number("none", 1.0)
      .nested("by_size", FigureSet{}.count("petit", 1));
  const FigureSet change = change_between(now, before);
  ASSERT_EQ(change.entries.size(), 4u);  // the list of names has no change
  EXPECT_EQ(std::get<std::int64_t>(*change.find("active")), -2);
  EXPECT_DOUBLE_EQ(std::get<double>(*change.find("share")), 0.25);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(*change.find("none")));
  const auto& by_size = *std::get<std::shared_ptr<FigureSet>>(*change.find("by_size"));
  EXPECT_EQ(std::get<std::int64_t>(*by_size.find("petit")), 1);
}

TEST(ReportJson, FollowsTheContractOfKpisMd) {
  Company company = one_active_site();
  company.apply(testing::event_from(
      testing::expense_json("e", "CH-1", "2026-11-05T10:00:00+01:00", 1234.56)));
  const PeriodPair periods = calendar_periods(PeriodKind::month, 2026y / November / 24d);
  Scope scope;
  scope.region = "Rhône";
  const KpiReport report = compute_report(company, scope, periods, 2026y / November / 24d, {}, {}, {});
  ASSERT_EQ(report.kpis.size(), 15u);
  EXPECT_EQ(report.kpis[14].id, 15);
  EXPECT_EQ(report.kpis[14].name, "Économies optimisation");
  const std::string json = report_json(report);
  EXPECT_EQ(json.rfind(R"({"period":{"from":"2026-11-01","to":"2026-11-24"},)"
                       R"("previous_period":{"from":"2026-10-01","to":"2026-10-24"},)"
                       R"("as_of":"2026-11-24","scope":{"region":"Rhône"},"kpis":[)", 0),
            0u) << json.substr(0, 300);
  // KPI 2: one site of 250 000 €, 1 234,56 € spent, no progress reported (no EV, no overrun).
  EXPECT_NE(json.find(R"({"id":2,"name":"Budget global vs réalisé","value":{"budget_total":250000,)"
                      R"("actual_cost":1234.56,"spent_share":0.00493824,"progress":0,"sites_overrun":0},)"
                      R"("previous":{"budget_total":250000,"actual_cost":0,"spent_share":0,"progress":0,)"
                      R"("sites_overrun":0},"change":{"budget_total":0,"actual_cost":1234.56,)"
                      R"("spent_share":0.00493824,"progress":0,"sites_overrun":0},)"
                      R"("settings":{"overrun_tolerance":0.02}})"),
            std::string::npos) << json;
  // KPI 4: no incident, no resolution: the means are null, the count 0.
  EXPECT_NE(json.find(R"("value":{"incidents":0,"incidents_per_site":0,"mean_severity":null,)"
                      R"("mean_resolution_hours":null})"),
            std::string::npos) << json;
}

// kpis.md: "an event counts on the Paris date of its occurred_at, whatever order it arrived in".
TEST(LateEvents, AnEventDatedLastMonthChangesLastMonthOnly) {
  Company company = one_active_site();
  company.apply(testing::event_from(
      testing::expense_json("e1", "CH-1", "2026-11-05T10:00:00+01:00", 1000)));
  const LocalDate as_of = 2026y / November / 24d;
  const PeriodPair november = calendar_periods(PeriodKind::month, as_of);
  const PeriodPair october = calendar_periods(PeriodKind::month, 2026y / October / 31d);
  const auto figures = [&](const PeriodPair& periods) {
    return report_json(compute_report(company, {}, periods, periods.current.to, {}, {}, {}));
  };
  const std::string november_before = figures(november);
  const std::string october_before = figures(october);
  // A photo and an incident of 20 October, sent on 24 November by a phone that was offline.
  company.apply(testing::event_from(testing::event_json("late-1", "photo.uploaded", "CH-1",
      "2026-10-20T10:00:00+02:00", R"({"photo_id":"F9","bytes":1500000})")));
  company.apply(testing::event_from(testing::event_json("late-2", "incident.opened", "CH-1",
      "2026-10-20T10:05:00+02:00", R"({"incident_id":"I9","description":"Garde-corps manquant","severity":"critical"})")));
  const std::string october_after = figures(october);
  EXPECT_NE(october_after, october_before);
  EXPECT_NE(october_after.find(R"({"id":4,"name":"Taux d'incidents par chantier","value":{"incidents":1,)"),
            std::string::npos) << october_after;
  EXPECT_NE(october_after.find(R"("value":{"photos_per_day":0.03225806451612903,"photos":1,"storage_bytes":1500000})"),
            std::string::npos);
  // November's own figures do not move; only its "previous" (October) side does.
  const KpiReport now = compute_report(company, {}, november, as_of, {}, {}, {});
  EXPECT_EQ(std::get<std::int64_t>(*now.kpis[3].value.find("incidents")), 0);
  EXPECT_EQ(std::get<std::int64_t>(*now.kpis[3].previous.find("incidents")), 1);
  EXPECT_EQ(std::get<std::int64_t>(*now.kpis[8].value.find("photos")), 0);
  // Storage is "all photos to the end of the period": November's includes the October photo.
  EXPECT_EQ(std::get<std::int64_t>(*now.kpis[8].value.find("storage_bytes")), 1500000);
}

}  // namespace
}  // namespace vigie::kpi
