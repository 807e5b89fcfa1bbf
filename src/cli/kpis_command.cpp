// `vigie kpis [--period P | --from D --to D] [--as-of D] [--region R] [--manager P] [--type T]
// [--team T] [--status S] [--format table|json] [--rebuild]`: the 15 KPIs of kpis.md as a
// French table or as the API's JSON. Reads the KPI snapshot and folds the events stored since
// (kpi/company_loader.hpp); --rebuild folds every event and writes a fresh snapshot first.
#include <cstdio>
#include <memory>

#include "cli/company_settings.hpp"
#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "cli/kpis_table.hpp"
#include "common/paris_time.hpp"
#include "kpi/budget_alerts.hpp"
#include "kpi/company_loader.hpp"
#include "kpi/report_json.hpp"

namespace vigie::cli {
namespace {

struct KpisFlags {
  std::string period = "month";
  std::string from, to, as_of;
  kpi::Scope scope;
  std::string status;
  std::string format = "table";
  bool rebuild = false;
};

int run_kpis(Context& context, KpisFlags flags) {
  const auto periods =
      kpi::resolve_periods({flags.period, flags.from, flags.to, flags.as_of}, paris_today());
  if (!periods) {
    const Error& error = periods.error();
    std::fprintf(stderr, "vigie kpis: --%s: %s\n",
                 error.field == "as_of" ? "as-of" : error.field.c_str(), error.message.c_str());
    return kExitUsage;
  }
  if (!flags.status.empty()) flags.scope.status = kpi::parse_site_status(flags.status);
  kpi::LoadOptions load;
  load.snapshot_path = context.config().kpi_snapshot_path();
  load.rebuild = flags.rebuild;
  auto loaded = kpi::load_company(context.store(), company_settings(context.config()), load, context.quiet_log());
  if (!loaded) {
    std::fprintf(stderr, "vigie: %s\n", loaded.error().describe().c_str());
    return kExitFailure;
  }
  if (flags.rebuild && loaded->save_error) {  // the one job --rebuild adds: say it failed
    std::fprintf(stderr, "vigie kpis: the snapshot was not written: %s\n",
                 loaded->save_error->describe().c_str());
    return kExitFailure;
  }
  auto alerts = kpi::alerts_of_periods(context.store(), periods->periods);
  if (!alerts) {
    std::fprintf(stderr, "vigie: %s\n", alerts.error().describe().c_str());
    return kExitFailure;
  }
  const auto [current, previous] = kpi::outside_figures(loaded->company, flags.scope, periods->periods, *alerts);
  const kpi::KpiReport report = kpi::compute_report(loaded->company, flags.scope, periods->periods,
                                                    periods->as_of, {}, current, previous);
  const std::string text =
      flags.format == "json" ? kpi::report_json(report) + "\n" : kpis_table(report);
  std::fputs(text.c_str(), stdout);
  return kExitOk;
}

}  // namespace

void add_kpis_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("kpis", "the 15 KPIs for a scope and a period");
  auto flags = std::make_shared<KpisFlags>();
  command->add_option("--period", flags->period, "day, week, month, quarter or year ending at --as-of")
      ->check(CLI::IsMember({"day", "week", "month", "quarter", "year"}))->capture_default_str();
  command->add_option("--from", flags->from, "first day of a range (YYYY-MM-DD)");
  command->add_option("--to", flags->to, "last day of a range (YYYY-MM-DD)");
  command->add_option("--as-of", flags->as_of, "the date seen as today (default: today, Paris)");
  command->add_option("--region", flags->scope.region, "only the sites of this region");
  command->add_option("--manager", flags->scope.manager, "only the sites of this manager (P-…)");
  command->add_option("--type", flags->scope.type, "only the sites of this type")
      ->check(CLI::IsMember({"residentiel", "tertiaire", "industriel", "commercial"}));
  command->add_option("--team", flags->scope.team, "only the sites of this team (T-…)");
  command->add_option("--status", flags->status, "only the sites with this status at the end")
      ->check(CLI::IsMember({"planned", "active", "suspended", "completed", "cancelled"}));
  command->add_option("--format", flags->format, "table or json")
      ->check(CLI::IsMember({"table", "json"}))->capture_default_str();
  command->add_flag("--rebuild", flags->rebuild,
                    "fold every stored event, ignoring the KPI snapshot, and write a fresh one");
  command->callback([&context, &exit_code, flags] { exit_code = run_kpis(context, *flags); });
}

}  // namespace vigie::cli
