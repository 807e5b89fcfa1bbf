#include "common/table_export.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>

#include "common/json_writer.hpp"

namespace vigie {
namespace {

void append_csv_text(std::string& out, const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out += '"';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// A spreadsheet reads a cell that starts with = + - @ (or a tab or carriage return) as a
// formula; names come from events, so such a text is written with a leading apostrophe, which
// shows it as text (OWASP, "CSV injection").
void append_csv_cell(std::string& out, const std::string& text) {
  if (!text.empty() && std::string_view{"=+-@\t\r"}.find(text.front()) != std::string_view::npos) {
    append_csv_text(out, "'" + text);
  } else {
    append_csv_text(out, text);
  }
}

struct CellCsv {
  std::string& out;
  void operator()(std::monostate) const {}
  void operator()(const std::string& text) const { append_csv_cell(out, text); }
  void operator()(double value) const { out += format_json_number(value); }
  void operator()(LocalDate day) const { out += format_iso_date(day); }
};

// The number format of each kind. Excel shows the separators of the reader's locale: a French
// Excel writes 1 250 000 € and 42,0 %.
const char* number_format(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::integer: return "#,##0";
    case ColumnKind::decimal: return "#,##0.0";
    case ColumnKind::percent: return "0.0%";
    case ColumnKind::euros: return "#,##0 \"€\"";
    case ColumnKind::date: return "dd/mm/yyyy";
    case ColumnKind::text: break;
  }
  return nullptr;
}

// At most 31 characters (Excel's limit), cut between UTF-8 characters, never inside one.
std::string sheet_name(const std::string& name) {
  std::size_t end = 0, characters = 0;
  while (end < name.size() && characters < 31) {
    ++end;
    while (end < name.size() && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) ++end;
    ++characters;
  }
  return name.substr(0, end);
}

struct WorkbookCloser {
  void operator()(lxw_workbook* workbook) const { workbook_close(workbook); }
};

// Removes the temporary file however the export ends.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) ::unlink(path.c_str());
  }
};

}  // namespace

std::string table_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";  // the UTF-8 byte order mark: without it Excel reads "RÃ©gion"
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ',';
    append_csv_text(out, table.columns[c].title);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      std::visit(CellCsv{out}, row[c]);
    }
    out += "\r\n";
  }
  return out;
}

Expected<std::string> table_xlsx(const Table& table, const std::string& temp_dir) {
  std::string pattern = temp_dir + "/export-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) return Error::make(ErrorCode::internal, "cannot create a temporary file in " + temp_dir);
  ::close(fd);
  TempFile file{pattern};
  {
    std::unique_ptr<lxw_workbook, WorkbookCloser> workbook(workbook_new(file.path.c_str()));
    if (!workbook) return Error::make(ErrorCode::internal, "libxlsxwriter could not start a workbook");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook.get(), sheet_name(table.sheet).c_str());
    if (sheet == nullptr) return Error::make(ErrorCode::internal, "libxlsxwriter refused the sheet name " + table.sheet);
    lxw_format* header = workbook_add_format(workbook.get());
    format_set_bold(header);
    format_set_bottom(header, LXW_BORDER_THIN);
    std::vector<lxw_format*> formats;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const auto col = static_cast<lxw_col_t>(c);
      const TableColumn& column = table.columns[c];
      worksheet_write_string(sheet, 0, col, column.title.c_str(), header);
      lxw_format* format = nullptr;
      if (const char* code = number_format(column.kind)) {
        format = workbook_add_format(workbook.get());
        format_set_num_format(format, code);
      }
      formats.push_back(format);
      worksheet_set_column(sheet, col, col, column.width, nullptr);
    }
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      for (std::size_t c = 0; c < table.rows[r].size() && c < table.columns.size(); ++c) {
        const auto col = static_cast<lxw_col_t>(c);
        const TableCell& cell = table.rows[r][c];
        if (const auto* text = std::get_if<std::string>(&cell)) {
          worksheet_write_string(sheet, row, col, text->c_str(), nullptr);
        } else if (const auto* number = std::get_if<double>(&cell)) {
          const bool share = table.columns[c].kind == ColumnKind::percent;
          worksheet_write_number(sheet, row, col, share ? *number / 100 : *number, formats[c]);
        } else if (const auto* day = std::get_if<LocalDate>(&cell)) {
          lxw_datetime when{static_cast<int>(day->year()), static_cast<int>(unsigned(day->month())),
                            static_cast<int>(unsigned(day->day())), 0, 0, 0};
          worksheet_write_datetime(sheet, row, col, &when, formats[c]);
        }
      }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (!table.columns.empty()) {
      worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(table.rows.size()),
                           static_cast<lxw_col_t>(table.columns.size() - 1));
    }
    const lxw_error closed = workbook_close(workbook.release());
    if (closed != LXW_NO_ERROR) {
      return Error::make(ErrorCode::internal, std::string{"libxlsxwriter: "} + lxw_strerror(closed));
    }
  }
  std::ifstream in(file.path, std::ios::binary);
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!in.good() && !in.eof()) return Error::make(ErrorCode::internal, "cannot read back " + file.path);
  return bytes;
}

}  // namespace vigie
