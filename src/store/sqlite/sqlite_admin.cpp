// The small tables of the SQLite store: tokens, webhook deliveries, meta, demo truth, and the
// content digest that `vigie replay` is checked with.
#include <openssl/evp.h>

#include <memory>

#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {
namespace {

struct DigestFree {
  void operator()(EVP_MD_CTX* ctx) const noexcept { EVP_MD_CTX_free(ctx); }
};

// Feeds every column of every row of a query into the digest, with separators.
Expected<void> digest_query(Database& db, std::string_view sql, EVP_MD_CTX* ctx) {
  auto stmt = db.prepare(sql);
  if (!stmt) return stmt.error();
  const int columns = stmt->column_count();
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    for (int c = 0; c < columns; ++c) {
      const std::string_view text = stmt->text(c);
      EVP_DigestUpdate(ctx, text.data(), text.size());
      EVP_DigestUpdate(ctx, "\x1f", 1);
    }
    EVP_DigestUpdate(ctx, "\x1e", 1);
  }
  return {};
}

constexpr std::string_view kSelectToken =
    "SELECT hash, role, COALESCE(person_id,''), COALESCE(label,''), created_at FROM tokens";

// A row of kSelectToken.
Expected<TokenRow> token_from_row(const Statement& stmt) {
  const auto role = parse_role(stmt.text(1));
  if (!role) return Error::make(ErrorCode::internal, "stored token has an unknown role");
  return TokenRow{std::string{stmt.text(0)}, *role, std::string{stmt.text(2)},
                  std::string{stmt.text(3)}, from_millis(stmt.int64(4))};
}

}  // namespace

Expected<std::string> SqliteStore::content_digest() const {
  const std::lock_guard lock(read_mutex_);
  std::unique_ptr<EVP_MD_CTX, DigestFree> ctx(EVP_MD_CTX_new());
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  // Arrival order (seq) and arrival time are not content: two stores built from the same
  // events in another order must agree.
  for (const std::string_view sql : {
           std::string_view{"SELECT id, type, COALESCE(site_id,''), occurred_at, source, "
                            "COALESCE(actor_id,''), raw FROM events ORDER BY id"},
           std::string_view{"SELECT id,name,client,type,region,city,lat,lon,budget_total_cents,"
                            "budget_material_cents,planned_start,planned_end,"
                            "COALESCE(actual_end,''),status,complexity,manager_id,"
                            "COALESCE(chief_id,''),COALESCE(team_id,''),subcontractors,"
                            "required_skills,record_at,budget_at,status_at FROM sites ORDER BY id"},
           std::string_view{"SELECT kind,id,label,record,record_at FROM entities ORDER BY kind,id"},
       }) {
    auto fed = digest_query(reader_, sql, ctx.get());
    if (!fed) return fed.error();
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &size);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < size; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 0xF]);
  }
  return hex;
}

Expected<void> SqliteStore::put_token(const TokenRow& token) {
  const std::lock_guard lock(write_mutex_);
  auto stmt = writer_.prepare(
      "INSERT INTO tokens(hash, role, person_id, label, created_at) VALUES(?,?,?,?,?)");
  if (!stmt) return stmt.error();
  return stmt->bind(1, token.hash).bind(2, role_name(token.role)).bind_optional(3, token.person_id)
      .bind_optional(4, token.label).bind(5, to_millis(token.created_at)).run();
}

Expected<std::optional<TokenRow>> SqliteStore::token_by_hash(const std::string& hash) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kSelectToken} + " WHERE hash = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, hash);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<TokenRow>{};
  auto token = token_from_row(*stmt);
  if (!token) return token.error();
  return std::optional<TokenRow>{std::move(*token)};
}

Expected<std::vector<TokenRow>> SqliteStore::tokens() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kSelectToken} + " ORDER BY created_at, hash");
  if (!stmt) return stmt.error();
  std::vector<TokenRow> tokens;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    auto token = token_from_row(*stmt);
    if (!token) return token.error();
    tokens.push_back(std::move(*token));
  }
  return tokens;
}

Expected<bool> SqliteStore::revoke_token(const std::string& hash) {
  const std::lock_guard lock(write_mutex_);
  auto stmt = writer_.prepare("DELETE FROM tokens WHERE hash = ?");
  if (!stmt) return stmt.error();
  auto deleted = stmt->bind(1, hash).run();
  if (!deleted) return deleted.error();
  return writer_.changes() == 1;
}

Expected<bool> SqliteStore::entity_exists(EntityKind kind, const std::string& id) const {
  // Sites have their own table; the other kinds share `entities`, keyed by kind name.
  static constexpr std::string_view kKindNames[] = {"site", "person", "team", "vehicle"};
  const std::lock_guard lock(read_mutex_);
  const bool is_site = kind == EntityKind::site;
  auto stmt = reader_.prepare(is_site ? "SELECT 1 FROM sites WHERE id = ?"
                                      : "SELECT 1 FROM entities WHERE id = ? AND kind = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, id);
  if (!is_site) stmt->bind(2, kKindNames[static_cast<std::size_t>(kind)]);
  return stmt->step();
}

Expected<bool> SqliteStore::remember_delivery(const std::string& source,
                                              const std::string& delivery_id, Instant received_at,
                                              Instant forget_before) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto forget = writer_.prepare("DELETE FROM webhook_deliveries WHERE received_at < ?");
  if (!forget) return forget.error();
  auto forgotten = forget->bind(1, to_millis(forget_before)).run();
  if (!forgotten) return forgotten.error();
  auto insert = writer_.prepare(
      "INSERT OR IGNORE INTO webhook_deliveries(source, delivery_id, received_at) VALUES(?,?,?)");
  if (!insert) return insert.error();
  auto inserted = insert->bind(1, source).bind(2, delivery_id).bind(3, to_millis(received_at)).run();
  if (!inserted) return inserted.error();
  const bool fresh = writer_.changes() == 1;
  auto committed = tx->commit();
  if (!committed) return committed.error();
  return fresh;
}

Expected<bool> SqliteStore::delivery_known(const std::string& source,
                                           const std::string& delivery_id) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt =
      reader_.prepare("SELECT 1 FROM webhook_deliveries WHERE source = ? AND delivery_id = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, source).bind(2, delivery_id);
  auto row = stmt->step();
  if (!row) return row.error();
  return *row;
}

Expected<std::optional<std::string>> SqliteStore::meta(const std::string& key) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare("SELECT value FROM meta WHERE key = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, key);
  auto row = stmt->step();
  if (!row) return row.error();
  if (!*row) return std::optional<std::string>{};
  return std::optional<std::string>{std::string{stmt->text(0)}};
}

Expected<void> SqliteStore::set_meta(const std::string& key, const std::string& value) {
  const std::lock_guard lock(write_mutex_);
  auto stmt = writer_.prepare(
      "INSERT INTO meta(key, value) VALUES(?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
  if (!stmt) return stmt.error();
  return stmt->bind(1, key).bind(2, value).run();
}

Expected<void> SqliteStore::put_demo_truth(std::span<const DemoTruthRow> rows) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto stmt = writer_.prepare(
      "INSERT OR REPLACE INTO demo_truth(site_id, p_late, expected_delay_days, late, delay_days) "
      "VALUES(?,?,?,?,?)");
  if (!stmt) return stmt.error();
  for (const DemoTruthRow& row : rows) {
    auto done = stmt->bind(1, row.site_id).bind(2, row.p_late).bind(3, row.expected_delay_days)
                    .bind(4, static_cast<std::int64_t>(row.late)).bind(5, row.delay_days).run();
    if (!done) return done.error();
  }
  return tx->commit();
}

Expected<std::vector<DemoTruthRow>> SqliteStore::demo_truth() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT site_id, p_late, expected_delay_days, late, delay_days FROM demo_truth ORDER BY site_id");
  if (!stmt) return stmt.error();
  std::vector<DemoTruthRow> rows;
  for (;;) {
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) break;
    rows.push_back({std::string{stmt->text(0)}, stmt->real(1), stmt->real(2), stmt->int64(3) != 0,
                    stmt->real(4)});
  }
  return rows;
}

}  // namespace vigie::store::sqlite
