#include "ingest/import_mapping.hpp"

#include <simdjson.h>

#include <algorithm>
#include <array>

#include "ingest/mapping_toml.hpp"

namespace vigie::ingest {
namespace {

constexpr std::string_view kTopKeys[] = {"separator", "decimal_comma", "encoding", "fields"};
constexpr std::string_view kSeparators = ",;\t|";

// Windows-1252 bytes 0x80–0x9F (where it differs from Latin-1); 0xFFFD where it has no character.
constexpr std::array<char16_t, 32> kWindows1252High = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void append_utf8(std::string& out, char16_t code_point) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

std::string from_windows_1252(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    append_utf8(out, byte >= 0x80 && byte < 0xA0 ? kWindows1252High[byte - 0x80] : char16_t{byte});
  }
  return out;
}

// Cells as UTF-8; a UTF-8 file that is not valid UTF-8 is most often a Windows export.
Expected<void> decode_cells(const CsvMapping& mapping, std::vector<std::string>& cells) {
  for (std::string& cell : cells) {
    if (mapping.encoding == TextEncoding::windows_1252) {
      cell = from_windows_1252(cell);
    } else if (!simdjson::validate_utf8(cell.data(), cell.size())) {
      return Error::invalid(
          "line", "is not valid UTF-8 (a Windows export? set encoding = \"windows-1252\")");
    }
  }
  return {};
}

// A data row, read through the header's column names. Cells are trimmed: padding in exports
// is never meant (a code "CH-1 " is the site "CH-1").
class CsvRow final : public RecordView {
 public:
  CsvRow(const CsvColumns& columns, const std::vector<std::string>& cells)
      : columns_(columns), cells_(cells) {}

  Expected<MappedValue> lookup(std::string_view where) const override {
    const auto index = columns_.index(where);
    if (!index) return MappedValue{};  // bind() checked every column the mapping reads
    const std::string_view cell = trim_blanks(cells_[*index]);
    if (cell.empty()) return MappedValue{};
    return MappedValue{std::string{cell}};
  }
  std::string describe(std::string_view where) const override {
    return "column \"" + std::string{where} + "\"";
  }

 private:
  const CsvColumns& columns_;
  const std::vector<std::string>& cells_;
};

// All of them at once: a user fixing an export should not discover them one run at a time.
std::string missing_columns_message(const std::vector<std::string>& missing) {
  std::string message = missing.size() == 1 ? "has no column " : "has no columns ";
  for (std::size_t i = 0; i < missing.size(); ++i) {
    message += (i > 0 ? ", \"" : "\"") + missing[i] + "\"";
  }
  return message;
}

Expected<void> read_options(const toml::table& document, std::string_view origin,
                            CsvMapping& mapping) {
  const std::string separator = document["separator"].value_or(std::string{","});
  if (separator.size() != 1 || kSeparators.find(separator[0]) == std::string_view::npos) {
    return mapping_error(origin, document, "separator: must be one of , ; | or a tab");
  }
  mapping.separator = separator[0];
  mapping.decimal_comma = document["decimal_comma"].value_or(false);
  const std::string encoding = document["encoding"].value_or(std::string{"utf-8"});
  if (encoding == "windows-1252") {
    mapping.encoding = TextEncoding::windows_1252;
  } else if (encoding != "utf-8") {
    return mapping_error(origin, document, "encoding: must be \"utf-8\" or \"windows-1252\"");
  }
  return {};
}

Expected<CsvMapping> mapping_from(const toml::table& document, std::string_view origin) {
  if (auto keys = check_keys(document, kTopKeys, origin, "mapping"); !keys) return keys.error();
  CsvMapping mapping;
  if (auto options = read_options(document, origin, mapping); !options) return options.error();
  const toml::table* fields = document["fields"].as_table();
  if (fields == nullptr) return mapping_error(origin, document, "mapping: needs a [fields] table");
  auto parsed = parse_field_table(*fields, MappingDialect::csv_rows, origin, "fields");
  if (!parsed) return parsed.error();
  mapping.fields = std::move(*parsed);
  return mapping;
}

}  // namespace

Expected<CsvMapping> parse_csv_mapping(std::string_view toml_text, std::string_view origin) {
  const auto document = parse_toml(toml_text, origin);
  if (!document) return document.error();
  return mapping_from(*document, origin);
}

Expected<CsvMapping> load_csv_mapping(const std::filesystem::path& path) {
  const auto document = load_toml_file(path);
  if (!document) return document.error();
  return mapping_from(*document, path.string());
}

Expected<CsvColumns> CsvColumns::bind(const CsvMapping& mapping, std::vector<std::string> header) {
  if (auto decoded = decode_cells(mapping, header); !decoded) {
    return Error::invalid("header", decoded.error().message);
  }
  CsvColumns columns;
  columns.count_ = header.size();
  for (std::size_t i = 0; i < header.size(); ++i) {
    columns.by_name_.emplace(std::string{trim_blanks(header[i])},
                             i);  // the first of a repeated name
  }
  std::vector<std::string> missing;
  for (const MappedField& field : mapping.fields) {
    for (const std::string& name : referenced_names(field.spec)) {
      if (!columns.index(name) &&
          std::find(missing.begin(), missing.end(), name) == missing.end()) {
        missing.push_back(name);
      }
    }
  }
  if (!missing.empty()) return Error::invalid("header", missing_columns_message(missing));
  return columns;
}

std::optional<std::size_t> CsvColumns::index(std::string_view name) const {
  const auto found = by_name_.find(std::string{name});
  if (found == by_name_.end()) return std::nullopt;
  return found->second;
}

Expected<events::Event> map_csv_row(const CsvMapping& mapping, const CsvColumns& columns,
                                    std::vector<std::string>& cells) {
  if (cells.size() != columns.size()) {
    return Error::invalid("line", "has " + std::to_string(cells.size()) + " columns, expected " +
                                      std::to_string(columns.size()));
  }
  if (auto decoded = decode_cells(mapping, cells); !decoded) return decoded.error();
  const EventMappingOptions options{.convert = {.decimal_comma = mapping.decimal_comma},
                                    .forced_source = std::nullopt,
                                    .default_source = events::Source::batch};
  return map_event(mapping.fields, CsvRow{columns, cells}, options);
}

}  // namespace vigie::ingest
