// api/auth.hpp
//
// Bearer tokens with roles. A token is 32 random bytes shown once at creation; the store keeps
// only its SHA-256, so a stolen database does not yield usable tokens. Lookups are cached in
// memory (hash → principal) because every request authenticates.
// Thread-safe.
#pragma once

#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api/http_types.hpp"
#include "common/expected.hpp"
#include "store/store.hpp"

namespace vigie::api {

struct Principal {
  store::Role role = store::Role::ingest;
  std::string person_id;  // managers and chiefs: whose sites they see
};

enum class Permission { send_events, import_files, read, administer };

bool role_allows(store::Role role, Permission permission);

// "vgt_" + 64 hex characters from the OS's CSPRNG.
std::string new_token();
std::string sha256_hex(std::string_view text);

// Creates and stores a token; returns the token itself (shown once, never stored).
Expected<std::string> create_token(store::Store& store, store::Role role, std::string person_id,
                                   std::string label, Instant now);

class Authenticator {
 public:
  explicit Authenticator(const store::Store& store) : store_(store) {}

  // From "Authorization: Bearer <token>". unauthorized if missing or unknown,
  // forbidden if the role lacks the permission.
  Expected<Principal> authenticate(const HttpRequest& request, Permission needed) const;

 private:
  const store::Store& store_;
  mutable std::shared_mutex mutex_;
  mutable std::unordered_map<std::string, Principal> cache_;
};

}  // namespace vigie::api
