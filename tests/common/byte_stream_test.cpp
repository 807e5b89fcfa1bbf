// The flat binary encoding of common/byte_stream.hpp: values read back as written, and a short
// or lying input fails — once and for good — without reading past its end or allocating what
// it cannot hold.
#include "common/byte_stream.hpp"

#include <gtest/gtest.h>

namespace vigie {
namespace {

TEST(ByteStream, ReadsBackWhatWasWritten) {
  ByteWriter out;
  out.put(std::int32_t{-7});
  out.put(2.5);
  out.put_string("chantier");
  const std::vector<std::int64_t> values = {1, -2, 3};
  out.put_array(std::span<const std::int64_t>(values));
  const std::string bytes = out.take();

  ByteReader in(bytes);
  std::int32_t number = 0;
  double real = 0;
  std::string text;
  std::vector<std::int64_t> array;
  ASSERT_TRUE(in.get(number) && in.get(real) && in.get_string(text) && in.get_array(array));
  EXPECT_EQ(number, -7);
  EXPECT_EQ(real, 2.5);
  EXPECT_EQ(text, "chantier");
  EXPECT_EQ(array, values);
  EXPECT_TRUE(in.at_end());
}

TEST(ByteStream, AShortInputFailsAndStaysFailed) {
  ByteWriter out;
  out.put(std::int16_t{1});
  const std::string bytes = out.take();
  ByteReader in(bytes);
  std::int32_t number = 0;
  EXPECT_FALSE(in.get(number));
  std::int8_t small = 0;
  EXPECT_FALSE(in.get(small));  // the two bytes left are not read after a failure
  EXPECT_FALSE(in.ok());
  EXPECT_FALSE(in.at_end());
}

TEST(ByteStream, ACountLargerThanTheInputIsRefusedBeforeAnyAllocation) {
  ByteWriter out;
  out.put_count(std::size_t{1} << 60);  // 2^60 elements announced, none there
  out.put(std::int64_t{0});
  const std::string bytes = out.take();
  std::vector<std::int64_t> array;
  EXPECT_FALSE(ByteReader(bytes).get_array(array));
  EXPECT_TRUE(array.empty());
  std::string text;
  EXPECT_FALSE(ByteReader(bytes).get_string(text));
  std::size_t count = 0;
  EXPECT_FALSE(ByteReader(bytes).get_count(count, 1));
}

}  // namespace
}  // namespace vigie
