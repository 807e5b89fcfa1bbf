// POST /api/v1/import?format=csv|jsonl[&mapping=NAME]: an ERP export sent over HTTP, up to
// import.max_body_bytes. NAME is a mapping file in import.mappings_dir.
// Constant memory: the body is spooled to a file under <data_dir>/tmp as it arrives (only once
// the token and parameters are good), then imported from there as `vigie import FILE` does.
// Spooling first, rather than importing while reading, keeps a slow sender from holding the
// group commit's queue open and lets the whole file be counted before anything is refused.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <utility>

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

// A file that removes itself.
class SpoolFile {
 public:
  explicit SpoolFile(std::filesystem::path path) : path_(std::move(path)) {}
  SpoolFile(SpoolFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  SpoolFile(const SpoolFile&) = delete;
  SpoolFile& operator=(const SpoolFile&) = delete;
  SpoolFile& operator=(SpoolFile&&) = delete;
  ~SpoolFile() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

Expected<SpoolFile> spool_body(const Config& config, const HttpRequest& request) {
  const auto too_large = [] {
    return Error::make(ErrorCode::too_large, "the file is over import.max_body_bytes");
  };
  // A declared length over the limit is refused unread; a chunked body is counted as it comes.
  const std::string declared = request.header("content-length");
  if (!declared.empty() && std::strtoull(declared.c_str(), nullptr, 10) > config.import_max_body_bytes) {
    return too_large();
  }
  static std::atomic<std::uint64_t> counter{0};
  const std::filesystem::path dir = std::filesystem::path{config.data_dir} / "tmp";
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) return Error::make(ErrorCode::io, "cannot create " + dir.string());
  SpoolFile file{dir / ("import-" + std::to_string(::getpid()) + "-" +
                        std::to_string(counter.fetch_add(1)) + ".part")};
  std::ofstream out(file.path(), std::ios::binary | std::ios::trunc);
  if (!out) return Error::make(ErrorCode::io, "cannot write " + file.path().string());
  std::uint64_t size = 0;
  bool over = false;
  const bool read = request.read_body([&](std::string_view chunk) {
    size += chunk.size();
    if (size > config.import_max_body_bytes) {
      over = true;
      return false;
    }
    out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    return static_cast<bool>(out);
  });
  if (over) return too_large();
  if (!out) return Error::make(ErrorCode::io, "cannot write " + file.path().string());
  if (!read) return Error::invalid("body", "the file was not received whole");
  out.close();
  return file;
}

HttpResponse post_import(ApiServices& services, const HttpRequest& request) {
  // Systems only (ingest, admin): a file carries any type, source and actor.
  auto principal = services.auth.authenticate(request, Permission::import_files);
  if (!principal) return auth_error_response(principal.error());
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
  auto spooled = spool_body(services.config, request);
  if (!spooled) return json_error(spooled.error());
  std::ifstream in(spooled->path(), std::ios::binary);
  auto report = ingest::import_stream(in, format, mapping ? &*mapping : nullptr,
                                      services.pipeline, {}, {});
  if (!report) return json_error(report.error());
  return json_ok(import_body(*report));
}

}  // namespace

std::vector<Route> import_routes(ApiServices& services) {
  return {
      {"POST", "/api/v1/import", {}, "/api/v1/import",
       [&services](const HttpRequest& r) { return post_import(services, r); }, true},
  };
}

}  // namespace vigie::api
