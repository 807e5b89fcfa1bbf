// The demo's dashboard accounts (cli/demo_accounts.hpp): Direction, the design office as its
// first person, one per manager named from the person; made once, with the password "demo".
// And `vigie user add|list|remove` on a real data directory, the password from stdin.
#include "cli/demo_accounts.hpp"

#include <gtest/gtest.h>

#include "api/password.hpp"
#include "support/child_process.hpp"
#include "support/temp_dir.hpp"
#include "support/tiny_company.hpp"

namespace vigie::cli {
namespace {

using testing::event_from;
using testing::person_json;

TEST(DemoAccounts, AnEmailIsMadeFromAFrenchName) {
  EXPECT_EQ(email_local_part("Éloïse Le Bihan"), "eloise.le-bihan");
  EXPECT_EQ(email_local_part("Jean-Marc D'Almeida"), "jean-marc.d-almeida");
  EXPECT_EQ(email_local_part("Anaïs Lefèvre-Çelik"), "anais.lefevre-celik");
  EXPECT_EQ(email_local_part("Zoé"), "zoe");
}

TEST(DemoAccounts, DirectionTheDesignOfficeAndEachManagerGetOneOnce) {
  const testing::TempDir dir;
  auto opened = store::open_store({"sqlite", dir.file("vigie.sqlite"), true});
  ASSERT_TRUE(opened);
  store::Store& store = **opened;
  const char* at = "2026-01-05T08:00:00+01:00";
  const std::vector<events::Event> persons{event_from(person_json("p1", "P-M1", at, "manager")),
                                           event_from(person_json("p2", "P-M2", at, "manager")),
                                           event_from(person_json("p3", "P-B1", at, "design_office")),
                                           event_from(person_json("p4", "P-B2", at, "design_office")),
                                           event_from(person_json("p5", "P-C1", at, "chief"))};
  ASSERT_TRUE(store.append(persons));
  const auto accounts = demo_accounts(store);
  ASSERT_TRUE(accounts) << accounts.error().describe();
  std::vector<std::string> listed;
  for (const auto& account : *accounts) {
    listed.push_back(account.email + " " + std::string{store::role_name(account.role)} + " " + account.person_id);
  }
  // The fixture names every person Karim Benali: the second manager gets a number.
  EXPECT_EQ(listed, (std::vector<std::string>{"direction@demo.vigie.fr direction ",
                                              "be@demo.vigie.fr design_office P-B1",
                                              "karim.benali@demo.vigie.fr manager P-M1",
                                              "karim.benali2@demo.vigie.fr manager P-M2"}));
  ASSERT_TRUE(ensure_demo_accounts(store, *accounts, instant_now()));
  const auto first = store.user("be@demo.vigie.fr").value();
  ASSERT_TRUE(first);
  EXPECT_TRUE(api::password_matches(first->password_hash, "demo"));
  ASSERT_TRUE(ensure_demo_accounts(store, *accounts, instant_now()));
  EXPECT_EQ(store.user("be@demo.vigie.fr").value()->password_hash, first->password_hash);  // left as it was
  EXPECT_EQ(store.users().value().size(), 4u);
}

TEST(UserCommand, AddsListsAndRemovesAUserWithThePasswordFromStdin) {
  const testing::TempDir dir;
  const std::string vigie = testing::vigie_binary() + " --data-dir " + dir.path().string();
  const auto add = [&](const std::string& password, const std::string& args) {
    return testing::run_program("/bin/sh", {"-c", "printf '" + password + "\\n' | " + vigie + " user add " + args});
  };
  EXPECT_EQ(add("court", "direction@btp-exemple.fr --role direction").exit_code, 2);
  EXPECT_EQ(add("assez-long-2026", "pas-une-adresse --role direction").exit_code, 2);
  EXPECT_EQ(add("assez-long-2026", "chef@btp-exemple.fr --role manager").exit_code, 2);  // no --person
  const auto added = add("assez-long-2026", "Direction@BTP-exemple.fr --role direction");
  EXPECT_EQ(added.exit_code, 0);
  EXPECT_EQ(added.out, "direction@btp-exemple.fr (direction) can sign in\n");

  const auto listed = testing::run_vigie({"--data-dir", dir.path().string(), "user", "list"});
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_NE(listed.out.find("direction@btp-exemple.fr"), std::string::npos) << listed.out;
  EXPECT_EQ(listed.out.find("argon2"), std::string::npos);
  EXPECT_EQ(testing::run_vigie({"--data-dir", dir.path().string(), "user", "remove", "direction@btp-exemple.fr"})
                .exit_code, 0);
  EXPECT_EQ(testing::run_vigie({"--data-dir", dir.path().string(), "user", "remove", "direction@btp-exemple.fr"})
                .exit_code, 2);
}

}  // namespace
}  // namespace vigie::cli
