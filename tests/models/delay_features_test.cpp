// The delay model's features at a date (models/delay/feature_builder.hpp), on the demo company of the
// KPI tests (20 sites, 2 years): features at t computed from the whole history equal those
// computed from a history cut at t (no leakage: events after t change nothing, be they the
// site's own, another site's completion or a person's new record); the training walk gives the
// serving figures; and counts agree with the raw events counted here independently.
#include "models/delay/feature_builder.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <set>

#include "common/paris_time.hpp"
#include "events/data_fields.hpp"
#include "support/kpi_demo.hpp"
#include "support/random.hpp"

namespace vigie::models {
namespace {

struct Folded {
  CompanyHistory history;
  std::unique_ptr<SimilarSites> similar;
  std::vector<std::string> regions;
  FeatureContext context() const { return {history, *similar, regions}; }
};

std::unique_ptr<Folded> fold(std::span<const events::Event> events, std::optional<Instant> until) {
  auto folded = std::make_unique<Folded>();
  for (const auto& event : events) {
    if (!until || event.occurred_at <= *until) folded->history.apply(event);
  }
  folded->history.sort();
  folded->similar = std::make_unique<SimilarSites>(folded->history);
  folded->regions = {"Ain", "Isère", "Rhône", "Savoie", "Haute-Savoie", "Loire"};
  return folded;
}

const testing::KpiDemo& demo() {
  static const testing::KpiDemo loaded = testing::load_kpi_demo();
  return loaded;
}

std::string describe(const FeatureRow& row) {
  std::string text;
  for (std::size_t i = 0; i < kFeatureCount; ++i) {
    text += std::string{kFeatureNames[i]} + "=" + std::to_string(row.values[i]) + " ";
  }
  return text;
}

TEST(DelayFeatures, EventsAfterTheDateChangeNoFeature) {
  const auto& events = demo().events;
  ASSERT_FALSE(events.empty());
  const auto whole = fold(events, std::nullopt);
  auto random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  const Instant first = events.front().occurred_at;
  const Instant last = events.back().occurred_at;
  const auto span_ms = (last - first).count();
  int compared = 0;
  for (int round = 0; round < 6; ++round) {
    const Instant t = first + std::chrono::milliseconds{random.integer(span_ms / 5, span_ms)};
    const auto cut = fold(events, t);
    for (const auto& site : cut->history.sites()) {
      SiteFigures seen_whole, seen_cut;
      const FeatureRow from_whole =
          features_at(*whole->history.site(site.id), t, whole->context(), &seen_whole);
      const FeatureRow from_cut = features_at(site, t, cut->context(), &seen_cut);
      EXPECT_EQ(from_whole, from_cut) << site.id << " at " << format_rfc3339_utc(t) << "\nwhole: "
                                      << describe(from_whole) << "\ncut:   " << describe(from_cut);
      EXPECT_EQ(seen_whole.events_seen, seen_cut.events_seen);
      ++compared;
    }
  }
  EXPECT_GT(compared, 40);
}

TEST(DelayFeatures, TheTrainingWalkGivesTheServingFigures) {
  const auto whole = fold(demo().events, std::nullopt);
  int compared = 0;
  for (const auto& site : whole->history.sites()) {
    if (site.facts.size() < 2) continue;
    std::vector<Instant> instants;
    for (Instant t = site.facts.front().at; t <= site.facts.back().at; t += std::chrono::days{17}) {
      instants.push_back(t);
    }
    for_each_snapshot(site, instants, whole->context(), [&](std::size_t i, const FeatureRow& row) {
      EXPECT_EQ(row, features_at(site, instants[i], whole->context())) << site.id << " #" << i;
      ++compared;
    });
  }
  EXPECT_GT(compared, 200);
}

// Counts read straight from the events, as a person would: incidents opened, photos of the last
// 14 days, plan changes, and the budget consumed.
TEST(DelayFeatures, CountsMatchTheRawEvents) {
  const auto& events = demo().events;
  const auto whole = fold(events, std::nullopt);
  const Instant t = events[events.size() * 3 / 4].occurred_at;
  for (const auto& site : whole->history.sites()) {
    std::set<std::string> incidents;
    int photos = 0, plans = 0;
    double spent = 0, budget = 0;
    Instant budget_at{};
    for (const auto& event : events) {
      if (event.site_id != site.id || event.occurred_at > t) continue;
      const auto data = events::DataFields::of(event);
      ASSERT_TRUE(data);
      using events::EventType;
      if (event.type == EventType::incident_opened) incidents.insert(std::string{data->text("incident_id")});
      if (event.type == EventType::photo_uploaded && event.occurred_at > t - std::chrono::days{14}) ++photos;
      if (event.type == EventType::plan_modified) ++plans;
      if (event.type == EventType::expense_recorded) spent += *data->number("amount");
      if ((event.type == EventType::site_upserted || event.type == EventType::budget_revised) &&
          event.occurred_at >= budget_at) {
        budget = *data->number("budget_total");
        budget_at = event.occurred_at;
      }
    }
    const FeatureRow row = features_at(site, t, whole->context());
    EXPECT_EQ(row[Feature::incidents_total], static_cast<float>(incidents.size())) << site.id;
    EXPECT_EQ(row[Feature::photos_14d], static_cast<float>(photos)) << site.id;
    EXPECT_EQ(row[Feature::plan_modifications], static_cast<float>(plans)) << site.id;
    if (budget > 0) {
      EXPECT_NEAR(row[Feature::budget_consumed_pct], 100.0 * spent / budget, 0.01) << site.id;
    }
  }
}

TEST(DelayFeatures, SeasonAndWeekdayFollowTheParisCalendar) {
  const CompanyHistory empty;
  const SimilarSites similar(empty);
  const std::vector<std::string> regions;
  SiteHistory site;
  site.id = "CH-X";
  // Tuesday 1 December 2026, 00:30 in Paris, still Monday 30 November in UTC.
  const Instant t = paris_instant(LocalDate{std::chrono::year{2026}, std::chrono::December, std::chrono::day{1}}, 0, 30);
  const FeatureRow row = features_at(site, t, {empty, similar, regions});
  EXPECT_EQ(row[Feature::weekday], 2.0f);
  EXPECT_EQ(row[Feature::season], 0.0f);
  EXPECT_TRUE(std::isnan(row[Feature::budget_total]));
}

}  // namespace
}  // namespace vigie::models
