#include "ingest/mapping_event.hpp"

#include <algorithm>
#include <array>

#include "common/json_writer.hpp"
#include "events/parse.hpp"

namespace vigie::ingest {
namespace {

constexpr std::string_view kDataPrefix = "data.";
constexpr std::array<std::string_view, 6> kEnvelopeFields = {"id",          "type",     "site_id",
                                                             "occurred_at", "actor_id", "source"};

// The envelope being written: its own fields as they come, `data` gathered aside.
struct EnvelopeWriter {
  JsonWriter envelope;
  JsonWriter data;
  bool has_source = false;

  EnvelopeWriter() {
    envelope.begin_object();
    data.begin_object();
  }
  void add(const std::string& name, const MappedValue& value) {
    if (name.starts_with(kDataPrefix)) {
      data.key(std::string_view{name}.substr(kDataPrefix.size()));
      write_value(data, value);
      return;
    }
    has_source = has_source || name == "source";
    envelope.key(name);
    write_value(envelope, value);
  }
  std::string finish(std::optional<events::Source> source) {
    if (source) envelope.field("source", events::source_name(*source));
    data.end_object();
    envelope.key("data").raw(data.str());
    envelope.end_object();
    return envelope.take();
  }
};

}  // namespace

bool is_envelope_field(std::string_view name) {
  return std::find(kEnvelopeFields.begin(), kEnvelopeFields.end(), name) != kEnvelopeFields.end();
}

Expected<events::Event> map_event(const FieldList& fields, const RecordView& record,
                                  const EventMappingOptions& options) {
  EnvelopeWriter writer;
  for (const MappedField& field : fields) {
    if (options.forced_source && field.name == "source") continue;
    const auto value = evaluate_field(field.spec, record, options.convert);
    if (!value) return Error::invalid(field.name, value.error().message);
    if (*value) writer.add(field.name, **value);
  }
  std::optional<events::Source> source = options.forced_source;
  if (!source && !writer.has_source) source = options.default_source;
  return events::parse_event(writer.finish(source));
}

}  // namespace vigie::ingest
