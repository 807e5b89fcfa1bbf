// Tables exported for people: CSV quoting by RFC 4180 (a comma, a quote, a line break in a
// cell), empty cells, numbers and ISO dates; an Excel workbook that is a real .xlsx (a zip
// holding the sheet), and a clear error when the temporary file cannot be made.
#include "common/table_export.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "support/temp_dir.hpp"

namespace vigie {
namespace {

Table sample() {
  return {"Chantiers",
          {{"Code", ColumnKind::text}, {"Nom", ColumnKind::text}, {"Budget (€)", ColumnKind::euros},
           {"Consommé (%)", ColumnKind::percent}, {"Fin prévue", ColumnKind::date}},
          {{std::string{"CH-1"}, std::string{"Lyon, \"Part-Dieu\""}, 125000.5, 42.0,
            LocalDate{std::chrono::year{2027} / 6 / 30}},
           {std::string{"CH-2"}, std::string{"deux\nlignes"}, TableCell{}, TableCell{}, TableCell{}},
           {std::string{"=HYPERLINK(\"http://x\")"}, std::string{"@SUM(A1)"}, -5.0, TableCell{}, TableCell{}}}};
}

TEST(TableExport, CsvQuotesWhatNeedsItAndNeverWritesAFormula) {
  EXPECT_EQ(table_csv(sample()),
            "\xEF\xBB\xBF"
            "Code,Nom,Budget (€),Consommé (%),Fin prévue\r\n"
            "CH-1,\"Lyon, \"\"Part-Dieu\"\"\",125000.5,42,2027-06-30\r\n"
            "CH-2,\"deux\nlignes\",,,\r\n"
            "\"'=HYPERLINK(\"\"http://x\"\")\",'@SUM(A1),-5,,\r\n");  // a number stays a number
}

TEST(TableExport, CutsALongSheetNameBetweenCharacters) {
  Table table = sample();
  table.sheet = std::string(30, 'a') + "é";  // 31 characters, 32 bytes
  testing::TempDir dir;
  ASSERT_TRUE(table_xlsx(table, dir.path().string()));
  table.sheet = std::string(30, 'a') + "éé";
  ASSERT_TRUE(table_xlsx(table, dir.path().string()));
}

TEST(TableExport, WritesARealWorkbookAndLeavesNoTemporaryFile) {
  testing::TempDir dir;
  auto bytes = table_xlsx(sample(), dir.path().string());
  ASSERT_TRUE(bytes) << bytes.error().describe();
  EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(bytes->find("xl/worksheets/sheet1.xml"), std::string::npos);
  EXPECT_NE(bytes->find("xl/sharedStrings.xml"), std::string::npos);
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(TableExport, SaysWhenItCannotWriteItsTemporaryFile) {
  auto bytes = table_xlsx(sample(), "/nonexistent/directory");
  ASSERT_FALSE(bytes);
  EXPECT_NE(bytes.error().describe().find("/nonexistent/directory"), std::string::npos);
}

}  // namespace
}  // namespace vigie
