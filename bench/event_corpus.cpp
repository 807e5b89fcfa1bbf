#include "bench/event_corpus.hpp"

#include <algorithm>
#include <functional>

#include "common/json_writer.hpp"
#include "events/parse.hpp"

namespace vigie::bench {
namespace {

bool is_reference(events::EventType type) {
  using events::EventType;
  return type == EventType::site_upserted || type == EventType::person_upserted ||
         type == EventType::team_upserted || type == EventType::vehicle_upserted;
}

void write_optional_text(JsonWriter& out, std::string_view key, const std::string& text) {
  out.key(key);
  if (text.empty()) {
    out.null();
  } else {
    out.value(text);
  }
}

// The envelope re-serialised from its parsed fields under another id.
void append_envelope(std::string& out, const events::Event& event, const std::string& id) {
  JsonWriter json;
  json.begin_object().field("id", id).field("type", events::type_name(event.type));
  write_optional_text(json, "site_id", event.site_id);
  json.field("occurred_at", format_rfc3339_utc(event.occurred_at))
      .field("source", events::source_name(event.source));
  write_optional_text(json, "actor_id", event.actor_id);
  json.key("data").raw(event.data).end_object();
  out += json.str();
}

void append_flat_row(std::string& out, const events::Event& event) {
  JsonWriter json;
  json.begin_object()
      .field("id", event.id)
      .field("type", events::type_name(event.type))
      .field("site_id", event.site_id)
      .field("occurred_at_ms", to_millis(event.occurred_at))
      .field("source", events::source_name(event.source))
      .field("actor_id", event.actor_id)
      .field("data", event.data)
      .end_object();
  out += json.str();
}

struct ChunkFormat {
  std::string_view open, separator, close;
};

using AppendEvent = std::function<void(std::string& out, const events::Event& event)>;

Bodies chunked(std::span<const events::Event> events, std::size_t per_chunk,
               const ChunkFormat& format, const AppendEvent& append) {
  Bodies result;
  per_chunk = std::max<std::size_t>(per_chunk, 1);
  for (std::size_t first = 0; first < events.size(); first += per_chunk) {
    const auto chunk = events.subspan(first, std::min(per_chunk, events.size() - first));
    std::string body{format.open};
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      if (i > 0) body += format.separator;
      append(body, chunk[i]);
    }
    body += format.close;
    result.bodies.push_back(std::move(body));
    result.event_counts.push_back(chunk.size());
  }
  return result;
}

}  // namespace

Expected<EventCorpus> build_corpus(const demo::DemoOptions& options) {
  EventCorpus corpus;
  std::optional<Error> refused;
  demo::generate(options, [&](std::string_view json) {
    if (refused) return;
    auto event = events::parse_event(json);
    if (!event) {
      refused = Error::make(ErrorCode::internal,
                            "demo event " + std::to_string(corpus.events.size()) +
                                " refused: " + event.error().describe());
      return;
    }
    corpus.events.push_back(std::move(*event));
  });
  if (refused) return *refused;
  const auto others = std::stable_partition(
      corpus.events.begin(), corpus.events.end(),
      [](const events::Event& event) { return is_reference(event.type); });
  corpus.reference_count = static_cast<std::size_t>(others - corpus.events.begin());
  return corpus;
}

std::uint64_t Bodies::total_events() const {
  std::uint64_t total = 0;
  for (const std::size_t count : event_counts) total += count;
  return total;
}

Bodies vigie_batches(std::span<const events::Event> events, std::size_t batch_size) {
  return chunked(events, batch_size, {"[", ",", "]"},
                 [](std::string& out, const events::Event& event) { out += event.raw; });
}

Bodies vigie_singles(std::span<const events::Event> events, std::uint64_t count) {
  Bodies result;
  if (events.empty()) return result;
  result.bodies.reserve(count);
  for (std::uint64_t n = 0; n < count; ++n) {
    const events::Event& event = events[n % events.size()];
    std::string body;
    append_envelope(body, event, event.id + "~single-" + std::to_string(n));
    result.bodies.push_back(std::move(body));
  }
  result.event_counts.assign(count, 1);
  return result;
}

Bodies clickhouse_chunks(std::span<const events::Event> events, std::size_t rows_per_chunk) {
  return chunked(events, rows_per_chunk, {"", "\n", "\n"}, append_flat_row);
}

std::string_view clickhouse_row_schema() {
  return "id String, type String, site_id String, occurred_at_ms Int64, source String, "
         "actor_id String, data String";
}

}  // namespace vigie::bench
