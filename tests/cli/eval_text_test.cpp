// `vigie eval text` on small CSV files written here: cross-validation of the TF-IDF view and
// forest on texts a person can separate at a glance, the JSON keys the issue names, and bad
// flags refused with the column they name.
#include <gtest/gtest.h>

#include <fstream>

#include "support/child_process.hpp"
#include "support/command_json.hpp"
#include "support/temp_dir.hpp"

namespace vigie {
namespace {

// 24 texts of two causes, told apart by their words; quoted fields with commas, as OSHA's.
void write_csv(const std::string& path) {
  std::ofstream out(path);
  out << "id,title,narrative,label\n";
  for (int i = 0; i < 12; ++i) {
    out << i << ",Worker falls from roof,\"Employee #" << i
        << " fell from the roof, ladder slipped, fall of 20 feet\",falls\n";
    out << 100 + i << ",Worker electrocuted,\"Employee #" << i
        << " contacted an energized power line, 7200 volts, electric shock\",electrocution\n";
  }
}

TEST(EvalText, CrossValidatesAndReportsTheIssueKeys) {
  const testing::TempDir dir;
  write_csv(dir.file("cases.csv"));
  const auto result = testing::run_vigie(
      {"--data-dir", dir.file("vigie"), "eval", "text", "--train", dir.file("cases.csv"),
       "--text-column", "title", "--text-column", "narrative", "--label-column", "label",
       "--folds", "3", "--views", "tfidf", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.out;
  const testing::CommandJson json(result.out);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json.count("folds"), 3u);
  EXPECT_EQ(json.count("tested_on"), 24u);
  EXPECT_EQ(json.number("accuracy"), 1.0);  // the two causes share no content word
  EXPECT_EQ(json.number("macro_f1"), 1.0);
  for (const char* key : {"macro_precision", "macro_recall", "weighted_f1"}) {
    EXPECT_EQ(json.number(key), 1.0) << key;
  }
}

TEST(EvalText, NamesAMissingColumn) {
  const testing::TempDir dir;
  write_csv(dir.file("cases.csv"));
  const auto result = testing::run_vigie(
      {"--data-dir", dir.file("vigie"), "eval", "text", "--train", dir.file("cases.csv"),
       "--text-column", "summary", "--label-column", "label"},
      dir.file("stderr.log"));
  EXPECT_EQ(result.exit_code, 2);
  std::ifstream log(dir.file("stderr.log"));
  const std::string err{std::istreambuf_iterator<char>(log), {}};
  EXPECT_NE(err.find("--text-column"), std::string::npos) << err;
  EXPECT_NE(err.find("\"summary\""), std::string::npos) << err;
}

}  // namespace
}  // namespace vigie
