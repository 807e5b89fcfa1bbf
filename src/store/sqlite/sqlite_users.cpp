// The dashboards' users and sessions in the SQLite store (tables users and sessions,
// migration 8). Replacing or removing a user ends their sessions in the same transaction: a
// changed password or role never leaves a browser signed in with the old one.
#include "store/sqlite/sqlite_store.hpp"

namespace vigie::store::sqlite {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT email, role, COALESCE(person_id, ''), password_hash, created_at FROM users ";

Expected<UserRow> read_user(const Statement& stmt) {
  const auto role = parse_role(stmt.text(1));
  if (!role) return Error::make(ErrorCode::internal, "stored user has an unknown role");
  return UserRow{std::string{stmt.text(0)}, *role, std::string{stmt.text(2)},
                 std::string{stmt.text(3)}, from_millis(stmt.int64(4))};
}

Expected<std::vector<UserRow>> read_users(Statement& stmt) {
  std::vector<UserRow> rows;
  for (;;) {
    auto step = stmt.step();
    if (!step) return step.error();
    if (!*step) return rows;
    auto row = read_user(stmt);
    if (!row) return row.error();
    rows.push_back(std::move(*row));
  }
}

Expected<void> end_sessions(Database& db, const std::string& email) {
  auto stmt = db.prepare("DELETE FROM sessions WHERE email = ?");
  if (!stmt) return stmt.error();
  return stmt->bind(1, email).run();
}

}  // namespace

Expected<void> SqliteStore::put_user(const UserRow& user) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto insert = writer_.prepare(
      "INSERT OR REPLACE INTO users(email, role, person_id, password_hash, created_at) "
      "VALUES(?,?,?,?,?)");
  if (!insert) return insert.error();
  insert->bind(1, user.email).bind(2, std::string{role_name(user.role)}).bind(4, user.password_hash);
  insert->bind(5, to_millis(user.created_at));
  if (!user.person_id.empty()) insert->bind(3, user.person_id);
  if (auto done = insert->run(); !done) return done;
  if (auto ended = end_sessions(writer_, user.email); !ended) return ended;
  return tx->commit();
}

Expected<std::optional<UserRow>> SqliteStore::user(const std::string& email) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kUserColumns} + "WHERE email = ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, email);
  auto rows = read_users(*stmt);
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<UserRow>{};
  return std::optional<UserRow>{std::move(rows->front())};
}

Expected<std::vector<UserRow>> SqliteStore::users() const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(std::string{kUserColumns} + "ORDER BY email");
  if (!stmt) return stmt.error();
  return read_users(*stmt);
}

Expected<bool> SqliteStore::remove_user(const std::string& email) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto remove = writer_.prepare("DELETE FROM users WHERE email = ?");
  if (!remove) return remove.error();
  if (auto done = remove->bind(1, email).run(); !done) return done.error();
  const bool removed = writer_.changes() == 1;
  if (auto ended = end_sessions(writer_, email); !ended) return ended.error();
  if (auto committed = tx->commit(); !committed) return committed.error();
  return removed;
}

Expected<void> SqliteStore::add_session(const SessionRow& row) {
  const std::lock_guard lock(write_mutex_);
  auto tx = Transaction::begin(writer_);
  if (!tx) return tx.error();
  auto forget = writer_.prepare("DELETE FROM sessions WHERE expires_at < ?");
  if (!forget) return forget.error();
  if (auto done = forget->bind(1, to_millis(row.created_at)).run(); !done) return done;
  auto insert = writer_.prepare(
      "INSERT INTO sessions(hash, email, created_at, expires_at) VALUES(?,?,?,?)");
  if (!insert) return insert.error();
  auto done = insert->bind(1, row.hash).bind(2, row.email).bind(3, to_millis(row.created_at))
                  .bind(4, to_millis(row.expires_at)).run();
  if (!done) return done;
  return tx->commit();
}

Expected<std::optional<std::pair<SessionRow, UserRow>>> SqliteStore::session(const std::string& hash,
                                                                             Instant now) const {
  const std::lock_guard lock(read_mutex_);
  auto stmt = reader_.prepare(
      "SELECT u.email, u.role, COALESCE(u.person_id, ''), u.password_hash, u.created_at, "
      "s.created_at, s.expires_at FROM sessions s JOIN users u ON u.email = s.email "
      "WHERE s.hash = ? AND s.expires_at > ?");
  if (!stmt) return stmt.error();
  stmt->bind(1, hash).bind(2, to_millis(now));
  auto step = stmt->step();
  if (!step) return step.error();
  using Found = std::optional<std::pair<SessionRow, UserRow>>;
  if (!*step) return Found{};
  auto user = read_user(*stmt);
  if (!user) return user.error();
  SessionRow session{hash, user->email, from_millis(stmt->int64(5)), from_millis(stmt->int64(6))};
  return Found{std::pair{std::move(session), std::move(*user)}};
}

Expected<bool> SqliteStore::remove_session(const std::string& hash) {
  const std::lock_guard lock(write_mutex_);
  auto stmt = writer_.prepare("DELETE FROM sessions WHERE hash = ?");
  if (!stmt) return stmt.error();
  if (auto done = stmt->bind(1, hash).run(); !done) return done.error();
  return writer_.changes() == 1;
}

}  // namespace vigie::store::sqlite
