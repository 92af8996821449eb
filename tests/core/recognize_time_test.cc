// SPDX-License-Identifier: MIT
// Times of day (core/recognize_time.cc): clock times, ranges, parts of day, date + time.
#include <gtest/gtest.h>

#include "tagger_case.h"

namespace tarikh {
namespace {

TEST(TimeRules, ClockTimes) {
  const Case cases[] = {
      {"يصل الوفد الساعة 4:15 عصرا", "2018-03-10", "الساعة 4:15 عصرا", "TIME", "XXXX-XX-XXT16:15",
       ""},
      {"انطلقت القافلة 6 صباحا", "2018-03-10", "6 صباحا", "TIME", "XXXX-XX-XXT06:00", ""},
      {"تبدأ الجلسة 930 صباحا", "2018-03-10", "930 صباحا", "TIME", "XXXX-XX-XXT09:30", ""},
      {"سجلت الكاميرا الحادث 10:41:07", "2018-03-10", "10:41:07", "TIME", "XXXX-XX-XXT10:41:07",
       ""},
      {"يفتح المعرض التاسعة والنصف صباحا", "2018-03-10", "التاسعة والنصف صباحا", "TIME",
       "XXXX-XX-XXT09:30", ""},
      {"وصل الساعة الثالثة و 20 دقيقة", "2018-03-10", "الساعة الثالثة و 20 دقيقة", "TIME",
       "XXXX-XX-XXT03:20", ""},
      {"يبدأ الحظر العاشرة وخمسة وعشرين ليلا", "2018-03-10", "العاشرة وخمسة وعشرين ليلا", "TIME",
       "XXXX-XX-XXT22:25", ""},
      {"انتهى الاجتماع الرابعة إلا ربعا", "2018-03-10", "الرابعة إلا ربعا", "TIME",
       "XXXX-XX-XXT03:45", ""},
      {"يغلق السوق الساعة الرابعة إلا ربعا", "2018-03-10", "الساعة الرابعة إلا ربعا", "TIME",
       "XXXX-XX-XXT03:45", ""},
      {"ننتظرك عند 9", "2018-03-10", "9", "TIME", "XXXX-XX-XXT09:00", ""},
      {"يبدأ العرض مساء 8", "2018-03-10", "مساء 8", "TIME", "XXXX-XX-XXT20:00", ""},
      {"تقلع الطائرة بعد الظهر الساعة 2", "2018-03-10", "بعد الظهر الساعة 2", "TIME",
       "XXXX-XX-XXT14:00", ""},
      {"يتوقف القطار 11 في الليل", "2018-03-10", "11 في الليل", "TIME", "XXXX-XX-XXT23:00", ""},
      {"حتى منتصف الليل", "2018-03-10", "منتصف الليل", "TIME", "XXXX-XX-XXT00:00", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeRules, RangesShareThePartOfDay) {
  auto r = T().Tag("يستقبل المكتب الزوار من 9 إلى 11 صباحا", *ParseDct("2018-03-10"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].value, "XXXX-XX-XXT09:00");
  EXPECT_EQ((*r)[1].value, "XXXX-XX-XXT11:00");
  r = T().Tag("تغلق الطرق بين 2 و 4 عصرا", *ParseDct("2018-03-10"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].value, "XXXX-XX-XXT14:00");
  EXPECT_EQ((*r)[1].value, "XXXX-XX-XXT16:00");
  // A bare second endpoint takes the part of day of the first.
  r = T().Tag("الدوام من 2:30 بعد الظهر إلى 6", *ParseDct("2018-03-10"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].value, "XXXX-XX-XXT14:30");
  EXPECT_EQ((*r)[1].value, "XXXX-XX-XXT18:00");
  r = T().Tag("نعمل من السادسة حتى التاسعة مساء", *ParseDct("2018-03-10"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].value, "XXXX-XX-XXT18:00");
  EXPECT_EQ((*r)[1].value, "XXXX-XX-XXT21:00");
}

TEST(TimeRules, PartsOfDayAndDateTime) {
  const Case cases[] = {
      {"نلتقي في المساء", "2018-03-10", "المساء", "TIME", "XXXX-XX-XXTEV", ""},
      {"تصل الشحنة بعد الظهر", "2018-03-10", "بعد الظهر", "TIME", "XXXX-XX-XXTAF", ""},
      {"يعلن الفائز الليلة", "2018-03-10", "الليلة", "TIME", "2018-03-10TNI", ""},
      {"وصلوا في وقت متأخر من الليل", "2018-03-10", "وقت متأخر من الليل", "TIME", "XXXX-XX-XXTNI",
       "END"},
      {"تنطلق الرحلة غدا الساعة 7 صباحا", "2018-03-10", "غدا الساعة 7 صباحا", "TIME",
       "2018-03-11T07:00", ""},
      {"يصل صباح الغد الساعة 9", "2018-03-10", "صباح الغد الساعة 9", "TIME", "2018-03-11T09:00",
       ""},
      {"سيعقد الاجتماع الساعة 5 مساء يوم الأحد", "2018-03-10", "الساعة 5 مساء يوم الأحد", "TIME",
       "2018-03-11T17:00", ""},
      {"أقيم الحفل الليلة حوالي الساعة 9", "2018-03-10", "الليلة حوالي الساعة 9", "TIME",
       "2018-03-10T21:00", ""},
      {"نتدرب كل يوم خميس الساعة 6 مساء", "2018-03-10", "كل يوم خميس الساعة 6 مساء", "SET",
       "XXXX-WXX-4T18:00", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeRules, NotTimes) {
  const Case cases[] = {
      // The hour word as an object, counts, ordinals of other nouns, scores, ages.
      {"اشترى الساعة من السوق", "2018-03-10", "", "", "", ""},
      {"قتل 7 أشخاص", "2018-03-10", "", "", "", ""},
      {"فازت في الدورة السابعة للمهرجان", "2018-03-10", "", "", "", ""},
      {"حصل على المرتبة الثانية عشرة", "2018-03-10", "", "", "", ""},
      {"انتهت المباراة 3-1", "2018-03-10", "", "", "", ""},
      {"ارتفع عدد القتلى إلى 27.", "2018-03-10", "", "", "", ""},
      {"هذه قصة كل عصر", "2018-03-10", "", "", "", ""},
  };
  for (const Case& c : cases) Check(c);
}

}  // namespace
}  // namespace tarikh
