// api/ingest_responses.hpp — the JSON body every ingestion door answers with:
// {"accepted":n,"duplicates":n,"refused":[{"index":i,"field":…,"message":…}]}.
#pragma once

#include <string>

#include "ingest/pipeline.hpp"

namespace vigie::api {

std::string submit_result_body(const ingest::SubmitResult& result);

}  // namespace vigie::api
