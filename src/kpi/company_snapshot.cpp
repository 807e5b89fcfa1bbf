#include "kpi/company_snapshot.hpp"

#include <zstd.h>

#include <array>
#include <cstring>
#include <memory>
#include <new>

#include "common/byte_stream.hpp"
#include "common/file_io.hpp"
#include "kpi/company_codec.hpp"

namespace vigie::kpi {
namespace {

constexpr std::array<char, 8> kMagic = {'V', 'I', 'G', 'I', 'E', 'K', 'P', 'I'};
constexpr std::size_t kPrefixBytes = kMagic.size() + 2 * sizeof(std::uint32_t);
constexpr std::uint64_t kMaxHeaderBytes = 1u << 16;
// Far above any real state (17 MB for 2000 sites over three years): a bound for what is read.
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{4} << 30;
// zstd's fastest level: the state is mostly zero days, which any level shrinks about as well.
constexpr int kCompressionLevel = 1;

Error damaged(std::string message) { return Error::invalid("snapshot", std::move(message)); }

struct FreeCompressor {
  void operator()(ZSTD_CCtx* context) const noexcept { ZSTD_freeCCtx(context); }
};

// One frame with its content size and checksum. Streamed into a buffer that grows with the
// output, rather than one of ZSTD_compressBound (the size of the input), which would double
// the memory a save takes.
Expected<std::string> compress(std::string_view bytes) {
  const std::unique_ptr<ZSTD_CCtx, FreeCompressor> context{ZSTD_createCCtx()};
  if (!context) throw std::bad_alloc{};
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_compressionLevel, kCompressionLevel);
  ZSTD_CCtx_setParameter(context.get(), ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_setPledgedSrcSize(context.get(), bytes.size());  // written in the frame's header
  std::string frame;
  ZSTD_inBuffer input{bytes.data(), bytes.size(), 0};
  for (;;) {
    const std::size_t done = frame.size();
    frame.resize(done + ZSTD_CStreamOutSize());
    ZSTD_outBuffer output{frame.data() + done, frame.size() - done, 0};
    const std::size_t left = ZSTD_compressStream2(context.get(), &output, &input, ZSTD_e_end);
    if (ZSTD_isError(left)) {
      return Error::make(ErrorCode::internal, std::string{"zstd: "} + ZSTD_getErrorName(left));
    }
    frame.resize(done + output.pos);
    if (left == 0) return frame;
  }
}

// The size of the whole zstd frame that `input` starts with.
Expected<std::size_t> frame_size(std::string_view input) {
  const std::size_t size = ZSTD_findFrameCompressedSize(input.data(), input.size());
  if (ZSTD_isError(size)) return damaged(std::string{"bad frame: "} + ZSTD_getErrorName(size));
  return size;
}

// The content of one frame of at most `max_bytes`. The frame must carry a checksum (bit 2 of
// its header descriptor, after the 4-byte magic: RFC 8878 §3.1.1.1.1), which ZSTD_decompress
// verifies before returning, and say its content size, so that nothing is allocated blindly.
Expected<std::string> decompress(std::string_view frame, std::uint64_t max_bytes) {
  constexpr unsigned char kFrameMagic[] = {0x28, 0xB5, 0x2F, 0xFD};
  if (frame.size() < 5 || std::memcmp(frame.data(), kFrameMagic, 4) != 0 ||
      (static_cast<unsigned char>(frame[4]) & 0x04) == 0) {
    return damaged("a frame is not a checksummed zstd frame");
  }
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > max_bytes) {
    return damaged("a frame's content size is missing or out of range");
  }
  std::string content;
  if (size > content.max_size()) return damaged("a frame's content size is out of range");
  try {
    content.resize(static_cast<std::size_t>(size));
  } catch (const std::bad_alloc&) {
    return Error::make(ErrorCode::io,
                       "no memory for the snapshot's " + std::to_string(size) + " bytes");
  }
  const std::size_t got =
      ZSTD_decompress(content.data(), content.size(), frame.data(), frame.size());
  if (ZSTD_isError(got)) return damaged(std::string{"zstd: "} + ZSTD_getErrorName(got));
  if (got != content.size()) return damaged("a frame is shorter than it says");
  return content;
}

std::string encode_header(const SnapshotHeader& header, std::uint64_t state_bytes) {
  const auto& [request_sla_hours, incident_sla_hours] = header.settings;  // a new setting fails to compile here
  ByteWriter out;
  out.put(request_sla_hours);
  out.put(incident_sla_hours);
  out.put(header.watermark_seq);
  out.put_string(header.watermark_event_id);
  out.put(state_bytes);
  return out.take();
}

bool decode_header(std::string_view bytes, SnapshotHeader& header, std::uint64_t& state_bytes) {
  auto& [request_sla_hours, incident_sla_hours] = header.settings;
  ByteReader in(bytes);
  return in.get(request_sla_hours) && in.get(incident_sla_hours) && in.get(header.watermark_seq) &&
         in.get_string(header.watermark_event_id) && in.get(state_bytes) && in.at_end() &&
         header.watermark_seq >= 0;
}

std::string prefix() {
  ByteWriter out;
  out.put(kMagic);
  out.put(kSnapshotFormatVersion);
  out.put(state_layout());
  return out.take();
}

// Checks the magic, version and layout, then drops them from `file`.
Expected<void> check_prefix(std::string_view& file) {
  std::array<char, 8> magic{};
  std::uint32_t version = 0;
  std::uint32_t layout = 0;
  ByteReader in(file);
  if (!in.get(magic) || magic != kMagic || !in.get(version) || !in.get(layout)) {
    return damaged("not a Vigie KPI snapshot");
  }
  if (version != kSnapshotFormatVersion) {
    return Error::make(ErrorCode::conflict, "format version " + std::to_string(version) +
                                                ", this build reads version " +
                                                std::to_string(kSnapshotFormatVersion));
  }
  if (layout != state_layout()) {
    return Error::make(ErrorCode::conflict, "written by a build with another memory layout");
  }
  file.remove_prefix(kPrefixBytes);
  return {};
}

}  // namespace

bool same_settings(const CompanySettings& a, const CompanySettings& b) {
  const auto& [a_request_sla_hours, a_incident_sla_hours] = a;
  const auto& [b_request_sla_hours, b_incident_sla_hours] = b;
  return a_request_sla_hours == b_request_sla_hours && a_incident_sla_hours == b_incident_sla_hours;
}

Expected<std::uint64_t> write_snapshot(const std::filesystem::path& path,
                                       const SnapshotHeader& header, std::string_view state) {
  const std::string head = prefix();
  auto header_frame = compress(encode_header(header, state.size()));
  if (!header_frame) return header_frame.error();
  auto state_frame = compress(state);
  if (!state_frame) return state_frame.error();
  const std::string_view parts[] = {head, *header_frame, *state_frame};
  auto replaced = replace_file(path, parts);
  if (!replaced) return replaced.error();
  return static_cast<std::uint64_t>(head.size() + header_frame->size() + state_frame->size());
}

Expected<SnapshotFile> SnapshotFile::open(const std::filesystem::path& path) {
  auto file = read_file(path, kMaxFileBytes);
  if (!file) {
    if (file.error().code == ErrorCode::too_large) return damaged(file.error().message);
    return file.error();
  }
  std::string_view rest = *file;
  auto checked = check_prefix(rest);
  if (!checked) return checked.error();
  auto header_size = frame_size(rest);
  if (!header_size) return header_size.error();
  auto header_bytes = decompress(rest.substr(0, *header_size), kMaxHeaderBytes);
  if (!header_bytes) return header_bytes.error();
  SnapshotHeader header;
  std::uint64_t state_bytes = 0;
  if (!decode_header(*header_bytes, header, state_bytes)) return damaged("malformed header");
  rest.remove_prefix(*header_size);
  auto state_size = frame_size(rest);
  if (!state_size) return state_size.error();
  if (*state_size != rest.size()) return damaged("bytes after the state's frame");
  const std::size_t state_offset = file->size() - rest.size();
  return SnapshotFile(std::move(*file), state_offset, std::move(header), state_bytes);
}

Expected<Company> SnapshotFile::company() const {
  auto state = decompress(std::string_view{file_}.substr(state_offset_), state_bytes_);
  if (!state) return state.error();
  if (state->size() != state_bytes_) return damaged("the state's size is not the header's");
  return decode_company(*state, header_.settings);
}

}  // namespace vigie::kpi
