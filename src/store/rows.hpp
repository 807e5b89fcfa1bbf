// store/rows.hpp — the row types the Store reads and writes. Plain data, no behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/money.hpp"
#include "common/time.hpp"
#include "events/event.hpp"
#include "events/records.hpp"

namespace vigie::store {

enum class EntityKind : std::uint8_t { site, person, team, vehicle };

struct TypeCount {
  events::EventType type;
  std::uint64_t count = 0;
};

// The current state of a site: its last site.upserted record, then budget.revised and
// site.completed events that occurred after it.
using SiteRow = events::SiteRecord;

enum class Role : std::uint8_t { ingest, admin, direction, manager, design_office, chief };
std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

struct TokenRow {
  std::string hash;       // hex SHA-256 of the token; the token itself is never stored
  Role role = Role::ingest;
  std::string person_id;  // for manager and chief tokens: whose sites they see
  std::string label;
  Instant created_at{};
};

// A reference entity other than a site as stored: a person's label is their role, a team's its
// chief, a vehicle's its kind; `record` is the data of the upsert that set it (JSON).
struct EntityRow {
  std::string id;
  std::string label;
  std::string record;
};

// A person who signs in to the dashboards (issue 10): an e-mail address, a role (what they see:
// a manager only their sites) and their password's Argon2id hash in its encoded form, salt and
// parameters included; the password itself is never stored.
struct UserRow {
  std::string email;      // lower case
  Role role = Role::direction;
  std::string person_id;  // manager, design_office, chief: who they are
  std::string password_hash;  // "$argon2id$v=19$m=…"
  Instant created_at{};
};

// A signed-in browser: the SHA-256 of its session cookie (the cookie itself is never stored),
// whose user, until when.
struct SessionRow {
  std::string hash;
  std::string email;
  Instant created_at{};
  Instant expires_at{};
};

struct DemoTruthRow {
  std::string site_id;
  double p_late = 0;
  double expected_delay_days = 0;
  bool late = false;
  double delay_days = 0;
};

// A version in the model registry. `file` is the model itself (empty in listings).
struct ModelVersionRow {
  std::string model;         // "delay", "triage"
  std::int64_t version = 0;  // 1, 2, … per model, given by the store
  Instant created_at{};
  std::string trained_by;    // the command or job that trained it
  std::string params;        // JSON: the training parameters
  std::string data_window;   // JSON: which data it learnt from and was tested on
  std::string metrics;       // JSON: its held-out evaluation
  std::string file;
  bool active = false;       // the version serving now (the latest promotion)
  std::optional<Instant> promoted_at;  // its latest promotion
  std::string promoted_by;
};

// An alert (surfaces.md, Alerts): what, where, why with its figures, and what to do, in French
// for the people it goes to. `key` names the condition: one open alert per key.
struct AlertRow {
  std::int64_t id = 0;         // given by the store
  std::string key;             // "incident_critical:CH-2026-004:INC-88"
  std::string kind;            // "incident_critical"
  std::string site_id;         // empty when the alert concerns no one site
  std::string audience;        // "Direction", "Responsable d'affaire", "admin"
  std::string title;           // French, one line
  std::string message;         // French: why, with the figures, and what to do
  std::string figures;         // JSON object: the figures that raised it
  Instant raised_at{};
  std::optional<Instant> cleared_at;
  std::optional<Instant> acknowledged_at;  // the first acknowledgement
  std::string acknowledged_by;             // a person id, or the role of a token without one
};

// Delivering an alert to one target (issue 9, point 3): the outbox the delivery works from and,
// after the last try, the dead-letter record.
enum class DeliveryStatus : std::uint8_t { pending, delivered, dead };
std::string_view delivery_status_name(DeliveryStatus status);
std::optional<DeliveryStatus> parse_delivery_status(std::string_view name);

struct AlertDeliveryRow {
  std::int64_t id = 0;        // given by the store
  std::int64_t alert_id = 0;
  std::string channel;        // "webhook" or "email"
  std::string target;         // the webhook's name, or the e-mail address
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;           // tries made so far
  Instant created_at{};
  Instant next_attempt_at{};  // while pending: not before
  std::optional<Instant> finished_at;  // delivered or dead: when
  std::string last_error;     // why the last try failed
};

// A change of an alert rule through the API (issue 9, point 1): the settings the API gave the
// rule, over the configuration's, as a JSON object of field → value ("" when the change put the
// rule back to the configuration's), who made it and when. Kept, never rewritten: the audit trail
// of who changed a threshold.
struct AlertRuleChangeRow {
  std::int64_t id = 0;        // given by the store; grows
  std::string rule_id;        // alerts.rules.<rule_id>
  std::string settings;       // {"threshold":15,"enabled":false}; "": back to the configuration
  std::string changed_by;
  Instant changed_at{};
};

// A suggested plan refused (surfaces.md: "to accept or reject"), kept as the audit trail: the
// refusal outlives a restart, and the same suggestion shows as refused when it comes back.
struct PlanRejectionRow {
  std::string plan_id;      // "PL-2026-W50-1a2b3c4d" (plan_json.hpp)
  std::string week;         // "2026-W50"
  std::string rejected_by;  // who refused (a person id, an e-mail or a role)
  Instant rejected_at{};
  std::string reason;       // as given; "" when none
};

// A prediction as the server stored it (issue 9, points 5 to 7): which version made it, in which
// arm of an A/B test, on which day, and the features it saw. Any past prediction can be
// explained, two versions compared on the same sites once outcomes exist, and the features the
// model serves on compared with those it learnt from (drift).
struct SiteScoreRow {
  std::string model;          // "delay"
  std::int64_t version = 0;
  std::string arm;            // "champion" (the active version) or "challenger"
  std::string site_id;
  LocalDate day{};            // the Paris day it was made on: one per version, site and day
  Instant scored_at{};
  double p_late = 0;
  double delay_days = 0;
  std::string features;       // JSON array of the feature values, in the model's order (null: missing)
};

// A promotion in the registry: `version` served from `promoted_at` until the next one.
struct ModelPromotionRow {
  std::int64_t version = 0;
  Instant promoted_at{};
  std::string promoted_by;
};

}  // namespace vigie::store
