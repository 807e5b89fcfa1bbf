// tests/support/kpi_demo.hpp
//
// What the KPI property tests share: a company (the demo, or the hand-worked fixture) folded into
// kpi::Company with its events for a SQL peer (bench/kpi_sqlite_peer.hpp,
// bench/kpi_clickhouse_peer.hpp), the requests to compare them on, and the comparison of every
// figure of both sides of a request.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "bench/kpi_figures.hpp"
#include "bench/kpi_queries.hpp"
#include "bench/kpi_sql.hpp"
#include "events/event.hpp"
#include "kpi/company.hpp"

namespace vigie::testing {

struct KpiDemo {
  std::vector<events::Event> events;  // in store order: event i has seq i + 1
  kpi::Company company;               // every event applied, refreshed
};

// 20 sites over 2 years ending 2026-11-29 (seed 7): every event type, sites of every status,
// thousands of events a month. Adds a test failure if the demo cannot be built.
KpiDemo load_kpi_demo();

// The hand-worked fixture (tests/data/kpi_fixture: 4 sites, 80 events chosen for the rules' edge
// cases, every figure asserted by tests/kpi/hand_worked_fixture_test.cpp). Adds a test failure
// for a line that does not parse.
KpiDemo load_kpi_fixture();

// Loads every event into a SQL peer (add with its seq, then finish).
template <class Peer>
::testing::AssertionResult load_peer(const KpiDemo& demo, Peer& peer) {
  std::int64_t seq = 0;
  for (const events::Event& event : demo.events) {
    if (auto added = peer.add(event, ++seq); !added) {
      return ::testing::AssertionFailure() << added.error().describe();
    }
  }
  if (auto done = peer.finish(); !done) {
    return ::testing::AssertionFailure() << done.error().describe();
  }
  return ::testing::AssertionSuccess();
}

// `random_count` random requests with as_of from the company's first months to its last day
// (early, busy and late periods), then the whole company's month to 2026-10-31.
std::vector<bench::KpiQuery> kpi_demo_queries(const kpi::Company& company, int random_count,
                                              std::uint64_t seed);

// The fixture's requests: M (month to 2026-11-30) and R (26 Oct–8 Nov), each for the whole
// company and for manager=P-RA1.
std::vector<bench::KpiQuery> kpi_fixture_queries();

using PeerFigures = std::function<Expected<bench::FlatFigures>(const bench::SqlKpiRequest&)>;

// For each request, expects the peer's figures for the period and for the previous period to
// equal the engine's, every figure of every KPI; returns how many requests were compared.
std::size_t expect_peer_agrees(const kpi::Company& company,
                               std::span<const bench::KpiQuery> queries, const PeerFigures& peer);

}  // namespace vigie::testing
