#include "support/kpi_demo.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "bench/event_corpus.hpp"
#include "events/parse.hpp"
#include "kpi/report.hpp"
#include "support/child_process.hpp"

namespace vigie::testing {
namespace {

using namespace std::chrono;

void expect_same_figures(const bench::FlatFigures& engine, const bench::FlatFigures& peer,
                         const std::string& side) {
  const auto differences = bench::figure_differences(engine, peer);
  std::string all;
  for (const std::string& line : differences) all += "\n  " + line;
  EXPECT_TRUE(differences.empty()) << side << ":" << all;
}

// The events in their order (the store's: seq breaks ties alike), folded.
KpiDemo fold(std::vector<events::Event> events) {
  KpiDemo demo;
  for (const events::Event& event : events) demo.company.apply(event);
  demo.company.refresh();
  demo.events = std::move(events);
  return demo;
}

}  // namespace

KpiDemo load_kpi_demo() {
  const demo::DemoOptions options{7, 20, 2, 2026y / November / 29d};
  auto corpus = bench::build_corpus(options);
  EXPECT_TRUE(corpus) << corpus.error().describe();
  if (!corpus) return fold({});
  return fold(std::move(corpus->events));
}

KpiDemo load_kpi_fixture() {
  const std::filesystem::path path = source_dir() / "tests/data/kpi_fixture/events.jsonl";
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<events::Event> events;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    auto event = events::parse_event(line);
    EXPECT_TRUE(event) << "line " << number << ": " << event.error().describe();
    if (event) events.push_back(std::move(*event));
  }
  return fold(std::move(events));
}

std::vector<bench::KpiQuery> kpi_demo_queries(const kpi::Company& company, int random_count,
                                              std::uint64_t seed) {
  auto queries = bench::random_queries(company, 2025y / January / 15d, 2026y / November / 29d,
                                       random_count, seed);
  queries.push_back(bench::whole_company_month(2026y / October / 31d));
  return queries;
}

std::vector<bench::KpiQuery> kpi_fixture_queries() {
  std::vector<bench::KpiQuery> queries;
  kpi::Scope ra1;
  ra1.manager = "P-RA1";
  for (const kpi::Scope& scope : {kpi::Scope{}, ra1}) {
    const std::string label = scope.manager.empty() ? ", whole company" : ", manager=P-RA1";
    const LocalDate m = 2026y / November / 30d;
    queries.push_back({scope, kpi::calendar_periods(kpi::PeriodKind::month, m), m, "M" + label});
    const LocalDate r = 2026y / November / 8d;
    queries.push_back({scope, kpi::range_periods(2026y / October / 26d, r), r, "R" + label});
  }
  return queries;
}

std::size_t expect_peer_agrees(const kpi::Company& company,
                               std::span<const bench::KpiQuery> queries, const PeerFigures& peer) {
  std::size_t compared = 0;
  for (const bench::KpiQuery& query : queries) {
    SCOPED_TRACE(query.label);
    const kpi::KpiReport report =
        kpi::compute_report(company, query.scope, query.periods, query.as_of, {}, {}, {});
    const auto now = peer(bench::current_side(query.scope, query.periods));
    const auto before = peer(bench::previous_side(query.scope, query.periods));
    EXPECT_TRUE(now) << now.error().describe();
    EXPECT_TRUE(before) << before.error().describe();
    if (!now || !before) continue;
    expect_same_figures(bench::flat_figures(report, false), *now, "value");
    expect_same_figures(bench::flat_figures(report, true), *before, "previous");
    ++compared;
  }
  return compared;
}

}  // namespace vigie::testing
