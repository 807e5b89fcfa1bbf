// ingest/hmac.hpp
//
// HMAC-SHA256 (OpenSSL) for signed webhooks: computing a signature, and checking a
// `sha256=<hex>` header against it in constant time, so that the time a refusal takes says
// nothing about how many leading bytes of a forged signature were right.
// Thread-safe: no shared state.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/expected.hpp"

namespace vigie::ingest {

using Sha256Digest = std::array<unsigned char, 32>;

// HMAC-SHA256 of the concatenation of `parts` (fed in order, never copied into one string).
// Fails (code internal) only if OpenSSL itself fails.
Expected<Sha256Digest> hmac_sha256(std::string_view key,
                                   std::initializer_list<std::string_view> parts);

// The same, as 64 lowercase hex digits.
Expected<std::string> hmac_sha256_hex(std::string_view key,
                                      std::initializer_list<std::string_view> parts);

// True when `header` is exactly "sha256=" followed by the 64 hex digits (either case) of the
// HMAC-SHA256 of `parts` under `key`. Any other shape (missing prefix, wrong length, non-hex
// digit, empty) is false. The digests are compared with CRYPTO_memcmp.
bool signature_header_matches(std::string_view header, std::string_view key,
                              std::initializer_list<std::string_view> parts);

}  // namespace vigie::ingest
