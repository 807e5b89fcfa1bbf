// Dashboard passwords (api/password.hpp): Argon2id in its encoded form with OWASP's parameters,
// a fresh salt each time, the right password matches and no other, a malformed hash matches
// nothing, and a person's new password has at least 8 characters.
#include "api/password.hpp"

#include <gtest/gtest.h>

namespace vigie::api {
namespace {

TEST(Password, IsHashedWithArgon2idAndAFreshSalt) {
  const auto first = hash_password("chantier-2026");
  const auto second = hash_password("chantier-2026");
  ASSERT_TRUE(first && second);
  EXPECT_TRUE(first->starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << *first;
  EXPECT_NE(*first, *second);  // the salts differ
  EXPECT_EQ(first->find("chantier"), std::string::npos);
  EXPECT_TRUE(password_matches(*first, "chantier-2026"));
  EXPECT_TRUE(password_matches(*second, "chantier-2026"));
  EXPECT_FALSE(password_matches(*first, "chantier-2025"));
  EXPECT_FALSE(password_matches(*first, ""));
  EXPECT_FALSE(password_matches("$argon2id$v=19$garbage", "chantier-2026"));
  EXPECT_FALSE(password_matches("", "chantier-2026"));
}

TEST(Password, ANewOneHasAtLeastEightCharacters) {
  const auto short_one = check_new_password("demo");
  ASSERT_FALSE(short_one);
  EXPECT_EQ(short_one.error().describe(), "password: must have at least 8 characters");
  EXPECT_TRUE(check_new_password("demo1234"));
}

}  // namespace
}  // namespace vigie::api
