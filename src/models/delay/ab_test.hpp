// models/delay/ab_test.hpp
//
// A/B testing of delay model versions (issue 9, point 6). A share of the sites — chosen by a
// stable hash of the site id, so the same sites on every machine and after every restart — is
// scored by a challenger version beside the serving one (the champion). The challenger runs in
// the shadow: both predictions are stored (store::SiteScoreRow, with their arm), people see the
// champion's. Once sites complete, the two are compared on the same sites and days.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/config.hpp"
#include "models/binary_metrics.hpp"
#include "models/delay/prediction.hpp"
#include "models/delay/site_history.hpp"
#include "store/store.hpp"

namespace vigie::models {

inline constexpr std::string_view kChampionArm = "champion";
inline constexpr std::string_view kChallengerArm = "challenger";

// Whether the site is in the challenger's share: FNV-1a of its id, in ten-thousandths, below
// share × 10 000.
bool in_challenger_share(const std::string& site_id, double share);

// Predictions as rows to store, all of one arm, made on `day`.
std::vector<store::SiteScoreRow> score_rows(const std::vector<SitePrediction>& predictions,
                                            std::string_view arm, LocalDate day, Instant at);

// One version's metrics on the compared rows.
struct ArmMetrics {
  std::int64_t version = 0;
  Classification at_threshold;
  double brier = 0;
  double mae_days = 0;
};

struct VersionComparison {
  std::size_t sites = 0, rows = 0;  // completed sites both versions scored, and their site-days
  ArmMetrics a, b;
};

// Versions `a` and `b` on the (site, day) pairs that both scored and whose site has completed
// since (its outcome: late beyond `settings.late_tolerance_days`, days of delay).
VersionComparison compare_versions(const std::vector<store::SiteScoreRow>& scores, std::int64_t a,
                                   std::int64_t b, const CompanyHistory& history,
                                   const DelayModelSettings& settings);

// The same on every prediction the store kept up to `today` (the CLI's and the API's comparison).
Expected<VersionComparison> compare_stored_versions(const store::Store& store, std::int64_t a,
                                                    std::int64_t b, const CompanyHistory& history,
                                                    const DelayModelSettings& settings, LocalDate today);

// API field names: {"sites", "rows", "a": {"version", "precision", "recall", "f1", "brier",
// "mae_days"}, "b": {…}}.
std::string comparison_json(const VersionComparison& comparison);

}  // namespace vigie::models
