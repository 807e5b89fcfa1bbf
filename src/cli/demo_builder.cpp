#include "cli/demo_builder.hpp"

#include <chrono>

#include "common/paris_time.hpp"
#include "events/parse.hpp"

namespace vigie::cli {
namespace {

constexpr std::size_t kChunkEvents = 20'000;

std::vector<store::DemoTruthRow> truth_rows(const std::vector<demo::SiteTruth>& truth) {
  std::vector<store::DemoTruthRow> rows;
  rows.reserve(truth.size());
  for (const auto& site : truth) {
    rows.push_back({site.site_id, site.p_late, site.expected_delay_days, site.late, site.delay_days});
  }
  return rows;
}

}  // namespace

Expected<DemoBuildReport> build_demo(store::Store& store, ingest::Pipeline& pipeline,
                                     const demo::DemoOptions& options,
                                     const std::function<void(std::uint64_t)>& progress) {
  const auto started = std::chrono::steady_clock::now();
  DemoBuildReport report;
  std::vector<events::Event> chunk;
  chunk.reserve(kChunkEvents);
  std::optional<Error> failure;
  auto flush = [&] {
    if (chunk.empty() || failure) return;
    auto result = pipeline.submit_events(std::move(chunk), report.generated - chunk.size());
    chunk.clear();
    if (!result) {
      failure = result.error();
      return;
    }
    report.accepted += result->accepted;
    report.duplicates += result->duplicates;
    report.refused += result->refused.size();
    if (!result->refused.empty() && !failure) {
      failure = Error::make(ErrorCode::internal, "the demo generated an invalid event: " +
                                                     result->refused.front().error.describe());
    }
    if (progress) progress(report.generated);
  };
  const demo::DemoSummary summary = demo::generate(options, [&](std::string_view json) {
    ++report.generated;
    auto event = events::parse_event(json);
    if (!event) {
      if (!failure) {
        failure = Error::make(ErrorCode::internal,
                              "the demo generated an invalid event: " + event.error().describe());
      }
      return;
    }
    chunk.push_back(std::move(*event));
    if (chunk.size() >= kChunkEvents) flush();
  });
  flush();
  if (failure) return *failure;
  auto truth = store.put_demo_truth(truth_rows(summary.truth));
  if (!truth) return truth.error();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return report;
}

Expected<void> build_demo_if_empty(store::Store& store, ingest::Pipeline& pipeline,
                                   const Config&, const Logger& log) {
  auto count = store.event_count();
  if (!count) return count.error();
  if (*count > 0) return {};
  demo::DemoOptions options;
  options.end = paris_today();
  log.info("building the demo company", {{"sites", static_cast<std::int64_t>(options.sites)},
                                         {"years", static_cast<std::int64_t>(options.years)}});
  auto report = build_demo(store, pipeline, options, {});
  if (!report) return report.error();
  log.info("demo company built", {{"events", static_cast<std::int64_t>(report->accepted)},
                                  {"seconds", report->seconds}});
  return {};
}

}  // namespace vigie::cli
