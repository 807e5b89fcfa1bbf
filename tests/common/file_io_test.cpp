// Durable file replacement and whole-file reads (common/file_io.hpp).
#include "common/file_io.hpp"

#include <gtest/gtest.h>

#include "support/temp_dir.hpp"

namespace vigie {
namespace {

TEST(ReplaceFile, CreatesTheDirectoryThenReplacesTheContentLeavingNoTemporaryFile) {
  const testing::TempDir dir;
  const auto path = dir.path() / "a" / "b" / "file.bin";
  const std::string_view first[] = {"ab", "", "cd"};
  ASSERT_TRUE(replace_file(path, first));
  EXPECT_EQ(*read_file(path), "abcd");
  const std::string_view second[] = {"x"};
  ASSERT_TRUE(replace_file(path, second));
  EXPECT_EQ(*read_file(path), "x");
  int files = 0;
  for ([[maybe_unused]] const auto& entry :
       std::filesystem::directory_iterator(path.parent_path())) {
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(ReplaceFile, FailsWithAnIoErrorWhenTheDirectoryCannotBeMade) {
  const testing::TempDir dir;
  const std::string_view parts[] = {"a file, not a directory"};
  ASSERT_TRUE(replace_file(dir.path() / "blocker", parts));
  const auto replaced = replace_file(dir.path() / "blocker" / "file.bin", parts);
  ASSERT_FALSE(replaced);
  EXPECT_EQ(replaced.error().code, ErrorCode::io);
}

TEST(ReadFile, SaysNotFoundAndTooLarge) {
  const testing::TempDir dir;
  EXPECT_EQ(read_file(dir.path() / "none").error().code, ErrorCode::not_found);
  const std::string_view parts[] = {"12345"};
  ASSERT_TRUE(replace_file(dir.path() / "five", parts));
  EXPECT_EQ(*read_file(dir.path() / "five", 5), "12345");
  EXPECT_EQ(read_file(dir.path() / "five", 4).error().code, ErrorCode::too_large);
}

}  // namespace
}  // namespace vigie
