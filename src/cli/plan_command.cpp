// `vigie plan [--week 2026-W50] [--format table|json] [--method auto|exact|heuristic]`: the
// suggested team plan of a week (default: the coming one) against the current plan, from the
// store as it stood at the week's Monday: assignments and what changes, savings, score, the
// objective's parts, and in words the sites no team can take and why. JSON is the API's
// (GET /api/v1/plans/suggested).
#include <cmath>
#include <cstdio>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "common/iso_week.hpp"
#include "common/paris_time.hpp"
#include "models/delay/history_loader.hpp"
#include "models/delay/training.hpp"
#include "models/planning/delay_effects.hpp"
#include "models/planning/plan_json.hpp"
#include "models/planning/planning_history.hpp"
#include "models/planning/team_planner.hpp"
#include "models/planning/week_builder.hpp"

namespace vigie::cli {
namespace {

namespace planning = models::planning;

struct PlanFlags {
  std::string week;
  std::string format = "table";
  std::string method = "auto";
};

std::string signed_fr(double value, int decimals, const char* unit) {
  return (value > 0 ? "−" : value < 0 ? "+" : "") + format_decimal_fr(std::abs(value), decimals) + unit;
}

void print_parts(const planning::WeekPlan& plan) {
  const auto row = [](const char* name, double suggested, double current, int decimals) {
    std::printf("  %-34s %12s %12s\n", name, format_decimal_fr(suggested, decimals).c_str(),
                format_decimal_fr(current, decimals).c_str());
  };
  const auto& s = plan.suggested.parts;
  const auto& c = plan.current.parts;
  std::printf("  %-34s %12s %12s\n", "objectif, par partie", "suggéré", "actuel");
  row("km de trajet", s.km, c.km, 0);
  row("heures de trajet", s.travel_hours, c.travel_hours, 1);
  row("jours-personne à plus d'1 h de trajet", s.long_trip_days, c.long_trip_days, 1);
  row("chantiers changeant d'équipe", s.changes, c.changes, 0);
  row("chantiers hors préférence du chef", s.off_preference, c.off_preference, 0);
  row("profondeur des compétences (0 à 1)", s.skill_depth, c.skill_depth, 2);
  row("heures de surcharge", s.overload_hours, c.overload_hours, 1);
  row("jours de retard prédits", s.delay_days, c.delay_days, 1);
  row("total pondéré (€)", plan.suggested.objective_eur, plan.current.objective_eur, 0);
}

void print_table(const planning::WeekProblem& problem, const planning::WeekPlan& plan,
                 const PlanningSettings& settings) {
  const std::int32_t monday = days_since_epoch(problem.monday);
  std::printf("Planning de la semaine %s (du %s au %s) : %s, %s\n",
              format_iso_week(problem.monday).c_str(), format_date_fr(problem.monday).c_str(),
              format_date_fr(date_from_days(monday + 4)).c_str(),
              count_fr(problem.sites.size(), "chantier", "chantiers").c_str(),
              count_fr(problem.teams.size(), "équipe", "équipes").c_str());
  for (const auto& [site, reason] : plan.left_out) std::printf("Non planifiable : %s\n", reason.c_str());
  if (!plan.found) {
    std::printf("Aucun plan ne respecte les contraintes :\n");
    for (const auto& reason : plan.barriers) std::printf("  - %s\n", reason.c_str());
    return;
  }
  std::printf("\n%-14s %-7s %-8s %8s %9s %9s\n", "chantier", "équipe", "actuelle", "heures", "km/sem.",
              "avant");
  for (const auto& line : plan.lines) {
    const planning::PlanSite* site = problem.site(line.site_id);
    const bool changed = !line.current_team_id.empty() && line.current_team_id != line.team_id;
    std::string note = changed ? "  ← changement" : (site->demand_estimated ? "  (heures estimées)" : "");
    if (changed && !site->predicted_delay_days.empty()) {
      note += ", retard prédit " + format_decimal_fr(line.current.delay_days, 0) + " j → " +
              format_decimal_fr(line.suggested.delay_days, 0) + " j";
    }
    std::printf("%-14s %-7s %-8s %8s %9s %9s%s\n", line.site_id.c_str(), line.team_id.c_str(),
                line.current_team_id.empty() ? "—" : line.current_team_id.c_str(),
                format_decimal_fr(site->demand_hours, 0).c_str(),
                format_decimal_fr(line.suggested.km, 0).c_str(),
                format_decimal_fr(line.current.km, 0).c_str(), note.c_str());
  }
  const planning::PlanSavings savings = planning::plan_savings(plan, settings);
  std::printf("\nTrajets contre le plan actuel : %s, %s de trajet, %s par semaine\n",
              signed_fr(savings.km, 0, " km").c_str(), signed_fr(savings.travel_hours, 1, " h").c_str(),
              signed_fr(savings.eur, 0, " €").c_str());
  std::printf("%s ; score %s/100", count_fr(static_cast<std::uint64_t>(plan.changes),
                                            "chantier change d'équipe", "chantiers changent d'équipe").c_str(),
              format_decimal_fr(plan.score, 0).c_str());
  if (plan.bound_eur) {
    std::printf(" (borne inférieure %s € pondérés%s)", format_decimal_fr(*plan.bound_eur, 0).c_str(),
                plan.proven_optimal ? ", optimum prouvé" : "");
  }
  std::printf(", calculé en %s s\n\n", format_decimal_fr(plan.seconds, 2).c_str());
  print_parts(plan);
  if (!plan.current_violations.empty()) {
    std::printf("\nLe plan actuel enfreint %s :\n",
                count_fr(plan.current_violations.size(), "contrainte", "contraintes").c_str());
    for (const auto& violation : plan.current_violations) std::printf("  - %s\n", violation.c_str());
  }
}

int run_plan(Context& context, const PlanFlags& flags) {
  LocalDate monday = monday_after(paris_today());
  if (!flags.week.empty()) {
    const auto week = parse_iso_week(flags.week);
    if (!week) {
      std::fprintf(stderr, "vigie plan: --week: \"%s\" is not an ISO week (2026-W50)\n", flags.week.c_str());
      return kExitUsage;
    }
    monday = *week;
  }
  auto history = planning::load_planning_history(context.store());
  if (!history) return report_failure("plan", history.error());
  const PlanningSettings& settings = context.config().planning;
  planning::WeekProblem problem = planning::week_problem(*history, monday, settings);
  // With an active delay model, the planner prices the delay each team would give each site.
  auto delay_model = models::load_delay_version(context.store());
  if (!delay_model) return report_failure("plan", delay_model.error());
  if (*delay_model) {
    auto delay_history = models::load_history(context.store());
    if (!delay_history) return report_failure("plan", delay_history.error());
    auto attached = planning::attach_predicted_delays(problem, **delay_model, delay_history->history,
                                                      context.config().delay);
    if (!attached) return report_failure("plan", attached.error());
  }
  const auto method = flags.method == "exact"       ? planning::GapMethod::exact
                      : flags.method == "heuristic" ? planning::GapMethod::heuristic
                                                    : planning::GapMethod::automatic;
  const planning::WeekPlan plan = planning::plan_week(problem, settings, method);
  if (flags.format == "json") {
    std::printf("%s\n", planning::plan_json(problem, plan, settings, planning::plan_id(problem, plan)).c_str());
  } else {
    print_table(problem, plan, settings);
  }
  return plan.found ? kExitOk : kExitFailure;
}

}  // namespace

void add_plan_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("plan", "suggested team plan of a week against the current plan");
  auto flags = std::make_shared<PlanFlags>();
  command->add_option("--week", flags->week, "ISO week, e.g. 2026-W50 (default: the coming week)");
  command->add_option("--format", flags->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  command->add_option("--method", flags->method, "auto, exact (CBC alone) or heuristic (search alone)")
      ->check(CLI::IsMember({"auto", "exact", "heuristic"}))->capture_default_str();
  command->callback([&context, &exit_code, flags] { exit_code = run_plan(context, *flags); });
}

}  // namespace vigie::cli
