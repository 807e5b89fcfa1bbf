// The JSON writer: string escaping, commas and nesting, number formatting.
#include "common/json_writer.hpp"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>

#include "support/random.hpp"

namespace vigie {
namespace {

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

struct Escape {
  std::string_view name;
  std::string_view text;
  std::string_view json;
};
constexpr Escape kEscapes[] = {
    {"plain", "Tour Oxygène", R"("Tour Oxygène")"},
    {"empty", "", R"("")"},
    {"quotes", R"(dit "urgent")", R"("dit \"urgent\"")"},
    {"backslash", R"(C:\chantiers\lyon)", R"("C:\\chantiers\\lyon")"},
    {"newline and return", "ligne 1\r\nligne 2", R"("ligne 1\r\nligne 2")"},
    {"tab, backspace, form feed", "a\tb\bc\fd", R"("a\tb\bc\fd")"},
    {"control characters in hex", "\x01\x1f", R"("\u0001\u001f")"},
    {"NUL", std::string_view{"a\0b", 3}, R"("a\u0000b")"},
    {"escape character", "\x1b[0m", R"("\u001b[0m")"},
    {"slash left alone", "a/b", R"("a/b")"},
    {"DEL left alone", "\x7f", "\"\x7f\""},
    {"UTF-8 passes through", "€ é ç Œ – 😀", R"("€ é ç Œ – 😀")"},
    {"line separator passes through", "a\u2028b", "\"a\u2028b\""},
};

TEST(AppendJsonString, EscapesWhatJsonRequiresAndNothingElse) {
  for (const Escape& c : kEscapes) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(json_string(c.text), c.json);
  }
}

TEST(AppendJsonString, AppendsToWhatIsAlreadyThere) {
  std::string out = "x=";
  append_json_string(out, "y");
  EXPECT_EQ(out, R"(x="y")");
}

TEST(AppendJsonString, EveryByteBelow0x20IsEscaped) {
  for (int c = 0; c < 0x20; ++c) {
    SCOPED_TRACE(c);
    const std::string text(1, static_cast<char>(c));
    const std::string json = json_string(text);
    for (const char byte : json) EXPECT_GE(static_cast<unsigned char>(byte), 0x20);
  }
}

TEST(AppendJsonString, RandomTextParsesBackToTheSameBytes) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  simdjson::dom::parser parser;
  for (int i = 0; i < 3000; ++i) {
    const std::string text = random.utf8_text(64);
    const std::string json = json_string(text);
    const auto parsed = parser.parse(json);
    ASSERT_FALSE(parsed.error()) << json;
    ASSERT_EQ(parsed.value_unsafe().get_string().value_unsafe(), text) << json;
  }
}

TEST(JsonWriter, WritesCommasBetweenMembersAndElements) {
  JsonWriter out;
  out.begin_object()
      .field("id", "CH-1")
      .field("budget", 250000.5)
      .field("complexity", 3)
      .field("active", true)
      .key("chief_id")
      .null()
      .key("skills")
      .begin_array()
      .value("plomberie")
      .value("électricité")
      .end_array()
      .end_object();
  EXPECT_EQ(out.str(),
            R"({"id":"CH-1","budget":250000.5,"complexity":3,"active":true,"chief_id":null,)"
            R"("skills":["plomberie","électricité"]})");
}

TEST(JsonWriter, NestsContainersInsideContainers) {
  JsonWriter out;
  out.begin_array()
      .begin_array()
      .end_array()
      .begin_object()
      .end_object()
      .begin_array()
      .value(1)
      .begin_array()
      .value(2)
      .end_array()
      .end_array()
      .begin_object()
      .key("a")
      .begin_object()
      .key("b")
      .begin_array()
      .end_array()
      .end_object()
      .field("c", 0)
      .end_object()
      .end_array();
  EXPECT_EQ(out.str(), R"([[],{},[1,[2]],{"a":{"b":[]},"c":0}])");
}

TEST(JsonWriter, EmptyContainers) {
  EXPECT_EQ(JsonWriter{}.begin_object().end_object().str(), "{}");
  EXPECT_EQ(JsonWriter{}.begin_array().end_array().str(), "[]");
}

TEST(JsonWriter, EscapesKeysLikeValues) {
  JsonWriter out;
  out.begin_object().field("a\"b", "c\\d").end_object();
  EXPECT_EQ(out.str(), R"({"a\"b":"c\\d"})");
}

TEST(JsonWriter, RawInsertsOneValueWithItsComma) {
  JsonWriter out;
  out.begin_array().raw(R"({"x":1})").raw("2").value("three").end_array();
  EXPECT_EQ(out.str(), R"([{"x":1},2,"three"])");
  JsonWriter member;
  member.begin_object().key("data").raw(R"({"amount":12.5})").field("ok", true).end_object();
  EXPECT_EQ(member.str(), R"({"data":{"amount":12.5},"ok":true})");
}

TEST(JsonWriter, WritesEveryIntegerWidth) {
  JsonWriter out;
  out.begin_array()
      .value(-3)
      .value(std::numeric_limits<std::int64_t>::min())
      .value(std::numeric_limits<std::int64_t>::max())
      .value(std::numeric_limits<std::uint64_t>::max())
      .value(false)
      .end_array();
  EXPECT_EQ(out.str(), "[-3,-9223372036854775808,9223372036854775807,18446744073709551615,false]");
}

TEST(JsonWriter, TakeHandsOverTheText) {
  JsonWriter out;
  out.begin_object().field("a", 1).end_object();
  EXPECT_EQ(out.take(), R"({"a":1})");
}

TEST(JsonWriter, OutputOfAGeneratedEventIsValidJson) {
  JsonWriter out;
  out.begin_object()
      .field("id", "e\n1")
      .field("type", "incident.opened")
      .key("data")
      .begin_object()
      .field("description", "Fuite \"importante\"\t\x01")
      .field("score", 0.1)
      .end_object()
      .end_object();
  simdjson::dom::parser parser;
  const auto doc = parser.parse(out.str());
  ASSERT_FALSE(doc.error()) << out.str();
  EXPECT_EQ(doc.value_unsafe()["id"].get_string().value_unsafe(), "e\n1");
  EXPECT_EQ(doc.value_unsafe()["data"]["description"].get_string().value_unsafe(),
            "Fuite \"importante\"\t\x01");
  EXPECT_EQ(doc.value_unsafe()["data"]["score"].get_double().value_unsafe(), 0.1);
}

struct NumberCase {
  double number;
  std::string_view json;
};
const NumberCase kNumbers[] = {
    {0.0, "0"},
    {-0.0, "-0"},
    {1.0, "1"},
    {1250.0, "1250"},
    {12.5, "12.5"},
    {0.1, "0.1"},
    {0.1 + 0.2, "0.30000000000000004"},
    {-45.7603, "-45.7603"},
    {123456789012.0, "123456789012"},
    {123456789012345678.0, "123456789012345680"},  // below 1e18: plain digits
    {1e18, "1e+18"},
    {1e20, "1e+20"},
    {1e-7, "1e-07"},
    {5e-324, "5e-324"},
    {1.7976931348623157e308, "1.7976931348623157e+308"},
    {std::numeric_limits<double>::quiet_NaN(), "null"},
    {std::numeric_limits<double>::infinity(), "null"},
    {-std::numeric_limits<double>::infinity(), "null"},
};

TEST(FormatJsonNumber, WritesTheShortestTextAndNullForNonFinite) {
  for (const NumberCase& c : kNumbers) {
    SCOPED_TRACE(c.json);
    EXPECT_EQ(format_json_number(c.number), c.json);
  }
}

TEST(FormatJsonNumber, EveryFiniteDoubleParsesBackToItself) {
  testing::Random random = testing::seeded_random();
  SCOPED_TRACE(random.replay_hint());
  simdjson::dom::parser parser;
  for (int i = 0; i < 20000; ++i) {
    // Half arbitrary bit patterns (any exponent), half amounts of an ordinary size.
    double number = random.real(-1e7, 1e7);
    if (random.chance(0.5)) {
      const std::uint64_t random_bits = random.next();
      std::memcpy(&number, &random_bits, sizeof number);
    }
    if (!std::isfinite(number)) continue;
    std::uint64_t bits = 0;
    std::memcpy(&bits, &number, sizeof bits);
    const std::string text = format_json_number(number);
    // Through a JSON parser, as a reader of Vigie's output would.
    const auto parsed = parser.parse(text);
    ASSERT_FALSE(parsed.error()) << text;
    const double back = parsed.value_unsafe().get_double().value_unsafe();
    std::uint64_t back_bits = 0;
    std::memcpy(&back_bits, &back, sizeof back);
    ASSERT_EQ(back_bits, bits) << text;
  }
}

// Fixed bug: doubles of 2^64 and more whose shortest digits are as short in plain notation were
// written as 20-digit integers ("27670116110564327424"), which simdjson, Vigie's own reader,
// refuses as "Problem while parsing a number": one such amount made a whole batch unreadable.
TEST(FormatJsonNumber, LargeIntegralDoublesAreWrittenWithAnExponent) {
  EXPECT_EQ(format_json_number(27670116110564327424.0), "2.7670116110564327e+19");
  EXPECT_EQ(format_json_number(-9665481550258591744.0), "-9.665481550258592e+18");
  simdjson::dom::parser parser;
  for (const double number : {27670116110564327424.0, -9665481550258591744.0}) {
    const std::string text = format_json_number(number);
    const auto parsed = parser.parse(text);
    ASSERT_FALSE(parsed.error()) << text;
    EXPECT_EQ(parsed.value_unsafe().get_double().value_unsafe(), number);
  }
}

TEST(JsonWriter, WritesDoublesThroughFormatJsonNumber) {
  JsonWriter out;
  out.begin_array()
      .value(12.5)
      .value(std::numeric_limits<double>::quiet_NaN())
      .value(1e20)
      .end_array();
  EXPECT_EQ(out.str(), "[12.5,null,1e+20]");
}

TEST(JsonWriter, AMemberIsAddedToAJsonObject) {
  EXPECT_EQ(with_json_member(R"({"f1":0.8})", "promotion", "true"), R"({"f1":0.8,"promotion":true})");
  EXPECT_EQ(with_json_member("{}", "promotion", "{}"), R"({"promotion":{}})");
  EXPECT_EQ(with_json_member("{ }", "a", "1"), R"({ "a":1})");
}

}  // namespace
}  // namespace vigie
