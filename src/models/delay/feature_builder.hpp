// models/delay/feature_builder.hpp
//
// The one computation of the delay model's features (models/delay/features.hpp), for training
// and for serving alike, so the two cannot drift apart. A FeatureBuilder takes a site's facts
// in time order and, at any date t, gives the features from the facts taken so far: fed every
// fact up to t and none after, it sees exactly what was known at t (no leakage from the future).
// features_at() does that for one date (serving); for_each_snapshot() walks a site once and
// stops at several dates (the training rows), with the same add() and at().
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "models/delay/completed_sites.hpp"
#include "models/delay/features.hpp"
#include "models/delay/site_history.hpp"

namespace vigie::models {

// What features read beyond the site's own facts.
struct FeatureContext {
  const CompanyHistory& history;         // persons' experience, teams' sizes
  const SimilarSites& similar;           // feature 15
  const std::vector<std::string>& regions;  // feature 18: a region's index (the model's list)
};

class FeatureBuilder {
 public:
  explicit FeatureBuilder(const SiteHistory& site) : site_(site) {}

  // Facts must come in time order.
  void add(const Fact& fact);
  // The features at t, from the facts added (all of them at or before t) and the site's photos
  // and timesheets up to t.
  FeatureRow at(Instant t, const FeatureContext& context, SiteFigures* figures = nullptr) const;

 private:
  struct Item {
    std::optional<Instant> opened_at, resolved_at;
    int severity = 0;   // 1–4, 0 unknown
    int category = -1;  // 0 safety, 1 technical, 2 material, 3 administrative
    bool design_office = false;
  };

  const SiteHistory& site_;
  const SiteRecordFacts* record_ = nullptr;
  double budget_total_ = 0, budget_material_ = 0;
  double spent_total_ = 0, spent_material_ = 0;
  double progress_ = -1;
  std::optional<Instant> progress_at_;
  double person_days_absent_ = 0;
  std::unordered_map<std::int32_t, Item> incidents_, requests_;
  int plan_modifications_ = 0;
  std::optional<Fact> weather_;
  int facts_ = 0;
};

// The features of `site` at t: every fact at or before t, none after.
FeatureRow features_at(const SiteHistory& site, Instant t, const FeatureContext& context,
                       SiteFigures* figures = nullptr);

// Walks the site's facts once and calls `visit(i, row)` at each instants[i] (sorted) with the
// features at that instant.
void for_each_snapshot(const SiteHistory& site, std::span<const Instant> instants,
                       const FeatureContext& context,
                       const std::function<void(std::size_t, const FeatureRow&)>& visit);

}  // namespace vigie::models
