// SPDX-License-Identifier: MIT
#include "calendar_value.h"

#include <gtest/gtest.h>

namespace tarikh::export_internal {
namespace {

std::string Span(std::string_view value) {
  auto v = ParseCalendarValue(value);
  if (!v) return "none";
  return FormatDayNumber(v->interval.begin) + "/" + FormatDayNumber(v->interval.end);
}

TEST(CalendarValueTest, IntervalsAreHalfOpenDays) {
  EXPECT_EQ(Span("2014"), "2014-01-01/2015-01-01");
  EXPECT_EQ(Span("2016-10"), "2016-10-01/2016-11-01");
  EXPECT_EQ(Span("2016-12"), "2016-12-01/2017-01-01");
  EXPECT_EQ(Span("2016-02-29"), "2016-02-29/2016-03-01");
  EXPECT_EQ(Span("2017-04-17TEV"), "2017-04-17/2017-04-18");
  EXPECT_EQ(Span("2017-04-17T15:30"), "2017-04-17/2017-04-18");
  EXPECT_EQ(Span("2017-04-17T24:00"), "2017-04-17/2017-04-18");
  EXPECT_EQ(Span("2016-Q4"), "2016-10-01/2017-01-01");
  EXPECT_EQ(Span("2017-H1"), "2017-01-01/2017-07-01");
  EXPECT_EQ(Span("2014-WI"), "2014-12-01/2015-03-01");
  EXPECT_EQ(Span("199"), "1990-01-01/2000-01-01");
  EXPECT_EQ(Span("19"), "1900-01-01/2000-01-01");
  // ISO weeks: 2017-01-01 is a Sunday in 2016-W52; 2017-W01 starts on Monday 2 January.
  EXPECT_EQ(Span("2016-W52"), "2016-12-26/2017-01-02");
  EXPECT_EQ(Span("2017-W01"), "2017-01-02/2017-01-09");
  EXPECT_EQ(Span("2017-W15-WE"), "2017-04-15/2017-04-17");
  EXPECT_EQ(Span("2015-W53"), "2015-12-28/2016-01-04");
}

TEST(CalendarValueTest, RejectsWhatHasNoCalendarPosition) {
  for (const char* v : {"PRESENT_REF", "PAST_REF", "P3Y", "XXXX-10", "XXXX-WXX-5", "2017-02-29",
                        "2017-13", "2016-W54", "2017-W53", "2016-Q5", "2017-04-17T25:00",
                        "2017-04-17T10:61", "2017-04-17TXX", "", "abcd", "2017-4-7"}) {
    EXPECT_FALSE(ParseCalendarValue(v).has_value()) << v;
  }
}

TEST(CalendarValueTest, Granularity) {
  EXPECT_EQ(ParseCalendarValue("2014")->granularity, Granularity::kYear);
  EXPECT_EQ(ParseCalendarValue("2014-05")->granularity, Granularity::kMonth);
  EXPECT_EQ(ParseCalendarValue("2014-05-03")->granularity, Granularity::kDay);
  EXPECT_EQ(ParseCalendarValue("2014-05-03TMD")->part, "MI");
  EXPECT_EQ(ParseCalendarValue("2014-05-03T10:15Z")->minute, 15);
}

}  // namespace
}  // namespace tarikh::export_internal
