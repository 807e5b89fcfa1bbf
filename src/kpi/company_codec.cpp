#include "kpi/company_codec.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <limits>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/byte_stream.hpp"

namespace vigie::kpi {
namespace {

// Day values go out as their bytes; these are what makes that meaningful.
static_assert(std::is_trivially_copyable_v<DayCounters> && std::is_trivially_copyable_v<Count>);

// The fewest bytes an element of each list takes, to refuse counts the input cannot hold.
constexpr std::size_t kMinStringBytes = sizeof(std::uint64_t);
constexpr std::size_t kMinSeriesBytes = sizeof(std::int32_t) + sizeof(std::uint64_t);
constexpr std::size_t kMinStepBytes = sizeof(std::int64_t) + 1;
constexpr std::size_t kMinItemBytes = kMinStringBytes + sizeof(std::uint64_t) + 3;

// --- single values ------------------------------------------------------------------------------

template <class T>
void put_plain(ByteWriter& out, const T& value) {
  out.put(value);
}
template <class T>
bool get_plain(ByteReader& in, T& value) {
  return in.get(value);
}

void put_instant(ByteWriter& out, Instant at) { out.put(to_millis(at)); }
// Events are placed between 1990 and 2099 (events/): an instant outside 1970–2099 is damage, and
// the calendar arithmetic done on instants (Paris days) must never see one.
bool get_instant(ByteReader& in, Instant& at) {
  constexpr std::int64_t kYear2100 = 4'102'444'800'000;
  std::int64_t millis = 0;
  if (!in.get(millis)) return false;
  if (millis < 0 || millis >= kYear2100) return in.fail();
  at = from_millis(millis);
  return true;
}

// Year, month and day as they are, valid or not (an unset planned date is 0/0/0).
void put_date(ByteWriter& out, LocalDate date) {
  out.put(static_cast<std::int16_t>(static_cast<int>(date.year())));
  out.put(static_cast<std::uint8_t>(static_cast<unsigned>(date.month())));
  out.put(static_cast<std::uint8_t>(static_cast<unsigned>(date.day())));
}
bool get_date(ByteReader& in, LocalDate& date) {
  std::int16_t year = 0;
  std::uint8_t month = 0;
  std::uint8_t day = 0;
  if (!in.get(year) || !in.get(month) || !in.get(day)) return false;
  date = LocalDate{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
  return true;
}

template <class Enum>
void put_enum(ByteWriter& out, Enum value) {
  out.put(static_cast<std::uint8_t>(value));
}
// Enumerations index tables (site_status_name, sla_hours): a value past `kLast` is refused.
template <class Enum, Enum kLast>
bool get_enum(ByteReader& in, Enum& value) {
  std::uint8_t raw = 0;
  if (!in.get(raw)) return false;
  if (raw > static_cast<std::uint8_t>(kLast)) return in.fail();
  value = static_cast<Enum>(raw);
  return true;
}

// Faible 1 … Critique 4, the only values the fold gives.
bool get_severity(ByteReader& in, int& severity) {
  std::int32_t value = 0;
  if (!in.get(value)) return false;
  if (value < 1 || value > 4) return in.fail();
  severity = value;
  return true;
}
void put_severity(ByteWriter& out, int severity) { out.put(static_cast<std::int32_t>(severity)); }

template <class T, class Put>
void put_optional(ByteWriter& out, const std::optional<T>& value, Put put) {
  out.put(static_cast<std::uint8_t>(value.has_value()));
  if (value) put(out, *value);
}
template <class T, class Get>
bool get_optional(ByteReader& in, std::optional<T>& value, Get get) {
  std::uint8_t present = 0;
  if (!in.get(present)) return false;
  if (present > 1) return in.fail();
  value.reset();
  if (present == 0) return true;
  T inner{};
  if (!get(in, inner)) return false;
  value = inner;
  return true;
}

// --- containers ---------------------------------------------------------------------------------

template <class T, class Put>
void put_timeline(ByteWriter& out, const Timeline<T>& timeline, Put put) {
  out.put_count(timeline.size());
  for (const auto& step : timeline.steps()) {
    put_instant(out, step.at);
    put(out, step.value);
  }
}
// Steps are set again in their saved order: Timeline::set keeps its own invariant (sorted,
// same instants in the order set) whatever the bytes say.
template <class T, class Get>
bool get_timeline(ByteReader& in, Timeline<T>& timeline, Get get) {
  std::size_t count = 0;
  if (!in.get_count(count, kMinStepBytes)) return false;
  for (std::size_t i = 0; i < count; ++i) {
    Instant at{};
    T value{};
    if (!get_instant(in, at) || !get(in, value)) return false;
    timeline.set(at, std::move(value));
  }
  return true;
}

template <class T>
void put_series(ByteWriter& out, const DaySeries<T>& series) {
  out.put(series.first_day());
  out.put_array(std::span<const T>(series.days()));
}
// A day's counts within ±2^40: far above any real day (a terabyte of photos), and low enough
// that running totals over any series, and their differences, cannot overflow.
constexpr std::int64_t kMaxDayCount = std::int64_t{1} << 40;
bool plausible(std::int64_t value) { return value >= -kMaxDayCount && value <= kMaxDayCount; }
bool plausible(double) { return true; }  // a damaged double gives a wrong figure, never UB
bool plausible(const HoursTally& tally) { return plausible(tally.count); }
bool plausible(const Count& count) { return plausible(count.n); }
bool plausible(const DayCounters& day) {
  bool all = true;
  DayCounters copy = day;
  pair_fields(copy, day, [&all](const auto&, const auto& field) { all = all && plausible(field); });
  return all;
}

template <class T>
bool get_series(ByteReader& in, DaySeries<T>& series) {
  std::int32_t first_day = 0;
  std::vector<T> days;
  if (!in.get(first_day) || !in.get_array(days)) return false;
  constexpr auto kMaxDay = std::numeric_limits<std::int32_t>::max();
  if (days.size() > static_cast<std::size_t>(kMaxDay) ||
      static_cast<std::int64_t>(first_day) + static_cast<std::int64_t>(days.size()) > kMaxDay) {
    return in.fail();  // last_day() would overflow
  }
  for (const T& day : days) {
    if (!plausible(day)) return in.fail();
  }
  series = DaySeries<T>::from_days(first_day, std::move(days));
  return true;
}

// Map entries sorted by key: the bytes do not depend on the hash table's history.
template <class Map>
std::vector<const typename Map::value_type*> in_key_order(const Map& map) {
  std::vector<const typename Map::value_type*> entries;
  entries.reserve(map.size());
  for (const auto& entry : map) entries.push_back(&entry);
  std::sort(entries.begin(), entries.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  return entries;
}

// --- records ------------------------------------------------------------------------------------
// Each destructures its whole type: a field added to it fails to compile here until saved.

void put_attributes(ByteWriter& out, const SiteAttributes& attributes) {
  const auto& [type, region, manager_id, team_id, chief_id, planned_start, planned_end] =
      attributes;
  for (const std::string* text : {&type, &region, &manager_id, &team_id, &chief_id}) {
    out.put_string(*text);
  }
  put_date(out, planned_start);
  put_date(out, planned_end);
}
bool get_attributes(ByteReader& in, SiteAttributes& attributes) {
  auto& [type, region, manager_id, team_id, chief_id, planned_start, planned_end] = attributes;
  for (std::string* text : {&type, &region, &manager_id, &team_id, &chief_id}) {
    if (!in.get_string(*text)) return false;
  }
  return get_date(in, planned_start) && get_date(in, planned_end);
}

void put_actual_end(ByteWriter& out, const std::optional<LocalDate>& end) {
  put_optional(out, end, put_date);
}
bool get_actual_end(ByteReader& in, std::optional<LocalDate>& end) {
  return get_optional(in, end, get_date);
}

void put_site(ByteWriter& out, const SiteState& site) {
  // label_corrections are not saved: a pure function of the incidents, remade on load.
  const auto& [id, attributes, status, budget_cents, percent_complete, actual_end, days,
               feature_uses, label_corrections, awaiting_refresh] = site;
  out.put_string(id);
  put_timeline(out, attributes, put_attributes);
  put_timeline(out, status, put_enum<SiteStatus>);
  put_timeline(out, budget_cents, put_plain<std::int64_t>);
  put_timeline(out, percent_complete, put_plain<double>);
  put_timeline(out, actual_end, put_actual_end);
  put_series(out, days);
  out.put_count(feature_uses.size());
  for (const auto& uses : feature_uses) put_series(out, uses);
}
// `feature_count`: feature_uses is indexed by feature id.
bool get_site(ByteReader& in, SiteState& site, std::size_t feature_count) {
  auto& [id, attributes, status, budget_cents, percent_complete, actual_end, days, feature_uses,
         label_corrections, awaiting_refresh] = site;
  awaiting_refresh = false;
  std::size_t uses = 0;
  const bool read = in.get_string(id) && get_timeline(in, attributes, get_attributes) &&
                    get_timeline(in, status, get_enum<SiteStatus, SiteStatus::cancelled>) &&
                    get_timeline(in, budget_cents, get_plain<std::int64_t>) &&
                    get_timeline(in, percent_complete, get_plain<double>) &&
                    get_timeline(in, actual_end, get_actual_end) && get_series(in, days) &&
                    in.get_count(uses, kMinSeriesBytes);
  if (!read) return false;
  if (uses > feature_count) return in.fail();
  feature_uses.resize(uses);
  for (auto& series : feature_uses) {
    if (!get_series(in, series)) return false;
  }
  return true;
}

void put_labels(ByteWriter& out, const Labels& labels) {
  const auto& [category, severity, urgency] = labels;
  put_optional(out, category, put_enum<IncidentCategory>);
  put_optional(out, severity, put_severity);
  put_optional(out, urgency, put_enum<Urgency>);
}
bool get_labels(ByteReader& in, Labels& labels) {
  auto& [category, severity, urgency] = labels;
  return get_optional(in, category, get_enum<IncidentCategory, IncidentCategory::administrative>) &&
         get_optional(in, severity, get_severity) &&
         get_optional(in, urgency, get_enum<Urgency, Urgency::within_3d>);
}

void put_incident(ByteWriter& out, const Incident& incident) {
  const auto& [opened_at, taken_at, resolved_at, label_steps] = incident;
  for (const auto* at : {&opened_at, &taken_at, &resolved_at}) put_optional(out, *at, put_instant);
  out.put_count(label_steps.size());
  for (const LabelStep& step : label_steps) {
    put_instant(out, step.at);
    put_labels(out, step.given);
  }
}
// Steps must come in the order of their instants, as add_label_step keeps them.
bool get_incident(ByteReader& in, Incident& incident) {
  auto& [opened_at, taken_at, resolved_at, label_steps] = incident;
  for (auto* at : {&opened_at, &taken_at, &resolved_at}) {
    if (!get_optional(in, *at, get_instant)) return false;
  }
  std::size_t steps = 0;
  if (!in.get_count(steps, kMinStepBytes)) return false;
  label_steps.resize(steps);
  for (std::size_t i = 0; i < steps; ++i) {
    if (!get_instant(in, label_steps[i].at) || !get_labels(in, label_steps[i].given)) return false;
    if (i > 0 && label_steps[i].at < label_steps[i - 1].at) return in.fail();
  }
  return true;
}

void put_request(ByteWriter& out, const Request& request) {
  const auto& [opened_at, resolved_at, kind] = request;
  put_optional(out, opened_at, put_instant);
  put_optional(out, resolved_at, put_instant);
  put_optional(out, kind, put_enum<RequestKind>);
}
bool get_request(ByteReader& in, Request& request) {
  auto& [opened_at, resolved_at, kind] = request;
  return get_optional(in, opened_at, get_instant) && get_optional(in, resolved_at, get_instant) &&
         get_optional(in, kind, get_enum<RequestKind, RequestKind::design_office_question>);
}

// Incidents and requests: key, the index of their site, the record.
template <class Item, class Put>
void put_items(ByteWriter& out,
               const std::unordered_map<std::string, std::pair<std::size_t, Item>>& items,
               Put put) {
  out.put_count(items.size());
  for (const auto* entry : in_key_order(items)) {
    out.put_string(entry->first);
    out.put(static_cast<std::uint64_t>(entry->second.first));
    put(out, entry->second.second);
  }
}
template <class Item, class Get>
bool get_items(ByteReader& in, std::unordered_map<std::string, std::pair<std::size_t, Item>>& items,
               std::size_t site_count, Get get) {
  std::size_t count = 0;
  if (!in.get_count(count, kMinItemBytes)) return false;
  items.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string key;
    std::uint64_t site = 0;
    Item item;
    if (!in.get_string(key) || !in.get(site) || !get(in, item)) return false;
    if (site >= site_count) return in.fail();
    const auto [slot, added] = items.try_emplace(std::move(key));
    if (!added) return in.fail();
    slot->second = {static_cast<std::size_t>(site), item};
  }
  return true;
}

// At least the encoded size, so that the buffer is allocated once (a regrowth would hold the
// old and the new buffer at once): exact for the day series, which are most of it.
std::size_t estimated_bytes(const std::vector<SiteState>& sites, std::size_t items,
                            const std::unordered_map<std::string, PersonState>& persons) {
  std::size_t bytes = 1024 + items * 128;
  for (const auto& [id, person] : persons) {
    bytes += 64 + id.size() +
             (person.app_days.days().size() + person.absent_days.days().size()) * sizeof(Count);
  }
  for (const SiteState& site : sites) {
    bytes += 512 + site.days.days().size() * sizeof(DayCounters);
    const std::size_t small_steps = site.status.size() + site.budget_cents.size() +
                                    site.percent_complete.size() + site.actual_end.size();
    bytes += small_steps * 32;
    for (const auto& [at, a] : site.attributes.steps()) {
      bytes += 128 + a.type.size() + a.region.size() + a.manager_id.size() + a.team_id.size() +
               a.chief_id.size();
    }
    for (const auto& uses : site.feature_uses) bytes += 16 + uses.days().size() * sizeof(Count);
  }
  return bytes;
}

void mix_into(std::uint32_t& hash, std::uint64_t value) {  // FNV-1a, byte by byte
  for (int shift = 0; shift < 64; shift += 8) {
    hash ^= static_cast<std::uint8_t>(value >> shift);
    hash *= 16777619u;
  }
}

}  // namespace

// The friend of Company that reads and restores its private members.
struct CompanyCodec {
  static std::string encode(const Company& company) {
    ByteWriter out;
    out.reserve(estimated_bytes(
        company.sites_, company.incidents_.size() + company.requests_.size(), company.persons_));
    out.put_count(company.features_.size());
    for (const std::string& name : company.features_) out.put_string(name);
    out.put_count(company.sites_.size());
    for (const SiteState& site : company.sites_) put_site(out, site);
    put_items(out, company.incidents_, put_incident);
    put_items(out, company.requests_, put_request);
    out.put_count(company.persons_.size());
    for (const auto* entry : in_key_order(company.persons_)) {
      const auto& [app_days, absent_days, awaiting_refresh] = entry->second;
      out.put_string(entry->first);
      put_series(out, app_days);
      put_series(out, absent_days);
    }
    return out.take();
  }

  static Expected<Company> decode(std::string_view bytes, const CompanySettings& settings) {
    using Section = bool (*)(ByteReader&, Company&);
    constexpr std::pair<const char*, Section> kSections[] = {{"features", get_features},
                                                             {"sites", get_sites},
                                                             {"incidents", get_incidents},
                                                             {"requests", get_requests},
                                                             {"persons", get_persons}};
    Company company(settings);
    ByteReader in(bytes);
    for (const auto& [name, get] : kSections) {
      if (!get(in, company)) return Error::invalid("state", std::string{"malformed "} + name);
    }
    if (!in.at_end()) return Error::invalid("state", "has bytes after its end");
    return company;
  }

 private:
  static bool get_features(ByteReader& in, Company& company) {
    std::size_t count = 0;
    if (!in.get_count(count, kMinStringBytes)) return false;
    company.features_.resize(count);
    for (std::size_t id = 0; id < count; ++id) {
      if (!in.get_string(company.features_[id])) return false;
      if (!company.feature_ids_.try_emplace(company.features_[id], id).second) return in.fail();
    }
    return true;
  }

  static bool get_sites(ByteReader& in, Company& company) {
    std::size_t count = 0;
    if (!in.get_count(count, kMinStringBytes)) return false;
    company.sites_.resize(count);
    for (std::size_t index = 0; index < count; ++index) {
      SiteState& site = company.sites_[index];
      if (!get_site(in, site, company.features_.size())) return false;
      if (!company.site_index_.try_emplace(site.id, index).second) return in.fail();
    }
    return true;
  }

  static bool get_incidents(ByteReader& in, Company& company) {
    if (!get_items(in, company.incidents_, company.sites_.size(), get_incident)) return false;
    for (const auto& [key, entry] : company.incidents_) {
      company.swap_corrections(company.sites_[entry.first], {},
                               label_corrections(entry.second, company.settings_.incident_sla_hours));
    }
    return true;
  }

  static bool get_requests(ByteReader& in, Company& company) {
    return get_items(in, company.requests_, company.sites_.size(), get_request);
  }

  static bool get_persons(ByteReader& in, Company& company) {
    std::size_t count = 0;
    if (!in.get_count(count, kMinStringBytes + 2 * kMinSeriesBytes)) return false;
    company.persons_.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
      std::string id;
      if (!in.get_string(id)) return false;
      const auto [slot, added] = company.persons_.try_emplace(std::move(id));
      if (!added) return in.fail();
      auto& [app_days, absent_days, awaiting_refresh] = slot->second;
      if (!get_series(in, app_days) || !get_series(in, absent_days)) return false;
    }
    return true;
  }
};

std::string encode_company(const Company& company) { return CompanyCodec::encode(company); }

Expected<Company> decode_company(std::string_view bytes, const CompanySettings& settings) {
  return CompanyCodec::decode(bytes, settings);
}

std::uint32_t state_layout() {
  std::uint32_t hash = 2166136261u;
  mix_into(hash, std::endian::native == std::endian::little ? 1 : 2);
  for (const std::size_t size : {sizeof(DayCounters), sizeof(Count), sizeof(HoursTally),
                                 offsetof(HoursTally, count), offsetof(HoursTally, hours)}) {
    mix_into(hash, size);
  }
  DayCounters probe;
  const auto* base = reinterpret_cast<const char*>(&probe);
  pair_fields(probe, probe, [&](auto& field, const auto&) {
    using Field = std::remove_cvref_t<decltype(field)>;
    mix_into(hash, static_cast<std::uint64_t>(reinterpret_cast<const char*>(&field) - base));
    mix_into(hash, sizeof(Field));
    mix_into(hash, std::is_floating_point_v<Field> ? 1 : 0);
  });
  return hash;
}

}  // namespace vigie::kpi
