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
           {std::string{"CH-2"}, std::string{"deux\nlignes"}, TableCell{}, TableCell{}, TableCell{}}}};
}

TEST(TableExport, CsvQuotesWhatNeedsItAndLeavesEmptyCellsEmpty) {
  EXPECT_EQ(table_csv(sample()),
            "Code,Nom,Budget (€),Consommé (%),Fin prévue\r\n"
            "CH-1,\"Lyon, \"\"Part-Dieu\"\"\",125000.5,42,2027-06-30\r\n"
            "CH-2,\"deux\nlignes\",,,\r\n");
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
