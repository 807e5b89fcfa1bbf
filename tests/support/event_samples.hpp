// tests/support/event_samples.hpp — valid events to start a validation case from: the
// smallest valid `data` of every type of the catalogue, the envelope around it, and texts of a
// given length. Shared by the data, envelope and parser tests of tests/events/.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace vigie::testing {

// The smallest valid `data` of a type: only the required fields. The table doubles as a
// reference of what each type needs; the JSON is compact so that it is also the stored `data`.
struct Minimal {
  std::string_view type;
  std::string_view data;
};
std::span<const Minimal> minimal_events();  // one per type of the catalogue
std::string_view minimal_data(std::string_view type);  // fails the test for an unknown type

bool siteless(std::string_view type);

// A valid envelope around `data`: id e-1, site CH-1 (null for siteless types), source mobile,
// actor P-0042, 24/11/2026 08:15 Paris.
std::string envelope(std::string_view type, std::string_view data);

// The minimal expense.recorded and person.upserted envelopes.
const std::string& expense_envelope();
const std::string& person_envelope();

// A JSON string of `bytes` letters.
std::string text_of_length(std::size_t bytes);
// A JSON string of `count` "€": three bytes each in UTF-8, and lengths count bytes.
std::string euro_signs(std::size_t count);

}  // namespace vigie::testing
