#include "bench/kpi_clickhouse_peer.hpp"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <type_traits>
#include <variant>

#include "common/json_writer.hpp"

namespace vigie::bench {
namespace {

std::string_view column_type(FlatType type) {
  switch (type) {
    case FlatType::integer:
      return "Int64";
    case FlatType::real:
      return "Float64";
    case FlatType::text:
      return "String";
  }
  return "";
}

// No column is Nullable: a Nullable column drags a null mask through every read, and the SQL
// reads the type's default ('' or 0) as "absent" instead (bench/kpi_sql_clickhouse.cpp says
// where and why nothing is lost). The events are sorted as the KPI statements filter them: by
// type, then site, then day.
std::string create_table(std::string_view table, std::span<const FlatColumn> columns,
                         std::string_view order_by) {
  std::string sql = "CREATE TABLE " + std::string{table} + " (";
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += std::string{columns[i].name} + " " + std::string{column_type(columns[i].type)};
  }
  return sql + ") ENGINE = MergeTree ORDER BY (" + std::string{order_by} + ")";
}

// One row as a JSONEachRow line (the writer escapes texts). A null is left out: ClickHouse
// fills an omitted column with its type's default.
void append_row(std::string& out, std::span<const FlatColumn> columns,
                const std::vector<FlatValue>& row) {
  JsonWriter json;
  json.begin_object();
  for (std::size_t i = 0; i < row.size(); ++i) {
    std::visit(
        [&](const auto& value) {
          using T = std::decay_t<decltype(value)>;
          if constexpr (!std::is_same_v<T, std::monostate>) json.field(columns[i].name, value);
        },
        row[i]);
  }
  json.end_object();
  out += json.str();
  out += '\n';
}

Expected<void> insert(const ClickHouseServer& server, std::string_view table,
                      std::string_view rows) {
  auto done = server.query("INSERT INTO " + std::string{table} + " FORMAT JSONEachRow\n" +
                           std::string{rows});
  if (!done) return done.error();
  return {};
}

// A TabSeparated field as it was: ClickHouse escapes backslash, tab, newline and a few others.
std::string tsv_unescape(std::string_view field) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    const char next = field[++i];
    switch (next) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case '0':
        out += '\0';
        break;
      default:
        out += next;  // \\ and \' stand for themselves
    }
  }
  return out;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const std::size_t at = text.find(separator);
    parts.push_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text = text.substr(at + 1);
  }
}

Expected<FlatFigure> parse_figure(const std::string& key, std::string_view field) {
  if (field == "\\N") return FlatFigure{std::monostate{}};
  if (is_names_figure(key)) return FlatFigure{split_names(tsv_unescape(field))};
  const std::string text{field};
  char* end = nullptr;
  const double number = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != 0) {
    return Error::make(ErrorCode::io, "ClickHouse: " + key + " is not a number: " + text);
  }
  return FlatFigure{number};
}

// The one row of a TSVWithNames reply: a line of names, a line of values.
Expected<FlatFigures> parse_row(std::string_view reply) {
  const std::vector<std::string_view> lines = split(reply, '\n');
  if (lines.size() < 2) return Error::make(ErrorCode::io, "ClickHouse: no row in the reply");
  const std::vector<std::string_view> names = split(lines[0], '\t');
  const std::vector<std::string_view> values = split(lines[1], '\t');
  if (names.size() != values.size()) {
    return Error::make(ErrorCode::io, "ClickHouse: as many names as values expected");
  }
  FlatFigures out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string key = tsv_unescape(names[i]);
    auto figure = parse_figure(key, values[i]);
    if (!figure) return figure.error();
    out[key] = std::move(*figure);
  }
  return out;
}

}  // namespace

Expected<ClickHouseKpiPeer> ClickHouseKpiPeer::create(const ClickHouseServer& server,
                                                      std::size_t batch_rows) {
  for (const std::string& sql :
       {std::string{"DROP TABLE IF EXISTS events"}, std::string{"DROP TABLE IF EXISTS calendar"},
        create_table("events", flat_event_columns(), "type, site_id, day"),
        create_table("calendar", calendar_columns(), "day")}) {
    if (auto done = server.query(sql); !done) return done.error();
  }
  return ClickHouseKpiPeer(server, std::max<std::size_t>(batch_rows, 1));
}

Expected<void> ClickHouseKpiPeer::add(const events::Event& event, std::int64_t seq) {
  const std::vector<FlatValue> row = flatten_event(event, seq);
  calendar_.include(row);
  append_row(pending_, flat_event_columns(), row);
  ++rows_;
  if (++pending_rows_ >= batch_rows_) return flush();
  return {};
}

Expected<void> ClickHouseKpiPeer::flush() {
  if (pending_rows_ == 0) return {};
  if (auto sent = insert(*server_, "events", pending_); !sent) return sent;
  pending_.clear();
  pending_rows_ = 0;
  return {};
}

Expected<void> ClickHouseKpiPeer::finish() {
  if (auto sent = flush(); !sent) return sent;
  std::string calendar;
  for (const auto& row : calendar_.rows()) append_row(calendar, calendar_columns(), row);
  if (auto sent = insert(*server_, "calendar", calendar); !sent) return sent;
  // One part per table, as after a warehouse's nightly load: queries then never race a
  // background merge of the parts the batches left.
  for (const char* sql : {"OPTIMIZE TABLE events FINAL", "OPTIMIZE TABLE calendar FINAL"}) {
    if (auto done = server_->query(sql); !done) return done.error();
  }
  return {};
}

Expected<FlatFigures> ClickHouseKpiPeer::figures(const SqlKpiRequest& request) const {
  FlatFigures columns;
  for (const std::string& sql : clickhouse_kpi_sql(request)) {
    auto reply = server_->query(sql + "\nFORMAT TSVWithNames");
    if (!reply) return reply.error();
    auto row = parse_row(*reply);
    if (!row) return row.error();
    columns.merge(*row);
  }
  return clickhouse_figures(columns);
}

}  // namespace vigie::bench
