#include "cli/demo_accounts.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <utility>

#include "api/password.hpp"
#include "common/text_fold.hpp"

namespace vigie::cli {
namespace {

constexpr std::string_view kDomain = "@demo.vigie.fr";

// Lower-case ASCII letters and digits; a space, hyphen or apostrophe becomes '-'; the rest goes.
std::string fold(std::string_view text) {
  std::string out;
  for (const char ch : plain_lower(text)) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) != 0 && c < 0x80) out += ch;
    else if ((c == ' ' || c == '-' || c == '\'') && !out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string person_name(const store::EntityRow& person) {
  simdjson::dom::parser parser;
  std::string_view name;
  if (parser.parse(person.record).get_object()["name"].get_string().get(name) != simdjson::SUCCESS) {
    return person.id;
  }
  return std::string{name};
}

}  // namespace

std::string email_local_part(std::string_view name) {
  const auto space = name.find(' ');
  if (space == std::string_view::npos) return fold(name);
  return fold(name.substr(0, space)) + "." + fold(name.substr(space + 1));
}

Expected<std::vector<api::DemoAccount>> demo_accounts(const store::Store& store) {
  auto persons = store.entities(store::EntityKind::person);
  if (!persons) return persons.error();
  // Direction, then the design office, then the managers: the order the sign-in page lists them.
  std::vector<api::DemoAccount> accounts{{"direction@demo.vigie.fr", store::Role::direction, "", "Direction"}};
  const auto office = std::find_if(persons->begin(), persons->end(),
                                   [](const store::EntityRow& p) { return p.label == "design_office"; });
  if (office != persons->end()) {
    accounts.push_back({"be@demo.vigie.fr", store::Role::design_office, office->id,
                        "Bureau d'études (" + person_name(*office) + ")"});
  }
  std::set<std::string> taken{"direction@demo.vigie.fr", "be@demo.vigie.fr"};
  for (const store::EntityRow& person : *persons) {
    if (person.label != "manager") continue;
    const std::string name = person_name(person);
    const std::string local = email_local_part(name);
    std::string email = local + std::string{kDomain};
    for (int n = 2; taken.contains(email); ++n) email = local + std::to_string(n) + std::string{kDomain};
    taken.insert(email);
    accounts.push_back({email, store::Role::manager, person.id, name});
  }
  return accounts;
}

Expected<void> ensure_demo_accounts(store::Store& store, const std::vector<api::DemoAccount>& accounts,
                                    Instant now) {
  for (const api::DemoAccount& account : accounts) {
    auto existing = store.user(account.email);
    if (!existing) return existing.error();
    if (*existing) continue;
    auto hash = api::hash_password(api::kDemoPassword);
    if (!hash) return hash.error();
    auto stored = store.put_user({account.email, account.role, account.person_id, *hash, now});
    if (!stored) return stored;
  }
  return {};
}

}  // namespace vigie::cli
