// SPDX-License-Identifier: MIT
#include "tarikh/export/table.h"

#include <gtest/gtest.h>

#include "test_timelines.h"

namespace tarikh {
namespace {

Timeline Sample() {
  Timeline t;
  t.title = "خط | زمني";
  Event e = testing::MakeEvent("e1", "2017-04", "=cmd|' /C calc'!A0", TimexMod::kStart);
  e.sources = {
      {"000", 0, 0, 0, 0, "", ""}, {"001", 0, 0, 0, 0, "", ""}, {"000", 0, 0, 0, 0, "", ""}};
  t.events.push_back(e);
  t.events.push_back(testing::MakeEvent("e2", "2014", "سطر\nثان, \"مقتبس\""));
  return t;
}

TEST(CsvTest, HeaderRowsAndEscaping) {
  std::string csv = WriteCsv(Sample());
  EXPECT_EQ(csv,
            "id,date,mod,display_date,headline,sources\r\n"
            "e1,2017-04,START,مطلع نيسان/أبريل 2017,'=cmd|' /C calc'!A0,000; 001\r\n"
            "e2,2014,,عام 2014,\"سطر\nثان, \"\"مقتبس\"\"\",\r\n");
}

TEST(MarkdownTest, TableWithEscapedCells) {
  std::string md = WriteMarkdown(Sample());
  EXPECT_EQ(md,
            "# خط \\| زمني\n\n"
            "| id | date | mod | display_date | headline | sources |\n"
            "| --- | --- | --- | --- | --- | --- |\n"
            "| e1 | 2017-04 | START | مطلع نيسان/أبريل 2017 | =cmd\\|' /C calc'!A0 | 000; 001 |\n"
            "| e2 | 2014 |  | عام 2014 | سطر ثان, \"مقتبس\" |  |\n");
}

}  // namespace
}  // namespace tarikh
