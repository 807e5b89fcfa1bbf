// `vigie eval planner [--weeks 12] [--as-of DATE] [--format table|json]`: the planner replayed
// on the company's past weeks (models/planning/planner_evaluation.hpp): per week the km and
// travel hours of the historical plan and of the suggestion, priced the same way, the km the
// mileage logs recorded, whether the independent checker passed the suggestion, and the totals.
#include <cstdio>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "common/iso_week.hpp"
#include "common/json_writer.hpp"
#include "common/paris_time.hpp"
#include "models/planning/planner_evaluation.hpp"

namespace vigie::cli {
namespace {

namespace planning = models::planning;

struct EvalPlannerFlags {
  int weeks = 12;
  std::string as_of;
  std::string format = "table";
};

struct Totals {
  double current_km = 0, suggested_km = 0, current_hours = 0, suggested_hours = 0, recorded_km = 0;
  int weeks = 0, checked = 0, proven = 0;
};

Totals totals_of(const std::vector<planning::WeekEvaluation>& weeks) {
  Totals t;
  for (const auto& w : weeks) {
    if (!w.found) continue;
    ++t.weeks;
    t.checked += w.checked ? 1 : 0;
    t.proven += w.proven_optimal ? 1 : 0;
    t.current_km += w.current_km;
    t.suggested_km += w.suggested_km;
    t.current_hours += w.current_hours;
    t.suggested_hours += w.suggested_hours;
    t.recorded_km += w.recorded_km;
  }
  return t;
}

void print_json(const std::vector<planning::WeekEvaluation>& weeks, const Totals& t) {
  JsonWriter json;
  json.begin_object().key("weeks").begin_array();
  for (const auto& w : weeks) {
    json.begin_object()
        .field("week", format_iso_week(w.monday))
        .field("sites", static_cast<std::uint64_t>(w.sites))
        .field("planned", static_cast<std::uint64_t>(w.planned))
        .field("left_out", static_cast<std::uint64_t>(w.left_out))
        .field("found", w.found)
        .field("checked", w.checked)
        .field("current_violations", static_cast<std::uint64_t>(w.current_violations))
        .field("current_km", w.current_km)
        .field("suggested_km", w.suggested_km)
        .field("km_saved", w.current_km - w.suggested_km)
        .field("current_travel_hours", w.current_hours)
        .field("suggested_travel_hours", w.suggested_hours)
        .field("recorded_km", w.recorded_km)
        .field("changes", w.changes)
        .field("score", w.score)
        .field("proven_optimal", w.proven_optimal)
        .field("seconds", w.seconds)
        .end_object();
  }
  json.end_array();
  const double n = t.weeks > 0 ? t.weeks : 1;
  json.key("totals").begin_object()
      .field("weeks", t.weeks)
      .field("checked", t.checked)
      .field("proven_optimal", t.proven)
      .field("km_saved", t.current_km - t.suggested_km)
      .field("km_saved_per_week", (t.current_km - t.suggested_km) / n)
      .field("travel_hours_saved_per_week", (t.current_hours - t.suggested_hours) / n)
      .field("current_km_per_week", t.current_km / n)
      .field("recorded_km_per_week", t.recorded_km / n)
      .end_object().end_object();
  std::printf("%s\n", json.str().c_str());
}

void print_table(const std::vector<planning::WeekEvaluation>& weeks, const Totals& t) {
  std::printf("%-9s %9s %9s %9s %9s %8s %6s %8s %s\n", "semaine", "chantiers", "km actuel",
              "km suggéré", "économie", "relevés", "score", "contrôle", "plan actuel");
  for (const auto& w : weeks) {
    if (!w.found) {
      std::printf("%-9s %9zu  aucun plan ne respecte les contraintes\n", format_iso_week(w.monday).c_str(), w.sites);
      continue;
    }
    std::printf("%-9s %9zu %9s %9s %9s %8s %6s %8s %s\n", format_iso_week(w.monday).c_str(), w.planned,
                format_decimal_fr(w.current_km, 0).c_str(), format_decimal_fr(w.suggested_km, 0).c_str(),
                format_decimal_fr(w.current_km - w.suggested_km, 0).c_str(),
                format_decimal_fr(w.recorded_km, 0).c_str(), format_decimal_fr(w.score, 0).c_str(),
                w.checked ? "ok" : "ÉCHEC",
                w.current_violations == 0
                    ? "conforme"
                    : count_fr(w.current_violations, "contrainte enfreinte", "contraintes enfreintes").c_str());
  }
  const double n = t.weeks > 0 ? t.weeks : 1;
  std::printf("\nSur %d semaines : %s km économisés par semaine (%s h de trajet), contre %s km "
              "par semaine pour le plan historique ; %d plans sur %d validés par le contrôle "
              "indépendant, %d prouvés optimaux.\n",
              t.weeks, format_decimal_fr((t.current_km - t.suggested_km) / n, 0).c_str(),
              format_decimal_fr((t.current_hours - t.suggested_hours) / n, 1).c_str(),
              format_decimal_fr(t.current_km / n, 0).c_str(), t.checked, t.weeks, t.proven);
}

int run_eval_planner(Context& context, const EvalPlannerFlags& flags) {
  LocalDate before = paris_today();
  if (!flags.as_of.empty()) {
    const auto day = parse_iso_date(flags.as_of);
    if (!day) {
      std::fprintf(stderr, "vigie eval planner: --as-of: \"%s\" is not a date (YYYY-MM-DD)\n", flags.as_of.c_str());
      return kExitUsage;
    }
    before = *day;
  }
  auto history = planning::load_planning_history(context.store(), planning::WithTrips::yes);
  if (!history) return report_failure("eval planner", history.error());
  const auto weeks = planning::evaluate_planner(*history, before, flags.weeks, context.config().planning);
  const Totals totals = totals_of(weeks);
  if (flags.format == "json") print_json(weeks, totals);
  else print_table(weeks, totals);
  return totals.checked == totals.weeks ? kExitOk : kExitFailure;
}

}  // namespace

void add_eval_planner_command(CLI::App& eval, Context& context, int& exit_code) {
  auto* command = eval.add_subcommand("planner", "the planner on the company's past weeks, against its historical plan");
  auto flags = std::make_shared<EvalPlannerFlags>();
  command->add_option("--weeks", flags->weeks, "how many past weeks")
      ->check(CLI::Range(1, 520))->capture_default_str();
  command->add_option("--as-of", flags->as_of, "the weeks before the one holding this date (default: today)");
  command->add_option("--format", flags->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  command->callback([&context, &exit_code, flags] { exit_code = run_eval_planner(context, *flags); });
}

}  // namespace vigie::cli
