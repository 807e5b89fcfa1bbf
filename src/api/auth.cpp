#include "api/auth.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <mutex>

namespace vigie::api {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    hex.push_back(kHex[bytes[i] >> 4]);
    hex.push_back(kHex[bytes[i] & 0xF]);
  }
  return hex;
}

}  // namespace

bool role_allows(store::Role role, Permission permission) {
  using store::Role;
  switch (permission) {
    case Permission::send_events:  // the mobile app sends as the chief; dashboards as staff
      return role != Role::direction;
    case Permission::import_files:
      return role == Role::ingest || role == Role::admin;
    case Permission::read:
      return role != Role::ingest;
    case Permission::administer:
      return role == Role::admin;
  }
  return false;
}

std::string new_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw StartupError{"no randomness from OpenSSL"};
  return "vgt_" + to_hex(bytes, sizeof bytes);
}

std::string sha256_hex(std::string_view text) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr);
  return to_hex(digest, size);
}

Expected<std::string> create_token(store::Store& store, store::Role role, std::string person_id,
                                   std::string label, Instant now) {
  if ((role == store::Role::manager || role == store::Role::chief) && person_id.empty()) {
    return Error::invalid("person", "is required for the manager and chief roles");
  }
  std::string token = new_token();
  auto stored = store.put_token({sha256_hex(token), role, std::move(person_id), std::move(label), now});
  if (!stored) return stored.error();
  return token;
}

Expected<Principal> Authenticator::authenticate(const HttpRequest& request,
                                                Permission needed) const {
  const std::string header = request.header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (header.size() <= kBearer.size() || header.compare(0, kBearer.size(), kBearer) != 0) {
    return Error::make(ErrorCode::unauthorized, "missing bearer token");
  }
  const std::string hash = sha256_hex(std::string_view{header}.substr(kBearer.size()));
  std::optional<Principal> principal;
  {
    const std::shared_lock lock(mutex_);
    if (const auto it = cache_.find(hash); it != cache_.end()) principal = it->second;
  }
  if (!principal) {
    auto row = store_.token_by_hash(hash);
    if (!row) return row.error();
    if (!*row) return Error::make(ErrorCode::unauthorized, "unknown token");
    principal = Principal{(*row)->role, (*row)->person_id};
    const std::unique_lock lock(mutex_);
    cache_.emplace(hash, *principal);
  }
  if (!role_allows(principal->role, needed)) {
    return Error::make(ErrorCode::forbidden, "the token's role may not do this");
  }
  return *principal;
}

}  // namespace vigie::api
