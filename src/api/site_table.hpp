// api/site_table.hpp
//
// The table "Tous les chantiers" as exported (GET /api/v1/sites?format=csv|xlsx): the columns
// the page shows, with French titles, for the sites asked for in their order.
#pragma once

#include <vector>

#include "api/site_summaries.hpp"
#include "common/table_export.hpp"

namespace vigie::api {

Table sites_table(const std::vector<SiteSummary>& sites, const PeopleBook& people);

}  // namespace vigie::api
