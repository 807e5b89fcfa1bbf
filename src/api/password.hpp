// api/password.hpp
//
// Dashboard passwords (issue 10), hashed with Argon2id through libargon2 into the encoded form
// "$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>", which carries its own salt and parameters:
// raising the cost later leaves older hashes verifiable. The parameters are OWASP's
// recommended minimum for Argon2id (19 MiB, 2 passes, 1 lane): 33 ms a hash on this 2-core
// machine (20 hashes timed in a loop, a build running beside them), cheap for one sign-in,
// costly for a guesser.
#pragma once

#include <string>
#include <string_view>

#include "common/expected.hpp"

namespace vigie::api {

// A new encoded hash with a fresh 16-byte salt from the OS's CSPRNG.
Expected<std::string> hash_password(std::string_view password);

// Whether `password` is the one `encoded` was made from (false for a malformed hash).
bool password_matches(const std::string& encoded, std::string_view password);

// What a password set by a person must be: at least 8 characters; refused naming "password".
// (The demo accounts' "demo" is set by the demo, not through this.)
Expected<void> check_new_password(std::string_view password);

}  // namespace vigie::api
