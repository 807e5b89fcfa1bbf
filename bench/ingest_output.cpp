// `vigie bench ingest`'s two outputs: the table a person reads and the JSON object a script reads.
// Figures are those of each system's median round; ratios are medians of per-round ratios.
#include <algorithm>

#include "bench/ingest_bench.hpp"

namespace vigie::bench {
namespace {

constexpr double kTargetBatchEventsPerS = 150'000;
constexpr double kTargetSingleRequestsPerS = 10'000;

using PerSecond = std::optional<double> (IngestMeasure::*)() const;

struct System {
  std::string name;
  SystemOfRound member;
  PerSecond per_s;
  std::string durable;
};

std::optional<double> figure(const IngestMeasure* m, PerSecond per_s) {
  return m ? (m->*per_s)() : std::nullopt;
}

std::optional<double> latency(const IngestMeasure* m, double Percentiles::*field) {
  if (!m || m->requests == 0) return std::nullopt;
  return m->latency_ms.*field;
}

// "min–max" of the figure over the rounds that measured the system.
std::string spread(const IngestBenchResult& r, const System& system) {
  std::vector<double> values;
  for (const IngestRound& round : r.rounds) {
    if (const auto& m = round.*system.member) values.push_back(((*m).*system.per_s)().value_or(0));
  }
  if (values.empty()) return "n/a";
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return format_count(*low) + "-" + format_count(*high);
}

std::vector<std::string> table_cells(const IngestBenchResult& r, const System& system) {
  const IngestMeasure* m = median_measure(r, system.member, system.per_s);
  if (m == nullptr) return {system.name, "not measured"};
  const auto count = [](std::uint64_t n) { return format_count(static_cast<double>(n)); };
  return {system.name,
          count(m->events),
          m->requests > 0 ? count(m->requests) : "-",
          format_fixed(m->seconds, 2),
          format_count(m->events_per_s()),
          m->requests > 0 ? format_count(m->requests_per_s()) : "-",
          spread(r, system),
          format_fixed(latency(m, &Percentiles::p50), 2),
          format_fixed(latency(m, &Percentiles::p95), 2),
          format_fixed(m->server_mean_ms, 2),
          format_fixed(m->server_cpu_seconds, 1),
          format_fixed(m->client_cpu_seconds, 1),
          system.durable};
}

std::vector<System> systems(const IngestBenchResult& r) {
  const auto& o = r.options;
  const PerSecond events = &IngestMeasure::events_per_s;
  return {
      {"Vigie, batches of " + std::to_string(o.batch_size) + " x" +
           std::to_string(o.batch_connections), &IngestRound::vigie_batch, events, "yes (fsync)"},
      {"Vigie, single events x" + std::to_string(o.single_connections),
       &IngestRound::vigie_single, &IngestMeasure::requests_per_s, "yes (fsync)"},
      {"ClickHouse " + r.clickhouse_version + ", JSONEachRow x" +
           std::to_string(o.clickhouse_connections), &IngestRound::clickhouse, events,
       "no (no fsync)"},
      {"SQLite, bare bulk insert", &IngestRound::sqlite, events, "yes (1 commit)"},
  };
}

std::optional<double> batch_rate(const IngestBenchResult& r) {
  return figure(median_measure(r, &IngestRound::vigie_batch), &IngestMeasure::events_per_s);
}
std::optional<double> single_rate(const IngestBenchResult& r) {
  return figure(median_measure(r, &IngestRound::vigie_single, &IngestMeasure::requests_per_s),
                &IngestMeasure::requests_per_s);
}
std::optional<double> peer_rate(const IngestBenchResult& r, SystemOfRound peer) {
  return figure(median_measure(r, peer), &IngestMeasure::events_per_s);
}

std::string heading(const IngestBenchResult& r) {
  const auto& o = r.options;
  return "vigie bench ingest: " + std::to_string(o.sites) + " sites x " + std::to_string(o.years) +
         " years, seed " + std::to_string(o.seed) + ": " + format_count(double(r.events)) +
         " events (" + format_count(double(r.reference_events)) +
         " reference events sent first, untimed, as the warm-up), generated in " +
         format_fixed(r.generate_seconds, 1) + " s; median of " + std::to_string(r.rounds.size()) +
         " rounds\n\n";
}

std::string target_line(std::string_view what, std::optional<double> value, double target) {
  const std::string verdict = !value ? "not measured" : *value >= target ? "met" : "NOT met";
  return std::string{what} + " >= " + format_count(target) + ": " + format_count(value) + " (" +
         verdict + ")\n";
}

std::string summary(const IngestBenchResult& r) {
  std::string out = "Vigie batches / ClickHouse: " +
                    format_fixed(median_ratio(r, &IngestRound::clickhouse), 2) +
                    "\nVigie batches / SQLite:     " +
                    format_fixed(median_ratio(r, &IngestRound::sqlite), 2) + "\n";
  out += std::string{"stored counts (Vigie: events + single events): "} +
         (r.counts_agree() ? "agree" : "DISAGREE or missing") + " in every round\n";
  out += target_line("Vigie batch events/s", batch_rate(r), kTargetBatchEventsPerS);
  out += target_line("Vigie single requests/s", single_rate(r), kTargetSingleRequestsPerS);
  out += "server ms: mean time inside Vigie per request (its /metrics), group commit wait "
         "included. ClickHouse 18.16 does not fsync inserted parts.\n";
  return out;
}

}  // namespace

std::string render_ingest_table(const IngestBenchResult& r) {
  Table table({"system", "events", "requests", "seconds", "events/s", "requests/s",
               "range over rounds", "p50 ms", "p95 ms", "server ms", "server CPU s",
               "client CPU s", "durable"});
  for (const System& system : systems(r)) table.add_row(table_cells(r, system));
  std::string out = heading(r) + table.render() + "\n" + summary(r);
  for (const auto& problem : r.problems) out += "problem: " + problem + "\n";
  if (r.options.keep) out += "kept: " + r.work_dir + "\n";
  return out;
}

std::string render_ingest_json(const IngestBenchResult& r) {
  const auto stored = [&r](SystemOfRound system) -> std::optional<std::uint64_t> {
    const IngestMeasure* m = median_measure(r, system);
    if (m == nullptr) return std::nullopt;
    return m->stored;
  };
  const auto text_or_null = [](const std::string& text) -> std::optional<std::string> {
    if (text.empty()) return std::nullopt;
    return text;
  };
  const IngestMeasure* batch = median_measure(r, &IngestRound::vigie_batch);
  const IngestMeasure* single =
      median_measure(r, &IngestRound::vigie_single, &IngestMeasure::requests_per_s);
  const auto& o = r.options;
  ResultJson json;
  json.set("area", "ingest")
      .set("sites", std::uint64_t(o.sites))
      .set("years", std::uint64_t(o.years))
      .set("seed", o.seed)
      .set("rounds", std::uint64_t(r.rounds.size()))
      .set("events", r.events)
      .set("reference_events", r.reference_events)
      .set("batch_size", std::uint64_t(o.batch_size))
      .set("vigie_batch_events_per_s", batch_rate(r))
      .set("vigie_batch_p50_ms", latency(batch, &Percentiles::p50))
      .set("vigie_batch_p95_ms", latency(batch, &Percentiles::p95))
      .set("vigie_single_requests_per_s", single_rate(r))
      .set("vigie_single_p50_ms", latency(single, &Percentiles::p50))
      .set("vigie_single_p95_ms", latency(single, &Percentiles::p95))
      .set("clickhouse_events_per_s", peer_rate(r, &IngestRound::clickhouse))
      .set("sqlite_events_per_s", peer_rate(r, &IngestRound::sqlite))
      .set("ratio_vs_clickhouse", median_ratio(r, &IngestRound::clickhouse))
      .set("ratio_vs_sqlite", median_ratio(r, &IngestRound::sqlite))
      .set("vigie_stored", r.rounds.empty() ? std::nullopt : r.rounds.front().vigie_stored)
      .set("clickhouse_stored", stored(&IngestRound::clickhouse))
      .set("sqlite_stored", stored(&IngestRound::sqlite))
      .set("clickhouse_version", text_or_null(r.clickhouse_version))
      .set("agree", r.counts_agree());
  std::string problems;
  for (const auto& problem : r.problems) problems += (problems.empty() ? "" : "; ") + problem;
  json.set("problems", text_or_null(problems));
  return json.render();
}

}  // namespace vigie::bench
