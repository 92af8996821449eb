// SPDX-License-Identifier: MIT
// TIMEX3 type and mod names: every enumerator has its TimeML name and parses back to itself.
#include "tarikh/core/timex.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tarikh {
namespace {

TEST(TimexTest, TypeNamesRoundTrip) {
  const TimexType types[] = {TimexType::kDate, TimexType::kTime, TimexType::kDuration,
                             TimexType::kSet};
  const char* names[] = {"DATE", "TIME", "DURATION", "SET"};
  for (size_t i = 0; i < std::size(types); ++i) {
    EXPECT_EQ(TimexTypeName(types[i]), names[i]);
    ASSERT_TRUE(ParseTimexType(names[i]).has_value()) << names[i];
    EXPECT_EQ(*ParseTimexType(names[i]), types[i]);
  }
}

TEST(TimexTest, ModNamesRoundTripAndAreDistinct) {
  std::set<std::string> seen;
  for (int m = 0; m <= static_cast<int>(TimexMod::kApprox); ++m) {
    const TimexMod mod = static_cast<TimexMod>(m);
    const std::string name(TimexModName(mod));
    EXPECT_TRUE(seen.insert(name).second) << "duplicate name " << name;
    ASSERT_TRUE(ParseTimexMod(name).has_value()) << name;
    EXPECT_EQ(*ParseTimexMod(name), mod);
  }
  // The names TimeML defines, spelled as TimeML spells them.
  EXPECT_EQ(TimexModName(TimexMod::kNone), "");
  EXPECT_EQ(TimexModName(TimexMod::kOnOrAfter), "ON_OR_AFTER");
  EXPECT_EQ(TimexModName(TimexMod::kEqualOrLess), "EQUAL_OR_LESS");
  EXPECT_EQ(TimexModName(TimexMod::kStart), "START");
  EXPECT_EQ(TimexModName(TimexMod::kApprox), "APPROX");
}

TEST(TimexTest, UnknownOrMisspelledNamesAreRejected) {
  for (const char* bad : {"date", "Date", "DATES", " DATE", "", "INTERVAL"}) {
    EXPECT_FALSE(ParseTimexType(bad).has_value()) << "'" << bad << "'";
  }
  for (const char* bad : {"start", "BEGIN", "ON OR AFTER", "APPROX ", "LATE"}) {
    EXPECT_FALSE(ParseTimexMod(bad).has_value()) << "'" << bad << "'";
  }
}

}  // namespace
}  // namespace tarikh
