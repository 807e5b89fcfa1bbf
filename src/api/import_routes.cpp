// POST /api/v1/import?format=csv|jsonl[&mapping=NAME]: an ERP export sent over HTTP. The body is
// bounded by server.max_body_bytes; files larger than that go through `vigie import FILE`, which
// streams from disk in constant memory. NAME is a mapping file in import.mappings_dir.
#include <sstream>

#include "api/json_response.hpp"
#include "api/routes.hpp"
#include "common/json_writer.hpp"
#include "ingest/import_mapping.hpp"
#include "ingest/import_stream.hpp"

namespace vigie::api {
namespace {

bool safe_name(const std::string& name) {
  if (name.empty() || name.size() > 100) return false;
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

std::string import_body(const ingest::ImportReport& report) {
  JsonWriter out;
  out.begin_object()
      .field("lines", report.lines_read)
      .field("accepted", report.accepted)
      .field("duplicates", report.duplicates)
      .field("refused_count", report.refused_count)
      .field("complete", report.complete)
      .key("refused")
      .begin_array();
  for (const auto& refusal : report.refused) {
    out.begin_object()
        .field("line", refusal.line_number)
        .field("field", refusal.field)
        .field("message", refusal.message)
        .end_object();
  }
  out.end_array().end_object();
  return out.take();
}

HttpResponse post_import(ApiServices& services, const HttpRequest& request) {
  auto principal = services.auth.authenticate(request, Permission::import_files);
  if (!principal) return json_error(principal.error());
  const std::string format_text = request.query_param("format");
  ingest::ImportFormat format = ingest::ImportFormat::jsonl;
  if (format_text == "csv") {
    format = ingest::ImportFormat::csv;
  } else if (format_text != "jsonl") {
    return json_error(Error::invalid("format", "must be csv or jsonl"));
  }
  std::optional<ingest::CsvMapping> mapping;
  if (format == ingest::ImportFormat::csv) {
    const std::string name = request.query_param("mapping");
    if (!safe_name(name)) {
      return json_error(Error::invalid("mapping", "must name a mapping file (letters, digits, - and _)"));
    }
    auto loaded = ingest::load_csv_mapping(services.config.import_mappings_dir + "/" + name + ".toml");
    if (!loaded) return json_error(Error::invalid("mapping", loaded.error().describe()));
    mapping = std::move(*loaded);
  }
  std::istringstream in(request.body);
  auto report = ingest::import_stream(in, format, mapping ? &*mapping : nullptr,
                                      services.pipeline, {}, {});
  if (!report) return json_error(report.error());
  return json_ok(import_body(*report));
}

}  // namespace

std::vector<Route> import_routes(ApiServices& services) {
  return {
      {"POST", "/api/v1/import", {}, "/api/v1/import",
       [&services](const HttpRequest& r) { return post_import(services, r); }},
  };
}

}  // namespace vigie::api
