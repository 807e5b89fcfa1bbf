#include "ingest/import_stream.hpp"

#include <algorithm>
#include <utility>

#include "ingest/csv_reader.hpp"
#include "ingest/import_input.hpp"

namespace vigie::ingest {
namespace {

// One import in progress: events wait here until a submission's worth is gathered, so memory
// holds one submission, never the file; refusals go straight to the report.
class ImportRun {
 public:
  ImportRun(Pipeline& pipeline, const ImportProgress& progress, const ImportOptions& options)
      : pipeline_(pipeline), progress_(progress), options_(options) {}

  void refuse(std::uint64_t line, const Error& error) {
    ++report_.refused_count;
    if (report_.refused.size() < options_.max_listed_refusals) {
      report_.refused.push_back({line, error.field, error.message});
    }
  }

  Expected<void> add(std::uint64_t line, events::Event event) {
    events_.push_back(std::move(event));
    lines_.push_back(line);
    if (events_.size() >= options_.events_per_submit) return flush();
    return {};
  }

  Expected<void> flush() {
    if (events_.empty()) return {};
    auto result = pipeline_.submit_events(std::exchange(events_, {}), 0);
    if (!result) return result.error();
    report_.accepted += result->accepted;
    report_.duplicates += result->duplicates;
    for (const events::Refusal& refusal : result->refused)
      refuse(lines_[refusal.index], refusal.error);
    lines_.clear();
    return {};
  }

  // Tells the progress callback when the input moved on (once per chunk read).
  void tick(std::uint64_t bytes_read, bool last = false) {
    if (!progress_.on_tick || (!last && bytes_read == last_tick_bytes_)) return;
    last_tick_bytes_ = bytes_read;
    progress_.on_tick({bytes_read, progress_.total_bytes, report_.lines_read});
  }

  void count_line() { ++report_.lines_read; }
  void mark_incomplete() { report_.complete = false; }

  // The report, refusals in line order (those found by the pipeline come at each flush).
  ImportReport finish() {
    std::stable_sort(report_.refused.begin(), report_.refused.end(),
                     [](const ImportRefusal& a, const ImportRefusal& b) {
                       return a.line_number < b.line_number;
                     });
    return std::move(report_);
  }

 private:
  Pipeline& pipeline_;
  const ImportProgress& progress_;
  const ImportOptions& options_;
  ImportReport report_;
  std::vector<events::Event> events_;
  std::vector<std::uint64_t> lines_;  // lines_[i]: where events_[i] was read
  std::uint64_t last_tick_bytes_ = 0;
};

Expected<void> take(ImportRun& run, std::uint64_t line, Expected<events::Event> event) {
  if (!event) {
    run.refuse(line, event.error());
    return {};
  }
  return run.add(line, std::move(*event));
}

Expected<void> import_jsonl(std::istream& in, ImportRun& run, const ImportOptions& options) {
  ChunkedInput input(in);
  TextLine line;
  while (read_line(input, line, options.max_line_bytes)) {
    if (trim_blanks(line.text).empty()) continue;
    run.count_line();
    if (line.too_long) {
      run.refuse(line.number,
                 Error::invalid("line", "is longer than " + std::to_string(options.max_line_bytes) +
                                            " bytes"));
    } else if (auto taken = take(run, line.number, events::parse_event(line.text)); !taken) {
      return taken;
    }
    run.tick(input.bytes_read());
  }
  if (input.failed()) return Error::make(ErrorCode::io, "reading the import failed");
  run.tick(input.bytes_read(), true);
  return {};
}

Expected<void> import_csv(std::istream& in, const CsvMapping& mapping, ImportRun& run,
                          const ImportOptions& options) {
  CsvReader reader(in, CsvOptions{.separator = mapping.separator,
                                  .max_record_bytes = options.max_line_bytes,
                                  .chunk_bytes = ChunkedInput::kDefaultChunkBytes});
  CsvRecord record;
  const auto header = reader.next(record);
  if (!header) return Error::invalid("header", header.error().message);
  if (!*header) return {};  // an empty file imports nothing
  const auto columns = CsvColumns::bind(mapping, std::move(record.fields));
  if (!columns) return columns.error();
  for (;;) {
    const auto more = reader.next(record);
    if (!more) {
      run.count_line();  // the unreadable record is read and refused, so the counts add up
      run.refuse(record.line_number, more.error());
      run.mark_incomplete();
      break;
    }
    if (!*more) break;
    run.count_line();
    if (auto taken = take(run, record.line_number, map_csv_row(mapping, *columns, record.fields));
        !taken) {
      return taken;
    }
    run.tick(reader.bytes_read());
  }
  if (reader.failed()) return Error::make(ErrorCode::io, "reading the import failed");
  run.tick(reader.bytes_read(), true);
  return {};
}

}  // namespace

std::optional<ImportFormat> format_from_path(std::string_view path) {
  if (path.ends_with(".csv") || path.ends_with(".CSV")) return ImportFormat::csv;
  if (path.ends_with(".jsonl") || path.ends_with(".ndjson")) return ImportFormat::jsonl;
  return std::nullopt;
}

Expected<ImportReport> import_stream(std::istream& in, ImportFormat format,
                                     const CsvMapping* mapping, Pipeline& pipeline,
                                     const ImportProgress& progress, const ImportOptions& options) {
  if (format == ImportFormat::csv && mapping == nullptr) {
    return Error::invalid("mapping", "a CSV import needs a column mapping");
  }
  ImportRun run(pipeline, progress, options);
  const auto read = format == ImportFormat::csv ? import_csv(in, *mapping, run, options)
                                                : import_jsonl(in, run, options);
  if (!read) return read.error();
  if (auto flushed = run.flush(); !flushed) return flushed.error();
  return run.finish();
}

}  // namespace vigie::ingest
