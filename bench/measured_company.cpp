#include "bench/measured_company.hpp"

#include <vector>

#include "common/paris_time.hpp"

namespace vigie::bench {
namespace {

Expected<void> build_demo(const CompanyOptions& options, const std::string& data_dir, LocalDate end) {
  const std::vector<std::string> argv = {options.vigie_binary, "--data-dir", data_dir, "demo",
                                         "--sites", std::to_string(options.sites),
                                         "--years", std::to_string(options.years),
                                         "--seed", std::to_string(options.seed),
                                         "--end", format_iso_date(end)};
  const std::string log = data_dir + "-demo.log";
  auto demo = ChildProcess::spawn(argv, log);
  if (!demo) return demo.error();
  if (const int status = demo->wait(); status != 0) {
    return Error::make(ErrorCode::io, "vigie demo exited with status " + std::to_string(status) +
                                          " (see " + log + ")");
  }
  return {};
}

}  // namespace

Expected<MeasuredCompany> open_measured_company(const CompanyOptions& options,
                                                const Progress& progress) {
  auto work = TempDir::create(options.scratch_prefix);
  if (!work) return work.error();
  if (options.keep) work->keep();
  const LocalDate end =
      options.end.empty() ? paris_today() : parse_iso_date(options.end).value_or(paris_today());
  std::string data_dir = options.data_dir;
  if (data_dir.empty()) {
    data_dir = work->path() + "/vigie";
    say(progress, "building the demo company: " + std::to_string(options.sites) + " sites, " +
                      std::to_string(options.years) + " years, ending " + format_iso_date(end));
    if (auto built = build_demo(options, data_dir, end); !built) return built.error();
  }
  auto store = store::open_store({"sqlite", data_dir + "/vigie.sqlite", false});
  if (!store) return store.error();
  const auto count = (*store)->event_count();
  if (!count) return count.error();
  return MeasuredCompany{std::move(*work), end, std::move(*store), *count};
}

}  // namespace vigie::bench
