#include "kpi/report_json.hpp"

#include <array>

#include "common/json_writer.hpp"

namespace vigie::kpi {
namespace {

void write_set(JsonWriter& out, const FigureSet& set);

void write_value(JsonWriter& out, const FigureValue& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    out.null();
  } else if (const auto* d = std::get_if<double>(&value)) {
    out.value(*d);
  } else if (const auto* n = std::get_if<std::int64_t>(&value)) {
    out.value(*n);
  } else if (const auto* set = std::get_if<std::shared_ptr<FigureSet>>(&value)) {
    write_set(out, **set);
  } else {
    out.begin_array();
    for (const auto& name : std::get<Names>(value)) out.value(name);
    out.end_array();
  }
}

void write_set(JsonWriter& out, const FigureSet& set) {
  out.begin_object();
  for (const auto& entry : set.entries) {
    out.key(entry.key);
    write_value(out, entry.value);
  }
  out.end_object();
}

void write_period(JsonWriter& out, const Period& period) {
  out.begin_object().field("from", format_iso_date(period.from))
      .field("to", format_iso_date(period.to)).end_object();
}

void write_scope(JsonWriter& out, const Scope& scope) {
  out.begin_object();
  const std::pair<const char*, const std::string*> filters[] = {
      {"region", &scope.region}, {"manager", &scope.manager}, {"type", &scope.type},
      {"team", &scope.team}, {"chief", &scope.chief}};
  for (const auto& [name, value] : filters) {
    if (!value->empty()) out.field(name, *value);
  }
  if (scope.status) out.field("status", site_status_name(*scope.status));
  out.end_object();
}

// The members every answer starts with: period, previous_period, as_of, scope.
void write_heading(JsonWriter& out, const KpiReport& report) {
  out.key("period");
  write_period(out, report.periods.current);
  out.key("previous_period");
  write_period(out, report.periods.previous);
  out.field("as_of", format_iso_date(report.as_of)).key("scope");
  write_scope(out, report.scope);
}

// A KPI's members, its object left open for a breakdown.
void write_kpi_members(JsonWriter& out, const KpiResult& kpi) {
  out.begin_object().field("id", kpi.id).field("name", kpi.name);
  for (const auto& [name, set] : {std::pair{"value", &kpi.value}, {"previous", &kpi.previous},
                                  {"change", &kpi.change}, {"settings", &kpi.settings}}) {
    out.key(name);
    write_set(out, *set);
  }
}

}  // namespace

std::string report_json(const KpiReport& report) {
  JsonWriter out;
  out.begin_object();
  write_heading(out, report);
  out.key("kpis").begin_array();
  for (const KpiResult& kpi : report.kpis) {
    write_kpi_members(out, kpi);
    out.end_object();
  }
  out.end_array().end_object();
  return out.take();
}

std::string kpi_json(const KpiReport& report, int id, BreakdownBy by,
                     const std::vector<BreakdownRow>& breakdown) {
  static constexpr std::array<const char*, 5> kRowKeys = {"site_id", "chief_id", "team_id", "date", "week"};
  const char* row_key = kRowKeys[static_cast<std::size_t>(by)];
  JsonWriter out;
  out.begin_object();
  write_heading(out, report);
  out.key("kpi");
  write_kpi_members(out, report.kpis.at(static_cast<std::size_t>(id - 1)));
  out.field("breakdown_by", breakdown_by_name(by)).key("breakdown").begin_array();
  for (const BreakdownRow& row : breakdown) {
    out.begin_object().key(row_key);
    row.key.empty() ? out.null() : out.value(row.key);  // sites without a chief or a team
    out.key("value");
    write_set(out, row.value);
    out.end_object();
  }
  out.end_array().end_object().end_object();
  return out.take();
}

}  // namespace vigie::kpi
