#include "ingest/archive_reader.hpp"

#include <zstd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <memory>
#include <new>
#include <system_error>

#include "ingest/raw_archive.hpp"

namespace vigie::ingest {
namespace {

namespace fs = std::filesystem;

bool is_digits(const std::string& name, std::size_t length) {
  return name.size() == length && std::all_of(name.begin(), name.end(),
                                              [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The archive's levels below archive_dir: YYYY, MM, DD; the files sit in the last one.
constexpr std::array<std::size_t, 3> kLevelDigits = {4, 2, 2};

bool is_archive_entry(const fs::directory_entry& entry, std::size_t depth) {
  std::error_code ignored;
  const std::string name = entry.path().filename().string();
  if (depth == kLevelDigits.size()) {
    return entry.is_regular_file(ignored) && name.ends_with(kArchiveFileSuffix);
  }
  return entry.is_directory(ignored) && is_digits(name, kLevelDigits[depth]);
}

// Walks one level; zero-padded names make name order calendar (and sequence) order.
Expected<void> collect_files(const fs::path& dir, std::size_t depth, std::vector<fs::path>& files) {
  std::error_code error;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it{dir, error}, end; !error && it != end; it.increment(error)) {
    if (is_archive_entry(*it, depth)) entries.push_back(it->path());
  }
  if (error)
    return Error::make(ErrorCode::io, "cannot list " + dir.string() + ": " + error.message());
  std::sort(entries.begin(), entries.end());
  for (fs::path& entry : entries) {
    if (depth == kLevelDigits.size()) {
      files.push_back(std::move(entry));
      continue;
    }
    auto collected = collect_files(entry, depth + 1, files);
    if (!collected) return collected;
  }
  return {};
}

// Decodes one file frame by frame, handing over a frame's lines once the frame is whole.
class FileReader {
 public:
  FileReader(const fs::path& file, const LineVisitor& visit, ReadReport& report)
      : file_(file), visit_(visit), report_(report) {
    if (!context_) throw std::bad_alloc{};
  }

  Expected<void> run();

 private:
  struct FreeContext {
    void operator()(ZSTD_DCtx* context) const noexcept { ZSTD_freeDCtx(context); }
  };

  bool decode(ZSTD_inBuffer& input);  // false once the file must not be read further
  bool finish_frame();                // false if the visitor stops
  void add_issue(ReadIssueKind kind, std::string message) {
    report_.issues.push_back({file_, frame_start_, kind, std::move(message)});
  }

  const fs::path& file_;
  const LineVisitor& visit_;
  ReadReport& report_;
  std::unique_ptr<ZSTD_DCtx, FreeContext> context_{ZSTD_createDCtx()};
  std::vector<char> input_ = std::vector<char>(ZSTD_DStreamInSize());
  std::vector<char> output_ = std::vector<char>(ZSTD_DStreamOutSize());
  std::string frame_text_;      // the current frame's text so far (bounded by the writer)
  std::uint64_t consumed_ = 0;  // bytes of the file fed to the decoder
  std::uint64_t frame_start_ = 0;
  std::uint64_t line_number_ = 0;
};

Expected<void> FileReader::run() {
  std::ifstream in{file_, std::ios::binary};
  if (!in) return Error::make(ErrorCode::io, "cannot open " + file_.string());
  ++report_.files;
  for (;;) {
    in.read(input_.data(), static_cast<std::streamsize>(input_.size()));
    if (in.bad()) return Error::make(ErrorCode::io, "cannot read " + file_.string());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0) break;
    ZSTD_inBuffer input{input_.data(), got, 0};
    if (!decode(input)) return {};
  }
  if (consumed_ > frame_start_) {
    add_issue(ReadIssueKind::torn_tail, "the file ends inside a frame (" +
                                            std::to_string(consumed_ - frame_start_) +
                                            " bytes skipped); a crash during a write leaves this");
  }
  return {};
}

bool FileReader::decode(ZSTD_inBuffer& input) {
  bool output_full = false;
  while (input.pos < input.size || output_full) {
    ZSTD_outBuffer output{output_.data(), output_.size(), 0};
    const std::size_t before = input.pos;
    const std::size_t result = ZSTD_decompressStream(context_.get(), &output, &input);
    consumed_ += input.pos - before;
    if (ZSTD_isError(result)) {
      add_issue(ReadIssueKind::corrupt, std::string{"frame does not decode ("} +
                                            ZSTD_getErrorName(result) + "); rest of file skipped");
      return false;
    }
    frame_text_.append(output_.data(), output.pos);
    output_full = output.pos == output.size;
    if (result == 0 && !finish_frame()) return false;  // 0: a frame ends, whole and checked
  }
  return true;
}

bool FileReader::finish_frame() {
  ++report_.frames;
  std::string_view rest = frame_text_;
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    ++line_number_;
    if (line.empty()) continue;
    ++report_.lines;
    if (!visit_({file_, line_number_, line})) {
      report_.stopped = true;
      return false;
    }
  }
  frame_text_.clear();
  frame_start_ = consumed_;
  return true;
}

}  // namespace

std::string_view read_issue_kind_name(ReadIssueKind kind) {
  return kind == ReadIssueKind::torn_tail ? "torn_tail" : "corrupt";
}

Expected<std::vector<fs::path>> archive_files(const fs::path& archive_dir) {
  std::vector<fs::path> files;
  std::error_code error;
  if (!fs::exists(archive_dir, error)) return files;
  auto collected = collect_files(archive_dir, 0, files);
  if (!collected) return collected.error();
  return files;
}

Expected<void> read_archive_file(const fs::path& file, const LineVisitor& visit,
                                 ReadReport& report) {
  return FileReader{file, visit, report}.run();
}

Expected<ReadReport> read_archive(const fs::path& archive_dir, const LineVisitor& visit) {
  auto files = archive_files(archive_dir);
  if (!files) return files.error();
  ReadReport report;
  for (const fs::path& file : *files) {
    auto read = read_archive_file(file, visit, report);
    if (!read) return read.error();
    if (report.stopped) break;
  }
  return report;
}

}  // namespace vigie::ingest
