#include "api/password.hpp"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>

namespace vigie::api {
namespace {

constexpr std::uint32_t kPasses = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kLanes = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;
constexpr std::size_t kMinPasswordLength = 8;

}  // namespace

Expected<std::string> hash_password(std::string_view password) {
  std::array<unsigned char, kSaltBytes> salt{};
  if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1) {
    return Error::make(ErrorCode::internal, "the random generator failed");
  }
  const std::size_t length =
      argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(length, '\0');
  const int status = argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, password.data(), password.size(),
                                           salt.data(), salt.size(), kHashBytes, encoded.data(), length);
  if (status != ARGON2_OK) {
    return Error::make(ErrorCode::internal, std::string{"argon2: "} + argon2_error_message(status));
  }
  encoded.resize(encoded.find('\0'));  // the length counts the terminating NUL
  return encoded;
}

bool password_matches(const std::string& encoded, std::string_view password) {
  return argon2id_verify(encoded.c_str(), password.data(), password.size()) == ARGON2_OK;
}

Expected<void> check_new_password(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return Error::invalid("password", "must have at least " + std::to_string(kMinPasswordLength) +
                                          " characters");
  }
  return {};
}

}  // namespace vigie::api
