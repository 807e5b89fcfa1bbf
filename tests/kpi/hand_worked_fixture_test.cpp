// The hand-worked fixture (tests/data/kpi_fixture): a tiny company of 4 sites and 80 events whose
// every KPI figure was worked out by hand from kpis.md, in the fixture's README. The events are
// parsed as the API parses them, folded into a Company, and every figure of the 15 KPIs is
// asserted, value and previous, for two periods (M: month to 2026-11-30; R: 26 Oct–8 Nov) and two
// scopes (the whole company; manager=P-RA1). The tables below follow the README's, column for
// column: M, M′ (M's previous), R, R′ (R's previous).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/parse.hpp"
#include "kpi/report.hpp"
#include "kpi/report_json.hpp"
#include "support/child_process.hpp"

namespace vigie::kpi {
namespace {

// ---- The fixture ------------------------------------------------------------------------------

std::filesystem::path fixture_path() {
  return testing::source_dir() / "tests/data/kpi_fixture/events.jsonl";
}

// Every line of the file, parsed and validated as POST /api/v1/events does; a refused line fails
// the test with its number.
std::vector<events::Event> fixture_events() {
  std::ifstream in(fixture_path());
  EXPECT_TRUE(in) << "cannot read " << fixture_path();
  std::vector<events::Event> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty()) continue;
    auto event = events::parse_event(line);
    if (!event) {
      ADD_FAILURE() << "line " << number << ": " << event.error().describe();
      continue;
    }
    out.push_back(std::move(*event));
  }
  return out;
}

std::unique_ptr<Company> fold(const std::vector<events::Event>& events) {
  auto company = std::make_unique<Company>();
  for (const auto& event : events) company->apply(event);
  company->refresh();
  return company;
}

enum ScopeIndex { kAll, kRa1 };
enum PeriodIndex { kM, kMPrevious, kR, kRPrevious };  // the README's M, M′, R, R′
constexpr const char* kScopeNames[] = {"all", "manager=P-RA1"};
constexpr const char* kPeriodNames[] = {"M", "M'", "R", "R'"};

Scope scope_of(int scope) {
  Scope out;
  if (scope == kRa1) out.manager = "P-RA1";
  return out;
}

// M and R resolved as the API resolves its query parameters.
ResolvedPeriods periods_of(int request) {
  PeriodQuery query;
  if (request == 0) {
    query.period = "month";
    query.as_of = "2026-11-30";
  } else {
    query.from = "2026-10-26";
    query.to = "2026-11-08";
  }
  auto resolved = resolve_periods(query, LocalDate{std::chrono::sys_days{}});
  EXPECT_TRUE(resolved) << resolved.error().describe();
  return *resolved;
}

KpiReport report_of(const Company& company, int scope, int request) {
  const ResolvedPeriods p = periods_of(request);
  return compute_report(company, scope_of(scope), p.periods, p.as_of, {}, {}, {});
}

class HandWorkedFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    events_ = new std::vector<events::Event>(fixture_events());
    company_ = fold(*events_).release();
    for (int scope : {kAll, kRa1}) {
      for (int request : {0, 1}) reports_[scope][request] = report_of(*company_, scope, request);
    }
  }
  static void TearDownTestSuite() {
    delete company_;
    delete events_;
  }

  // The figures of one KPI for one scope and one of M, M′, R, R′.
  static const FigureSet& figures(int kpi, int scope, int period) {
    const KpiResult& result = reports_[scope][period / 2].kpis.at(kpi - 1);
    return period % 2 == 0 ? result.value : result.previous;
  }

  static inline std::vector<events::Event>* events_ = nullptr;
  static inline Company* company_ = nullptr;
  static inline KpiReport reports_[2][2];  // [scope][M or R]
};

// ---- Figures and expectations -----------------------------------------------------------------

// A figure by its contract key; a dotted key reaches into a nested set ("active_by_size.petit").
const FigureValue* figure(const FigureSet& set, std::string_view key) {
  const auto dot = key.find('.');
  const FigureValue* found = set.find(std::string{key.substr(0, dot)});
  if (found == nullptr || dot == std::string_view::npos) return found;
  const auto* nested = std::get_if<std::shared_ptr<FigureSet>>(found);
  return nested != nullptr ? figure(**nested, key.substr(dot + 1)) : nullptr;
}

std::optional<double> number_of(const FigureValue& value) {
  if (const auto* d = std::get_if<double>(&value)) return *d;
  if (const auto* n = std::get_if<std::int64_t>(&value)) return static_cast<double>(*n);
  return std::nullopt;
}

// A tabled figure: a number, "no data" (null) or a list of feature names.
struct NoData {};
constexpr NoData null{};

struct Want {
  std::optional<double> number;
  std::optional<Names> names;
  Want(double x) : number(x) {}  // NOLINT: the tables read better without a wrapper
  Want(NoData) {}                // NOLINT
  explicit Want(Names list) : names(std::move(list)) {}
};
Want names(std::initializer_list<std::string> list) { return Want{Names(list)}; }

void expect_figure(const FigureValue* got, const Want& want) {
  ASSERT_NE(got, nullptr) << "no such figure";
  if (want.names) {
    const auto* list = std::get_if<Names>(got);
    ASSERT_NE(list, nullptr) << "not a list of names";
    EXPECT_EQ(*list, *want.names);
  } else if (!want.number) {
    EXPECT_TRUE(std::holds_alternative<std::monostate>(*got)) << "expected null (no data)";
  } else {
    const auto value = number_of(*got);
    ASSERT_TRUE(value.has_value()) << "expected a number, got null or a list";
    // Hand values are exact fractions: only rounding separates them from the engine's.
    EXPECT_NEAR(*value, *want.number, 1e-9 * std::max(1.0, std::abs(*want.number)));
  }
}

struct Row {
  int kpi;
  const char* key;
  std::array<Want, 4> all;  // M, M′, R, R′
  std::array<Want, 4> ra1;
};


// The README's tables, KPI by KPI: {kpi, key, {all: M, M′, R, R′}, {RA1: M, M′, R, R′}}.
const std::vector<Row>& hand_table() {
  static const std::vector<Row> rows = {
      // KPI 1 — Chantiers actifs
      {1, "active", {2, 4, 4, 4}, {2, 2, 3, 2}},
      {1, "active_by_size.petit", {0, 1, 1, 1}, {0, 1, 1, 1}},
      {1, "active_by_size.moyen", {1, 3, 3, 3}, {1, 1, 2, 1}},
      {1, "active_by_size.gros", {1, 0, 0, 0}, {1, 0, 0, 0}},
      {1, "in_progress", {3, 4, 4, 4}, {3, 2, 3, 2}},
      {1, "completed", {1, 0, 0, 0}, {0, 0, 0, 0}},
      // KPI 2 — Budget global vs réalisé
      {2, "budget_total",
       {1715000, 1615000, 1615000, 1615000}, {1235000, 1035000, 1135000, 1035000}},
      {2, "actual_cost", {1192600, 1056000, 1068000, 1056000}, {703000, 582000, 678000, 582000}},
      {2, "spent_share",
       {1192600.0 / 1715000, 1056000.0 / 1615000, 1068000.0 / 1615000, 1056000.0 / 1615000},
       {703000.0 / 1235000, 582000.0 / 1035000, 678000.0 / 1135000, 582000.0 / 1035000}},
      {2, "progress",
       {1343700.0 / 1715000, 1083650.0 / 1615000, 1089650.0 / 1615000, 1062400.0 / 1615000},
       {863700.0 / 1235000, 591250.0 / 1035000, 667250.0 / 1135000, 570000.0 / 1035000}},
      {2, "sites_overrun", {1, 2, 2, 1}, {1, 1, 2, 0}},
      // KPI 3 — Planning vs réel
      {3, "ahead", {2, 0, 0, 1}, {2, 0, 0, 1}},
      {3, "on_time", {1, 1, 0, 0}, {1, 1, 0, 0}},
      {3, "late", {1, 3, 4, 3}, {0, 1, 3, 1}},
      {3, "mean_delay_days", {7, 24.0 / 3, 50.0 / 4, 59.0 / 3}, {null, 3, 31.0 / 3, 48}},
      // KPI 4 — Taux d'incidents par chantier
      {4, "incidents", {4, 2, 4, 1}, {3, 2, 3, 1}},
      {4, "incidents_per_site", {1, 0.5, 1, 0.25}, {1, 1, 1, 0.5}},
      {4, "mean_severity", {9.0 / 4, 2, 11.0 / 4, 3}, {5.0 / 3, 2, 7.0 / 3, 3}},
      {4, "mean_resolution_hours", {299.5 / 4, 13, 35.5 / 2, 13}, {297.0 / 3, 13, 33, 13}},
      // KPI 5 — Satisfaction client
      {5, "mean_client_score", {18.5 / 3, 14.5 / 2, 11.0 / 2, null}, {12.0 / 2, 6, 11.0 / 2, null}},
      {5, "sites_at_risk", {2, 0, 1, 0}, {1, 0, 1, 0}},
      // No worker ever scored in the fixture: no data anywhere (site_kpis_test works one out).
      {5, "mean_team_score", {null, null, null, null}, {null, null, null, null}},
      // KPI 6 — Productivité chefs de chantier
      {6, "reports_per_chief_day", {4.0 / (3 * 20), 1.0 / (3 * 22), 4.0 / (3 * 10), 0},
       {3.0 / (2 * 20), 0, 3.0 / (2 * 10), 0}},
      {6, "mean_writing_minutes",
       {100.0 / 4, 30, 83.0 / 4, null}, {50.0 / 3, null, 53.0 / 3, null}},
      // KPI 7 — Charge bureau d'études (RA1 holds every design-office item)
      {7, "waiting", {1, 0, 1, 1}, {1, 0, 1, 1}},
      {7, "mean_resolution_hours",
       {286.0 / 3, 78.0 / 2, 87.0 / 2, 13}, {286.0 / 3, 78.0 / 2, 87.0 / 2, 13}},
      {7, "within_sla_share", {1.0 / 3, 0.5, 0.5, 1}, {1.0 / 3, 0.5, 0.5, 1}},
      // KPI 8 — Taux d'utilisation équipes
      {8, "utilisation",
       {6.0 / 12, 11 / 15.5, 10.0 / 12, 5 / 7.5}, {6.0 / 12, 6.0 / 8, 10.0 / 12, null}},
      {8, "billable_hours", {6, 11, 10, 5}, {6, 6, 10, 0}},
      {8, "total_hours", {12, 15.5, 12, 7.5}, {12, 8, 12, 0}},
      // KPI 9 — Volume photos / jour
      {9, "photos_per_day", {2.0 / 30, 2.0 / 30, 3.0 / 14, 0}, {2.0 / 30, 1.0 / 30, 2.0 / 14, 0}},
      {9, "photos", {2, 2, 3, 0}, {2, 1, 2, 0}},
      {9, "storage_bytes",
       {7500000, 2000000, 7500000, 1200000}, {6700000, 1200000, 6700000, 1200000}},
      // KPI 10 — Taux d'incidents tracés (R spans 6 days of October and 8 of November)
      {10, "traced_rate",
       {4 / 11.3, 2 / (14 * 30.0 / 31), 4 / (14 * (6.0 / 31 + 8.0 / 30)), 1 / (14 * 14.0 / 31)},
       {3 / (4 + 2 * 17.0 / 30 + 3), 2 / (6 * 30.0 / 31), 3 / (9 * (6.0 / 31 + 8.0 / 30)),
        1 / (6 * 14.0 / 31)}},
      {10, "recorded", {4, 2, 4, 1}, {3, 2, 3, 1}},
      {10, "expected",
       {4 + 5 * 19.0 / 30 + 2 * 17.0 / 30 + 3, 14 * 30.0 / 31, 14 * (6.0 / 31 + 8.0 / 30),
        14 * 14.0 / 31},
       {4 + 2 * 17.0 / 30 + 3, 6 * 30.0 / 31, 9 * (6.0 / 31 + 8.0 / 30), 6 * 14.0 / 31}},
      // KPI 11 — Temps de réponse moyen
      {11, "response_hours.technical",
       {(90 + 97) / 2.0, 12, null, 12}, {(90 + 97) / 2.0, 12, null, 12}},
      {11, "response_hours.material", {null, 32, 32, null}, {null, null, null, null}},
      {11, "response_hours.design_office_question", {22, null, 22, null}, {22, null, 22, null}},
      // KPI 12 — Taux d'adoption app mobile
      {12, "adoption_share", {0, 0, 1.0 / 3, 0}, {0, 0, 0.5, 0}},
      {12, "most_used",
       {names({"incident", "photo"}), names({"rapport", "photo", "planning"}),
        names({"photo", "rapport", "planning"}), names({"rapport"})},
       {names({"incident"}), names({"rapport"}), names({"rapport", "photo", "planning"}),
        names({"rapport"})}},
      {12, "least_used",
       {names({"incident", "photo"}), names({"photo", "planning", "rapport"}),
        names({"planning", "photo", "rapport"}), names({"rapport"})},
       {names({"incident"}), names({"rapport"}), names({"photo", "planning", "rapport"}),
        names({"rapport"})}},
      // KPI 13 — Coûts évités (ROI): minutes / 60 × 45 + disputes × 1 000 + rework × 400
      {13, "avoided_cost_eur",
       {80.0 / 60 * 45 + 2400, 15.0 / 60 * 45 + 1400, 97.0 / 60 * 45 + 3400, 400},
       {85.0 / 60 * 45 + 2400, 400, 82.0 / 60 * 45 + 2400, 400}},
      {13, "report_minutes_saved",
       {4 * 45 - 100, 45 - 30, 4 * 45 - 83, 0}, {3 * 45 - 50, 0, 3 * 45 - 53, 0}},
      {13, "disputes_avoided", {2, 1, 3, 0}, {2, 0, 2, 0}},
      {13, "rework_avoided", {1, 1, 1, 1}, {1, 1, 1, 1}},
      // KPI 14 — Dépassements budgets détectés (EAC − BAC = BAC × AC / EV − BAC)
      {14, "sites_overrun", {1, 2, 2, 1}, {1, 1, 2, 0}},
      {14, "overrun_eur",
       {100000 * 96000.0 / 93000 - 100000, 3000 + 20000,
        3000 + (100000 * 96000.0 / 76000 - 100000), 20000},
       {100000 * 96000.0 / 93000 - 100000, 3000, 3000 + (100000 * 96000.0 / 76000 - 100000), 0}},
      {14, "alerts_sent", {0, 0, 0, 0}, {0, 0, 0, 0}},  // from outside the events: none given
      // KPI 15 — Économies optimisation: from accepted plans (plan.accepted), the fixture has none
      {15, "km_saved", {0, 0, 0, 0}, {0, 0, 0, 0}},
      {15, "hours_saved", {0, 0, 0, 0}, {0, 0, 0, 0}},
      {15, "savings_eur", {0, 0, 0, 0}, {0, 0, 0, 0}},
  };
  return rows;
}

// Runs `check(row, scope, period, want)` on every cell of the hand table.
template <class Check>
void each_cell(Check check) {
  for (const Row& row : hand_table()) {
    for (int scope : {kAll, kRa1}) {
      for (int period : {kM, kMPrevious, kR, kRPrevious}) {
        SCOPED_TRACE(::testing::Message() << "KPI " << row.kpi << " " << row.key << ", "
                                          << kScopeNames[scope] << ", " << kPeriodNames[period]);
        check(row, scope, period, (scope == kAll ? row.all : row.ra1)[period]);
      }
    }
  }
}

// ---- Tests ------------------------------------------------------------------------------------

TEST_F(HandWorkedFixture, EveryLineIsAnAcceptedEvent) {
  EXPECT_EQ(events_->size(), 80u);
  EXPECT_EQ(company_->sites().size(), 4u);
}

TEST_F(HandWorkedFixture, PeriodsAreTheTabledOnes) {
  using namespace std::chrono;
  const auto expect_period = [](const Period& p, LocalDate from, LocalDate to) {
    EXPECT_EQ(p.from, from);
    EXPECT_EQ(p.to, to);
  };
  const PeriodPair& m = reports_[kAll][0].periods;
  expect_period(m.current, 2026y / November / 1d, 2026y / November / 30d);
  expect_period(m.previous, 2026y / October / 1d, 2026y / October / 30d);  // 31 Oct in neither
  const PeriodPair& r = reports_[kAll][1].periods;
  expect_period(r.current, 2026y / October / 26d, 2026y / November / 8d);
  expect_period(r.previous, 2026y / October / 12d, 2026y / October / 25d);
}

TEST_F(HandWorkedFixture, EveryFigureMatchesTheHandTable) {
  int asserted = 0;
  each_cell([&](const Row& row, int scope, int period, const Want& want) {
    expect_figure(figure(figures(row.kpi, scope, period), row.key), want);
    ++asserted;
  });
  EXPECT_EQ(asserted, static_cast<int>(hand_table().size() * 8));
}

// Every key of the contract is in the table, so a figure added to a KPI must be tabled too.
TEST_F(HandWorkedFixture, TheTableCoversEveryFigure) {
  for (int kpi = 1; kpi <= 15; ++kpi) {
    const FigureSet& value = figures(kpi, kAll, kM);
    std::vector<std::string> keys;
    for (const auto& entry : value.entries) {
      if (const auto* nested = std::get_if<std::shared_ptr<FigureSet>>(&entry.value)) {
        for (const auto& inner : (*nested)->entries) keys.push_back(entry.key + "." + inner.key);
      } else {
        keys.push_back(entry.key);
      }
    }
    for (const auto& key : keys) {
      const auto& rows = hand_table();
      EXPECT_TRUE(std::any_of(rows.begin(), rows.end(),
                              [&](const Row& r) { return r.kpi == kpi && r.key == key; }))
          << "KPI " << kpi << " " << key << " is not in the hand table";
    }
  }
}

// change = value − previous, null when either side is (kpis.md: no NaN, no division by zero).
TEST_F(HandWorkedFixture, ChangeIsValueMinusPrevious) {
  for (int scope : {kAll, kRa1}) {
    for (int request : {0, 1}) {
      for (const KpiResult& kpi : reports_[scope][request].kpis) {
        for (const Row& row : hand_table()) {
          if (row.kpi != kpi.id || row.key == std::string_view{"most_used"} ||
              row.key == std::string_view{"least_used"}) {
            continue;
          }
          SCOPED_TRACE(::testing::Message() << "KPI " << kpi.id << " " << row.key);
          const auto now = number_of(*figure(kpi.value, row.key));
          const auto before = number_of(*figure(kpi.previous, row.key));
          const FigureValue* change = figure(kpi.change, row.key);
          ASSERT_NE(change, nullptr);
          if (now && before) {
            expect_figure(change, Want{*now - *before});
          } else {
            expect_figure(change, Want{null});
          }
        }
      }
    }
  }
}

// kpis.md: "an event counts on the Paris date of its occurred_at, whatever order it arrived in".
TEST_F(HandWorkedFixture, TheOrderOfTheFileDoesNotMatter) {
  std::vector<events::Event> reversed(events_->rbegin(), events_->rend());
  const auto company = fold(reversed);
  for (int scope : {kAll, kRa1}) {
    for (int request : {0, 1}) {
      EXPECT_EQ(report_json(report_of(*company, scope, request)),
                report_json(reports_[scope][request]));
    }
  }
}

}  // namespace
}  // namespace vigie::kpi
