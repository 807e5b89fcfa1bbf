// common/ids.hpp
//
// Strong types for ids: a SiteId cannot go where a PersonId is expected.
#pragma once

#include <compare>
#include <string>

namespace vigie {

template <class Tag>
struct Id {
  std::string value;
  friend auto operator<=>(const Id&, const Id&) = default;
};

using SiteId = Id<struct SiteTag>;      // "CH-2025-017", the ERP's code
using PersonId = Id<struct PersonTag>;  // "P-0042"
using TeamId = Id<struct TeamTag>;      // "T-01"
using EventId = Id<struct EventTag>;    // client-chosen idempotency key

}  // namespace vigie
