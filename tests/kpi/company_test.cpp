// The KPI state folded from events: timelines, day counters and items, with values worked out by
// hand, and the same state whatever order the events arrive in.
#include "kpi/company.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "common/paris_time.hpp"
#include "support/tiny_company.hpp"

namespace vigie::kpi {
namespace {

using namespace std::chrono;
using testing::event_from;
using testing::event_json;

std::int32_t day(LocalDate d) { return days_since_epoch(d); }
Instant at(const char* text) { return *parse_rfc3339(text); }

events::Event incident(const std::string& id, const std::string& type, const std::string& when,
                       const std::string& data) {
  return event_from(event_json(id, type, "CH-1", when, data));
}

TEST(Company, SiteTimelinesTakeTheLatestOccurredAt) {
  Company company;
  company.apply(event_from(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00", 250000)));
  company.apply(event_from(testing::budget_json("b1", "CH-1", "2026-06-01T09:00:00+02:00", 300000, 120000)));
  company.apply(event_from(testing::completed_json("c1", "CH-1", "2026-11-20T17:00:00+01:00", "2026-11-20")));
  // A revision dated March arrives last: it holds from March until June.
  company.apply(event_from(testing::budget_json("b0", "CH-1", "2026-03-02T09:00:00+01:00", 275000, 110000)));
  const SiteState& site = *company.site("CH-1");
  EXPECT_EQ(*site.budget_cents.at(at("2026-02-01T00:00:00Z")), 25'000'000);
  EXPECT_EQ(*site.budget_cents.at(at("2026-04-01T00:00:00Z")), 27'500'000);
  EXPECT_EQ(*site.budget_cents.at(at("2026-11-30T00:00:00Z")), 30'000'000);
  EXPECT_EQ(*site.status.at(at("2026-11-20T15:59:59Z")), SiteStatus::active);
  EXPECT_EQ(*site.status.at(at("2026-11-20T16:00:00Z")), SiteStatus::completed);
  EXPECT_EQ(**site.actual_end.at(at("2026-11-30T00:00:00Z")), 2026y / November / 20d);
  EXPECT_EQ(site.attributes.last()->manager_id, "P-0002");
}

TEST(Company, CountersGoToTheParisDayOfTheEvent) {
  Company company;
  // 23:30 UTC on 23 November is 00:30 in Paris on the 24th.
  company.apply(event_from(testing::expense_json("e1", "CH-1", "2026-11-23T23:30:00Z", 120.5)));
  company.apply(event_from(testing::expense_json("e2", "CH-1", "2026-11-24T10:00:00+01:00", 79.5)));
  company.apply(event_from(event_json("t1", "timesheet.recorded", "CH-1", "2026-11-27T18:00:00+01:00",
      R"({"person_id":"P-0100","date":"2026-11-23","hours_total":8,"hours_billable":6.5})")));
  company.apply(event_from(event_json("q1", "satisfaction.recorded", "CH-1", "2026-11-24T12:00:00+01:00",
      R"({"score":7,"respondent":"client"})")));
  company.apply(event_from(event_json("q2", "satisfaction.recorded", "CH-1", "2026-11-24T12:00:00+01:00",
      R"({"score":2,"respondent":"team"})")));  // the workers': the teams' own mean, not the client's
  company.apply(event_from(event_json("q3", "satisfaction.recorded", "CH-1", "2026-11-24T15:00:00+01:00",
      R"({"score":6.5,"respondent":"chief"})")));  // the chief's: the design office's day
  const SiteState& site = *company.site("CH-1");
  const DayCounters the_24th = site.days.sum(day(2026y / November / 24d), day(2026y / November / 24d));
  EXPECT_EQ(the_24th.expense_cents, 20'000);
  EXPECT_EQ(the_24th.client_scores, 1);
  EXPECT_DOUBLE_EQ(the_24th.client_score_sum, 7);
  EXPECT_EQ(the_24th.chief_scores, 1);
  EXPECT_DOUBLE_EQ(the_24th.chief_score_sum, 6.5);
  EXPECT_EQ(the_24th.team_scores, 1);
  EXPECT_DOUBLE_EQ(the_24th.team_score_sum, 2);
  const DayCounters the_23rd = site.days.sum(day(2026y / November / 23d), day(2026y / November / 23d));
  EXPECT_EQ(the_23rd.expense_cents, 0);
  EXPECT_DOUBLE_EQ(the_23rd.hours_total, 8);  // on its date, though sent on the 27th
  EXPECT_DOUBLE_EQ(the_23rd.hours_billable, 6.5);
}

TEST(Company, ATechnicalIncidentQueuesForTheDesignOfficeUntilTaken) {
  Company company;
  // Opened Monday 23 Nov 08:00, taken Tuesday 10:30, resolved Wednesday 14:00 (Paris).
  company.apply(incident("i1", "incident.opened", "2026-11-23T08:00:00+01:00",
      R"({"incident_id":"INC-1","description":"Fissure sur voile","category":"technical","severity":"high","urgency":"1d"})"));
  company.apply(incident("i2", "incident.taken", "2026-11-24T10:30:00+01:00",
      R"({"incident_id":"INC-1","by":"P-0077"})"));
  company.apply(incident("i3", "incident.resolved", "2026-11-25T14:00:00+01:00",
      R"({"incident_id":"INC-1","resolution":"Reprise validée"})"));
  const SiteState& site = *company.site("CH-1");
  EXPECT_EQ(site.days.sum_to(day(2026y / November / 23d)).design_queue, 1);
  EXPECT_EQ(site.days.sum_to(day(2026y / November / 24d)).design_queue, 0);
  const DayCounters all = site.days.sum(0, 100000);
  EXPECT_EQ(all.incidents_opened, 1);
  EXPECT_EQ(all.severity_sum, 3);
  EXPECT_EQ(all.technical_response.count, 1);
  EXPECT_DOUBLE_EQ(all.technical_response.hours, 26.5);
  EXPECT_EQ(all.incident_resolution.count, 1);
  EXPECT_DOUBLE_EQ(all.incident_resolution.hours, 54);
  EXPECT_EQ(all.design_resolution.count, 1);
  EXPECT_EQ(all.design_within_sla, 0);  // 54 h against the 24 h of "< 1 j"
}

// The company's own SLA hours (models.triage.sla_hours_*): the same 54 h are within a "< 1 j"
// of 60 h.
TEST(Company, AnIncidentsSlaIsTheCompanys) {
  CompanySettings settings;
  settings.incident_sla_hours = {1, 4, 60, 72};
  Company company(settings);
  company.apply(incident("i1", "incident.opened", "2026-11-23T08:00:00+01:00",
      R"({"incident_id":"INC-1","description":"Fissure sur voile","category":"technical","severity":"high","urgency":"1d"})"));
  company.apply(incident("i3", "incident.resolved", "2026-11-25T14:00:00+01:00",
      R"({"incident_id":"INC-1","resolution":"Reprise validée"})"));
  EXPECT_EQ(company.site("CH-1")->days.sum(0, 100000).design_within_sla, 1);
}

TEST(Company, AResolutionBeforeItsOpeningCountsOnceTheOpeningArrives) {
  Company company;
  company.apply(incident("i3", "incident.resolved", "2026-11-25T14:00:00+01:00",
      R"({"incident_id":"INC-2","resolution":"ok"})"));
  EXPECT_EQ(company.site("CH-1")->days.sum(0, 100000), DayCounters{});
  company.apply(incident("i1", "incident.opened", "2026-11-25T10:00:00+01:00",
      R"({"incident_id":"INC-2","description":"Livraison incomplète","category":"material","severity":"low"})"));
  const DayCounters all = company.site("CH-1")->days.sum(0, 100000);
  EXPECT_EQ(all.incidents_opened, 1);
  EXPECT_DOUBLE_EQ(all.incident_resolution.hours, 4);
  EXPECT_EQ(all.design_queue, 0);  // not a technical incident
}

TEST(Company, ARelabelChangesTheSeverityItCounts) {
  Company company;
  company.apply(incident("i1", "incident.opened", "2026-11-23T08:00:00+01:00",
      R"({"incident_id":"INC-3","description":"Chute de matériel","severity":"low"})"));
  company.apply(incident("i2", "incident.relabelled", "2026-11-23T09:00:00+01:00",
      R"({"incident_id":"INC-3","category":"safety","severity":"critical"})"));
  const DayCounters all = company.site("CH-1")->days.sum(0, 100000);
  EXPECT_EQ(all.severity_sum, 4);
  EXPECT_EQ(all.severity_known, 1);
}

TEST(Company, ARelabelArrivingFirstKeepsTheFieldsItDoesNotGive) {
  Company company;
  company.apply(incident("i2", "incident.relabelled", "2026-11-23T09:00:00+01:00",
      R"({"incident_id":"INC-4","severity":"high"})"));
  company.apply(incident("i1", "incident.opened", "2026-11-23T08:00:00+01:00",
      R"({"incident_id":"INC-4","description":"Plan faux","category":"technical","severity":"low"})"));
  const DayCounters all = company.site("CH-1")->days.sum(0, 100000);
  EXPECT_EQ(all.severity_sum, 3);   // the later relabel's "high"
  EXPECT_EQ(all.design_queue, 1);   // the opening's category still makes it the design office's
}

TEST(Company, RequestsWaitUntilResolvedAndAreJudgedOnTheirSla) {
  Company company;
  company.apply(event_from(event_json("r1", "request.opened", "CH-1", "2026-11-23T08:00:00+01:00",
      R"({"request_id":"DEM-1","kind":"design_office_question","description":"Cote de trémie ?"})")));
  company.apply(event_from(event_json("r2", "request.resolved", "CH-1", "2026-11-24T14:00:00+01:00",
      R"({"request_id":"DEM-1"})")));
  company.apply(event_from(event_json("r3", "request.opened", "CH-1", "2026-11-23T08:00:00+01:00",
      R"({"request_id":"DEM-2","kind":"material","description":"Treillis"})")));
  company.apply(event_from(event_json("r4", "request.resolved", "CH-1", "2026-11-23T20:00:00+01:00",
      R"({"request_id":"DEM-2"})")));
  const SiteState& site = *company.site("CH-1");
  EXPECT_EQ(site.days.sum_to(day(2026y / November / 23d)).design_queue, 1);  // the question only
  EXPECT_EQ(site.days.sum_to(day(2026y / November / 24d)).design_queue, 0);
  const DayCounters all = site.days.sum(0, 100000);
  EXPECT_DOUBLE_EQ(all.question_response.hours, 30);
  EXPECT_DOUBLE_EQ(all.material_response.hours, 12);
  EXPECT_EQ(all.design_within_sla, 0);  // 30 h > 24 h
}

TEST(Company, AppUseAndAbsencesArePerPersonDay) {
  Company company;
  company.apply(event_from(event_json("a1", "app.used", "CH-1", "2026-11-24T08:00:00+01:00",
      R"({"person_id":"P-0001","feature":"rapport"})")));
  company.apply(event_from(event_json("a2", "app.used", "CH-1", "2026-11-24T09:00:00+01:00",
      R"({"person_id":"P-0001","feature":"photo"})")));
  // Three working days from Friday 6 November: the 6th, Monday 9th, Tuesday 10th (the 11th is a
  // holiday, the weekend does not count).
  company.apply(event_from(event_json("b1", "absence.recorded", "CH-1", "2026-11-05T18:00:00+01:00",
      R"({"person_id":"P-0001","date":"2026-11-06","days":3})")));
  const PersonState& chief = *company.person("P-0001");
  EXPECT_EQ(chief.app_days.sum(day(2026y / November / 24d), day(2026y / November / 24d)).n, 2);
  EXPECT_EQ(chief.absent_days.sum(day(2026y / November / 1d), day(2026y / November / 30d)).n, 3);
  EXPECT_EQ(chief.absent_days.sum(day(2026y / November / 7d), day(2026y / November / 8d)).n, 0);
  EXPECT_EQ(chief.absent_days.sum(day(2026y / November / 10d), day(2026y / November / 10d)).n, 1);
  EXPECT_EQ(company.site("CH-1")->feature_uses.at(*company.feature_id("photo")).sum(0, 100000).n, 1);
}

TEST(Company, TheStateIsTheSameWhateverTheOrderOfArrival) {
  std::vector<events::Event> history = {
      event_from(testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00", 250000)),
      event_from(testing::expense_json("e1", "CH-1", "2026-02-03T09:00:00+01:00", 1200)),
      incident("i1", "incident.opened", "2026-02-04T08:00:00+01:00",
               R"({"incident_id":"INC-1","description":"x","category":"technical","severity":"medium","urgency":"4h"})"),
      incident("i2", "incident.taken", "2026-02-04T09:00:00+01:00", R"({"incident_id":"INC-1","by":"P-0077"})"),
      incident("i3", "incident.resolved", "2026-02-04T11:00:00+01:00", R"({"incident_id":"INC-1","resolution":"ok"})"),
      incident("i4", "incident.relabelled", "2026-02-05T08:00:00+01:00", R"({"incident_id":"INC-1","severity":"high"})"),
      event_from(testing::budget_json("b1", "CH-1", "2026-03-01T09:00:00+01:00", 260000, 100000)),
      event_from(testing::completed_json("c1", "CH-1", "2026-10-30T17:00:00+01:00", "2026-10-30")),
  };
  Company reference;
  for (const auto& event : history) reference.apply(event);
  const DayCounters expected = reference.site("CH-1")->days.sum(0, 100000);
  EXPECT_EQ(expected.design_within_sla, 1);  // 3 h within the 4 h of "< 4 h"
  EXPECT_EQ(expected.severity_sum, 3);       // relabelled high
  std::mt19937 shuffle_seed(20261129);
  for (int round = 0; round < 20; ++round) {
    std::shuffle(history.begin(), history.end(), shuffle_seed);
    Company company;
    for (const auto& event : history) company.apply(event);
    const SiteState& site = *company.site("CH-1");
    for (std::int32_t d = day(2026y / February / 1d); d <= day(2026y / February / 10d); ++d) {
      EXPECT_EQ(site.days.sum_to(d), reference.site("CH-1")->days.sum_to(d)) << "day " << d;
    }
    EXPECT_EQ(site.days.sum(0, 100000), expected);
    EXPECT_EQ(*site.budget_cents.last(), 26'000'000);
    EXPECT_EQ(*site.status.last(), SiteStatus::completed);
  }
}

TEST(Company, RefreshLeavesNoRunningTotalStale) {
  Company company;
  // Late additions (to days before the last) on two sites and a person's absence.
  for (const char* site : {"CH-1", "CH-2"}) {
    company.apply(event_from(testing::expense_json(std::string{"a"} + site, site, "2026-11-20T10:00:00+01:00", 10)));
    company.apply(event_from(testing::expense_json(std::string{"b"} + site, site, "2026-11-02T10:00:00+01:00", 10)));
  }
  company.apply(event_from(event_json("u1", "app.used", "CH-1", "2026-11-24T08:00:00+01:00",
      R"({"person_id":"P-0001","feature":"photo"})")));
  company.apply(event_from(event_json("u0", "app.used", "CH-1", "2026-11-03T08:00:00+01:00",
      R"({"person_id":"P-0001","feature":"photo"})")));
  EXPECT_TRUE(company.site("CH-1")->days.stale());
  EXPECT_TRUE(company.person("P-0001")->app_days.stale());
  company.refresh();
  for (const SiteState& site : company.sites()) {
    EXPECT_FALSE(site.days.stale()) << site.id;
    for (const auto& series : site.feature_uses) EXPECT_FALSE(series.stale()) << site.id;
  }
  EXPECT_FALSE(company.person("P-0001")->app_days.stale());
  EXPECT_EQ(company.site("CH-2")->days.sum(0, 100000).expense_cents, 2000);
}

}  // namespace
}  // namespace vigie::kpi
