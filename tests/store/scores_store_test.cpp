// Stored predictions and the promotions' history (store migration 6): a day's prediction of a
// version and site replaced by a later one of the same day, read back by day range in order; the
// promotions oldest first, a version promoted twice listed twice.
#include <gtest/gtest.h>

#include <chrono>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::store {
namespace {

using namespace std::chrono;

SiteScoreRow row(std::int64_t version, const std::string& site, LocalDate day, double p) {
  SiteScoreRow r;
  r.model = "delay";
  r.version = version;
  r.arm = version == 2 ? "challenger" : "champion";
  r.site_id = site;
  r.day = day;
  r.scored_at = Instant{sys_days{day}} + 1h;
  r.p_late = p;
  r.delay_days = 10 * p;
  r.features = "[1,null,2.5]";
  return r;
}

TEST(ScoresStore, ADaysPredictionIsReplacedAndRangesReadInOrder) {
  const testing::TempDir dir;
  auto opened = open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(opened);
  Store& s = **opened;
  const LocalDate d1 = 2026y / December / 1d, d2 = 2026y / December / 2d, d3 = 2026y / December / 3d;
  const SiteScoreRow first[] = {row(1, "CH-2", d1, 0.1), row(1, "CH-1", d1, 0.2), row(2, "CH-1", d1, 0.3),
                                row(1, "CH-1", d3, 0.4)};
  ASSERT_TRUE(s.put_site_scores(first));
  const SiteScoreRow again[] = {row(1, "CH-1", d1, 0.25)};  // scored again the same day
  ASSERT_TRUE(s.put_site_scores(again));
  const auto read = s.site_scores("delay", d1, d2);
  ASSERT_TRUE(read);
  ASSERT_EQ(read->size(), 3u);  // d3 is out of range
  EXPECT_EQ(read->at(0).site_id, "CH-1");
  EXPECT_EQ(read->at(0).version, 1);
  EXPECT_DOUBLE_EQ(read->at(0).p_late, 0.25);
  EXPECT_DOUBLE_EQ(read->at(0).delay_days, 2.5);
  EXPECT_EQ(read->at(0).features, "[1,null,2.5]");
  EXPECT_EQ(read->at(0).day, d1);
  EXPECT_EQ(read->at(0).scored_at, Instant{sys_days{d1}} + 1h);
  EXPECT_EQ(read->at(1).arm, "challenger");
  EXPECT_EQ(read->at(2).site_id, "CH-2");
  EXPECT_TRUE(s.site_scores("triage", d1, d3)->empty());
}

TEST(ScoresStore, PromotionsAreListedOldestFirst) {
  const testing::TempDir dir;
  auto opened = open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(opened);
  Store& s = **opened;
  ModelVersionRow version;
  version.model = "delay";
  version.params = version.data_window = version.metrics = "{}";
  ASSERT_EQ(*s.add_model_version(version), 1);
  ASSERT_EQ(*s.add_model_version(version), 2);
  ASSERT_TRUE(*s.promote_model_version("delay", 1, Instant{hours{1}}, "vigie train delay"));
  ASSERT_TRUE(*s.promote_model_version("delay", 2, Instant{hours{2}}, "vigie serve (weekly retraining)"));
  ASSERT_TRUE(*s.promote_model_version("delay", 1, Instant{hours{3}}, "vigie models rollback"));
  const auto promotions = s.model_promotions("delay");
  ASSERT_TRUE(promotions);
  ASSERT_EQ(promotions->size(), 3u);
  EXPECT_EQ(promotions->at(0).version, 1);
  EXPECT_EQ(promotions->at(1).promoted_by, "vigie serve (weekly retraining)");
  EXPECT_EQ(promotions->at(2).version, 1);
  EXPECT_EQ(promotions->at(2).promoted_at, Instant{hours{3}});
  EXPECT_EQ((*s.model_version("delay", 0))->version, 1);  // the rollback serves
}

}  // namespace
}  // namespace vigie::store
