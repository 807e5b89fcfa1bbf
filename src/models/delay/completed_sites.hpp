// models/delay/completed_sites.hpp
//
// Completed sites: each one's outcome (the label of the delay model: late when actual_end is
// past planned_end by more than the tolerance; days of delay = max(0, actual_end − planned_end)),
// and the reference of feature 15, the mean delay of similar sites (same type and region)
// completed before a date. An outcome is read from the site's facts up to its completion, so
// that feature 15 at t uses nothing known after t.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/time.hpp"
#include "models/delay/site_history.hpp"

namespace vigie::models {

struct SiteOutcome {
  Instant completed_at{};  // the first fact that said the site was complete
  LocalDate actual_end{};
  LocalDate planned_end{};
  LocalDate planned_start{};
  std::string type;
  std::string region;
  int delay_days = 0;  // max(0, actual_end − planned_end)
};

// nullopt while the site is not complete (or was cancelled).
std::optional<SiteOutcome> site_outcome(const SiteHistory& site);

class SimilarSites {
 public:
  explicit SimilarSites(const CompanyHistory& history);

  // Mean delay in days of the sites of this type and region completed at or before t; when
  // fewer than kMinSimilar exist, of this type anywhere; nullopt when there are none.
  std::optional<double> mean_delay(const std::string& type, const std::string& region,
                                   Instant t) const;
  static constexpr int kMinSimilar = 3;

 private:
  struct Completions {
    std::vector<Instant> at;        // sorted
    std::vector<double> delay_sum;  // running sums, aligned with `at`
  };
  static void add(Completions& list, Instant at, int delay);
  static std::pair<int, double> count_before(const Completions& list, Instant t);

  std::map<std::pair<std::string, std::string>, Completions> by_type_region_;
  std::map<std::string, Completions> by_type_;
};

}  // namespace vigie::models
