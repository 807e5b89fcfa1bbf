#include "models/delay/completed_sites.hpp"

#include <algorithm>

namespace vigie::models {

std::optional<SiteOutcome> site_outcome(const SiteHistory& site) {
  const SiteRecordFacts* record = nullptr;
  for (const Fact& fact : site.facts) {
    std::optional<LocalDate> end;
    if (fact.kind == FactKind::site_record) {
      record = &site.records[static_cast<std::size_t>(fact.key)];
      if (record->status == "completed") end = record->actual_end;
    } else if (fact.kind == FactKind::completed) {
      end = date_from_days(fact.key);
    }
    if (!end || record == nullptr) continue;
    SiteOutcome outcome{fact.at, *end, record->planned_end, record->planned_start,
                        record->type, record->region, 0};
    outcome.delay_days =
        std::max(0, days_since_epoch(*end) - days_since_epoch(record->planned_end));
    return outcome;
  }
  return std::nullopt;
}

SimilarSites::SimilarSites(const CompanyHistory& history) {
  std::vector<SiteOutcome> outcomes;
  for (const auto& site : history.sites()) {
    if (auto outcome = site_outcome(site)) outcomes.push_back(std::move(*outcome));
  }
  std::sort(outcomes.begin(), outcomes.end(),
            [](const SiteOutcome& a, const SiteOutcome& b) { return a.completed_at < b.completed_at; });
  for (const auto& outcome : outcomes) {
    add(by_type_region_[{outcome.type, outcome.region}], outcome.completed_at, outcome.delay_days);
    add(by_type_[outcome.type], outcome.completed_at, outcome.delay_days);
  }
}

void SimilarSites::add(Completions& list, Instant at, int delay) {
  list.at.push_back(at);
  list.delay_sum.push_back((list.delay_sum.empty() ? 0.0 : list.delay_sum.back()) + delay);
}

std::pair<int, double> SimilarSites::count_before(const Completions& list, Instant t) {
  const auto end = std::upper_bound(list.at.begin(), list.at.end(), t);
  const auto n = static_cast<int>(end - list.at.begin());
  return {n, n == 0 ? 0.0 : list.delay_sum[static_cast<std::size_t>(n - 1)]};
}

std::optional<double> SimilarSites::mean_delay(const std::string& type, const std::string& region,
                                               Instant t) const {
  if (const auto found = by_type_region_.find({type, region}); found != by_type_region_.end()) {
    const auto [n, sum] = count_before(found->second, t);
    if (n >= kMinSimilar) return sum / n;
  }
  if (const auto found = by_type_.find(type); found != by_type_.end()) {
    const auto [n, sum] = count_before(found->second, t);
    if (n > 0) return sum / n;
  }
  return std::nullopt;
}

}  // namespace vigie::models
