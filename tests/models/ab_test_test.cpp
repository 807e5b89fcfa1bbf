// A/B testing of delay versions (models/delay/ab_test.hpp): the challenger's share is a pure
// function of the site id — the same values as FNV-1a computed apart (Python), so the same sites
// after every restart and on every machine — and about the share asked; two versions compared on
// the site-days both scored whose site has completed, with metrics worked by hand.
#include <gtest/gtest.h>

#include "models/delay/ab_test.hpp"
#include "support/tiny_company.hpp"

namespace vigie::models {
namespace {

using namespace std::chrono;

TEST(AbTest, TheChallengersShareIsAStableHashOfTheSiteId) {
  // FNV-1a 64 of the id, modulo 10 000 (computed in Python): 001 → 8965, 003 → 2543,
  // 006 → 1488, 007 → 9699.
  EXPECT_FALSE(in_challenger_share("CH-2026-001", 0.3));
  EXPECT_TRUE(in_challenger_share("CH-2026-003", 0.3));
  EXPECT_TRUE(in_challenger_share("CH-2026-006", 0.3));
  EXPECT_FALSE(in_challenger_share("CH-2026-003", 0.2));
  EXPECT_TRUE(in_challenger_share("CH-2026-006", 0.2));
  EXPECT_FALSE(in_challenger_share("CH-2026-007", 0.9));
  EXPECT_TRUE(in_challenger_share("CH-2026-007", 0.97));
  EXPECT_FALSE(in_challenger_share("CH-2026-006", 0));
  int in = 0;
  for (int i = 0; i < 10'000; ++i) in += in_challenger_share("S-" + std::to_string(i), 0.2) ? 1 : 0;
  EXPECT_EQ(in, 1946);  // also from Python
}

store::SiteScoreRow score(std::int64_t version, const std::string& site, LocalDate day, double p, double days) {
  store::SiteScoreRow row;
  row.model = "delay";
  row.version = version;
  row.arm = version == 1 ? "champion" : "challenger";
  row.site_id = site;
  row.day = day;
  row.p_late = p;
  row.delay_days = days;
  row.features = "[]";
  return row;
}

TEST(AbTest, VersionsAreComparedOnTheSameCompletedSitesAndDays) {
  // CH-1 ends 10 days late, CH-2 on time, CH-3 is still going (planned end 18/12/2026).
  CompanyHistory history;
  using testing::event_from;
  for (const std::string& json :
       {testing::site_json("s1", "CH-1", "2026-01-05T08:00:00+01:00"),
        testing::site_json("s2", "CH-2", "2026-01-05T08:00:00+01:00"),
        testing::site_json("s3", "CH-3", "2026-01-05T08:00:00+01:00"),
        testing::completed_json("c1", "CH-1", "2026-12-28T17:00:00+01:00", "2026-12-28"),
        testing::completed_json("c2", "CH-2", "2026-12-18T17:00:00+01:00", "2026-12-18")}) {
    history.apply(event_from(json));
  }
  history.sort();
  const LocalDate d1 = 2026y / December / 1d, d2 = 2026y / December / 2d;
  const std::vector<store::SiteScoreRow> scores = {
      score(1, "CH-1", d1, 0.9, 8), score(2, "CH-1", d1, 0.3, 1),
      score(1, "CH-2", d1, 0.2, 0), score(2, "CH-2", d1, 0.6, 4),
      score(1, "CH-3", d1, 0.5, 3), score(2, "CH-3", d1, 0.5, 3),  // no outcome yet
      score(2, "CH-1", d2, 0.9, 9),                                // version 1 did not score it
      score(3, "CH-2", d1, 0.0, 0),                                // another version
  };
  const VersionComparison c = compare_versions(scores, 1, 2, history, DelayModelSettings{});
  EXPECT_EQ(c.sites, 2u);
  EXPECT_EQ(c.rows, 2u);
  // Version 1: CH-1 late at 0.9, CH-2 on time at 0.2 — both right. Brier (0.1² + 0.2²) / 2,
  // delay errors 2 and 0 days.
  EXPECT_EQ(c.a.version, 1);
  EXPECT_DOUBLE_EQ(c.a.at_threshold.f1, 1.0);
  EXPECT_NEAR(c.a.brier, 0.025, 1e-12);
  EXPECT_NEAR(c.a.mae_days, 1.0, 1e-12);
  // Version 2: both wrong. Brier (0.7² + 0.6²) / 2, errors 9 and 4 days.
  EXPECT_EQ(c.b.version, 2);
  EXPECT_DOUBLE_EQ(c.b.at_threshold.f1, 0.0);
  EXPECT_NEAR(c.b.brier, 0.425, 1e-12);
  EXPECT_NEAR(c.b.mae_days, 6.5, 1e-12);
  EXPECT_EQ(comparison_json(c).substr(0, 26), R"({"sites":2,"rows":2,"a":{")");
}

}  // namespace
}  // namespace vigie::models
