// `vigie import FILE [--format csv|jsonl] [--mapping MAPPING.toml]`: an ERP export into the store.
// Streams the file (constant memory), shows progress on a terminal, and ends with the counts and
// every refused line with its number and reason. Exit 0 when all lines were stored, 3 when some
// were refused, 1 when the import failed.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "ingest/import_mapping.hpp"
#include "ingest/import_stream.hpp"
#include "ingest/progress_bar.hpp"

namespace vigie::cli {
namespace {

struct ImportFlags {
  std::string file;
  std::string format;
  std::string mapping;
};

void print_report(const ingest::ImportReport& report) {
  std::printf("import : %s, %s, %s, %s\n",
              count_fr(report.lines_read, "ligne lue", "lignes lues").c_str(),
              count_fr(report.accepted, "acceptée", "acceptées").c_str(),
              count_fr(report.duplicates, "doublon", "doublons").c_str(),
              count_fr(report.refused_count, "refusée", "refusées").c_str());
  for (const auto& refusal : report.refused) {
    std::printf("  ligne %llu : %s: %s\n", static_cast<unsigned long long>(refusal.line_number),
                refusal.field.c_str(), refusal.message.c_str());
  }
  if (report.refused.size() < report.refused_count) {
    std::printf("  (%llu autres refus non listés)\n",
                static_cast<unsigned long long>(report.refused_count - report.refused.size()));
  }
  if (!report.complete) std::printf("import incomplet : lecture arrêtée (guillemet non fermé)\n");
}

int run_import(Context& context, const ImportFlags& flags) {
  std::optional<ingest::ImportFormat> format = ingest::format_from_path(flags.file);
  if (flags.format == "csv") format = ingest::ImportFormat::csv;
  if (flags.format == "jsonl") format = ingest::ImportFormat::jsonl;
  if (!format) {
    std::fprintf(stderr, "vigie: --format: must be csv or jsonl (not guessed from %s)\n", flags.file.c_str());
    return kExitUsage;
  }
  std::optional<ingest::CsvMapping> mapping;
  if (*format == ingest::ImportFormat::csv) {
    if (flags.mapping.empty()) {
      std::fprintf(stderr, "vigie: --mapping: is required for a CSV file\n");
      return kExitUsage;
    }
    auto loaded = ingest::load_csv_mapping(flags.mapping);
    if (!loaded) {
      std::fprintf(stderr, "vigie: --mapping: %s\n", loaded.error().describe().c_str());
      return kExitUsage;
    }
    mapping = std::move(*loaded);
  }
  std::ifstream in(flags.file, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "vigie: cannot read %s\n", flags.file.c_str());
    return kExitUsage;
  }
  std::error_code ec;
  const auto size = std::filesystem::file_size(flags.file, ec);
  // While `vigie serve` runs on this data directory, files go through POST /api/v1/import.
  context.lock_data_dir("import");
  ingest::Pipeline pipeline(context.store(), {context.config().group_commit_max_events});
  ingest::ProgressBar bar("import");
  auto report = ingest::import_stream(in, *format, mapping ? &*mapping : nullptr, pipeline,
                                      bar.progress(ec ? std::nullopt : std::optional<std::uint64_t>{size}));
  bar.finish();
  pipeline.shutdown();
  if (!report) {
    std::fprintf(stderr, "vigie: import failed: %s\n", report.error().describe().c_str());
    return kExitFailure;
  }
  print_report(*report);
  auto archived = context.archive_pending();
  if (!archived) {
    std::fprintf(stderr, "vigie: raw archive: %s\n", archived.error().describe().c_str());
    return kExitFailure;
  }
  return report->refused_count == 0 && report->complete ? kExitOk : kExitPartial;
}

}  // namespace

void add_import_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("import", "import a CSV or JSON Lines file of events");
  auto flags = std::make_shared<ImportFlags>();
  command->add_option("file", flags->file, "the file to import")->required();
  command->add_option("--format", flags->format, "csv or jsonl (default: from the file name)");
  command->add_option("--mapping", flags->mapping, "column mapping (TOML) for a CSV file");
  command->callback([&context, &exit_code, flags] { exit_code = run_import(context, *flags); });
}

}  // namespace vigie::cli
