// demo/french_names.hpp
//
// The words the demo company is made of: people's names, clients, site names, trades and
// equipment. Plausible and French; the people and firms are invented.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "demo/rng.hpp"
#include "demo/site_plan.hpp"

namespace vigie::demo {

std::string person_name(Rng& rng);
// "Lyon Tertiaire – Tour Oxygène".
std::string site_name(Rng& rng, std::string_view town, SiteType type);
std::string client_name(Rng& rng, std::string_view town, SiteType type);

std::span<const std::string_view> trade_skills();       // "gros_oeuvre", "electricite"…
std::span<const std::string_view> design_skills();      // the design office's specialities
std::span<const std::string_view> vehicle_kinds();
std::span<const std::string_view> tool_kinds();

}  // namespace vigie::demo
