// demo/records.hpp
//
// The `data` of the reference events: the whole record of a person, a team, a vehicle or tool,
// and a site as it stands (status, current budget, actual end), as data.md lists their fields.
#pragma once

#include <string>
#include <string_view>

#include "demo/world.hpp"

namespace vigie::demo {

std::string person_record(const Person& person);
std::string team_record(const Team& team, const Company& company);
std::string equipment_record(const Equipment& item);
std::string site_record(const World& world, int site, std::string_view status);

std::string_view status_name(SiteStatus status);

}  // namespace vigie::demo
