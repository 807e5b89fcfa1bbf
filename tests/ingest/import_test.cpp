// Batch import: the CSV reader, value conversions of French exports, the shipped mappings on
// their sample files, and imports into a store (bad lines, JSON Lines, idempotency).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/csv_reader.hpp"
#include "ingest/import_stream.hpp"
#include "ingest/ingest_fixture.hpp"
#include "ingest/progress_bar.hpp"
#include "support/random.hpp"

namespace vigie::ingest {
namespace {

std::string file_text(const std::string& relative) {
  std::ifstream in(source_file(relative), std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CsvMapping shipped_mapping(const std::string& name) {
  auto mapping = load_csv_mapping(source_file("config/import/" + name + ".toml"));
  EXPECT_TRUE(mapping) << mapping.error().describe();
  return mapping ? std::move(*mapping) : CsvMapping{};
}

std::vector<CsvRecord> read_all(const std::string& text, CsvOptions options) {
  std::istringstream in(text);
  CsvReader reader(in, options);
  std::vector<CsvRecord> records;
  CsvRecord record;
  for (auto more = reader.next(record); more && *more; more = reader.next(record)) {
    records.push_back(record);
  }
  return records;
}

// --- CSV reader -----------------------------------------------------------------------------

TEST(CsvReader, ReadsQuotesSeparatorsAndEmbeddedNewlines) {
  const auto records =
      read_all(file_text("tests/data/import/erp-expenses.csv"), {.separator = ';'});
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].fields.size(), 8u);
  EXPECT_EQ(records[0].fields[0], "N° pièce");
  EXPECT_EQ(records[1].line_number, 2u);
  EXPECT_EQ(records[1].fields[5], "Parpaings 20x20x50; palette de 60");
  EXPECT_EQ(records[1].fields[6], "1 840,50");
  EXPECT_EQ(records[2].line_number, 3u);
  EXPECT_EQ(records[2].fields[5], "Location mini-pelle\nsemaine 48");
  EXPECT_EQ(records[2].fields[7], "P-0042");
  EXPECT_EQ(records[3].line_number, 5u);  // the previous record took two lines
  EXPECT_EQ(records[3].fields[5], "Étanchéité toiture \"lot 7\"");
  EXPECT_EQ(records[3].fields[7], "");
}

TEST(CsvReader, SkipsByteOrderMarkAndBlankLines) {
  const auto records = read_all(
      "\xEF\xBB\xBF"
      "a,b\r\n\r\n\n1,\"x\"\"y\"\r\n",
      {.separator = ','});
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].fields, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(records[1].fields, (std::vector<std::string>{"1", "x\"y"}));
  EXPECT_EQ(records[1].line_number, 4u);
}

TEST(CsvReader, UnclosedQuoteIsAnErrorAtTheRecordsLine) {
  std::istringstream in("a;b\n1;2\n3;\"never closed\n4;5\n");
  CsvReader reader(in, {.separator = ';'});
  CsvRecord record;
  ASSERT_TRUE(*reader.next(record));
  ASSERT_TRUE(*reader.next(record));
  const auto broken = reader.next(record);
  ASSERT_FALSE(broken);
  EXPECT_EQ(record.line_number, 3u);
  EXPECT_EQ(broken.error().field, "line");
  EXPECT_EQ(broken.error().message, "has a quoted field that is never closed");
  const auto after = reader.next(record);
  EXPECT_TRUE(after && !*after);
}

// --- values of French exports ---------------------------------------------------------------

struct Conversion {
  std::string_view text;
  ValueType type;
  bool decimal_comma;
  MappedValue expected;  // monostate: refused
};
const Conversion kConversions[] = {
    {"1 840,50", ValueType::number, true, 1840.5},
    {"1\u00a0840,5", ValueType::number, true, 1840.5},
    {"1\u202f840,5", ValueType::number, true, 1840.5},
    {"-35,00", ValueType::number, true, -35.0},
    {"12.5", ValueType::number, false, 12.5},
    {"12,5", ValueType::number, false, MappedValue{}},
    {"1,2,3", ValueType::number, true, MappedValue{}},
    {"nan", ValueType::number, false, MappedValue{}},
    {"7,0", ValueType::integer, true, std::int64_t{7}},
    {"7,5", ValueType::integer, true, MappedValue{}},
    {"24/11/2026", ValueType::date, false, std::string{"2026-11-24"}},
    {"2026-11-24", ValueType::date, false, std::string{"2026-11-24"}},
    {"2026-11-23T23:30:00Z", ValueType::date, false, std::string{"2026-11-24"}},  // Paris day
    {"31/02/2026", ValueType::date, false, MappedValue{}},
    {"24/11/2026", ValueType::datetime, false, std::string{"2026-11-24T11:00:00Z"}},
    {"24/11/2026 08:15", ValueType::datetime, false, std::string{"2026-11-24T07:15:00Z"}},
    {"2026-07-01 08:15:30", ValueType::datetime, false, std::string{"2026-07-01T06:15:30Z"}},
    {"2026-11-24T08:15:00+01:00", ValueType::datetime, false, std::string{"2026-11-24T07:15:00Z"}},
    {"24/11/2026 25:00", ValueType::datetime, false, MappedValue{}},
    {"Oui", ValueType::boolean, false, true},
    {"non", ValueType::boolean, false, false},
    {"peut-être", ValueType::boolean, false, MappedValue{}},
};

TEST(MappingValue, ConvertsFrenchNumbersAndDates) {
  for (const Conversion& c : kConversions) {
    SCOPED_TRACE(std::string{c.text});
    const auto converted =
        convert_value(MappedValue{std::string{c.text}}, c.type, {.decimal_comma = c.decimal_comma});
    if (is_missing(c.expected)) {
      ASSERT_FALSE(converted);
      EXPECT_EQ(converted.error().message.rfind("\"" + std::string{c.text} + "\" is not ", 0), 0u);
    } else {
      ASSERT_TRUE(converted) << converted.error().message;
      EXPECT_EQ(*converted, c.expected);
    }
  }
}

// --- the shipped mappings on their samples ------------------------------------------------------

std::vector<events::Event> map_sample(const CsvMapping& mapping, const std::string& csv_file) {
  auto records = read_all(file_text(csv_file), {.separator = mapping.separator});
  EXPECT_FALSE(records.empty());
  auto columns = CsvColumns::bind(mapping, records.front().fields);
  EXPECT_TRUE(columns) << columns.error().describe();
  std::vector<events::Event> out;
  for (std::size_t i = 1; i < records.size() && columns; ++i) {
    auto event = map_csv_row(mapping, *columns, records[i].fields);
    EXPECT_TRUE(event) << "record " << i << ": " << event.error().describe();
    if (event) out.push_back(std::move(*event));
  }
  return out;
}

TEST(ErpExpensesMapping, SampleRowsBecomeExpenses) {
  const auto events =
      map_sample(shipped_mapping("erp-expenses"), "tests/data/import/erp-expenses.csv");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].id, "erp-fa-FA-2026-004512-1");  // the ERP webhook's id for the same line
  EXPECT_EQ(events[0].type, events::EventType::expense_recorded);
  EXPECT_EQ(events[0].site_id, "CH-2025-017");
  EXPECT_EQ(events[0].source, events::Source::batch);
  EXPECT_EQ(events[0].actor_id, "P-0042");
  EXPECT_EQ(format_rfc3339_utc(events[0].occurred_at), "2026-11-24T11:00:00Z");
  EXPECT_EQ(events[0].data, R"({"amount":1840.5,"category":"material","invoice":"FA-2026-004512",)"
                            R"("label":"Parpaings 20x20x50; palette de 60"})");
  EXPECT_EQ(events[1].data, R"({"amount":950,"category":"other","invoice":"FA-2026-004512",)"
                            R"("label":"Location mini-pelle\nsemaine 48"})");
  EXPECT_EQ(events[2].id, "erp-fa-FA-2026-004513-1");
  EXPECT_EQ(events[2].site_id, "CH-2025-021");
  EXPECT_EQ(events[2].actor_id, "");  // empty cell, optional field
  EXPECT_EQ(events[2].data,
            R"({"amount":12400,"category":"subcontracting",)"
            R"("invoice":"FA-2026-004513","label":"Étanchéité toiture \"lot 7\""})");
}

TEST(ErpTimesheetsMapping, SampleRowsBecomeTimesheets) {
  const auto events =
      map_sample(shipped_mapping("erp-timesheets"), "tests/data/import/erp-timesheets.csv");
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].id, "erp-pointage-P-0042-CH-2025-017-24/11/2026");
  EXPECT_EQ(events[0].type, events::EventType::timesheet_recorded);
  EXPECT_EQ(events[0].actor_id, "P-0042");
  EXPECT_EQ(events[0].data,
            R"({"date":"2026-11-24","hours_billable":7.5,"hours_total":8,"person_id":"P-0042"})");
  EXPECT_EQ(events[2].site_id, "CH-2025-021");
  EXPECT_EQ(events[2].data,
            R"({"date":"2026-11-24","hours_billable":5.25,"hours_total":7,"person_id":"P-0057"})");
}

TEST(CsvMapping, Windows1252ExportIsDecoded) {
  auto mapping = shipped_mapping("erp-expenses");
  mapping.encoding = TextEncoding::windows_1252;
  // "N° pièce", "Libellé", "Œuvre – 5 €" in Windows-1252 bytes.
  std::vector<std::string> header = {
      "N\xB0 pi\xE8"
      "ce",
      "Ligne",
      "Date pi\xE8"
      "ce",
      "Affaire",
      "Nature",
      "Libell\xE9",
      "Montant HT",
      "Saisi par"};
  const auto columns = CsvColumns::bind(mapping, header);
  ASSERT_TRUE(columns) << columns.error().describe();
  std::vector<std::string> row = {"FA-9",
                                  "1",
                                  "24/11/2026",
                                  "CH-2025-017",
                                  "MAT",
                                  "\x8C"
                                  "uvre \x96 5 \x80",
                                  "5,00",
                                  ""};
  const auto event = map_csv_row(mapping, *columns, row);
  ASSERT_TRUE(event) << event.error().describe();
  EXPECT_EQ(event->data,
            R"({"amount":5,"category":"material","invoice":"FA-9","label":"Œuvre – 5 €"})");
}

TEST(CsvMapping, UndeclaredWindowsExportIsRefusedWithAHint) {
  const auto mapping = shipped_mapping("erp-expenses");
  const auto columns = CsvColumns::bind(mapping, {"N° pièce", "Ligne", "Date pièce", "Affaire",
                                                  "Nature", "Libellé", "Montant HT", "Saisi par"});
  ASSERT_TRUE(columns);
  std::vector<std::string> row = {"FA-9", "1",          "24/11/2026", "CH-2025-017",
                                  "MAT",  "Libell\xE9", "5",          ""};
  const auto event = map_csv_row(mapping, *columns, row);
  ASSERT_FALSE(event);
  EXPECT_EQ(event.error().field, "line");
  EXPECT_EQ(event.error().message,
            "is not valid UTF-8 (a Windows export? set encoding = \"windows-1252\")");
}

// --- imports into a store ---------------------------------------------------------------------

class ImportTest : public IngestFixture {
 protected:
  Expected<ImportReport> import_text(const std::string& text, ImportFormat format,
                                     const CsvMapping* mapping, const ImportOptions& options = {}) {
    std::istringstream in(text);
    return import_stream(in, format, mapping, *pipeline_, ImportProgress{}, options);
  }
};

TEST_F(ImportTest, BadLinesAreReportedAndGoodOnesKept) {
  const std::string csv =
      "N° pièce;Ligne;Date pièce;Affaire;Nature;Libellé;Montant HT;Saisi par\n"  // 1
      "FA-1;1;24/11/2026;CH-2025-017;MAT;Sable;120,00;P-0042\n"                  // 2
      "FA-1;2;24/11/2026;CH-2025-017;MAT;Retour;-35,00;P-0042\n"                 // 3
      "FA-2;1;24/11/2026;CH-9999-999;MO;Main d'œuvre;800,00;P-0042\n"            // 4
      "FA-3;1;31/02/2026;CH-2025-017;MAT;Ciment;64,20;P-0042\n"                  // 5
      "FA-4;1;25/11/2026;CH-2025-017;MAT;\"Treillis\nsoudé\";210,00;P-0042\n"    // 6-7
      "FA-5;1;25/11/2026;CH-2025-017;MAT;Sable;12,00\n"                          // 8
      "FA-6;1;26/11/2026;CH-2025-017;ST;Plâtrier;1 500,00;\n";                   // 9
  const CsvMapping mapping = shipped_mapping("erp-expenses");
  // Two events per submission: the unknown site is found by the pipeline in a later chunk.
  const auto report = import_text(csv, ImportFormat::csv, &mapping, {.events_per_submit = 2});
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->lines_read, 7u);
  EXPECT_EQ(report->accepted, 3u);
  EXPECT_EQ(report->duplicates, 0u);
  EXPECT_EQ(report->refused_count, 4u);
  EXPECT_TRUE(report->complete);
  const std::vector<ImportRefusal> expected = {
      {3, "data.amount", "must be >= 0"},
      {4, "site_id", "unknown site \"CH-9999-999\""},
      {5, "occurred_at", "\"31/02/2026\" is not a date and time (column \"Date pièce\")"},
      {8, "line", "has 7 columns, expected 8"},
  };
  ASSERT_EQ(report->refused.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(report->refused[i].line_number, expected[i].line_number);
    EXPECT_EQ(report->refused[i].field, expected[i].field);
    EXPECT_EQ(report->refused[i].message, expected[i].message);
  }
  EXPECT_EQ(stored_events(), 3u);
}

TEST_F(ImportTest, AnUnclosedQuoteStopsTheImportAndTheCountsStillAddUp) {
  const std::string csv =
      "N° pièce;Ligne;Date pièce;Affaire;Nature;Libellé;Montant HT;Saisi par\n"  // 1
      "FA-1;1;24/11/2026;CH-2025-017;MAT;Sable;120,00;P-0042\n"                  // 2
      "FA-2;1;24/11/2026;CH-2025-017;MAT;\"Ciment;64,20;P-0042\n";               // 3, never closed
  const CsvMapping mapping = shipped_mapping("erp-expenses");
  const auto report = import_text(csv, ImportFormat::csv, &mapping);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_FALSE(report->complete);
  EXPECT_EQ(report->lines_read, 2u);
  EXPECT_EQ(report->accepted, 1u);
  EXPECT_EQ(report->refused_count, 1u);
  EXPECT_EQ(report->accepted + report->duplicates + report->refused_count, report->lines_read);
  ASSERT_EQ(report->refused.size(), 1u);
  EXPECT_EQ(report->refused[0].line_number, 3u);
  EXPECT_EQ(stored_events(), 1u);
}

TEST_F(ImportTest, SameFileTwiceStoresNothingTwice) {
  const CsvMapping mapping = shipped_mapping("erp-expenses");
  const std::string csv = file_text("tests/data/import/erp-expenses.csv");
  const auto first = import_text(csv, ImportFormat::csv, &mapping);
  ASSERT_TRUE(first) << first.error().describe();
  EXPECT_EQ(first->accepted, 3u);
  const auto second = import_text(csv, ImportFormat::csv, &mapping);
  ASSERT_TRUE(second);
  EXPECT_EQ(second->accepted, 0u);
  EXPECT_EQ(second->duplicates, 3u);
  EXPECT_EQ(stored_events(), 3u);
}

TEST_F(ImportTest, JsonLinesAreParsedAsEnvelopes) {
  const std::string jsonl =
      testing::expense_json("j1", "CH-2025-017", "2026-11-24T08:00:00+01:00", 120) + "\n" +   // 1
      "   \n" +                                                                               // 2
      "{not json\n" +                                                                         // 3
      testing::expense_json("j2", "CH-2025-017", "2026-11-24T08:00:00+01:00", -5) + "\r\n" +  // 4
      testing::expense_json("j3", "CH-2025-021", "2026-11-25T08:00:00+01:00", 80);            // 5
  const auto report = import_text(jsonl, ImportFormat::jsonl, nullptr);
  ASSERT_TRUE(report) << report.error().describe();
  EXPECT_EQ(report->lines_read, 4u);
  EXPECT_EQ(report->accepted, 2u);
  ASSERT_EQ(report->refused.size(), 2u);
  EXPECT_EQ(report->refused[0].line_number, 3u);
  EXPECT_EQ(report->refused[0].field, "event");
  EXPECT_EQ(report->refused[0].message.rfind("is not valid JSON", 0), 0u);
  EXPECT_EQ(report->refused[1].line_number, 4u);
  EXPECT_EQ(report->refused[1].field, "data.amount");
  EXPECT_EQ(report->refused[1].message, "must be >= 0");
}

TEST_F(ImportTest, HeaderWithoutAMappedColumnFailsBeforeStoringAnything) {
  const CsvMapping mapping = shipped_mapping("erp-expenses");
  const auto report =
      import_text("N° pièce;Ligne;Affaire;Nature;Libellé;Saisi par\nFA-1;1;CH-2025-017;MAT;x;\n",
                  ImportFormat::csv, &mapping);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().field, "header");
  EXPECT_EQ(report.error().message, "has no columns \"Montant HT\", \"Date pièce\"");
  EXPECT_EQ(stored_events(), 0u);
}

TEST_F(ImportTest, ProgressReachesTheWholeFile) {
  const CsvMapping mapping = shipped_mapping("erp-expenses");
  const std::string csv = file_text("tests/data/import/erp-expenses.csv");
  std::vector<ImportTick> ticks;
  const ImportProgress progress{csv.size(), [&](const ImportTick& tick) { ticks.push_back(tick); }};
  std::istringstream in(csv);
  ASSERT_TRUE(import_stream(in, ImportFormat::csv, &mapping, *pipeline_, progress));
  ASSERT_FALSE(ticks.empty());
  EXPECT_EQ(ticks.back().bytes_read, csv.size());
  EXPECT_EQ(ticks.back().total_bytes, csv.size());
  EXPECT_EQ(ticks.back().lines_read, 3u);
}

TEST(ProgressBar, RendersInFrench) {
  EXPECT_EQ(render_progress("import", {42, 100, 1'234'567}),
            "import  42 % [########............]  1,2 M lignes");
  EXPECT_EQ(render_progress("import", {100, 100, 1}),
            "import 100 % [####################]  1 ligne");
  EXPECT_EQ(render_progress("import", {350'000'000, std::nullopt, 12'345}),
            "import  12 345 lignes  350 Mo lus");
  EXPECT_EQ(format_count_fr(0), "0");
  EXPECT_EQ(format_count_fr(999'999), "999 999");
}

// --- properties ------------------------------------------------------------------------------

// RFC 4180 writing, the reader's inverse: quote when needed (and sometimes when not).
std::string write_csv(const std::vector<std::vector<std::string>>& records, char separator,
                      testing::Random& random) {
  std::string out;
  for (const auto& record : records) {
    for (std::size_t i = 0; i < record.size(); ++i) {
      const std::string& field = record[i];
      const bool needs_quotes =
          field.find_first_of(std::string{separator} + "\"\r\n") != std::string::npos ||
          (record.size() == 1 && field.empty());
      if (i > 0) out.push_back(separator);
      if (!needs_quotes && !random.chance(0.2)) {
        out += field;
        continue;
      }
      out.push_back('"');
      for (const char c : field) out += c == '"' ? "\"\"" : std::string(1, c);
      out.push_back('"');
    }
    out += random.chance(0.5) ? "\r\n" : "\n";
  }
  return out;
}

TEST(CsvReaderProperty, WrittenFieldsReadBackUnchanged) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  constexpr std::string_view kPieces[] = {"a",  "Z",  "7",  " ", ";", ",",   "\"",
                                          "\n", "\r", "\t", "é", "€", "\"\""};
  for (int run = 0; run < 300; ++run) {
    const char separator = random.chance(0.5) ? ';' : ',';
    std::vector<std::vector<std::string>> records(static_cast<std::size_t>(random.integer(1, 12)));
    const auto width = static_cast<std::size_t>(random.integer(1, 6));
    for (auto& record : records) {
      record.resize(width);
      for (auto& field : record) {
        for (auto n = random.integer(0, 10); n > 0; --n)
          field += random.pick(std::span<const std::string_view>{kPieces});
      }
    }
    const std::string text = write_csv(records, separator, random);
    const auto read = read_all(
        text,
        {.separator = separator, .chunk_bytes = static_cast<std::size_t>(random.integer(1, 64))});
    ASSERT_EQ(read.size(), records.size()) << text;
    for (std::size_t i = 0; i < records.size(); ++i) ASSERT_EQ(read[i].fields, records[i]) << text;
  }
}

TEST(CsvReaderProperty, RandomBytesNeverCrashTheReader) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  for (int run = 0; run < 500; ++run) {
    std::string text = random.bytes(random.index(400));
    for (auto& c : text) {
      if (random.chance(0.1)) c = random.chance(0.5) ? '"' : '\n';  // more structure to trip on
    }
    std::istringstream in(text);
    CsvReader reader(in, {.separator = ';',
                          .max_record_bytes = 128,
                          .chunk_bytes = static_cast<std::size_t>(random.integer(1, 32))});
    CsvRecord record;
    std::uint64_t last_line = 0;
    std::size_t records = 0;
    for (;;) {
      const auto more = reader.next(record);
      if (!more || !*more) break;
      ASSERT_GE(record.line_number, last_line);
      last_line = record.line_number;
      ASSERT_LE(++records, text.size() + 1);
    }
  }
}

}  // namespace
}  // namespace vigie::ingest
