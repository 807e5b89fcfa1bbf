// store/store.hpp
//
// Everything that persists, behind one interface. Nothing above it names an engine: SQLite
// (sqlite/) now, PostgreSQL and ClickHouse later, chosen in one place (open_store).
// Writes come in batches (one transaction, one fsync) and reads are shaped for aggregates, so
// that a networked engine can serve them without a round trip per row.
// Thread-safety: every method may be called from any thread; implementations serialise writes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "events/event.hpp"
#include "store/rows.hpp"

namespace vigie::store {

enum class AppendStatus : std::uint8_t { accepted, duplicate };

// An event as stored, without parsing it again: what the raw archive copies.
struct StoredEvent {
  std::int64_t seq = 0;
  Instant occurred_at{};
  std::string_view raw;  // valid during the visit only
};

struct AppendResult {
  std::vector<AppendStatus> statuses;  // one per event of the batch, in order
  std::size_t accepted = 0;
  std::size_t duplicates = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // --- events ---------------------------------------------------------------------------------
  // Stores the batch in one transaction and maintains the reference entities (sites, persons,
  // teams, vehicles) from its upsert events, placed by occurred_at. An event whose id is already
  // stored (or repeated earlier in the batch) is a duplicate and changes nothing.
  // Durable when it returns: the events survive a crash of the process the next instant.
  virtual Expected<AppendResult> append(std::span<const events::Event> batch) = 0;

  // Calls `visit` for stored events with sequence number > after_seq, in sequence (arrival)
  // order, at most `limit` of them; returns the last sequence number visited (after_seq if none).
  virtual Expected<std::int64_t> scan_events(
      std::int64_t after_seq, std::size_t limit,
      const std::function<void(std::int64_t seq, const events::Event&)>& visit) const = 0;

  // Like scan_events, but hands over the stored envelope as is (no parse): for copying.
  virtual Expected<std::int64_t> scan_raw(
      std::int64_t after_seq, std::size_t limit,
      const std::function<void(const StoredEvent&)>& visit) const = 0;

  // Every stored event of `types` with seq in (after_seq, W], in sequence order, where W is the
  // highest seq when the scan starts, which it returns: a fold of these holds exactly the events
  // of these types up to W. Events of other types are not parsed (a fold of incidents reads a
  // hundredth of the store).
  virtual Expected<std::int64_t> scan_events_of_types(
      std::int64_t after_seq, std::span<const events::EventType> types,
      const std::function<void(std::int64_t seq, const events::Event&)>& visit) const = 0;

  // A site's `limit` latest events of `types` that occurred up to `until`, the latest first
  // (the timeline of the site's 360° view).
  virtual Expected<std::vector<events::Event>> recent_site_events(
      const std::string& site_id, std::span<const events::EventType> types, Instant until,
      std::size_t limit) const = 0;

  // The highest sequence number stored (0 when empty).
  virtual Expected<std::int64_t> last_seq() const = 0;

  virtual Expected<std::uint64_t> event_count() const = 0;
  virtual Expected<std::vector<TypeCount>> event_counts_by_type() const = 0;

  // --- reference entities -------------------------------------------------------------------------
  virtual Expected<std::vector<std::string>> site_ids() const = 0;
  virtual Expected<std::vector<SiteRow>> sites() const = 0;
  virtual Expected<std::optional<SiteRow>> site(const std::string& id) const = 0;
  virtual Expected<std::uint64_t> entity_count(EntityKind kind) const = 0;
  // Every entity of a kind other than site, by id.
  virtual Expected<std::vector<EntityRow>> entities(EntityKind kind) const = 0;

  // A digest of the stored content (events and entities, not arrival order or times), equal
  // for two stores holding the same data: `vigie replay` is checked with it.
  virtual Expected<std::string> content_digest() const = 0;

  // --- access tokens --------------------------------------------------------------------------
  virtual Expected<void> put_token(const TokenRow& token) = 0;
  virtual Expected<std::optional<TokenRow>> token_by_hash(const std::string& hash) const = 0;
  // Every token, oldest first (for `vigie token list`; callers show only a prefix of the hash).
  virtual Expected<std::vector<TokenRow>> tokens() const = 0;
  // Deletes the token with this hash; false when there was none. Servers that cached it stop
  // honouring it within their cache's time to live (api/auth.hpp).
  virtual Expected<bool> revoke_token(const std::string& hash) = 0;
  // Whether a reference entity is known: a token's person must be a stored person.
  virtual Expected<bool> entity_exists(EntityKind kind, const std::string& id) const = 0;

  // --- dashboard users and their sessions ----------------------------------------------------------
  // Adds a user, or replaces the one of the same e-mail (a new password or role); a replaced
  // user's sessions end.
  virtual Expected<void> put_user(const UserRow& user) = 0;
  virtual Expected<std::optional<UserRow>> user(const std::string& email) const = 0;
  // Every user, by e-mail.
  virtual Expected<std::vector<UserRow>> users() const = 0;
  // Removes a user and their sessions; false when there was none.
  virtual Expected<bool> remove_user(const std::string& email) = 0;
  // Records a session; sessions that expired before `row.created_at` are forgotten then.
  virtual Expected<void> add_session(const SessionRow& row) = 0;
  // The session of this hash with its user, unless it is unknown or expired at `now`.
  virtual Expected<std::optional<std::pair<SessionRow, UserRow>>> session(const std::string& hash,
                                                                          Instant now) const = 0;
  // Ends a session (signing out); false when there was none.
  virtual Expected<bool> remove_session(const std::string& hash) = 0;

  // --- webhook replay protection -------------------------------------------------------------------
  // Records a delivery id for a source; false if it was already recorded (a replay).
  // Deliveries older than `forget_before` may be forgotten.
  virtual Expected<bool> remember_delivery(const std::string& source,
                                           const std::string& delivery_id, Instant received_at,
                                           Instant forget_before) = 0;
  // Whether a delivery id is recorded for the source (read only).
  virtual Expected<bool> delivery_known(const std::string& source,
                                        const std::string& delivery_id) const = 0;

  // --- small durable settings (archive watermark, demo metadata) ---------------------------------
  virtual Expected<std::optional<std::string>> meta(const std::string& key) const = 0;
  virtual Expected<void> set_meta(const std::string& key, const std::string& value) = 0;

  // --- demo truth (what the simulator's causal model implies, for model evaluation) -----------
  virtual Expected<void> put_demo_truth(std::span<const DemoTruthRow> rows) = 0;
  virtual Expected<std::vector<DemoTruthRow>> demo_truth() const = 0;

  // --- model registry ---------------------------------------------------------------------------
  // Records a trained version (row.version is ignored) and returns its number: one more than the
  // model's highest.
  virtual Expected<std::int64_t> add_model_version(const ModelVersionRow& row) = 0;
  // Makes `version` the one that serves from `at`; false when there is no such version.
  virtual Expected<bool> promote_model_version(const std::string& model, std::int64_t version,
                                               Instant at, const std::string& by) = 0;
  // Every version of a model, newest first, without their files.
  virtual Expected<std::vector<ModelVersionRow>> model_versions(const std::string& model) const = 0;
  // One version with its file; nullopt when absent. Version 0: the active one.
  virtual Expected<std::optional<ModelVersionRow>> model_version(const std::string& model,
                                                                 std::int64_t version) const = 0;
  // Every promotion of a model, oldest first: which version served when.
  virtual Expected<std::vector<ModelPromotionRow>> model_promotions(const std::string& model) const = 0;

  // --- stored predictions ---------------------------------------------------------------------
  // Stores the rows, a row of the same model, version, site and day replacing the earlier one.
  virtual Expected<void> put_site_scores(std::span<const SiteScoreRow> rows) = 0;
  // A model's stored predictions made from `from` to `to` (Paris days, both included), every
  // version, by day then site.
  virtual Expected<std::vector<SiteScoreRow>> site_scores(const std::string& model, LocalDate from,
                                                          LocalDate to) const = 0;

  // --- alerts ---------------------------------------------------------------------------------
  // One condition, one alert while it holds (surfaces.md): raises `row` unless an alert with the
  // same key is open, and returns the new alert's id, or nullopt when one was already open.
  virtual Expected<std::optional<std::int64_t>> raise_alert(const AlertRow& row) = 0;
  // Clears the open alert of `key`, if any, at `at`; whether there was one.
  virtual Expected<bool> clear_alert(const std::string& key, Instant at) = 0;
  // Alerts newest first: only the open ones, or every one (the history), at most `limit`.
  virtual Expected<std::vector<AlertRow>> alerts(bool open_only, std::size_t limit) const = 0;
  // Records that `by` saw alert `id` at `at`, unless someone already did (the first stands);
  // the alert as it stands after, or nullopt when there is no such alert.
  virtual Expected<std::optional<AlertRow>> acknowledge_alert(std::int64_t id, const std::string& by,
                                                              Instant at) = 0;
  // The alerts raised in [from, to), oldest first (the history KPI 14 counts).
  virtual Expected<std::vector<AlertRow>> alerts_raised(Instant from, Instant to) const = 0;
  // One alert; nullopt when there is none.
  virtual Expected<std::optional<AlertRow>> alert(std::int64_t id) const = 0;

  // --- alert rules changed through the API ------------------------------------------------------
  // Records a change (row.id is ignored) and returns its id.
  virtual Expected<std::int64_t> add_alert_rule_change(const AlertRuleChangeRow& row) = 0;
  // Every change, oldest first: the last one of a rule is its settings now.
  virtual Expected<std::vector<AlertRuleChangeRow>> alert_rule_changes() const = 0;

  // --- suggested plans refused (their acceptance is plan.accepted events) ----------------------
  // Records the refusal of a plan; false when that plan was already refused (the first stands).
  virtual Expected<bool> add_plan_rejection(const PlanRejectionRow& row) = 0;
  // The refusals of the plans of an ISO week ("2026-W50"), oldest first.
  virtual Expected<std::vector<PlanRejectionRow>> plan_rejections(const std::string& week) const = 0;

  // --- alert delivery (the outbox) ------------------------------------------------------------
  // Alerts raised after `after_id` (ids grow), oldest first, at most `limit`.
  virtual Expected<std::vector<AlertRow>> alerts_after(std::int64_t after_id, std::size_t limit) const = 0;
  // The last alert whose deliveries are recorded (0 before any).
  virtual Expected<std::int64_t> alert_delivery_watermark() const = 0;
  // Records the deliveries of every alert up to `through_alert_id` and moves the watermark
  // there, in one transaction: after a crash the alerts past it are taken up again, none twice.
  virtual Expected<void> enqueue_alert_deliveries(std::span<const AlertDeliveryRow> rows,
                                                  std::int64_t through_alert_id) = 0;
  // Pending deliveries due at `now`, the earliest due first, at most `limit`.
  virtual Expected<std::vector<AlertDeliveryRow>> due_alert_deliveries(Instant now,
                                                                       std::size_t limit) const = 0;
  // Records the outcome of a try: status, attempts, next_attempt_at, finished_at and last_error
  // of `row` (by its id).
  virtual Expected<void> update_alert_delivery(const AlertDeliveryRow& row) = 0;
  // Deliveries newest first, of one status or of all, at most `limit`.
  virtual Expected<std::vector<AlertDeliveryRow>> alert_deliveries(
      std::optional<DeliveryStatus> status, std::size_t limit) const = 0;
};

struct StoreConfig {
  std::string engine = "sqlite";  // the only engine of this version
  std::string path;               // SQLite: the database file
  bool durable = true;            // fsync at every commit (off only for bulk demo building)
};

// Opens (creating if needed) and migrates the store. The only switch on engine.
Expected<std::unique_ptr<Store>> open_store(const StoreConfig& config);

}  // namespace vigie::store
