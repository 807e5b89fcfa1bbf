// tests/support/kpi_samples.hpp — a non-trivial KPI state to test what is built from it (the
// snapshot, its loading): the demo company's events, and its reports for a set of periods and
// scopes as one text, so that two states can be compared by what they answer.
#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"
#include "kpi/company.hpp"

namespace vigie::testing {

// The demo company's events (demo/demo_company.hpp, seed 7, ending 2026-11-29), parsed, in the
// simulator's order. Aborts the test if one does not parse.
std::vector<events::Event> demo_events(int sites, int years);

// report_json of all 15 KPIs for month, quarter, year and a range as of 2026-11-29, over every
// site and over scopes taken from the company's first sites (region, team, type, status), plus
// the breakdowns of KPIs 4 and 7: equal texts mean equal answers.
std::string reports_json(const kpi::Company& company);

}  // namespace vigie::testing
