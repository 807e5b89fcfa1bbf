// ingest/import_stream.hpp
//
// Batch import (`vigie import FILE`, `POST /api/v1/import`): a CSV export with its column
// mapping (import_mapping.hpp), or JSON Lines of event envelopes. Streams in constant memory:
// one chunk of input, one record, and at most `events_per_submit` events waiting for the
// pipeline, whatever the file's size. Good lines are stored, bad ones reported with their line.
// Importing the same file again stores nothing twice: ids are the idempotency keys.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/expected.hpp"
#include "ingest/import_mapping.hpp"
#include "ingest/pipeline.hpp"

namespace vigie::ingest {

enum class ImportFormat { csv, jsonl };

// From a file name: .csv → csv; .jsonl, .ndjson → jsonl.
std::optional<ImportFormat> format_from_path(std::string_view path);

struct ImportTick {
  std::uint64_t bytes_read = 0;
  std::optional<std::uint64_t> total_bytes;  // when known (a file's size)
  std::uint64_t lines_read = 0;
};

struct ImportProgress {
  std::optional<std::uint64_t> total_bytes;
  // Called on the importing thread about once per input chunk, and once at the end.
  std::function<void(const ImportTick&)> on_tick;
};

struct ImportRefusal {
  std::uint64_t line_number = 0;  // 1-based physical line where the record starts
  std::string field;              // "data.amount", "site_id", "line"
  std::string message;
};

struct ImportReport {
  std::uint64_t lines_read =
      0;  // data records (CSV rows after the header, JSON lines), blank lines aside
  std::uint64_t accepted = 0;
  std::uint64_t duplicates = 0;
  std::uint64_t refused_count = 0;
  std::vector<ImportRefusal> refused;  // by line; at most max_listed_refusals of them
  bool complete = true;                // false when a runaway CSV quote stopped the reading
};

struct ImportOptions {
  std::size_t events_per_submit = 5'000;
  // A file of millions of bad lines must not hold millions of messages: past this, refusals
  // are only counted.
  std::size_t max_listed_refusals = 100'000;
  std::size_t max_line_bytes = 1024 * 1024;
};

// Imports the stream. `mapping` is required for CSV and ignored for JSON Lines.
// Fails as a whole (nothing more is read) when a CSV import has no mapping or a header without
// a mapped column (invalid, field "header"), on a read error (io), or when the store fails;
// chunks submitted before a failure stay stored, and importing again is safe.
Expected<ImportReport> import_stream(std::istream& in, ImportFormat format,
                                     const CsvMapping* mapping, Pipeline& pipeline,
                                     const ImportProgress& progress,
                                     const ImportOptions& options = {});

}  // namespace vigie::ingest
