#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <set>
#include <string>

#include "demo/demo_company.hpp"

namespace vigie::demo {
namespace {

constexpr LocalDate kEnd{std::chrono::year{2026}, std::chrono::March, std::chrono::day{31}};

// The site_id of a site.completed line, read without a JSON parser: 600 000 lines.
std::string completed_site(std::string_view json) {
  if (json.find(R"("type":"site.completed")") == std::string_view::npos) return {};
  constexpr std::string_view kKey = R"("site_id":")";
  const std::size_t from = json.find(kKey) + kKey.size();
  return std::string{json.substr(from, json.find('"', from) - from)};
}

struct Shares {
  int completed = 0;
  int late = 0;
  int likely = 0;  // p_late > 0.5
  int likely_late = 0;
  int unlikely = 0;  // p_late < 0.5
  int unlikely_late = 0;
};

Shares count_completed(const DemoSummary& summary, const std::set<std::string>& completed) {
  Shares s;
  for (const SiteTruth& truth : summary.truth) {
    if (!completed.contains(truth.site_id)) continue;
    ++s.completed;
    s.late += truth.late ? 1 : 0;
    if (truth.p_late > 0.5) {
      ++s.likely;
      s.likely_late += truth.late ? 1 : 0;
    } else if (truth.p_late < 0.5) {
      ++s.unlikely;
      s.unlikely_late += truth.late ? 1 : 0;
    }
  }
  return s;
}

TEST(DemoCompanyAtScale, HundredSitesOverThreeYearsGiveHalfAMillionEventsAndATruthThatMeansSomething) {
  std::set<std::string> completed;
  const auto started = std::chrono::steady_clock::now();
  const DemoSummary summary =
      generate({.seed = 1, .sites = 100, .years = 3, .end = kEnd}, [&](std::string_view json) {
        if (std::string site = completed_site(json); !site.empty()) completed.insert(site);
      });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("100 sites x 3 years: %llu events in %.2f s\n",
              static_cast<unsigned long long>(summary.events), seconds);
  EXPECT_GE(summary.events, 500'000u);

  const Shares s = count_completed(summary, completed);
  ASSERT_GT(s.completed, 30);
  const double late_share = static_cast<double>(s.late) / s.completed;
  std::printf("completed %d, late share %.2f\n", s.completed, late_share);
  EXPECT_GE(late_share, 0.25);
  EXPECT_LE(late_share, 0.6);
  ASSERT_GT(s.likely, 0);
  ASSERT_GT(s.unlikely, 0);
  EXPECT_GT(static_cast<double>(s.likely_late) / s.likely,
            static_cast<double>(s.unlikely_late) / s.unlikely);
}

}  // namespace
}  // namespace vigie::demo
