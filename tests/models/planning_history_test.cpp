// The week problem built from events (planning_history.hpp, week_builder.hpp): records as they
// stood before the week's Monday, vehicles available all week, the sites that need work and
// their weekly hours from the timesheets of the past weeks, worked out by hand.
#include <gtest/gtest.h>

#include "models/planning/planning_history.hpp"
#include "models/planning/week_builder.hpp"
#include "support/tiny_company.hpp"

namespace vigie::models::planning {
namespace {

using testing::event_from;
using testing::event_json;

LocalDate day(int y, unsigned m, unsigned d) {
  return LocalDate{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

std::string site(const std::string& id, const std::string& status, const std::string& start,
                 const std::string& team) {
  return testing::site_data(id, "tertiaire", "Auvergne-Rhône-Alpes", "P-M", team, 100000, start,
                            "2027-06-30", status);
}

PlanningHistory company() {
  PlanningHistory history;
  int n = 0;
  const auto add = [&](const std::string& type, const std::string& site_id, const std::string& at,
                       const std::string& data) {
    history.apply(event_from(event_json("e" + std::to_string(++n), type, site_id, at, data)));
  };
  const std::string early = "2026-01-05T08:00:00+01:00";
  add("person.upserted", "", early,
      R"({"id":"P-1","name":"Chef Un","role":"chief","home_lat":45.7,"home_lon":4.8,)"
      R"("skills":["vrd"],"preferences":{"site_types":["industriel"]}})");
  add("person.upserted", "", early,
      R"({"id":"P-2","name":"Ouvrier Deux","role":"worker","skills":["couverture"]})");
  // Moved home after the week's Monday: the week still sees the first address.
  add("person.upserted", "", "2026-12-02T08:00:00+01:00",
      R"({"id":"P-1","name":"Chef Un","role":"chief","home_lat":46.0,"home_lon":5.0,"skills":["vrd"]})");
  add("vehicle.upserted", "", early, R"({"id":"V-1","kind":"utilitaire","available_from":"2026-01-01"})");
  add("vehicle.upserted", "", early,
      R"({"id":"V-2","kind":"camion","available_from":"2026-01-01","available_to":"2026-12-02"})");
  add("team.upserted", "", early,
      R"({"id":"T-1","chief_id":"P-1","member_ids":["P-2"],"vehicle_ids":["V-1","V-2"],"weekly_capacity_hours":80})");
  add("site.upserted", "S-ACT", early, site("S-ACT", "active", "2026-01-12", "T-1"));
  add("site.upserted", "S-NEW", early, site("S-NEW", "planned", "2026-12-04", "T-1"));
  add("site.upserted", "S-LATER", early, site("S-LATER", "planned", "2026-12-07", "T-1"));
  add("site.upserted", "S-DONE", early, site("S-DONE", "active", "2026-01-12", "T-1"));
  add("site.completed", "S-DONE", "2026-11-20T17:00:00+01:00", R"({"actual_end":"2026-11-20"})");
  // S-ACT: 12 h on 30 October (before the four weeks from 2 November), then 10 h
  // and 6 h in the week of 9 November and 20 h in that of 23 November: (16 + 20) / 2 weeks.
  const auto hours = [&](const std::string& at, double h) {
    add("timesheet.recorded", "S-ACT", at,
        R"({"person_id":"P-2","date":")" + at.substr(0, 10) + R"(","hours_total":)" +
            std::to_string(h) + R"(,"hours_billable":0})");
  };
  hours("2026-10-30T17:00:00+01:00", 12);
  hours("2026-11-09T17:00:00+01:00", 10);
  hours("2026-11-10T17:00:00+01:00", 6);
  hours("2026-11-23T17:00:00+01:00", 20);
  history.sort();
  return history;
}

TEST(WeekBuilder, TheCompanyAsItStoodAtTheWeeksMonday) {
  const PlanningHistory history = company();
  const WeekProblem problem = week_problem(history, day(2026, 11, 30), PlanningSettings{});
  ASSERT_EQ(problem.teams.size(), 1u);
  const PlanTeam& team = problem.teams[0];
  EXPECT_EQ(team.id, "T-1");
  ASSERT_EQ(team.members.size(), 2u);
  EXPECT_EQ(team.members[0].id, "P-1");  // the chief first
  EXPECT_TRUE(team.members[0].has_home);
  EXPECT_DOUBLE_EQ(team.members[0].home_lat, 45.7);
  EXPECT_FALSE(team.members[1].has_home);
  EXPECT_EQ(team.members[1].skills, std::vector<std::string>{"couverture"});
  EXPECT_EQ(team.preferred_site_types, std::vector<std::string>{"industriel"});
  EXPECT_EQ(team.capacity_hours, 80);
  // V-2 goes back on Wednesday 2 December: not available all week.
  EXPECT_EQ(team.vehicles_available, std::vector<std::string>{"V-1"});

  ASSERT_EQ(problem.sites.size(), 2u);  // active, and planned to start by Friday 4 December
  EXPECT_EQ(problem.sites[0].id, "S-ACT");
  EXPECT_EQ(problem.sites[0].current_team, "T-1");
  EXPECT_DOUBLE_EQ(problem.sites[0].demand_hours, 18);
  EXPECT_FALSE(problem.sites[0].demand_estimated);
  EXPECT_EQ(problem.sites[1].id, "S-NEW");
  EXPECT_TRUE(problem.sites[1].demand_estimated);  // no timesheet: the others' mean
  EXPECT_DOUBLE_EQ(problem.sites[1].demand_hours, 18);
}

TEST(WeekBuilder, AWeekSeesTheLatestRecordsBeforeIt) {
  const WeekProblem problem = week_problem(company(), day(2026, 12, 7), PlanningSettings{});
  EXPECT_DOUBLE_EQ(problem.teams[0].members[0].home_lat, 46.0);
  EXPECT_TRUE(problem.teams[0].preferred_site_types.empty());
  ASSERT_EQ(problem.sites.size(), 3u);  // S-LATER starts that Monday
  // Four weeks before 7 December: 10 + 6 h (week of 9/11) and 20 h (week of 23/11).
  EXPECT_DOUBLE_EQ(problem.sites[0].demand_hours, 18);
}

}  // namespace
}  // namespace vigie::models::planning
