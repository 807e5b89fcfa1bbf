// bench/event_corpus.hpp
//
// The events an ingestion benchmark sends, and the request bodies built from them before any
// clock starts: Vigie batches (JSON arrays), single-event bodies with fresh ids, and ClickHouse
// JSONEachRow chunks in which `data` is a string column.
// Pure apart from the generator's CPU time; thread-compatible.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "demo/demo_company.hpp"
#include "events/event.hpp"

namespace vigie::bench {

struct EventCorpus {
  // Every demo event, parsed and validated. The reference events (site, person, team and vehicle
  // upserts) come first, in their original order, then the others in theirs: batches sent in
  // parallel can then never name a site that an earlier, still in-flight batch creates.
  std::vector<events::Event> events;
  std::size_t reference_count = 0;

  std::span<const events::Event> reference() const { return {events.data(), reference_count}; }
  std::span<const events::Event> others() const {
    return std::span<const events::Event>{events}.subspan(reference_count);
  }
};

// Generates the demo company in memory. Fails if the simulator emits an event that the parser
// refuses (a bug in the demo, reported with the event's position).
Expected<EventCorpus> build_corpus(const demo::DemoOptions& options);

// Request bodies and how many events each holds.
struct Bodies {
  std::vector<std::string> bodies;
  std::vector<std::size_t> event_counts;
  std::uint64_t total_events() const;
};

// JSON arrays of up to `batch_size` envelopes, as the sender wrote them.
Bodies vigie_batches(std::span<const events::Event> events, std::size_t batch_size);

// `count` bodies of one envelope each: copies of `events`, cycled, under fresh ids.
Bodies vigie_singles(std::span<const events::Event> events, std::uint64_t count);

// JSONEachRow chunks of up to `rows_per_chunk` rows for the table of clickhouse_row_schema().
Bodies clickhouse_chunks(std::span<const events::Event> events, std::size_t rows_per_chunk);

// The envelope as flat columns: id, type, site_id, occurred_at_ms, source, actor_id, data.
// Shared with the SQLite peer so both store the same thing.
std::string_view clickhouse_row_schema();

}  // namespace vigie::bench
