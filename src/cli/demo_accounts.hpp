// cli/demo_accounts.hpp
//
// The dashboard accounts of `vigie serve --demo` (issue 10): direction@demo.vigie.fr
// (Direction), be@demo.vigie.fr (the design office, as its first person) and one per manager,
// prenom.nom@demo.vigie.fr from the person's name (accents dropped), all with the password
// "demo". Made at each demo start for whoever lacks one, so a demo store built before accounts
// existed gets them too; an account already there is left as it is.
#pragma once

#include <vector>

#include "api/sessions.hpp"
#include "common/expected.hpp"
#include "store/store.hpp"

namespace vigie::cli {

// The accounts the demo company's people imply, from the stored persons.
Expected<std::vector<api::DemoAccount>> demo_accounts(const store::Store& store);

// Creates those of `accounts` that are not stored yet.
Expected<void> ensure_demo_accounts(store::Store& store, const std::vector<api::DemoAccount>& accounts,
                                    Instant now);

// "Éloïse Le Bihan" → "eloise.le-bihan": lower-case ASCII, accents dropped, the first word the
// first name.
std::string email_local_part(std::string_view name);

}  // namespace vigie::cli
