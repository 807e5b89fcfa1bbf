// The results of `vigie bench planner` as a text table or one JSON object
// {"instances":[{"name","sense","value","best_known","gap_pct","seconds","proven_optimal",
// "assignment"(, "cbc_value","cbc_seconds")}], …} (bench/planner_bench.hpp).
#include "bench/planner_bench.hpp"
#include "common/json_writer.hpp"

namespace vigie::bench {
namespace {

template <class T>
void optional_field(JsonWriter& json, std::string_view name, const std::optional<T>& value) {
  json.key(name);
  if (value) {
    json.value(*value);
  } else {
    json.null();
  }
}

// "mean 0.176 %, worst 0.723 % (d20200)" over the instances that have the figure.
std::string gap_summary(const PlannerBenchResult& result,
                        std::optional<double> (PlannerInstanceResult::*gap)() const) {
  double sum = 0, worst = -1;
  int count = 0;
  std::string worst_name;
  for (const PlannerInstanceResult& r : result.instances) {
    const auto g = (r.*gap)();
    if (!g) continue;
    sum += *g;
    ++count;
    if (*g > worst) {
      worst = *g;
      worst_name = r.name;
    }
  }
  if (count == 0) return "";
  return "mean " + format_fixed(sum / count, 3) + " %, worst " + format_fixed(worst, 3) + " % (" +
         worst_name + ") over " + std::to_string(count);
}

}  // namespace

std::string render_planner_table(const PlannerBenchResult& result) {
  Table table({"instance", "value", "best known", "gap %", "bound", "to bound %", "s", "proven",
               "cbc value", "cbc s"});
  double total = 0;
  int proven = 0;
  for (const PlannerInstanceResult& r : result.instances) {
    total += r.seconds;
    proven += r.proven_optimal ? 1 : 0;
    table.add_row({r.name, r.value ? std::to_string(*r.value) : "none",
                   r.best_known ? std::to_string(*r.best_known) : "", format_fixed(r.gap_pct(), 3),
                   format_fixed(r.bound, 0), format_fixed(r.bound_gap_pct(), 3), format_fixed(r.seconds, 3), r.proven_optimal ? "yes" : "no",
                   format_fixed(r.cbc_value, 0), format_fixed(r.cbc_seconds, 3)});
  }
  std::string out = "vigie bench planner (" + std::string{models::planning::sense_name(result.options.sense)} +
                    ", " + format_fixed(result.options.time_limit, 1) + " s per instance)\n" + table.render();
  out += std::to_string(proven) + " of " + std::to_string(result.instances.size()) +
         " proven optimal, " + format_fixed(total, 2) + " s in all\n";
  if (const auto known = gap_summary(result, &PlannerInstanceResult::gap_pct); !known.empty()) {
    out += "gap to the best known: " + known + "\n";
  }
  if (const auto bound = gap_summary(result, &PlannerInstanceResult::bound_gap_pct); !bound.empty()) {
    out += "gap to the bound: " + bound + "\n";
  }
  for (const std::string& problem : result.problems) out += "problem: " + problem + "\n";
  return out;
}

std::string render_planner_json(const PlannerBenchResult& result) {
  JsonWriter json;
  json.begin_object().key("instances").begin_array();
  for (const PlannerInstanceResult& r : result.instances) {
    json.begin_object().field("name", r.name)
        .field("sense", models::planning::sense_name(result.options.sense));
    optional_field(json, "value", r.value);
    optional_field(json, "best_known", r.best_known);
    optional_field(json, "gap_pct", r.gap_pct());
    optional_field(json, "bound", r.bound);
    json.field("seconds", r.seconds).field("proven_optimal", r.proven_optimal);
    json.key("assignment").begin_array();
    for (const int agent : r.assignment) json.value(agent);
    json.end_array();
    if (!result.options.peer.empty()) {
      optional_field(json, "cbc_value", r.cbc_value);
      optional_field(json, "cbc_seconds", r.cbc_seconds);
    }
    json.end_object();
  }
  json.end_array().key("problems").begin_array();
  for (const std::string& problem : result.problems) json.value(problem);
  json.end_array().end_object();
  return json.take();
}

}  // namespace vigie::bench
