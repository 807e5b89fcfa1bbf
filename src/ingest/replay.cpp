#include "ingest/replay.hpp"

#include <optional>
#include <string_view>
#include <utility>

#include "events/parse.hpp"

namespace vigie::ingest {
namespace {

namespace fs = std::filesystem;

// Every site.upserted line holds this text; the sites pass parses only the lines that do.
constexpr std::string_view kSiteUpsertedText = "\"site.upserted\"";

// Where a pending event comes from, to report a refusal by file and line.
struct Origin {
  std::size_t file = 0;  // index into ReplayRun::files_
  std::uint64_t line = 0;
};

class ReplayRun {
 public:
  ReplayRun(Pipeline& pipeline, const ReplayProgress& progress, const ReplayOptions& options)
      : pipeline_(pipeline), progress_(progress), options_(options) {}

  Expected<ReplayReport> run(const fs::path& archive_dir);

 private:
  bool take_line(const ArchiveLine& line);  // false to stop reading (the store failed)
  bool flush();                             // submits the pending chunk; false if it failed
  void refuse(const Origin& origin, Error error);
  std::size_t file_index(const fs::path& file);

  Pipeline& pipeline_;
  const ReplayProgress& progress_;
  const ReplayOptions& options_;
  ReplayReport report_;
  std::vector<events::Event> pending_;
  std::vector<Origin> origins_;  // origins_[i]: where pending_[i] was read
  std::vector<fs::path> files_;
  std::optional<Error> failure_;
};

Expected<ReplayReport> ReplayRun::run(const fs::path& archive_dir) {
  for (const ReplayPhase phase : {ReplayPhase::sites, ReplayPhase::events}) {
    report_.phase = phase;
    auto read =
        read_archive(archive_dir, [this](const ArchiveLine& line) { return take_line(line); });
    if (!read) return read.error();
    if (failure_ || !flush()) return *failure_;
    // Both passes meet the same issues; report them once.
    if (phase == ReplayPhase::events) report_.issues = std::move(read->issues);
  }
  return std::move(report_);
}

bool ReplayRun::take_line(const ArchiveLine& line) {
  const bool sites_pass = report_.phase == ReplayPhase::sites;
  if (sites_pass && line.text.find(kSiteUpsertedText) == std::string_view::npos) return true;
  if (!sites_pass) ++report_.lines;
  auto event = events::parse_event(line.text, events::Origin::vigie);
  if (!event) {
    if (!sites_pass) refuse({file_index(line.file), line.line_number}, event.error());
    return true;
  }
  const bool is_site = event->type == events::EventType::site_upserted;
  if (is_site != sites_pass) return true;  // submitted in the other pass
  pending_.push_back(std::move(*event));
  origins_.push_back({file_index(line.file), line.line_number});
  return pending_.size() < options_.chunk_events || flush();
}

bool ReplayRun::flush() {
  if (pending_.empty()) return true;
  auto submitted = pipeline_.submit_events(std::exchange(pending_, {}), 0);
  if (!submitted) {
    failure_ = submitted.error();
    return false;
  }
  report_.accepted += submitted->accepted;
  report_.duplicates += submitted->duplicates;
  for (events::Refusal& refusal : submitted->refused) {
    refuse(origins_[refusal.index], std::move(refusal.error));
  }
  origins_.clear();
  if (progress_) progress_(report_);
  return true;
}

void ReplayRun::refuse(const Origin& origin, Error error) {
  ++report_.refused;
  if (report_.refusals.size() >= options_.max_listed_refusals) return;
  report_.refusals.push_back({files_[origin.file], origin.line, std::move(error)});
}

std::size_t ReplayRun::file_index(const fs::path& file) {
  if (files_.empty() || files_.back() != file) files_.push_back(file);
  return files_.size() - 1;
}

}  // namespace

Expected<ReplayReport> replay(const fs::path& archive_dir, Pipeline& pipeline,
                              const ReplayProgress& progress, const ReplayOptions& options) {
  return ReplayRun{pipeline, progress, options}.run(archive_dir);
}

}  // namespace vigie::ingest
