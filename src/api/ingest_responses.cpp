#include "api/ingest_responses.hpp"

#include "common/json_writer.hpp"

namespace vigie::api {

std::string submit_result_body(const ingest::SubmitResult& result) {
  JsonWriter out;
  out.begin_object()
      .field("accepted", static_cast<std::uint64_t>(result.accepted))
      .field("duplicates", static_cast<std::uint64_t>(result.duplicates))
      .key("refused")
      .begin_array();
  for (const auto& refusal : result.refused) {
    out.begin_object()
        .field("index", static_cast<std::uint64_t>(refusal.index))
        .field("field", refusal.error.field)
        .field("message", refusal.error.message)
        .end_object();
  }
  out.end_array().end_object();
  return out.take();
}

}  // namespace vigie::api
