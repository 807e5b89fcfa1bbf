#include "common/webhook_signature.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <memory>
#include <optional>

namespace vigie {
namespace {

struct MacFree {
  void operator()(EVP_MAC* mac) const noexcept { EVP_MAC_free(mac); }
};
struct MacContextFree {
  void operator()(EVP_MAC_CTX* context) const noexcept { EVP_MAC_CTX_free(context); }
};

constexpr std::string_view kHeaderPrefix = "sha256=";
constexpr char kHexDigits[] = "0123456789abcdef";

Error openssl_failure(const char* step) {
  return Error::make(ErrorCode::internal, std::string{"OpenSSL HMAC failed at "} + step);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The 32 bytes written as 64 hex digits in a header, or nullopt for any other shape.
std::optional<Sha256Digest> decode_header(std::string_view header) {
  if (!header.starts_with(kHeaderPrefix)) return std::nullopt;
  const std::string_view hex = header.substr(kHeaderPrefix.size());
  Sha256Digest digest{};
  if (hex.size() != digest.size() * 2) return std::nullopt;
  for (std::size_t i = 0; i < digest.size(); ++i) {
    const int high = hex_value(hex[2 * i]);
    const int low = hex_value(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    digest[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return digest;
}

}  // namespace

Expected<Sha256Digest> hmac_sha256(std::string_view key,
                                   std::initializer_list<std::string_view> parts) {
  const std::unique_ptr<EVP_MAC, MacFree> mac{EVP_MAC_fetch(nullptr, "HMAC", nullptr)};
  if (!mac) return openssl_failure("fetch");
  const std::unique_ptr<EVP_MAC_CTX, MacContextFree> context{EVP_MAC_CTX_new(mac.get())};
  if (!context) return openssl_failure("context");
  char digest_name[] = "SHA256";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
      OSSL_PARAM_construct_end()};
  // An empty key is legal HMAC; OpenSSL wants a non-null pointer for it.
  static constexpr unsigned char kEmpty = 0;
  const auto* key_bytes =
      key.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(key.data());
  if (EVP_MAC_init(context.get(), key_bytes, key.size(), params) != 1) {
    return openssl_failure("init");
  }
  for (const std::string_view part : parts) {
    if (EVP_MAC_update(context.get(), reinterpret_cast<const unsigned char*>(part.data()),
                       part.size()) != 1) {
      return openssl_failure("update");
    }
  }
  Sha256Digest digest{};
  std::size_t length = 0;
  if (EVP_MAC_final(context.get(), digest.data(), &length, digest.size()) != 1 ||
      length != digest.size()) {
    return openssl_failure("final");
  }
  return digest;
}

Expected<std::string> hmac_sha256_hex(std::string_view key,
                                      std::initializer_list<std::string_view> parts) {
  const auto digest = hmac_sha256(key, parts);
  if (!digest) return digest.error();
  std::string hex;
  hex.reserve(digest->size() * 2);
  for (const unsigned char byte : *digest) {
    hex.push_back(kHexDigits[byte >> 4]);
    hex.push_back(kHexDigits[byte & 0x0f]);
  }
  return hex;
}

bool signature_header_matches(std::string_view header, std::string_view key,
                              std::initializer_list<std::string_view> parts) {
  const auto claimed = decode_header(header);
  if (!claimed) return false;
  const auto expected = hmac_sha256(key, parts);
  if (!expected) return false;
  return CRYPTO_memcmp(claimed->data(), expected->data(), claimed->size()) == 0;
}

Expected<std::string> webhook_signature(std::string_view secret, std::string_view body) {
  auto hex = hmac_sha256_hex(secret, {body});
  if (!hex) return hex.error();
  return "sha256=" + *hex;
}

}  // namespace vigie
