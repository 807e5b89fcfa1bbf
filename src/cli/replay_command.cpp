// `vigie replay [--from DIR]`: rebuilds the (empty) store of the data directory from a raw
// archive — by default the data directory's own lake/raw — and prints the content digest, so two
// stores can be compared. Exit 0 when every line was stored, 3 when some were refused.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/context.hpp"
#include "cli/exit_codes.hpp"
#include "common/french_format.hpp"
#include "ingest/archiver.hpp"
#include "ingest/replay.hpp"

namespace vigie::cli {
namespace {

struct ReplayFlags {
  std::string from;
};

int run_replay(Context& context, const ReplayFlags& flags) {
  const std::string archive_dir = flags.from.empty() ? context.config().lake_dir() : flags.from;
  if (!std::filesystem::is_directory(archive_dir)) {
    std::fprintf(stderr, "vigie: no archive at %s\n", archive_dir.c_str());
    return kExitUsage;
  }
  context.lock_data_dir("replay");
  if (const int refused = context.require_empty_store("replay"); refused != kExitOk) return refused;
  store::Store& store = context.store();
  ingest::Pipeline pipeline(store, {context.config().group_commit_max_events});
  auto report = ingest::replay(archive_dir, pipeline);
  pipeline.shutdown();
  if (!report) {
    std::fprintf(stderr, "vigie: replay failed: %s\n", report.error().describe().c_str());
    return kExitFailure;
  }
  if (flags.from.empty()) {
    // Replayed from our own archive: those events are archived already.
    auto marked = ingest::mark_all_archived(store);
    if (!marked) {
      std::fprintf(stderr, "vigie: %s\n", marked.error().describe().c_str());
      return kExitFailure;
    }
  } else if (auto archived = context.archive_pending(); !archived) {
    std::fprintf(stderr, "vigie: raw archive: %s\n", archived.error().describe().c_str());
    return kExitFailure;
  }
  auto digest = store.content_digest();
  std::printf("rejeu : %s, %s, %s, %s\n",
              count_fr(report->lines, "ligne lue", "lignes lues").c_str(),
              count_fr(report->accepted, "acceptée", "acceptées").c_str(),
              count_fr(report->duplicates, "doublon", "doublons").c_str(),
              count_fr(report->refused, "refusée", "refusées").c_str());
  for (const auto& refusal : report->refusals) {
    std::printf("  %s:%llu: %s\n", refusal.file.string().c_str(),
                static_cast<unsigned long long>(refusal.line), refusal.error.describe().c_str());
  }
  for (const auto& issue : report->issues) {
    std::printf("  attention : %s à l'octet %llu : %s\n", issue.file.string().c_str(),
                static_cast<unsigned long long>(issue.offset), issue.message.c_str());
  }
  if (digest) std::printf("empreinte du contenu : %s\n", digest->c_str());
  return report->refused == 0 ? kExitOk : kExitPartial;
}

}  // namespace

void add_replay_command(CLI::App& app, Context& context, int& exit_code) {
  auto* command = app.add_subcommand("replay", "rebuild an empty store from the raw archive");
  auto flags = std::make_shared<ReplayFlags>();
  command->add_option("--from", flags->from, "archive folder (default: <data-dir>/lake/raw)");
  command->callback([&context, &exit_code, flags] { exit_code = run_replay(context, *flags); });
}

}  // namespace vigie::cli
