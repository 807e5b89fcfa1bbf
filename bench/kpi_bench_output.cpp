// The results of `vigie bench kpi` as a text table or one JSON object (bench/kpi_bench.hpp).
#include <algorithm>

#include "bench/kpi_bench.hpp"
#include "bench/report.hpp"

namespace vigie::bench {
namespace {

struct SystemFigures {
  std::optional<double> load_s, month_p50, month_p95, random_p50, random_p95;
  std::size_t compared = 0, disagreements = 0;
};

SystemFigures figures_of(const std::optional<KpiTimings>& timings) {
  if (!timings) return {};
  return {timings->load_seconds,
          percentile(timings->month_ms, &Percentiles::p50),
          percentile(timings->month_ms, &Percentiles::p95),
          percentile(timings->random_ms, &Percentiles::p50),
          percentile(timings->random_ms, &Percentiles::p95),
          timings->compared,
          timings->disagreements};
}

std::string format_ratio(std::optional<double> value) {
  return value ? format_fixed(value, 1) + "x" : format_fixed(value, 1);
}

}  // namespace

std::string render_kpi_table(const KpiBenchResult& result) {
  const SystemFigures vigie = figures_of(result.vigie);
  const SystemFigures clickhouse = figures_of(result.clickhouse);
  const SystemFigures sqlite = figures_of(result.sqlite);
  std::string out = "vigie bench kpi: " + format_count(double(result.events)) + " events, " +
                    format_count(double(result.sites)) + " sites; all 15 KPIs with the previous " +
                    "period, " + result.month_label + " (x" +
                    std::to_string(result.vigie.month_ms.size()) + " for Vigie), then " +
                    std::to_string(result.vigie.random_ms.size()) + " random scopes and periods\n";
  Table table({"system", "load s", "month p50 ms", "month p95 ms", "random p50 ms",
               "random p95 ms", "month ratio", "compared", "differing"});
  const auto row = [&](const char* name, const SystemFigures& f, bool peer) {
    table.add_row({name, format_fixed(f.load_s, 1), format_fixed(f.month_p50, 2),
                   format_fixed(f.month_p95, 2), format_fixed(f.random_p50, 2),
                   format_fixed(f.random_p95, 2),
                   peer ? format_ratio(ratio(f.month_p50, vigie.month_p50)) : "1x",
                   peer ? std::to_string(f.compared) : "-",
                   peer ? std::to_string(f.disagreements) : "-"});
  };
  row("Vigie", vigie, false);
  row("ClickHouse", clickhouse, true);
  row("SQLite", sqlite, true);
  out += table.render();
  out += "ratio = peer p50 / Vigie p50 (higher: Vigie faster). Vigie's load is its fold of every "
         "event; the peers' is loading the raw events table.\n";
  out += std::string{"figures agree: "} + (result.agree() ? "yes" : "NO") + "\n";
  for (const auto* timings : {&result.clickhouse, &result.sqlite}) {
    if (*timings) {
      for (const std::string& line : (*timings)->differences) out += "  differs: " + line + "\n";
    }
  }
  for (const std::string& problem : result.problems) out += "problem: " + problem + "\n";
  return out;
}

std::string render_kpi_json(const KpiBenchResult& result) {
  const SystemFigures vigie = figures_of(result.vigie);
  const SystemFigures clickhouse = figures_of(result.clickhouse);
  const SystemFigures sqlite = figures_of(result.sqlite);
  ResultJson json;
  json.set("events", std::uint64_t{result.events})
      .set("sites", std::uint64_t{result.sites})
      .set("month_request", result.month_label)
      .set("month_json_bytes", std::uint64_t{result.month_json_bytes})
      .set("vigie_fold_seconds", vigie.load_s)
      .set("vigie_all_kpis_p50_ms", vigie.month_p50)
      .set("vigie_all_kpis_p95_ms", vigie.month_p95)
      .set("vigie_random_p50_ms", vigie.random_p50)
      .set("vigie_random_p95_ms", vigie.random_p95)
      .set("clickhouse_version", result.clickhouse_version)
      .set("clickhouse_load_seconds", clickhouse.load_s)
      .set("clickhouse_all_kpis_p50_ms", clickhouse.month_p50)
      .set("clickhouse_random_p50_ms", clickhouse.random_p50)
      .set("sqlite_load_seconds", sqlite.load_s)
      .set("sqlite_all_kpis_p50_ms", sqlite.month_p50)
      .set("sqlite_random_p50_ms", sqlite.random_p50)
      .set("ratio_vs_clickhouse", ratio(clickhouse.month_p50, vigie.month_p50))
      .set("ratio_vs_sqlite", ratio(sqlite.month_p50, vigie.month_p50))
      .set("random_ratio_vs_clickhouse", ratio(clickhouse.random_p50, vigie.random_p50))
      .set("clickhouse_requests_compared", std::uint64_t{clickhouse.compared})
      .set("clickhouse_requests_differing", std::uint64_t{clickhouse.disagreements})
      .set("sqlite_requests_compared", std::uint64_t{sqlite.compared})
      .set("sqlite_requests_differing", std::uint64_t{sqlite.disagreements})
      .set("agree", result.agree());
  return json.render();
}

}  // namespace vigie::bench
