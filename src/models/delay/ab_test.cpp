#include "models/delay/ab_test.hpp"

#include <cmath>
#include <map>
#include <set>

#include "common/fnv_hash.hpp"
#include "common/json_writer.hpp"
#include "models/delay/completed_sites.hpp"
#include "models/delay/training.hpp"

namespace vigie::models {
namespace {

constexpr std::uint64_t kShareSteps = 10'000;

std::string features_json(const FeatureRow& row) {
  JsonWriter json;
  json.begin_array();
  for (const float value : row.values) {
    if (std::isnan(value)) json.null();
    else json.value(static_cast<double>(value));
  }
  json.end_array();
  return json.take();
}

ArmMetrics metrics_of(std::int64_t version, const std::vector<double>& p_late,
                      const std::vector<double>& delay_days, const std::vector<bool>& late,
                      const std::vector<double>& actual_days, double threshold) {
  ArmMetrics m;
  m.version = version;
  m.at_threshold = classify(p_late, late, threshold);
  m.brier = brier(p_late, late);
  m.mae_days = mean_absolute_error(delay_days, actual_days);
  return m;
}

void write_arm(JsonWriter& json, const ArmMetrics& arm) {
  json.begin_object()
      .field("version", arm.version)
      .field("precision", arm.at_threshold.precision)
      .field("recall", arm.at_threshold.recall)
      .field("f1", arm.at_threshold.f1)
      .field("brier", arm.brier)
      .field("mae_days", arm.mae_days)
      .end_object();
}

}  // namespace

bool in_challenger_share(const std::string& site_id, double share) {
  const std::uint64_t step = Fnv1a{}.add(site_id).value % kShareSteps;
  return static_cast<double>(step) < share * static_cast<double>(kShareSteps);
}

std::vector<store::SiteScoreRow> score_rows(const std::vector<SitePrediction>& predictions,
                                            std::string_view arm, LocalDate day, Instant at) {
  std::vector<store::SiteScoreRow> rows;
  for (const SitePrediction& p : predictions) {
    store::SiteScoreRow& row = rows.emplace_back();
    row.model = std::string{kDelayModelName};
    row.version = p.model_version;
    row.arm = std::string{arm};
    row.site_id = p.site_id;
    row.day = day;
    row.scored_at = at;
    row.p_late = p.p_late;
    row.delay_days = p.delay_days;
    row.features = features_json(p.features);
  }
  return rows;
}

VersionComparison compare_versions(const std::vector<store::SiteScoreRow>& scores, std::int64_t a,
                                   std::int64_t b, const CompanyHistory& history,
                                   const DelayModelSettings& settings) {
  // (site, day) → each version's row.
  std::map<std::pair<std::string, std::int32_t>, std::pair<const store::SiteScoreRow*, const store::SiteScoreRow*>> pairs;
  for (const store::SiteScoreRow& row : scores) {
    if (row.version != a && row.version != b) continue;
    auto& pair = pairs[{row.site_id, days_since_epoch(row.day)}];
    (row.version == a ? pair.first : pair.second) = &row;
  }
  std::vector<double> pa, pb, da, db, actual;
  std::vector<bool> late;
  std::set<std::string> sites;
  for (const auto& [key, pair] : pairs) {
    if (pair.first == nullptr || pair.second == nullptr) continue;
    const SiteHistory* site = history.site(key.first);
    const auto outcome = site ? site_outcome(*site) : std::nullopt;
    if (!outcome) continue;  // not complete yet: no outcome to compare with
    const int overrun = days_since_epoch(outcome->actual_end) - days_since_epoch(outcome->planned_end);
    late.push_back(overrun > settings.late_tolerance_days);
    actual.push_back(outcome->delay_days);
    pa.push_back(pair.first->p_late);
    pb.push_back(pair.second->p_late);
    da.push_back(pair.first->delay_days);
    db.push_back(pair.second->delay_days);
    sites.insert(key.first);
  }
  VersionComparison out;
  out.sites = sites.size();
  out.rows = late.size();
  out.a = metrics_of(a, pa, da, late, actual, settings.threshold);
  out.b = metrics_of(b, pb, db, late, actual, settings.threshold);
  return out;
}

Expected<VersionComparison> compare_stored_versions(const store::Store& store, std::int64_t a,
                                                    std::int64_t b, const CompanyHistory& history,
                                                    const DelayModelSettings& settings, LocalDate today) {
  auto scores = store.site_scores(std::string{kDelayModelName}, LocalDate{std::chrono::year{2000} / 1 / 1}, today);
  if (!scores) return scores.error();
  return compare_versions(*scores, a, b, history, settings);
}

std::string comparison_json(const VersionComparison& comparison) {
  JsonWriter json;
  json.begin_object()
      .field("sites", static_cast<std::uint64_t>(comparison.sites))
      .field("rows", static_cast<std::uint64_t>(comparison.rows));
  json.key("a");
  write_arm(json, comparison.a);
  json.key("b");
  write_arm(json, comparison.b);
  json.end_object();
  return json.take();
}

}  // namespace vigie::models
