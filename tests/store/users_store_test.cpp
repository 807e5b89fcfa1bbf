// Dashboard users and sessions in the SQLite store (migration 8): a session is found with its
// user until it expires; replacing a user (a new password or role) or removing them ends their
// sessions in the same transaction; expired sessions are forgotten when a new one is added.
#include <gtest/gtest.h>

#include "store/store.hpp"
#include "support/temp_dir.hpp"

namespace vigie::store {
namespace {

using namespace std::chrono_literals;

class UsersStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = open_store({"sqlite", dir_.file("vigie.sqlite"), true});
    ASSERT_TRUE(opened) << opened.error().describe();
    store_ = std::move(*opened);
    ASSERT_TRUE(store_->put_user({"claire@btp.fr", Role::manager, "P-M", "$argon2id$h1", t0_}));
  }

  const testing::TempDir dir_;
  const Instant t0_ = from_millis(1'796'000'000'000);
  std::unique_ptr<Store> store_;
};

TEST_F(UsersStoreTest, ASessionIsFoundWithItsUserUntilItExpires) {
  ASSERT_TRUE(store_->add_session({"h-a", "claire@btp.fr", t0_, t0_ + 12h}));
  const auto found = store_->session("h-a", t0_ + 11h).value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->second.role, Role::manager);
  EXPECT_EQ(found->second.person_id, "P-M");
  EXPECT_EQ(found->first.expires_at, t0_ + 12h);
  EXPECT_FALSE(store_->session("h-a", t0_ + 12h).value());
  EXPECT_FALSE(store_->session("h-b", t0_).value());
  EXPECT_TRUE(store_->remove_session("h-a").value());
  EXPECT_FALSE(store_->remove_session("h-a").value());
  EXPECT_FALSE(store_->session("h-a", t0_).value());
}

TEST_F(UsersStoreTest, ReplacingOrRemovingAUserEndsTheirSessions) {
  ASSERT_TRUE(store_->put_user({"marc@btp.fr", Role::direction, "", "$argon2id$h2", t0_}));
  ASSERT_TRUE(store_->add_session({"h-claire", "claire@btp.fr", t0_, t0_ + 12h}));
  ASSERT_TRUE(store_->add_session({"h-marc", "marc@btp.fr", t0_, t0_ + 12h}));
  ASSERT_TRUE(store_->put_user({"claire@btp.fr", Role::manager, "P-M", "$argon2id$new", t0_ + 1h}));
  EXPECT_FALSE(store_->session("h-claire", t0_ + 2h).value());
  EXPECT_TRUE(store_->session("h-marc", t0_ + 2h).value());
  EXPECT_EQ(store_->user("claire@btp.fr").value()->password_hash, "$argon2id$new");
  EXPECT_TRUE(store_->remove_user("marc@btp.fr").value());
  EXPECT_FALSE(store_->remove_user("marc@btp.fr").value());
  EXPECT_FALSE(store_->session("h-marc", t0_ + 2h).value());
  const auto users = store_->users().value();
  ASSERT_EQ(users.size(), 1u);
  EXPECT_EQ(users[0].email, "claire@btp.fr");
}

TEST_F(UsersStoreTest, ExpiredSessionsAreForgottenWhenANewOneIsAdded) {
  ASSERT_TRUE(store_->add_session({"h-old", "claire@btp.fr", t0_, t0_ + 1h}));
  ASSERT_TRUE(store_->add_session({"h-new", "claire@btp.fr", t0_ + 2h, t0_ + 14h}));
  // Still there as a row would show if the clock went back: it is gone.
  EXPECT_FALSE(store_->session("h-old", t0_).value());
  EXPECT_TRUE(store_->session("h-new", t0_ + 3h).value());
}

}  // namespace
}  // namespace vigie::store
