// common/webhook_signature.hpp
//
// How Vigie's webhooks are signed, both ways: the ones it receives (ingest/webhook_receiver.hpp)
// and the alerts it posts (alerts/webhook_sender.hpp). HMAC-SHA256 (OpenSSL) of the raw body,
// as "sha256=<hex>" in X-Vigie-Signature; checking a header compares in constant time, so that
// the time a refusal takes says nothing about how many leading bytes of a forgery were right.
// Thread-safe: no shared state.
#pragma once

#include <array>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/expected.hpp"

namespace vigie {

inline constexpr std::string_view kSignatureHeader = "X-Vigie-Signature";
inline constexpr std::string_view kDeliveryHeader = "X-Vigie-Delivery";
inline constexpr std::string_view kTimestampHeader = "X-Vigie-Timestamp";


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

// The X-Vigie-Signature of a body: "sha256=" + hex HMAC-SHA256 under `secret`.
Expected<std::string> webhook_signature(std::string_view secret, std::string_view body);

}  // namespace vigie
