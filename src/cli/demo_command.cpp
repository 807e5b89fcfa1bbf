// `vigie demo [--seed N] [--sites 100] [--years 3] [--end YYYY-MM-DD]`: builds the demo company
// into the store of the data directory (which must hold no event yet).
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "cli/context.hpp"
#include "cli/demo_builder.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "common/paris_time.hpp"

namespace vigie::cli {
namespace {

struct DemoFlags {
  std::uint64_t seed = 1;
  int sites = 100;
  int years = 3;
  std::string end;
};

int run_demo(Context& context, const DemoFlags& flags) {
  demo::DemoOptions options{flags.seed, flags.sites, flags.years, paris_today()};
  if (!flags.end.empty()) {
    const auto end = parse_iso_date(flags.end);
    if (!end) {
      std::fprintf(stderr, "vigie: --end: must be a date YYYY-MM-DD\n");
      return kExitUsage;
    }
    options.end = *end;
  }
  context.lock_data_dir("demo");
  if (const int refused = context.require_empty_store("demo"); refused != kExitOk) return refused;
  store::Store& store = context.store();
  ingest::Pipeline pipeline(store, {context.config().group_commit_max_events});
  const bool tty = isatty(STDERR_FILENO) != 0;
  auto report = build_demo(store, pipeline, options, [tty](std::uint64_t events) {
    if (tty) std::fprintf(stderr, "\rdémo : %llu événements", static_cast<unsigned long long>(events));
  });
  if (tty) std::fputc('\n', stderr);
  if (!report) {
    std::fprintf(stderr, "vigie: %s\n", report.error().describe().c_str());
    return kExitFailure;
  }
  auto archived = context.archive_pending();
  if (!archived) {
    std::fprintf(stderr, "vigie: raw archive: %s\n", archived.error().describe().c_str());
    return kExitFailure;
  }
  std::printf("démo : %s enregistrés (%s, %s, graine %llu, fin le %s) en %s s\n",
              count_fr(report->accepted, "événement", "événements").c_str(),
              count_fr(static_cast<std::uint64_t>(options.sites), "chantier", "chantiers").c_str(),
              count_fr(static_cast<std::uint64_t>(options.years), "an", "ans").c_str(),
              static_cast<unsigned long long>(options.seed), format_date_fr(options.end).c_str(),
              format_decimal_fr(report->seconds, 1).c_str());
  return kExitOk;
}

}  // namespace

void add_demo_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("demo", "build the demo company into an empty store");
  auto flags = std::make_shared<DemoFlags>();
  command->add_option("--seed", flags->seed, "random seed (same seed, same events)");
  command->add_option("--sites", flags->sites, "number of sites")->check(CLI::Range(1, 100000));
  command->add_option("--years", flags->years, "years of history")->check(CLI::Range(1, 20));
  command->add_option("--end", flags->end, "last simulated day (default: today, Paris)");
  command->callback([&context, &exit_code, flags] { exit_code = run_demo(context, *flags); });
}

}  // namespace vigie::cli
