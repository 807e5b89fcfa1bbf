// `vigie demo` through the binary: a demo that ends today stops at the present hour (nothing
// occurred later than the moment it was built), one that ends on a past day keeps that whole day.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "common/paris_time.hpp"
#include "store/store.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

// The latest occurred_at of the store in `data_dir`.
Instant latest_event(const testing::TempDir& dir) {
  auto opened = store::open_store({"sqlite", dir.file("vigie.sqlite"), true});
  EXPECT_TRUE(opened);
  Instant latest{};
  if (!opened) return latest;
  EXPECT_TRUE((*opened)->scan_events(0, std::numeric_limits<std::size_t>::max(),
                                     [&latest](std::int64_t, const events::Event& event) {
                                       latest = std::max(latest, event.occurred_at);
                                     }));
  return latest;
}

TEST(DemoCommand, ADemoEndingTodayHoldsNothingAfterNow) {
  const testing::TempDir dir;
  ASSERT_EQ(testing::run_vigie({"--data-dir", dir.path().string(), "demo", "--sites", "3", "--years", "1"})
                .exit_code, 0);
  const Instant built = instant_now();
  EXPECT_LE(latest_event(dir), built);
}

TEST(DemoCommand, ADemoEndingOnAPastDayKeepsItsEvening) {
  const testing::TempDir dir;
  ASSERT_EQ(testing::run_vigie({"--data-dir", dir.path().string(), "demo", "--sites", "3", "--years", "1",
                                "--end", "2026-11-27"}).exit_code, 0);
  // Friday 27/11: the last reports and timesheets of the day come after 17:00, Paris.
  EXPECT_GT(latest_event(dir), parse_rfc3339("2026-11-27T17:00:00+01:00").value());
}

}  // namespace
}  // namespace vigie
