// common/table_export.hpp
//
// A table as a page shows it, exported for people (issue 10: "exportable (CSV and Excel)"):
// CSV (RFC 4180, UTF-8, for spreadsheets and programs alike) and a real Excel workbook
// (libxlsxwriter: typed cells with French-readable formats, the header frozen and filterable),
// so that a manager's filters and sort survive into the file.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "common/expected.hpp"
#include "common/time.hpp"

namespace vigie {

enum class ColumnKind : std::uint8_t {
  text,
  integer,  // 12
  decimal,  // 12,5 (one decimal)
  percent,  // a value in 0–100 shown as 42,0 %
  euros,    // 1 250 000 €
  date,     // 24/11/2026
};

struct TableColumn {
  std::string title;  // as the page shows it, in French
  ColumnKind kind = ColumnKind::text;
  double width = 14;  // in the workbook, in characters
};

// Empty (monostate), text, a number (the column's kind says how to show it) or a date.
using TableCell = std::variant<std::monostate, std::string, double, LocalDate>;

struct Table {
  std::string sheet;  // the worksheet's name (at most 31 characters)
  std::vector<TableColumn> columns;
  std::vector<std::vector<TableCell>> rows;  // each as long as `columns`
};

// Comma-separated, CRLF line ends, quoted where needed; numbers with a point, dates ISO 8601;
// a UTF-8 byte order mark first (Excel needs it for accents), and a text that a spreadsheet
// would take for a formula written with a leading apostrophe.
std::string table_csv(const Table& table);

// The .xlsx file's bytes. Written through a temporary file in `temp_dir` (libxlsxwriter writes
// to a path), removed before returning.
Expected<std::string> table_xlsx(const Table& table, const std::string& temp_dir);

inline constexpr const char* kXlsxContentType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr const char* kCsvContentType = "text/csv; charset=utf-8";

}  // namespace vigie
