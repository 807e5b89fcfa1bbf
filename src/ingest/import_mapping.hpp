// ingest/import_mapping.hpp
//
// How the columns of a CSV export become events: a mapping file (config/import/*.toml) gives
// the separator, whether numbers use a decimal comma, the file's encoding, and one entry per
// event field, filled from a column, a constant or a template of columns (mapping_field.hpp):
//
//   separator = ";"
//   decimal_comma = true
//   encoding = "windows-1252"            # or "utf-8" (the default)
//   [fields]
//   id = { template = "erp-depense-{N° pièce}-{Ligne}" }
//   type = "expense.recorded"            # a constant; or { column = "Type" }
//   site_id = { column = "Affaire" }
//   occurred_at = { column = "Date", as = "datetime" }
//   [fields.data]
//   amount = { column = "Montant HT", as = "number" }
//
// Columns are found by their header name, so an export whose columns move still maps; cells
// are trimmed and an empty cell is a missing value. Events get source "batch" unless a field
// says otherwise. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/expected.hpp"
#include "events/event.hpp"
#include "ingest/mapping_event.hpp"

namespace vigie::ingest {

enum class TextEncoding { utf8, windows_1252 };

struct CsvMapping {
  char separator = ',';
  bool decimal_comma = false;
  TextEncoding encoding = TextEncoding::utf8;
  FieldList fields;
};

// `origin` names the text in errors (its file path).
Expected<CsvMapping> parse_csv_mapping(std::string_view toml_text, std::string_view origin);
Expected<CsvMapping> load_csv_mapping(const std::filesystem::path& path);

// The columns of one file, from its header row.
class CsvColumns {
 public:
  // Fails (invalid, field "header") when a column the mapping reads is not in the header.
  static Expected<CsvColumns> bind(const CsvMapping& mapping, std::vector<std::string> header);

  std::size_t size() const { return count_; }
  std::optional<std::size_t> index(std::string_view name) const;

 private:
  std::unordered_map<std::string, std::size_t> by_name_;
  std::size_t count_ = 0;
};

// One data row as an event. `cells` are decoded to UTF-8 in place. Errors: field "line" when
// the row has the wrong number of columns, otherwise as map_event (the event's field).
Expected<events::Event> map_csv_row(const CsvMapping& mapping, const CsvColumns& columns,
                                    std::vector<std::string>& cells);

}  // namespace vigie::ingest
