// ingest/csv_reader.hpp
//
// A streaming CSV reader (RFC 4180): fields in double quotes may hold the separator, line
// breaks and doubled quotes (""). The separator is chosen (French ERPs export ';'). Records end
// at "\n" or "\r\n"; blank lines are skipped. It is lenient where exports are sloppy: a quote
// inside an unquoted field, or text after a closing quote, is kept as data.
// Memory: one chunk of input and one record. One reader per stream; not thread-safe.
#pragma once

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "common/expected.hpp"
#include "ingest/import_input.hpp"

namespace vigie::ingest {

struct CsvRecord {
  std::vector<std::string> fields;
  std::uint64_t line_number = 0;  // 1-based physical line where the record starts
};

struct CsvOptions {
  char separator = ',';
  std::size_t max_record_bytes = 1024 * 1024;
  std::size_t chunk_bytes = ChunkedInput::kDefaultChunkBytes;
};

class CsvReader {
 public:
  CsvReader(std::istream& in, CsvOptions options);

  // Reads the next record into `record`; false at the end of input.
  // Errors (invalid, field "line", the record's line in `record.line_number`): a quoted field
  // still open at the end of input, or a record over max_record_bytes — both usually a stray
  // quote. After an error the reader stays at the end: what follows a runaway quote cannot be
  // told apart from it.
  Expected<bool> next(CsvRecord& record);

  std::uint64_t bytes_read() const { return input_.bytes_read(); }
  bool failed() const { return input_.failed(); }

 private:
  enum class State { field_start, unquoted, quoted, after_quote };
  bool skip_blank_lines();
  // Takes one byte of a record; true when the record is complete.
  bool take(int c, State& state, CsvRecord& record, std::string& field);

  ChunkedInput input_;
  CsvOptions options_;
  std::uint64_t line_ = 1;
  bool done_ = false;
};

}  // namespace vigie::ingest
