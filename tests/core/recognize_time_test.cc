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
      {"نلتقي 17:45", "2018-03-10", "17:45", "TIME", "XXXX-XX-XXT17:45", ""},
      {"يستريح العمال وقت الظهيرة", "2018-03-10", "وقت الظهيرة", "TIME", "XXXX-XX-XXT12:00", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TimeRules, RangesShareThePartOfDay) {
  CheckValues("يستقبل المكتب الزوار من 9 إلى 11 صباحا", "2018-03-10",
              {"XXXX-XX-XXT09:00", "XXXX-XX-XXT11:00"});
  CheckValues("تغلق الطرق بين 2 و 4 عصرا", "2018-03-10", {"XXXX-XX-XXT14:00", "XXXX-XX-XXT16:00"});
  // A bare second endpoint takes the part of day of the first.
  CheckValues("الدوام من 2:30 بعد الظهر إلى 6", "2018-03-10",
              {"XXXX-XX-XXT14:30", "XXXX-XX-XXT18:00"});
  CheckValues("نعمل من السادسة حتى التاسعة مساء", "2018-03-10",
              {"XXXX-XX-XXT18:00", "XXXX-XX-XXT21:00"});
  // A second endpoint with minutes but no part of day takes the first one's.
  CheckValues("تفتح المراكز من 1:30 مساء إلى 5:45", "2018-03-10",
              {"XXXX-XX-XXT13:30", "XXXX-XX-XXT17:45"});
  // ... unless that would put it before the first ("من 9:30 صباحا حتى 1:30" stays 01:30: the
  // reading is unknown, and the stated figures are kept).
  CheckValues("من 9:30 صباحا حتى 1:30", "2018-03-10", {"XXXX-XX-XXT09:30", "XXXX-XX-XXT01:30"});
}

TEST(TimeRules, PartsOfDayAndDateTime) {
  const Case cases[] = {
      {"نلتقي في المساء", "2018-03-10", "المساء", "TIME", "XXXX-XX-XXTEV", ""},
      {"سيصل الظهر", "2018-03-10", "الظهر", "TIME", "XXXX-XX-XXT12:00", ""},
      {"أدى صلاة الظهر", "2018-03-10", "", "", "", ""},
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

// منتصف الليل after a stated hour: twelve is midnight, one to five are that hour of the night.
TEST(TimeRules, MidnightAfterAnHour) {
  const Case cases[] = {
      {"وقع الانفجار الساعة 1:00 منتصف الليل", "2018-03-10", "الساعة 1:00 منتصف الليل", "TIME",
       "XXXX-XX-XXT01:00", ""},
      {"بدأ القصف الساعة الثانية منتصف الليل", "2018-03-10", "الساعة الثانية منتصف الليل", "TIME",
       "XXXX-XX-XXT02:00", ""},
      {"أغلقت الحدود الساعة 12 منتصف الليل", "2018-03-10", "الساعة 12 منتصف الليل", "TIME",
       "XXXX-XX-XXT00:00", ""},
      {"يبدأ الحظر الساعة الثانية عشرة منتصف الليل", "2018-03-10",
       "الساعة الثانية عشرة منتصف الليل", "TIME", "XXXX-XX-XXT00:00", ""},
  };
  for (const Case& c : cases) Check(c);
}

// "الفترة الصباحية / المسائية / الليلية" (the morning/evening/night session) after a
// preposition: that part of an unknown day, like "في المساء".
TEST(TimeRules, SessionOfTheDay) {
  const Case cases[] = {
      {"تقام الندوة في الفترة المسائية", "2004-04-14", "الفترة المسائية", "TIME", "XXXX-XX-XXTEV",
       ""},
      {"يبدأ التسجيل خلال الفترة الصباحية", "2004-04-14", "الفترة الصباحية", "TIME",
       "XXXX-XX-XXTMO", ""},
      {"تغلق المحال في الفترة الليلية", "2004-04-14", "الفترة الليلية", "TIME", "XXXX-XX-XXTNI",
       ""},
      // Without a preposition it names the session (a subject), not a time.
      {"الفترة المسائية مخصصة للنساء", "2004-04-14", "", "", "", ""},
  };
  for (const Case& c : cases) Check(c);
}

// A clock time joined with a part of day that is not a day: a set ("كل ليلة في 9") or a part
// of an unknown day ("الساعة 8 هذا المساء", whose day stays unknown as in the gold).
TEST(TimeRules, ClockWithSetOrPartOfDay) {
  const Case cases[] = {
      {"يبث البرنامج كل ليلة في 9", "2018-03-10", "كل ليلة في 9", "SET", "XXXX-XX-XXT21:00", ""},
      {"يستيقظ كل صباح في السادسة والنصف", "2018-03-10", "كل صباح في السادسة والنصف", "SET",
       "XXXX-XX-XXT06:30", ""},
      {"تغلق الأسواق كل مساء الساعة 8", "2018-03-10", "كل مساء الساعة 8", "SET", "XXXX-XX-XXT20:00",
       ""},
      {"يصل القطار الساعة 8 هذا المساء", "2018-03-10", "الساعة 8 هذا المساء", "TIME",
       "XXXX-XX-XXT20:00", ""},
      {"انطلقت المسيرة الساعة التاسعة من هذا المساء", "2018-03-10", "الساعة التاسعة من هذا المساء",
       "TIME", "XXXX-XX-XXT21:00", ""},
  };
  for (const Case& c : cases) Check(c);
  // Two different parts of day stay two expressions.
  CheckValues("الساعة 8 مساء هذا الصباح", "2018-03-10", {"XXXX-XX-XXT20:00", "XXXX-XX-XXTMO"});
  // A set followed by a number that is a count is not a clock time.
  Check({"يتناول كل صباح 3 أقراص", "2018-03-10", "كل صباح", "SET", "XXXX-XX-XXTMO", ""});
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
      // A part-of-day word with a non-temporal adjective: the modern era, a new dawn.
      {"ازدهر الشعر في العصر الحديث", "2018-03-10", "", "", "", ""},
      {"بشروا بالفجر الجديد للأمة", "2018-03-10", "", "", "", ""},
      {"عاش في العصر العباسي", "2018-03-10", "", "", "", ""},
  };
  for (const Case& c : cases) Check(c);
}

}  // namespace
}  // namespace tarikh
