// tests/support/tiny_company.hpp
//
// Builds valid event envelopes (JSON text) for tests: a site, an expense, a person… with the
// fields a test cares about as parameters and everything else fixed.
#pragma once

#include <string>

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

}  // namespace vigie::testing
