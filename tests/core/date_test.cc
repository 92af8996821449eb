// SPDX-License-Identifier: MIT
#include "tarikh/core/date.h"

#include <gtest/gtest.h>

namespace tarikh {
namespace {

TEST(ParseDct, AcceptsDateAndDateTime) {
  auto d = ParseDct("2017-04-18");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year, 2017);
  EXPECT_EQ(d->month, 4);
  EXPECT_EQ(d->day, 18);
  EXPECT_FALSE(d->has_time());
  auto t = ParseDct("2016-11-07T13:05:09.123Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->hour, 13);
  EXPECT_EQ(t->minute, 5);
  EXPECT_EQ(t->second, 9);
  EXPECT_EQ(FormatDct(*t), "2016-11-07T13:05:09");
  auto hm = ParseDct("2016-11-07T08:30");
  ASSERT_TRUE(hm.ok());
  EXPECT_EQ(FormatDct(*hm), "2016-11-07T08:30:00");
}

struct BadDct {
  const char* text;
  int64_t offset;
};

class ParseDctRejects : public ::testing::TestWithParam<BadDct> {};

TEST_P(ParseDctRejects, WithOffset) {
  auto d = ParseDct(GetParam().text);
  ASSERT_FALSE(d.ok()) << GetParam().text;
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(d.status().location().byte_offset, GetParam().offset) << d.status().ToString();
}

INSTANTIATE_TEST_SUITE_P(Cases, ParseDctRejects,
                         ::testing::Values(BadDct{"", 0}, BadDct{"2017", 4},
                                           BadDct{"2017/04/18", 4}, BadDct{"2017-13-01", 5},
                                           BadDct{"2017-02-29", 8}, BadDct{"2017-04-31", 8},
                                           BadDct{"2017-04-18T25:00", 11},
                                           BadDct{"2017-04-18x", 10}, BadDct{"abcd-04-18", 0}));

TEST(DayNumber, RoundTripsAndKnownDays) {
  EXPECT_EQ(DayNumber(1970, 1, 1), 0);
  EXPECT_EQ(DayNumber(2000, 3, 1), 11017);
  EXPECT_EQ(IsoWeekday(DayNumber(2017, 4, 17)), 1);  // a Monday
  EXPECT_EQ(IsoWeekday(DayNumber(2004, 4, 8)), 4);   // a Thursday
  for (int32_t z = DayNumber(1600, 1, 1); z < DayNumber(2400, 1, 1); z += 13) {
    int y, m, d;
    CivilFromDayNumber(z, &y, &m, &d);
    ASSERT_TRUE(IsValidDate(y, m, d));
    ASSERT_EQ(DayNumber(y, m, d), z);
  }
  EXPECT_EQ(FormatDayNumber(DayNumber(2016, 2, 29)), "2016-02-29");
}

TEST(Calendar, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_TRUE(IsLeapYear(2016));
  EXPECT_EQ(DaysInMonth(2017, 2), 28);
  EXPECT_FALSE(IsValidDate(2017, 2, 31));
}

}  // namespace
}  // namespace tarikh
