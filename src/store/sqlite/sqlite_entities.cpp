// The reference entities of the SQLite store: maintained from upsert events inside append()'s
// transaction, and read back as rows. Out-of-order events are placed by occurred_at: a record
// older than the stored one changes nothing (see the *_at columns in migrations.cpp).
#include <string>

#include "common/json_writer.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {
namespace {

std::string skills_json(const std::vector<std::string>& skills) {
  JsonWriter out;
  out.begin_array();
  for (const auto& skill : skills) out.value(skill);
  out.end_array();
  return out.take();
}

// Reads back what skills_json wrote: an array of plain strings.
std::vector<std::string> parse_skills(std::string_view json) {
  std::vector<std::string> skills;
  std::string current;
  bool in_string = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (!in_string) {
      if (c == '"') in_string = true;
      continue;
    }
    if (c == '\\' && i + 1 < json.size()) {
      current.push_back(json[++i] == 'n' ? '\n' : json[i]);
    } else if (c == '"') {
      skills.push_back(std::move(current));
      current.clear();
      in_string = false;
    } else {
      current.push_back(c);
    }
  }
  return skills;
}

constexpr std::string_view kEntityKinds[] = {"site", "person", "team", "vehicle"};

std::string_view entity_kind_name(events::EventType type) {
  switch (type) {
    case events::EventType::person_upserted: return "person";
    case events::EventType::team_upserted: return "team";
    default: return "vehicle";
  }
}

constexpr std::string_view kSiteColumns =
    "id,name,client,type,region,city,lat,lon,budget_total_cents,budget_material_cents,"
    "planned_start,planned_end,actual_end,status,complexity,manager_id,chief_id,team_id,"
    "subcontractors,required_skills";

SiteRow read_site(const Statement& stmt) {
  SiteRow site;
  site.id = stmt.text(0);
  site.name = stmt.text(1);
  site.client = stmt.text(2);
  site.type = stmt.text(3);
  site.region = stmt.text(4);
  site.city = stmt.text(5);
  site.lat = stmt.real(6);
  site.lon = stmt.real(7);
  site.budget_total = Cents{stmt.int64(8)};
  site.budget_material = Cents{stmt.int64(9)};
  site.planned_start = parse_iso_date(stmt.text(10)).value_or(LocalDate{});
  site.planned_end = parse_iso_date(stmt.text(11)).value_or(LocalDate{});
  if (!stmt.is_null(12)) site.actual_end = parse_iso_date(stmt.text(12));
  site.status = stmt.text(13);
  site.complexity = static_cast<int>(stmt.int64(14));
  site.manager_id = stmt.text(15);
  site.chief_id = stmt.text(16);
  site.team_id = stmt.text(17);
  site.subcontractors = static_cast<int>(stmt.int64(18));
  site.required_skills = parse_skills(stmt.text(19));
  return site;
}

}  // namespace

Expected<void> SqliteStore::apply_to_entities(const events::Event& event) {
  const std::int64_t at = to_millis(event.occurred_at);
  switch (event.type) {
    case events::EventType::site_upserted: {
      auto site = events::decode_site(event);
      if (!site) return site.error();
      const std::string actual_end = site->actual_end ? format_iso_date(*site->actual_end) : "";
      return write_.upsert_site.bind(1, site->id).bind(2, site->name).bind(3, site->client)
          .bind(4, site->type).bind(5, site->region).bind(6, site->city).bind(7, site->lat)
          .bind(8, site->lon).bind(9, site->budget_total.value)
          .bind(10, site->budget_material.value).bind(11, format_iso_date(site->planned_start))
          .bind(12, format_iso_date(site->planned_end)).bind_optional(13, actual_end)
          .bind(14, site->status).bind(15, static_cast<std::int64_t>(site->complexity))
          .bind(16, site->manager_id).bind_optional(17, site->chief_id)
          .bind_optional(18, site->team_id)
          .bind(19, static_cast<std::int64_t>(site->subcontractors))
          .bind(20, skills_json(site->required_skills)).bind(21, at).run();
    }
    case events::EventType::budget_revised: {
      auto budget = events::decode_budget(event);
      if (!budget) return budget.error();
      return write_.revise_budget.bind(1, budget->budget_total.value)
          .bind(2, budget->budget_material.value).bind(3, at).bind(4, event.site_id).run();
    }
    case events::EventType::site_completed: {
      auto end = events::decode_actual_end(event);
      if (!end) return end.error();
      return write_.complete_site.bind(1, format_iso_date(*end)).bind(2, at)
          .bind(3, event.site_id).run();
    }
    case events::EventType::person_upserted:
    case events::EventType::team_upserted:
    case events::EventType::vehicle_upserted: {
      auto key = events::decode_entity_key(event);
      if (!key) return key.error();
      return write_.upsert_entity.bind(1, entity_kind_name(event.type)).bind(2, key->id)
          .bind(3, key->label).bind(4, event.data).bind(5, at).run();
    }
    default:
      return {};
  }
}

Expected<std::vector<std::string>> SqliteStore::site_ids() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT id FROM sites ORDER BY id");
  if (!stmt) return stmt.error();
  std::vector<std::string> ids;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.emplace_back(stmt->text(0));
  }
  return ids;
}

Expected<std::vector<SiteRow>> SqliteStore::query_sites(std::string_view where,
                                                        std::string_view arg) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT " + std::string{kSiteColumns} + " FROM sites " +
                              std::string{where} + " ORDER BY id");
  if (!stmt) return stmt.error();
  if (!arg.empty()) stmt->bind(1, arg);
  std::vector<SiteRow> sites;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    sites.push_back(read_site(*stmt));
  }
  return sites;
}

Expected<std::vector<SiteRow>> SqliteStore::sites() const { return query_sites("", ""); }

Expected<std::optional<SiteRow>> SqliteStore::site(const std::string& id) const {
  auto found = query_sites("WHERE id = ?1", id);
  if (!found) return found.error();
  if (found->empty()) return std::optional<SiteRow>{};
  return std::optional<SiteRow>{std::move(found->front())};
}

Expected<std::uint64_t> SqliteStore::entity_count(EntityKind kind) const {
  const std::lock_guard lock(read_mutex_);
  const bool is_site = kind == EntityKind::site;
  auto stmt = reader_.prepare(is_site ? "SELECT COUNT(*) FROM sites"
                                      : "SELECT COUNT(*) FROM entities WHERE kind = ?");
  if (!stmt) return stmt.error();
  if (!is_site) stmt->bind(1, kEntityKinds[static_cast<std::size_t>(kind)]);
  auto row = stmt->step();
  if (!row) return row.error();
  return static_cast<std::uint64_t>(stmt->int64(0));
}

Expected<std::vector<EntityRow>> SqliteStore::entities(EntityKind kind) const {
  if (kind == EntityKind::site) return Error::make(ErrorCode::internal, "sites are read by sites()");
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT id, label, record FROM entities WHERE kind = ? ORDER BY id");
  if (!stmt) return stmt.error();
  stmt->bind(1, kEntityKinds[static_cast<std::size_t>(kind)]);
  std::vector<EntityRow> rows;
  for (;;) {
    auto step = stmt->step();
    if (!step) return step.error();
    if (!*step) return rows;
    rows.push_back({std::string{stmt->text(0)}, std::string{stmt->text(1)}, std::string{stmt->text(2)}});
  }
}

}  // namespace vigie::store::sqlite
