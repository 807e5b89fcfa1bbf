// tests/support/tiny_company.hpp
//
// Builds valid event envelopes (JSON text) for tests: a site, an expense, a person… with the
// fields a test cares about as parameters and everything else fixed.
#pragma once

#include <string>
#include <vector>

#include "events/event.hpp"

namespace vigie::testing {

// Any event of a site with `data` given as JSON text.
std::string event_json(const std::string& event_id, const std::string& type,
                       const std::string& site_id, const std::string& at, const std::string& data);

// The data of a site.upserted with the fields KPIs read; the chief is "P-C" + id.
std::string site_data(const std::string& id, const std::string& type, const std::string& region,
                      const std::string& manager, const std::string& team, double budget,
                      const std::string& start, const std::string& end, const std::string& status);

// A complete site.upserted for `site_id` occurring at `at` (RFC 3339).
std::string site_json(const std::string& event_id, const std::string& site_id,
                      const std::string& at, double budget_total = 250000,
                      const std::string& status = "active");
std::string expense_json(const std::string& event_id, const std::string& site_id,
                         const std::string& at, double amount,
                         const std::string& category = "material");
std::string budget_json(const std::string& event_id, const std::string& site_id,
                        const std::string& at, double total, double material);
std::string completed_json(const std::string& event_id, const std::string& site_id,
                           const std::string& at, const std::string& actual_end);
std::string person_json(const std::string& event_id, const std::string& person_id,
                        const std::string& at, const std::string& role = "chief");

// Parses one of the above; aborts the test if it does not validate.
events::Event event_from(const std::string& json);

// Site CH-1 of manager P-M (tertiaire, Rhône), 100 000 €, half done with 60 000 € spent by its
// last progress report of 20/11/2026: 20 % over budget at completion.
std::vector<events::Event> overrunning_site();

}  // namespace vigie::testing
