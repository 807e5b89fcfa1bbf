// Team planning on hand-made weeks (team_planner.hpp, plan_costs.hpp, plan_checker.hpp,
// plan_reasons.hpp): each hard constraint (skills, vehicle, capacity) and each soft one (travel,
// long trips, continuity, preference, skill depth, balance) with the optimum worked out by hand.
// Teams and sites sit on the equator, where a degree of longitude is 111,19 km (6 371 km × π /
// 180); with a road factor of 1, a person-day (8 h) one degree away drives 2 × 111,19 km.
#include <gtest/gtest.h>

#include <numbers>

#include "models/planning/plan_checker.hpp"
#include "models/planning/plan_costs.hpp"
#include "models/planning/plan_reasons.hpp"
#include "models/planning/team_planner.hpp"

namespace vigie::models::planning {
namespace {

constexpr double kDegreeKm = 6371.0 * std::numbers::pi / 180.0;

// Travel at 1 € per km and nothing else, unless a test says otherwise.
PlanningSettings plain() {
  PlanningSettings s;
  s.road_factor = 1;
  s.speed_kmh = 60;
  s.hours_per_day = 8;
  s.cost_per_km_eur = 1;
  s.cost_per_travel_hour_eur = 0;
  s.weight_long_trip_eur = 0;
  s.weight_change_eur = 0;
  s.weight_preference_eur = 0;
  s.weight_skill_depth_eur = 0;
  s.weight_overload_eur = 0;
  s.balance_share = 1;
  s.time_limit_seconds = 1;
  return s;
}

PlanTeam team(std::string id, double lon, double capacity, std::vector<std::string> skills = {},
              bool vehicle = true) {
  PlanTeam t;
  t.id = std::move(id);
  t.chief_id = "P-" + t.id;
  t.members.push_back({t.chief_id, true, 0, lon, std::move(skills)});
  t.capacity_hours = capacity;
  t.vehicle_ids = {"V-" + t.id};
  if (vehicle) t.vehicles_available = t.vehicle_ids;
  return t;
}

PlanSite site(std::string id, double lon, double hours, std::string current = {},
              std::vector<std::string> skills = {}) {
  PlanSite s;
  s.id = std::move(id);
  s.name = s.id;
  s.type = "tertiaire";
  s.lon = lon;
  s.demand_hours = hours;
  s.current_team = std::move(current);
  s.required_skills = std::move(skills);
  return s;
}

WeekProblem week(std::vector<PlanTeam> teams, std::vector<PlanSite> sites) {
  return {LocalDate{std::chrono::year{2026}, std::chrono::December, std::chrono::day{7}},
          std::move(teams), std::move(sites)};
}

std::string team_of(const WeekPlan& plan, const std::string& site_id) {
  for (const auto& line : plan.lines) {
    if (line.site_id == site_id) return line.team_id;
  }
  return "";
}

// Each plan the planner returns passes the checker; the tests say so again.
void expect_checked(const WeekProblem& problem, const WeekPlan& plan) {
  std::vector<int> teams(problem.sites.size(), -1);
  for (std::size_t s = 0; s < problem.sites.size(); ++s) {
    teams[s] = problem.team_index(team_of(plan, problem.sites[s].id));
  }
  const PlanCheck check = check_plan(problem, teams);
  EXPECT_TRUE(check.feasible) << (check.violations.empty() ? "" : check.violations.front());
}

TEST(TeamPlanner, TravelSendsEachTeamToItsNeighbourAndCountsTheSavings) {
  // The current plan crosses them: 2 × 222,39 km; the suggestion drives none.
  const WeekProblem problem = week({team("T-A", 0, 40), team("T-B", 1, 40)},
                                   {site("S1", 0, 8, "T-B"), site("S2", 1, 8, "T-A")});
  const WeekPlan plan = plan_week(problem, plain());
  ASSERT_TRUE(plan.found);
  expect_checked(problem, plan);
  EXPECT_EQ(team_of(plan, "S1"), "T-A");
  EXPECT_EQ(team_of(plan, "S2"), "T-B");
  EXPECT_NEAR(plan.suggested.parts.km, 0, 1e-9);
  EXPECT_NEAR(plan.current.parts.km, 4 * kDegreeKm, 1e-6);
  EXPECT_EQ(plan.changes, 2);
  EXPECT_TRUE(plan.proven_optimal);
  EXPECT_NEAR(plan.score, 100, 1e-9);
  EXPECT_TRUE(plan.current_violations.empty());
}

TEST(TeamPlanner, ContinuityKeepsTheCurrentPlanUnlessTheTravelSavedPaysForTheChanges) {
  const WeekProblem problem = week({team("T-A", 0, 40), team("T-B", 1, 40)},
                                   {site("S1", 0, 8, "T-B"), site("S2", 1, 8, "T-A")});
  PlanningSettings settings = plain();
  settings.weight_change_eur = 300;  // 2 changes cost 600 € > 444,78 € of km saved
  WeekPlan plan = plan_week(problem, settings);
  EXPECT_EQ(team_of(plan, "S1"), "T-B");
  EXPECT_EQ(plan.changes, 0);
  EXPECT_NEAR(plan.score, 0, 1e-9);
  settings.weight_change_eur = 200;  // 400 € < 444,78 €
  plan = plan_week(problem, settings);
  EXPECT_EQ(team_of(plan, "S1"), "T-A");
  EXPECT_EQ(plan.changes, 2);
  EXPECT_NEAR(plan.suggested.objective_eur, 400, 1e-6);
}

TEST(TeamPlanner, SkillsAreHard) {
  // Only T-A holds « vrd »: S2 goes to it although T-B lives there.
  const WeekProblem problem = week({team("T-A", 0, 40, {"vrd"}), team("T-B", 1, 40)},
                                   {site("S1", 0, 8), site("S2", 1, 8, "T-B", {"vrd"})});
  const WeekPlan plan = plan_week(problem, plain());
  expect_checked(problem, plan);
  EXPECT_EQ(team_of(plan, "S2"), "T-A");
  EXPECT_NEAR(plan.suggested.parts.km, 2 * kDegreeKm, 1e-6);
  ASSERT_EQ(plan.current_violations.size(), 1u);
  EXPECT_EQ(plan.current_violations[0], "S2 : l'équipe T-B n'a pas la compétence « vrd »");
}

TEST(TeamPlanner, AVehicleIsHard) {
  const WeekProblem problem = week({team("T-A", 0, 40), team("T-B", 1, 40, {}, false)},
                                   {site("S1", 0, 8), site("S2", 1, 8)});
  const WeekPlan plan = plan_week(problem, plain());
  expect_checked(problem, plan);
  EXPECT_EQ(team_of(plan, "S2"), "T-A");
}

TEST(TeamPlanner, CapacityIsHardAndAFullWeekSaysWhyInFrench) {
  WeekProblem problem = week({team("T-A", 0, 8), team("T-B", 1, 8)}, {site("S1", 0, 8), site("S2", 0, 8)});
  WeekPlan plan = plan_week(problem, plain());
  expect_checked(problem, plan);
  EXPECT_NE(team_of(plan, "S1"), team_of(plan, "S2"));
  EXPECT_NEAR(plan.suggested.parts.km, 2 * kDegreeKm, 1e-6);
  problem.teams[1].vehicles_available.clear();  // T-B stays home: 16 h for T-A's 8
  plan = plan_week(problem, plain());
  EXPECT_FALSE(plan.found);
  ASSERT_EQ(plan.barriers.size(), 1u);
  EXPECT_EQ(plan.barriers[0],
            "la semaine demande 16 h, plus que la capacité de toutes les équipes disponibles (8 h)");
}

TEST(TeamPlanner, ASkillWhoseTeamsAreFullIsNamed) {
  const WeekProblem problem = week({team("T-A", 0, 8, {"vrd"}), team("T-B", 1, 40)},
                                   {site("S1", 0, 8, "", {"vrd"}), site("S2", 0, 8, "", {"vrd"})});
  const WeekPlan plan = plan_week(problem, plain());
  EXPECT_FALSE(plan.found);
  ASSERT_FALSE(plan.barriers.empty());
  EXPECT_EQ(plan.barriers[0],
            "aucune équipe n'a la compétence « vrd » libre cette semaine pour S1, S2 : ces chantiers "
            "demandent 16 h, les équipes qui l'ont (T-A) en offrent 8 h");
}

TEST(TeamPlanner, ASiteNoTeamMayTakeIsLeftOutWithItsReasonAndTheRestPlanned) {
  const WeekProblem problem =
      week({team("T-A", 0, 40, {"vrd"}), team("T-B", 1, 40, {"couverture"}, false)},
           {site("S1", 0, 8), site("CH-2025-031", 0, 8, "", {"charpente métallique"}),
            site("S3", 0, 50), site("S4", 1, 8, "", {"couverture"}),
            site("S5", 0, 8, "", {"vrd", "couverture"})});
  const WeekPlan plan = plan_week(problem, plain());
  ASSERT_TRUE(plan.found);
  EXPECT_EQ(team_of(plan, "S1"), "T-A");
  ASSERT_EQ(plan.left_out.size(), 4u);
  EXPECT_EQ(plan.left_out[0].second,
            "aucune équipe n'a la compétence « charpente métallique » pour CH-2025-031");
  EXPECT_EQ(plan.left_out[1].second,
            "S3 demande 50 h cette semaine, plus que la capacité de toute équipe qualifiée (40 h au plus)");
  EXPECT_EQ(plan.left_out[2].second,
            "les équipes qui ont les compétences de S4 (T-B) n'ont aucun véhicule disponible du "
            "07/12/2026 au 11/12/2026");
  EXPECT_EQ(plan.left_out[3].second,
            "aucune équipe ne réunit les compétences « vrd » et « couverture » demandées par S5");
}

TEST(TeamPlanner, BalanceMovesASiteOffAnOverloadedTeam) {
  // Three 8-hour sites beside T-A. Travel alone puts all on T-A (24 h, 12 above half its 24).
  // At 100 € an hour of overload, one site moves to T-B: 222,39 km + 4 h × 100 € = 622,39 €,
  // better than 1 200 € (all on T-A) or 444,78 + 400 € (two moved).
  const WeekProblem problem = week({team("T-A", 0, 24), team("T-B", 1, 24)},
                                   {site("S1", 0, 8), site("S2", 0, 8), site("S3", 0, 8)});
  PlanningSettings settings = plain();
  settings.weight_overload_eur = 100;
  settings.balance_share = 0.5;
  const WeekPlan plan = plan_week(problem, settings);
  expect_checked(problem, plan);
  EXPECT_NEAR(plan.suggested.parts.overload_hours, 4, 1e-9);
  EXPECT_NEAR(plan.suggested.objective_eur, 2 * kDegreeKm + 400, 1e-6);
  ASSERT_EQ(plan.load_hours.size(), 2u);
  EXPECT_NEAR(plan.load_hours[0], 16, 1e-9);
}

TEST(PlanCosts, LongTripsPreferenceAndSkillDepthByHand) {
  PlanTeam t = team("T-A", 0, 40, {"a", "b"});
  t.members.push_back({"P-2", true, 0, 1.5, {"a"}});  // 166,79 km away: 2 h 47 at 60 km/h
  t.preferred_site_types = {"industriel"};
  const PlanSite s = site("S1", 0, 16, "T-B", {"a", "b"});  // 2 person-days, tertiaire
  PlanningSettings settings = plain();
  const CostParts parts = cell_parts(t, s, settings);
  // The two members share the 2 days: 2 × 2 × (0 + 166,79) / 2 km; one of two trips is long.
  EXPECT_NEAR(parts.km, 2 * 1.5 * kDegreeKm, 1e-6);
  EXPECT_NEAR(parts.travel_hours, parts.km / 60, 1e-9);
  EXPECT_NEAR(parts.long_trip_days, 1, 1e-9);
  EXPECT_EQ(parts.changes, 1);
  EXPECT_EQ(parts.off_preference, 1);
  EXPECT_NEAR(parts.skill_depth, (1 + 0.5) / 2, 1e-9);  // « a » twice, « b » once
  settings.weight_long_trip_eur = 20;
  settings.weight_change_eur = 150;
  settings.weight_preference_eur = 40;
  settings.weight_skill_depth_eur = 60;
  EXPECT_NEAR(weighted_eur(parts, settings), parts.km + 20 + 150 + 40 - 45, 1e-6);
  EXPECT_EQ(eligibility(t, site("S2", 0, 8, "", {"c"})).missing_skill, "c");
}

TEST(PlanChecker, NamesEachBrokenConstraintInFrench) {
  const WeekProblem problem = week({team("T-A", 0, 10, {"vrd"}), team("T-B", 1, 40, {}, false)},
                                   {site("S1", 0, 8), site("S2", 0, 8), site("S3", 1, 8, "", {"vrd"})});
  const PlanCheck check = check_plan(problem, {0, 0, 1});
  EXPECT_FALSE(check.feasible);
  ASSERT_EQ(check.violations.size(), 3u);
  EXPECT_EQ(check.violations[0], "S3 : l'équipe T-B n'a pas la compétence « vrd »");
  EXPECT_EQ(check.violations[1], "S3 : l'équipe T-B n'a aucun véhicule disponible cette semaine");
  EXPECT_EQ(check.violations[2], "l'équipe T-A aurait 16,0 h pour une capacité de 10,0 h");
  EXPECT_TRUE(check_plan(problem, {0, -1, -1}).feasible);  // a site left out breaks nothing
}

}  // namespace
}  // namespace vigie::models::planning
