// kpi/company_codec.hpp
//
// The whole state of a Company as bytes and back (common/byte_stream.hpp), for the snapshot
// file (kpi/company_snapshot.hpp). Pure: no file, no compression. Encoding is deterministic —
// items and persons in key order — so two equal states give equal bytes. Day values are
// written as their in-memory bytes (they are plain sums), which ties the bytes to this build's
// layout of DayCounters: state_layout() says which layout, and the file refuses any other.
// Running totals are not written; decoding remakes them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/expected.hpp"
#include "kpi/company.hpp"

namespace vigie::kpi {

// The state's bytes. Reads only; the caller holds whatever lock keeps `company` still.
std::string encode_company(const Company& company);

// The company those bytes describe, with `settings` (the snapshot's header carries them).
// Checks every count against the bytes left, every enumeration and index against its range and
// every key for uniqueness: a malformed input gives ErrorCode::invalid, never a crash or a
// state that breaks the Company's invariants.
Expected<Company> decode_company(std::string_view bytes, const CompanySettings& settings);

// A fingerprint of the in-memory layout the bytes depend on (byte order, sizes and offsets of
// DayCounters' fields, Count).
std::uint32_t state_layout();

}  // namespace vigie::kpi
