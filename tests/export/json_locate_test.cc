// SPDX-License-Identifier: MIT
// Mapping a member path of parsed JSON back to a byte offset (for FILE:LINE:COL errors).
#include "json_locate.h"

#include <gtest/gtest.h>

#include <string>

namespace tarikh::export_internal {
namespace {

TEST(JsonLocateTest, PathStrings) {
  EXPECT_EQ(JsonPathString({}), "(top level)");
  EXPECT_EQ(JsonPathString({std::string("events"), size_t{2}, std::string("mod")}),
            "events[2].mod");
  EXPECT_EQ(JsonPathString({size_t{0}, size_t{1}}), "[0][1]");
}

TEST(JsonLocateTest, FindsNestedMembersAndArrayElements) {
  const std::string json =
      "{\n  \"title\": \"t\",\n  \"events\": [\n    {\"id\": \"a\", \"mod\": \"START\"},\n"
      "    {\"id\": \"b\", \"dates\": [1, [2, 3], {\"x\": 4}]}\n  ]\n}";
  EXPECT_EQ(LocateJsonPath(json, {std::string("title")}), static_cast<int64_t>(json.find("\"t\"")));
  EXPECT_EQ(LocateJsonPath(json, {std::string("events"), size_t{0}, std::string("mod")}),
            static_cast<int64_t>(json.find("\"START\"")));
  EXPECT_EQ(LocateJsonPath(json, {std::string("events"), size_t{1}}),
            static_cast<int64_t>(json.find("{\"id\": \"b\"")));
  EXPECT_EQ(LocateJsonPath(json, {std::string("events"), size_t{1}, std::string("dates"), size_t{2},
                                  std::string("x")}),
            static_cast<int64_t>(json.find("4}")));
  EXPECT_EQ(LocateJsonPath(json, {}), 0);
}

TEST(JsonLocateTest, MissingMemberPointsAtTheEnclosingValue) {
  const std::string json = "{\"events\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}";
  const int64_t second = static_cast<int64_t>(json.find("{\"id\": \"b\""));
  EXPECT_EQ(LocateJsonPath(json, {std::string("events"), size_t{1}, std::string("start")}), second);
  const int64_t array = static_cast<int64_t>(json.find('['));
  EXPECT_EQ(LocateJsonPath(json, {std::string("events"), size_t{7}}), array);  // past the end
  EXPECT_EQ(LocateJsonPath(json, {std::string("nope")}), 0);
  // A path through a value of the wrong kind stops at that value.
  EXPECT_EQ(LocateJsonPath(json, {std::string("events"), std::string("id")}), array);
}

TEST(JsonLocateTest, StringsWithBracketsQuotesAndEscapedKeys) {
  // Brackets and quotes inside strings do not confuse the skipping; keys are compared decoded.
  const std::string json =
      "{\"a\": \"x]}\\\"{[\", \"b\\u0041\": [\"[\", \"]\"], \"\\u0639\\u0627\\u0645\": 7}";
  EXPECT_EQ(LocateJsonPath(json, {std::string("bA"), size_t{1}}),
            static_cast<int64_t>(json.find("\"]\"")));
  EXPECT_EQ(LocateJsonPath(json, {std::string("\xd8\xb9\xd8\xa7\xd9\x85")}),
            static_cast<int64_t>(json.rfind('7')));  // not the 7 of \u0627
}

TEST(JsonLocateTest, OffsetsBecomeLinesAndCodePointColumns) {
  const std::string text = "{\n  \"\xd8\xb9\xd8\xa7\xd9\x85\": x}";
  const Location loc = LocateOffset(text, static_cast<int64_t>(text.find('x')));
  EXPECT_EQ(loc.line, 2);
  EXPECT_EQ(loc.column, 10);  // 2 spaces, quote, 3 letters, quote, colon, space, then x
}

}  // namespace
}  // namespace tarikh::export_internal
