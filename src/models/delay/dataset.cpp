#include "models/delay/dataset.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <set>

#include "common/paris_time.hpp"

namespace vigie::models {
namespace {

constexpr int kSnapshotHour = 18;
// Fewer sites than this on either side of the split and the metrics would mean nothing.
constexpr std::size_t kMinTrainSites = 10;
constexpr std::size_t kMinTestSites = 5;

struct Completed {
  std::size_t site;
  SiteOutcome outcome;
};

std::optional<LocalDate> start_day(const SiteHistory& site) {
  std::optional<LocalDate> planned;
  for (const Fact& fact : site.facts) {
    if (fact.kind != FactKind::site_record) continue;
    const auto& record = site.records[static_cast<std::size_t>(fact.key)];
    if (record.status == "active") return paris_date(fact.at);
    if (!planned) planned = record.planned_start;
  }
  return planned;
}

}  // namespace

std::vector<std::string> regions_of(const CompanyHistory& history) {
  std::set<std::string> regions;
  for (const auto& site : history.sites()) {
    for (const auto& record : site.records) regions.insert(record.region);
  }
  return {regions.begin(), regions.end()};
}

std::vector<Instant> snapshot_instants(const SiteHistory& site, Instant until, int every_days) {
  std::vector<Instant> instants;
  const auto first = start_day(site);
  if (!first) return instants;
  for (auto day = std::chrono::sys_days{*first};; day += std::chrono::days{every_days}) {
    const Instant t = paris_instant(LocalDate{day}, kSnapshotHour, 0);
    if (t >= until) break;
    instants.push_back(t);
  }
  return instants;
}

Expected<DelayDataset> build_delay_dataset(const CompanyHistory& history, const SimilarSites& similar,
                                           const DatasetOptions& options) {
  std::vector<Completed> completed;
  for (std::size_t i = 0; i < history.sites().size(); ++i) {
    auto outcome = site_outcome(history.sites()[i]);
    if (!outcome || (options.as_of && outcome->completed_at > *options.as_of)) continue;
    completed.push_back({i, std::move(*outcome)});
  }
  std::sort(completed.begin(), completed.end(), [](const Completed& a, const Completed& b) {
    return std::pair{a.outcome.actual_end, a.outcome.completed_at} <
           std::pair{b.outcome.actual_end, b.outcome.completed_at};
  });
  if (completed.size() < kMinTrainSites + kMinTestSites) {
    return Error::invalid("sites", "only " + std::to_string(completed.size()) +
                                       " completed sites; the delay model needs at least " +
                                       std::to_string(kMinTrainSites + kMinTestSites));
  }

  DelayDataset data;
  data.regions = options.regions ? *options.regions : regions_of(history);
  data.first_end = completed.front().outcome.actual_end;
  data.last_end = completed.back().outcome.actual_end;
  std::size_t first_test = completed.size() -
      static_cast<std::size_t>(std::ceil(options.test_share * static_cast<double>(completed.size())));
  if (options.cut) {
    first_test = static_cast<std::size_t>(
        std::find_if(completed.begin(), completed.end(),
                     [&](const Completed& c) { return c.outcome.actual_end >= *options.cut; }) -
        completed.begin());
  }
  // Sites ending on the cut day all go to the test side.
  while (first_test > 0 && first_test < completed.size() &&
         completed[first_test - 1].outcome.actual_end == completed[first_test].outcome.actual_end) {
    --first_test;
  }
  if (first_test < kMinTrainSites || completed.size() - first_test < kMinTestSites) {
    return Error::invalid("cut", "the time split leaves " + std::to_string(first_test) +
                                     " training and " + std::to_string(completed.size() - first_test) +
                                     " test sites; at least " + std::to_string(kMinTrainSites) +
                                     " and " + std::to_string(kMinTestSites) + " are needed");
  }
  data.cut = completed[first_test].outcome.actual_end;
  const auto validation_sites = std::max<std::size_t>(
      1, static_cast<std::size_t>(std::round(options.validation_share * static_cast<double>(first_test))));
  const std::size_t first_validation = first_test - validation_sites;
  data.train_sites = first_validation;
  data.validation_sites = validation_sites;
  data.test_sites = completed.size() - first_test;

  const FeatureContext context{history, similar, data.regions};
  for (std::size_t c = 0; c < completed.size(); ++c) {
    const auto& [index, outcome] = completed[c];
    const SiteHistory& site = history.sites()[index];
    auto& rows = c < first_validation ? data.train : c < first_test ? data.validation : data.test;
    Instant until = outcome.completed_at;
    if (options.as_of) until = std::min(until, *options.as_of);
    const auto instants = snapshot_instants(site, until, options.snapshot_every_days);
    const int overrun = days_since_epoch(outcome.actual_end) - days_since_epoch(outcome.planned_end);
    for_each_snapshot(site, instants, context, [&](std::size_t i, const FeatureRow& row) {
      rows.push_back(DelayRow{index, instants[i], row, overrun > options.late_tolerance_days,
                              static_cast<double>(outcome.delay_days)});
    });
  }
  return data;
}

}  // namespace vigie::models
