// store/sqlite/sqlite_store.hpp
//
// The embedded Store: one SQLite file in WAL mode. Writes go through one connection under a
// mutex (SQLite has one writer anyway); reads use a second connection, which WAL lets run
// beside a write. With `durable`, synchronous=FULL makes every commit fsync the WAL, so
// append() returning means the batch survives a crash.
#pragma once

#include <mutex>
#include <optional>

#include "store/sqlite/database.hpp"
#include "store/store.hpp"

namespace vigie::store::sqlite {

class SqliteStore final : public Store {
 public:
  static Expected<std::unique_ptr<SqliteStore>> open(const StoreConfig& config);

  Expected<AppendResult> append(std::span<const events::Event> batch) override;
  Expected<std::int64_t> scan_events(
      std::int64_t after_seq, std::size_t limit,
      const std::function<void(std::int64_t, const events::Event&)>& visit) const override;
  Expected<std::int64_t> scan_raw(
      std::int64_t after_seq, std::size_t limit,
      const std::function<void(const StoredEvent&)>& visit) const override;
  Expected<std::int64_t> scan_events_of_types(
      std::int64_t after_seq, std::span<const events::EventType> types,
      const std::function<void(std::int64_t, const events::Event&)>& visit) const override;
  Expected<std::vector<events::Event>> recent_site_events(const std::string& site_id,
                                                          std::span<const events::EventType> types,
                                                          Instant until, std::size_t limit) const override;
  Expected<std::int64_t> last_seq() const override;
  Expected<std::uint64_t> event_count() const override;
  Expected<std::vector<TypeCount>> event_counts_by_type() const override;

  Expected<std::vector<std::string>> site_ids() const override;
  Expected<std::vector<SiteRow>> sites() const override;
  Expected<std::optional<SiteRow>> site(const std::string& id) const override;
  Expected<std::uint64_t> entity_count(EntityKind kind) const override;
  Expected<std::string> content_digest() const override;

  Expected<void> put_token(const TokenRow& token) override;
  Expected<std::optional<TokenRow>> token_by_hash(const std::string& hash) const override;
  Expected<std::vector<TokenRow>> tokens() const override;
  Expected<bool> revoke_token(const std::string& hash) override;
  Expected<bool> entity_exists(EntityKind kind, const std::string& id) const override;
  Expected<bool> remember_delivery(const std::string& source, const std::string& delivery_id,
                                   Instant received_at, Instant forget_before) override;
  Expected<bool> delivery_known(const std::string& source,
                                const std::string& delivery_id) const override;
  Expected<std::optional<std::string>> meta(const std::string& key) const override;
  Expected<void> set_meta(const std::string& key, const std::string& value) override;
  Expected<void> put_demo_truth(std::span<const DemoTruthRow> rows) override;
  Expected<std::vector<DemoTruthRow>> demo_truth() const override;
  Expected<std::int64_t> add_model_version(const ModelVersionRow& row) override;
  Expected<bool> promote_model_version(const std::string& model, std::int64_t version, Instant at,
                                       const std::string& by) override;
  Expected<std::vector<ModelVersionRow>> model_versions(const std::string& model) const override;
  Expected<std::optional<ModelVersionRow>> model_version(const std::string& model,
                                                         std::int64_t version) const override;
  Expected<std::vector<ModelPromotionRow>> model_promotions(const std::string& model) const override;
  Expected<void> put_site_scores(std::span<const SiteScoreRow> rows) override;
  Expected<std::vector<SiteScoreRow>> site_scores(const std::string& model, LocalDate from,
                                                  LocalDate to) const override;
  Expected<std::optional<std::int64_t>> raise_alert(const AlertRow& row) override;
  Expected<bool> clear_alert(const std::string& key, Instant at) override;
  Expected<std::vector<AlertRow>> alerts(bool open_only, std::size_t limit) const override;
  Expected<std::optional<AlertRow>> acknowledge_alert(std::int64_t id, const std::string& by,
                                                      Instant at) override;
  Expected<std::optional<AlertRow>> alert(std::int64_t id) const override;
  Expected<std::vector<AlertRow>> alerts_raised(Instant from, Instant to) const override;
  Expected<std::vector<AlertRow>> alerts_after(std::int64_t after_id, std::size_t limit) const override;
  Expected<std::int64_t> alert_delivery_watermark() const override;
  Expected<std::vector<EntityRow>> entities(EntityKind kind) const override;
  Expected<void> put_user(const UserRow& user) override;
  Expected<std::optional<UserRow>> user(const std::string& email) const override;
  Expected<std::vector<UserRow>> users() const override;
  Expected<bool> remove_user(const std::string& email) override;
  Expected<void> add_session(const SessionRow& row) override;
  Expected<std::optional<std::pair<SessionRow, UserRow>>> session(const std::string& hash,
                                                                  Instant now) const override;
  Expected<bool> remove_session(const std::string& hash) override;
  Expected<std::int64_t> add_alert_rule_change(const AlertRuleChangeRow& row) override;
  Expected<std::vector<AlertRuleChangeRow>> alert_rule_changes() const override;
  Expected<bool> add_plan_rejection(const PlanRejectionRow& row) override;
  Expected<std::vector<PlanRejectionRow>> plan_rejections(const std::string& week) const override;
  Expected<void> enqueue_alert_deliveries(std::span<const AlertDeliveryRow> rows,
                                          std::int64_t through_alert_id) override;
  Expected<std::vector<AlertDeliveryRow>> due_alert_deliveries(Instant now,
                                                               std::size_t limit) const override;
  Expected<void> update_alert_delivery(const AlertDeliveryRow& row) override;
  Expected<std::vector<AlertDeliveryRow>> alert_deliveries(std::optional<DeliveryStatus> status,
                                                           std::size_t limit) const override;

 private:
  // The statements of the hot write path, prepared once.
  struct WriteStatements {
    Statement insert_event;
    Statement upsert_site;
    Statement revise_budget;
    Statement complete_site;
    Statement upsert_entity;
  };

  SqliteStore(Database writer, Database reader, WriteStatements statements);
  Expected<void> apply_to_entities(const events::Event& event);  // writer mutex held
  Expected<std::vector<SiteRow>> query_sites(std::string_view where, std::string_view arg) const;

  std::mutex write_mutex_;
  Database writer_;
  WriteStatements write_;
  mutable std::mutex read_mutex_;
  mutable Database reader_;
};

}  // namespace vigie::store::sqlite
