#include "bench/kpi_flat_events.hpp"

#include <algorithm>
#include <array>
#include <chrono>

#include "common/french_calendar.hpp"
#include "common/paris_time.hpp"
#include "events/data_fields.hpp"

namespace vigie::bench {
namespace {

// How a `data` field becomes a column: its JSON name, how it is read, and, when the name means
// something else in other events, the one event type it is taken from.
enum class Read { text, number, date, flag };
struct DataColumn {
  FlatColumn column;
  std::string_view field;
  Read read;
  std::string_view only_type = {};
};

constexpr std::array<FlatColumn, 5> kEnvelope = {{{"seq", FlatType::integer},
                                                  {"type", FlatType::text},
                                                  {"site_id", FlatType::text},
                                                  {"at_ms", FlatType::integer},
                                                  {"day", FlatType::integer}}};

constexpr std::array<DataColumn, 31> kData = {{
    {{"person_id", FlatType::text}, "person_id", Read::text},
    {{"amount", FlatType::real}, "amount", Read::number},
    {{"category", FlatType::text}, "category", Read::text},
    {{"percent", FlatType::real}, "percent_complete", Read::number},
    {{"date_day", FlatType::integer}, "date", Read::date},
    {{"hours_total", FlatType::real}, "hours_total", Read::number},
    {{"hours_billable", FlatType::real}, "hours_billable", Read::number},
    {{"days", FlatType::real}, "days", Read::number},
    {{"km", FlatType::real}, "km", Read::number},
    {{"minutes", FlatType::real}, "minutes", Read::number},
    {{"bytes", FlatType::integer}, "bytes", Read::number},
    {{"writing_minutes", FlatType::real}, "writing_minutes", Read::number},
    {{"sent_to_client", FlatType::integer}, "sent_to_client", Read::flag, "report.submitted"},
    {{"incident_id", FlatType::text}, "incident_id", Read::text},
    {{"request_id", FlatType::text}, "request_id", Read::text},
    {{"severity", FlatType::text}, "severity", Read::text},
    {{"urgency", FlatType::text}, "urgency", Read::text},
    {{"kind", FlatType::text}, "kind", Read::text},
    {{"score", FlatType::real}, "score", Read::number},
    {{"respondent", FlatType::text}, "respondent", Read::text},
    {{"feature", FlatType::text}, "feature", Read::text},
    {{"status", FlatType::text}, "status", Read::text, "site.upserted"},
    {{"budget_total", FlatType::real}, "budget_total", Read::number},
    {{"site_type", FlatType::text}, "type", Read::text, "site.upserted"},
    {{"region", FlatType::text}, "region", Read::text, "site.upserted"},
    {{"manager_id", FlatType::text}, "manager_id", Read::text, "site.upserted"},
    {{"team_id", FlatType::text}, "team_id", Read::text, "site.upserted"},
    {{"chief_id", FlatType::text}, "chief_id", Read::text, "site.upserted"},
    {{"planned_start", FlatType::integer}, "planned_start", Read::date, "site.upserted"},
    {{"planned_end", FlatType::integer}, "planned_end", Read::date, "site.upserted"},
    {{"actual_end", FlatType::integer}, "actual_end", Read::date},
}};

constexpr std::array<FlatColumn, kEnvelope.size() + kData.size()> all_columns() {
  std::array<FlatColumn, kEnvelope.size() + kData.size()> out{};
  for (std::size_t i = 0; i < kEnvelope.size(); ++i) out[i] = kEnvelope[i];
  for (std::size_t i = 0; i < kData.size(); ++i) out[kEnvelope.size() + i] = kData[i].column;
  return out;
}
constexpr auto kColumns = all_columns();

constexpr std::array<FlatColumn, 4> kCalendar = {{{"day", FlatType::integer},
                                                  {"working", FlatType::integer},
                                                  {"month_days", FlatType::integer},
                                                  {"working_index", FlatType::integer}}};

FlatValue text_or_null(std::string_view text) {
  if (text.empty()) return std::monostate{};
  return std::string{text};
}

FlatValue read_field(const events::DataFields& data, const DataColumn& spec) {
  switch (spec.read) {
    case Read::text:
      return text_or_null(data.text(spec.field));
    case Read::number: {
      const auto number = data.number(spec.field);
      if (!number) return std::monostate{};
      if (spec.column.type == FlatType::integer) return static_cast<std::int64_t>(*number);
      return *number;
    }
    case Read::date: {
      const auto date = data.date(spec.field);
      if (!date) return std::monostate{};
      return std::int64_t{days_since_epoch(*date)};
    }
    case Read::flag:
      return std::int64_t{data.flag(spec.field) ? 1 : 0};
  }
  return std::monostate{};
}

}  // namespace

std::span<const FlatColumn> flat_event_columns() { return kColumns; }
std::span<const FlatColumn> calendar_columns() { return kCalendar; }

std::size_t flat_event_column(std::string_view name) {
  const auto found = std::find_if(kColumns.begin(), kColumns.end(),
                                  [name](const FlatColumn& column) { return column.name == name; });
  return static_cast<std::size_t>(found - kColumns.begin());
}

std::vector<FlatValue> flatten_event(const events::Event& event, std::int64_t seq) {
  std::vector<FlatValue> row;
  row.reserve(kColumns.size());
  const std::string_view type = events::type_name(event.type);
  row.emplace_back(seq);
  row.emplace_back(std::string{type});
  row.push_back(text_or_null(event.site_id));
  row.emplace_back(std::int64_t{to_millis(event.occurred_at)});
  row.emplace_back(std::int64_t{paris_day_number(event.occurred_at)});
  const auto data = events::DataFields::of(event);
  for (const DataColumn& spec : kData) {
    const bool applies = spec.only_type.empty() || spec.only_type == type;
    row.push_back(data && applies ? read_field(*data, spec) : FlatValue{});
  }
  return row;
}

std::vector<std::vector<FlatValue>> calendar_rows(std::int32_t first_day, std::int32_t last_day) {
  using namespace std::chrono;
  std::vector<std::vector<FlatValue>> rows;
  std::int64_t working_index = 0;
  for (std::int32_t day = first_day; day <= last_day; ++day) {
    const LocalDate date = date_from_days(day);
    const bool working = is_working_day(date);
    working_index += working ? 1 : 0;
    const unsigned month_days = static_cast<unsigned>(
        year_month_day_last{date.year(), month_day_last{date.month()}}.day());
    rows.push_back({std::int64_t{day}, std::int64_t{working ? 1 : 0},
                    static_cast<std::int64_t>(month_days), working_index});
  }
  return rows;
}

void CalendarSpan::include(const std::vector<FlatValue>& row) {
  static const std::size_t kDayColumns[] = {flat_event_column("day"),
                                            flat_event_column("date_day")};
  for (const std::size_t column : kDayColumns) {
    if (const auto* day = std::get_if<std::int64_t>(&row[column])) {
      first_day_ = std::min(first_day_, static_cast<std::int32_t>(*day));
      last_day_ = std::max(last_day_, static_cast<std::int32_t>(*day));
    }
  }
}

std::vector<std::vector<FlatValue>> CalendarSpan::rows() const {
  constexpr std::int32_t kMargin = 400;
  if (first_day_ > last_day_) return calendar_rows(0, 0);
  return calendar_rows(first_day_ - kMargin, last_day_ + kMargin);
}

}  // namespace vigie::bench
