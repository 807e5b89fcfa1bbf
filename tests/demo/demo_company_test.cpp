#include "demo/demo_company.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "events/parse.hpp"

namespace vigie::demo {
namespace {

constexpr LocalDate kEnd{std::chrono::year{2026}, std::chrono::March, std::chrono::day{31}};

struct DemoRun {
  std::vector<std::string> lines;
  std::vector<events::Event> events;  // the lines that parsed, in order
  std::vector<std::string> refusals;  // "reason: line" for the others
  DemoSummary summary;
};

DemoRun run_demo(std::uint64_t seed, int sites, int years) {
  DemoRun out;
  out.summary = generate({.seed = seed, .sites = sites, .years = years, .end = kEnd},
                         [&](std::string_view json) { out.lines.emplace_back(json); });
  for (const std::string& line : out.lines) {
    auto event = events::parse_event(line);
    if (event) {
      out.events.push_back(std::move(*event));
    } else {
      out.refusals.push_back(event.error().describe() + ": " + line);
    }
  }
  return out;
}

const DemoRun& small_run() {
  static const DemoRun kRun = run_demo(7, 5, 1);
  return kRun;
}

// Large enough that every rare type (relabels, suspensions, budget revisions…) occurs.
const DemoRun& medium_run() {
  static const DemoRun kRun = run_demo(3, 20, 1);
  return kRun;
}

TEST(DemoCompany, SameSeedGivesSameBytes) {
  const DemoRun again = run_demo(7, 5, 1);
  ASSERT_EQ(again.lines.size(), small_run().lines.size());
  EXPECT_TRUE(again.lines == small_run().lines);
  EXPECT_EQ(again.summary.events, small_run().lines.size());
}

TEST(DemoCompany, OtherSeedGivesOtherEvents) {
  const DemoRun other = run_demo(8, 5, 1);
  EXPECT_FALSE(other.lines == small_run().lines);
}

TEST(DemoCompany, EveryLinePassesValidation) {
  for (const DemoRun* run : {&small_run(), &medium_run()}) {
    EXPECT_FALSE(run->lines.empty());
    for (const std::string& refusal : run->refusals) ADD_FAILURE() << refusal;
  }
}

TEST(DemoCompany, CoversEveryTypeOfTheCatalogue) {
  std::set<events::EventType> seen;
  for (const events::Event& event : medium_run().events) seen.insert(event.type);
  for (std::size_t i = 0; i < events::kEventTypeCount; ++i) {
    const auto type = static_cast<events::EventType>(i);
    if (events::is_vigie_only(type)) continue;  // the server writes them, not the senders
    EXPECT_TRUE(seen.contains(type)) << events::kTypeNames[i];
  }
}

TEST(DemoCompany, EventsComeInTimeOrderWithUniqueIds) {
  std::set<std::string> ids;
  Instant previous{};
  for (const events::Event& event : medium_run().events) {
    EXPECT_LE(previous, event.occurred_at) << event.raw;
    previous = event.occurred_at;
    EXPECT_TRUE(ids.insert(event.id).second) << "duplicate id " << event.id;
  }
}

TEST(DemoCompany, ReferenceDataAndSitesComeBeforeTheEventsThatNameThem) {
  std::set<std::string> sites;
  std::set<std::string> people;
  for (const events::Event& event : medium_run().events) {
    if (event.type == events::EventType::person_upserted) {
      people.insert(event.data.substr(7, event.data.find('"', 7) - 7));  // {"id":"P-0001"…
    }
    if (event.type == events::EventType::site_upserted) sites.insert(event.site_id);
    if (!events::is_siteless(event.type)) {
      EXPECT_TRUE(sites.contains(event.site_id)) << event.raw;
    }
    if (!event.actor_id.empty()) {
      EXPECT_TRUE(people.contains(event.actor_id)) << event.raw;
    }
  }
}

TEST(DemoCompany, GivesOneTruthPerSiteWithAProbability) {
  std::set<std::string> upserted;
  for (const events::Event& event : medium_run().events) {
    if (event.type == events::EventType::site_upserted) upserted.insert(event.site_id);
  }
  const DemoSummary& summary = medium_run().summary;
  ASSERT_EQ(summary.truth.size(), 20u);
  std::set<std::string> truth_ids;
  for (const SiteTruth& truth : summary.truth) {
    truth_ids.insert(truth.site_id);
    EXPECT_GE(truth.p_late, 0.0);
    EXPECT_LE(truth.p_late, 1.0);
    EXPECT_GE(truth.expected_delay_days, 0.0);
    EXPECT_EQ(truth.late, truth.delay_days > 0);
  }
  EXPECT_EQ(truth_ids, upserted);
}

TEST(DemoCompany, NoSitesGivesNoEvents) {
  const DemoRun empty = run_demo(1, 0, 1);
  EXPECT_TRUE(empty.lines.empty());
  EXPECT_TRUE(empty.summary.truth.empty());
}

}  // namespace
}  // namespace vigie::demo
