// SPDX-License-Identifier: MIT
#include "tarikh/core/tagger.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tarikh/core/utf8.h"

namespace tarikh {
namespace {

const Tagger& T() {
  static const Tagger* tagger = new Tagger(std::move(Tagger::Create()).value());
  return *tagger;
}

struct Case {
  const char* text;
  const char* dct;
  const char* extent;  // expected covered text ("" = expect nothing)
  const char* type;
  const char* value;
  const char* mod;
};

// Returns the timex whose extent equals `extent`, or nullptr.
void Check(const Case& c) {
  SCOPED_TRACE(std::string(c.text) + " @ " + c.dct);
  auto r = T().Tag(c.text, *ParseDct(c.dct));
  ASSERT_TRUE(r.ok());
  const std::string text = c.text;
  if (std::string(c.extent).empty()) {
    for (const Timex& t : *r) {
      ADD_FAILURE() << "unexpected: " << text.substr(t.byte_begin, t.byte_end - t.byte_begin)
                    << " = " << t.value;
    }
    return;
  }
  for (const Timex& t : *r) {
    if (text.substr(t.byte_begin, t.byte_end - t.byte_begin) != c.extent) continue;
    EXPECT_EQ(TimexTypeName(t.type), c.type);
    EXPECT_EQ(t.value, c.value);
    EXPECT_EQ(TimexModName(t.mod), c.mod);
    return;
  }
  std::string got;
  for (const Timex& t : *r)
    got += "[" + text.substr(t.byte_begin, t.byte_end - t.byte_begin) + "=" + t.value + "] ";
  ADD_FAILURE() << "no timex with extent '" << c.extent << "', got: " << got;
}

TEST(TaggerRules, MonthsEverySeries) {
  const char* series[][12] = {
      {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
       "نوفمبر", "ديسمبر"},
      {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
       "تشرين الأول", "تشرين الثاني", "كانون الأول"},
      {"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر",
       "نوفمبر", "ديسمبر"},
      {"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر",
       "نونبر", "دجنبر"},
      {"يناير", "فبراير", "مارس", "إبريل", "مايو", "يونيو", "يوليو", "أغشت", "شتمبر", "أكتوبر",
       "نوفمبر", "دجمبر"},
  };
  for (const auto& s : series) {
    for (int m = 0; m < 12; ++m) {
      const std::string extent = std::string("15 ") + s[m] + " 2016";
      const std::string text = "وقع الحادث في " + extent + " في المدينة";
      char value[16];
      std::snprintf(value, sizeof value, "2016-%02d-15", m + 1);
      Check({text.c_str(), "2017-04-17", extent.c_str(), "DATE", value, ""});
      const std::string month_year = std::string(s[m]) + " 2015";
      const std::string text2 = "في " + month_year + " قال";
      std::snprintf(value, sizeof value, "2015-%02d", m + 1);
      Check({text2.c_str(), "2017-04-17", month_year.c_str(), "DATE", value, ""});
    }
  }
}

TEST(TaggerRules, Table) {
  const Case cases[] = {
      // Double month names, relative months.
      {"وفي تشرين الأول / أكتوبر الماضي قال", "2017-04-18", "تشرين الأول / أكتوبر الماضي", "DATE",
       "2016-10", ""},
      {"وفي أكتوبر/تشرين الأول تحالفت", "2017-04-17", "أكتوبر/تشرين الأول", "DATE", "2016-10", ""},
      {"الهجوم مطلع أبريل القادم", "2017-03-20", "مطلع أبريل القادم", "DATE", "2017-04", "START"},
      {"زار الشهر الماضي", "2017-01-10", "الشهر الماضي", "DATE", "2016-12", ""},
      {"في 31 مارس من العام الماضي", "2004-03-30", "31 مارس من العام الماضي", "DATE", "2003-03-31",
       ""},
      {"يوم 20 من الشهر الجاري", "2017-04-17", "20 من الشهر الجاري", "DATE", "2017-04-20", ""},
      // Years.
      {"بحلول عام 2021 سيكون", "2017-04-18", "عام 2021", "DATE", "2021", ""},
      {"في العام 1910 حين", "2004-04-15", "العام 1910", "DATE", "1910", ""},
      {"مطلع عام 2014 بدأ", "2017-04-19", "مطلع عام 2014", "DATE", "2014", "START"},
      {"منذ عام 2012 وحتى", "2017-04-18", "عام 2012", "DATE", "2012", ""},
      {"وللعام 2014", "2017-04-18", "لعام 2014", "DATE", "2014", ""},
      {"بين عامي 2011 و2014", "2017-04-18", "2014", "DATE", "2014", ""},
      {"عام 2014 م", "2017-04-18", "عام 2014 م", "DATE", "2014", ""},
      // Weekdays and deictics.
      {"قال الاثنين إن", "2017-04-17", "الاثنين", "DATE", "2017-04-17", ""},
      {"قتل الخميس", "2017-04-17", "الخميس", "DATE", "2017-04-13", ""},
      {"سيزور القاهرة الخميس", "2017-04-17", "الخميس", "DATE", "2017-04-20", ""},
      {"يوم الاربعاء المقبل", "2004-04-10", "يوم الاربعاء المقبل", "DATE", "2004-04-14", ""},
      {"قال اليوم الاثنين", "2017-04-17", "اليوم الاثنين", "DATE", "2017-04-17", ""},
      {"أعلنت أمس الجمعة", "2004-04-10", "أمس الجمعة", "DATE", "2004-04-09", ""},
      {"حصد امس الاول الاحد", "2004-04-06", "امس الاول الاحد", "DATE", "2004-04-04", ""},
      {"يفتتح بعد غد الثلاثاء", "2004-04-18", "بعد غد الثلاثاء", "DATE", "2004-04-20", ""},
      {"وصل غدًا", "2017-04-17", "غدًا", "DATE", "2017-04-18", ""},
      {"اختتمت مساء أمس الاول", "2004-04-15", "مساء أمس الاول", "TIME", "2004-04-13TEV", ""},
      {"حفل في باريس صباح الثلاثاء", "2004-04-10", "صباح الثلاثاء", "TIME", "2004-04-06TMO", ""},
      {"مؤتمر الليلة الماضية", "2004-04-15", "الليلة الماضية", "TIME", "2004-04-14TNI", ""},
      // Generic today/tomorrow.
      {"حلفاء اليوم أعداء الغد", "2004-04-15", "اليوم", "DATE", "PRESENT_REF", ""},
      {"حلفاء اليوم أعداء الغد", "2004-04-15", "الغد", "DATE", "FUTURE_REF", ""},
      {"لا يزال إلى اليوم", "2004-04-15", "اليوم", "DATE", "PRESENT_REF", ""},
      // Anaphora.
      {"في عام 2014 وفي العام نفسه", "2017-04-18", "العام نفسه", "DATE", "2014", ""},
      {"في ذلك الشهر", "2017-04-18", "ذلك الشهر", "DATE", "2017-04", ""},
      {"حتى العام 1910 . في ذلك الوقت كانت", "2004-04-15", "ذلك الوقت", "DATE", "1910", ""},
      {"هذا الشهر", "2017-04-18", "هذا الشهر", "DATE", "2017-04", ""},
      {"الأسبوع المقبل", "2004-03-30", "الأسبوع المقبل", "DATE", "2004-W15", ""},
      {"نظم نهاية الأسبوع الماضي", "2004-03-31", "نهاية الأسبوع الماضي", "DATE", "2004-W13-WE", ""},
      // Durations.
      {"المندلعة منذ ست سنوات", "2017-04-18", "ست سنوات", "DURATION", "P6Y", ""},
      {"لا تستغرق شهرآ او شهرين", "2017-04-18", "شهرين", "DURATION", "P2M", ""},
      {"لا تستغرق شهرآ او شهرين", "2017-04-18", "شهرآ", "DURATION", "P1M", ""},
      {"توفي عن ثمانية وسبعين عاما", "2004-04-10", "ثمانية وسبعين عاما", "DURATION", "P78Y", ""},
      {"في غضون عامين", "2017-03-20", "عامين", "DURATION", "P2Y", ""},
      {"خلال أقل من عشر سنوات", "2004-04-15", "أقل من عشر سنوات", "DURATION", "P10Y", "LESS_THAN"},
      {"في السنتين الاخيرتين", "2004-04-10", "السنتين الاخيرتين", "DURATION", "P2Y", ""},
      {"في السنوات الاخيرة من", "2004-04-10", "السنوات الاخيرة", "DURATION", "PXY", ""},
      {"منذ سنوات طويلة", "2004-04-10", "سنوات طويلة", "DURATION", "PXY", ""},
      {"لعدة أشهر", "2004-04-10", "عدة أشهر", "DURATION", "PXM", ""},
      {"خلال العام الأخير", "2017-03-20", "العام الأخير", "DURATION", "P1Y", ""},
      {"قبل حضارة الغرب باثني عشر قرنا", "2004-04-15", "اثني عشر قرنا", "DURATION", "P1200Y", ""},
      {"بعد 40 عاما", "2004-04-15", "40 عاما", "DURATION", "P40Y", ""},
      // Ago.
      {"كانت قبل خمسة وتسعين عاما أرضا", "2004-04-15", "قبل خمسة وتسعين عاما", "DATE", "1909", ""},
      {"بدأ قبل مائة عام تقريبا مشروعا", "2004-04-15", "قبل مائة عام تقريبا", "DATE", "1904",
       "APPROX"},
      // Decades, centuries, seasons.
      {"في الثمانينيات", "2004-04-15", "الثمانينيات", "DATE", "198", ""},
      {"مسرح الستينيات من القرن المنصرم", "2004-03-24", "الستينيات من القرن المنصرم", "DATE", "196",
       ""},
      {"حتى أواخر فترة الخمسينيات من القرن الماضي", "2004-04-15",
       "أواخر فترة الخمسينيات من القرن الماضي", "DATE", "195", "END"},
      {"خلال العقد الأول من القرن الماضي", "2004-04-15", "العقد الأول من القرن الماضي", "DATE",
       "190", ""},
      {"يعيش في القرن التاسع عشر", "2004-04-06", "القرن التاسع عشر", "DATE", "18", ""},
      {"كانت في أواسط القرن التاسع عشر", "2004-04-15", "أواسط القرن التاسع عشر", "DATE", "18",
       "MID"},
      {"إلى بدايات القرن ال(14) الميلادي", "2004-04-15", "بدايات القرن ال(14) الميلادي", "DATE",
       "13", "START"},
      {"القرن الـ19", "2004-04-15", "القرن الـ19", "DATE", "18", ""},
      {"في صيف 2014", "2017-04-17", "صيف 2014", "DATE", "2014-SU", ""},
      {"في فصل الصيف", "2004-04-15", "فصل الصيف", "SET", "XXXX-SU", ""},
      // REF values.
      {"قال الآن", "2017-04-18", "الآن", "DATE", "PRESENT_REF", ""},
      {"في هذه الأيام", "2017-04-18", "هذه الأيام", "DATE", "PRESENT_REF", ""},
      {"صرح مؤخرا", "2017-04-18", "مؤخرا", "DATE", "PAST_REF", ""},
      {"وقديما سمي", "2004-04-15", "قديما", "DATE", "PAST_REF", ""},
      {"لترى النور قريبا", "2004-04-15", "قريبا", "DATE", "FUTURE_REF", ""},
      // Sets.
      {"نتحدثه يوميا", "2004-04-15", "يوميا", "SET", "P1D", ""},
      {"أؤلف كتابا كل اسبوع", "2004-04-15", "كل اسبوع", "SET", "P1W", ""},
      {"كتابا بسيطا كل عامين", "2004-04-15", "كل عامين", "SET", "P2Y", ""},
      {"إيجار المقر في كل نهاية شهر", "2004-04-15", "كل نهاية شهر", "SET", "P1M", "END"},
      {"يصلي كل جمعة", "2004-04-15", "كل جمعة", "SET", "XXXX-WXX-5", ""},
      // Clock times and numeric dates.
      {"الحضور في الساعة التاسعة", "2004-04-15", "الساعة التاسعة", "TIME", "XXXX-XX-XXT09:00", ""},
      {"الساعة الحادية عشرة والنصف", "2004-04-15", "الساعة الحادية عشرة والنصف", "TIME",
       "XXXX-XX-XXT11:30", ""},
      {"الساعة الثالثة عصرا", "2004-04-15", "الساعة الثالثة عصرا", "TIME", "XXXX-XX-XXT15:00", ""},
      {"يبدأ 10:30 صباحا", "2004-04-15", "10:30 صباحا", "TIME", "XXXX-XX-XXT10:30", ""},
      {"بتاريخ 2016/10/05", "2017-04-17", "2016/10/05", "DATE", "2016-10-05", ""},
      {"بتاريخ 5-10-2016", "2017-04-17", "5-10-2016", "DATE", "2016-10-05", ""},
      {"بتاريخ 05.10.2016", "2017-04-17", "05.10.2016", "DATE", "2016-10-05", ""},
      {"بتاريخ ١٧/٤/٢٠١٧", "2017-04-17", "١٧/٤/٢٠١٧", "DATE", "2017-04-17", ""},
      // Hijri and holidays.
      {"يوم 20 رجب 1438 هـ", "2017-04-17", "20 رجب 1438 هـ", "DATE", "2017-04-17", ""},
      {"في 15 رمضان 1438 هـ", "2017-04-17", "15 رمضان 1438 هـ", "DATE", "2017-06-10", ""},
      {"في شهر رمضان", "2004-04-15", "شهر رمضان", "DATE", "2003-11", ""},
      {"بعد انقسام المحكمة سنة 64ه للحركة", "2004-04-15", "سنة 64ه", "DATE", "0684", ""},
      {"الاحتفال باليوم العالمي للمسرح", "2004-03-24", "اليوم العالمي للمسرح", "DATE", "2004-03-27",
       ""},
      {"سيحل عيد الفطر", "2017-04-17", "عيد الفطر", "DATE", "2017-06-25", ""},
      // Lists.
      {"الملتقى يومي 10 و 11 ابريل الجاري", "2004-04-05", "يومي 10", "DATE", "2004-04-10", ""},
      {"الملتقى يومي 10 و 11 ابريل الجاري", "2004-04-05", "11 ابريل الجاري", "DATE", "2004-04-11",
       ""},
      {"بين العامين 1910 و 1912 لتصوير", "2004-04-15", "1912", "DATE", "1912", ""},
  };
  for (const Case& c : cases) Check(c);
}

TEST(TaggerRules, FalseFriendsAreNotTagged) {
  const char* texts[] = {
      "قال الأمين العام للأمم المتحدة",
      "نقلت مصادر مطلعة على الشأن العراقي",
      "متابعة - العراق اليوم:",
      "ما بين 12 ألفاً إلى 15 ألف ارهابي",
      "حوالي 31 ألف ارهابي",
      "قال لقناة فرانس 24",
      "ليس من باب الترف",
      "وصلت في نفس الوقت",
      "معلومات دقيقة عن الدقيقة",
      "تكون هذه المرة",
      "من قبل قوات التحالف",
      "الرئيس السابق",
      "أن الأخير كان يطمح",
      "الربيع العربي",
      "مارس الجيش ضغوطا",
      "عقدا محادثات",
  };
  for (const char* t : texts) Check({t, "2017-04-17", "", "", "", ""});
}

TEST(TaggerRules, ImpossibleDatesAreNotDates) {
  Check({"في 31 شباط 2017", "2017-04-17", "", "", "", ""});
  Check({"في 30 فبراير الماضي", "2017-04-17", "", "", "", ""});
  Check({"بتاريخ 31/04/2017", "2017-04-17", "", "", "", ""});
}

TEST(TaggerOffsets, CodePointAndByteOffsetsMapBack) {
  const std::string text = "وَفِي عــامِ ٢٠١٤م، وبالأمس قال";
  auto r = T().Tag(text, *ParseDct("2017-04-17"));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  const Timex& a = (*r)[0];
  EXPECT_EQ(text.substr(a.byte_begin, a.byte_end - a.byte_begin), "عــامِ ٢٠١٤م");
  EXPECT_EQ(a.value, "2014");
  const Timex& b = (*r)[1];
  EXPECT_EQ(text.substr(b.byte_begin, b.byte_end - b.byte_begin), "الأمس");
  EXPECT_EQ(b.value, "2017-04-16");
  // Code-point offsets agree with the byte offsets.
  for (const Timex& t : *r) {
    EXPECT_EQ(t.begin, CountCodePoints(std::string_view(text).substr(0, t.byte_begin)));
    EXPECT_EQ(t.end, CountCodePoints(std::string_view(text).substr(0, t.byte_end)));
  }
}

TEST(TaggerStreaming, ChunksGiveTheSameResultAsOneCall) {
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "في عام 2014 قال الاثنين إن العام نفسه شهد تشرين الأول / أكتوبر الماضي.\n";
    text += "وفي ذلك الشهر، ومنذ ست سنوات، وصل أمس الجمعة ١٥ رمضان ١٤٣٨ هـ.\n";
  }
  const Dct dct = *ParseDct("2017-04-18");
  auto whole = T().Tag(text, dct);
  ASSERT_TRUE(whole.ok());
  TagSession s = T().StartSession(dct);
  std::vector<Timex> parts;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos + 37);
    end = end == std::string::npos ? text.size() : end + 1;
    ASSERT_TRUE(s.Feed(std::string_view(text).substr(pos, end - pos), &parts).ok());
    pos = end;
  }
  ASSERT_EQ(parts.size(), whole->size());
  for (size_t i = 0; i < parts.size(); ++i) {
    EXPECT_EQ(parts[i].begin, (*whole)[i].begin);
    EXPECT_EQ(parts[i].byte_end, (*whole)[i].byte_end);
    EXPECT_EQ(parts[i].value, (*whole)[i].value);
  }
}

TEST(TaggerErrors, InvalidUtf8) {
  TagSession s = T().StartSession(*ParseDct("2017-04-18"));
  std::vector<Timex> out;
  ASSERT_TRUE(s.Feed("عام 2014 ", &out).ok());
  Status st = s.Feed("abc\xFF", &out);
  EXPECT_EQ(st.code(), StatusCode::kInvalidUtf8);
  EXPECT_EQ(st.location().byte_offset, static_cast<int64_t>(std::string("عام 2014 ").size()) + 3);
  EXPECT_FALSE(s.Feed("x", &out).ok());
  EXPECT_EQ(T().Tag("\xC0\xAF", *ParseDct("2017-04-18")).status().code(), StatusCode::kInvalidUtf8);
}

TEST(TaggerNormalize, LongestExpression) {
  auto t = T().Normalize("الشهر الماضي", *ParseDct("2017-04-18"));
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->value, "2017-03");
  EXPECT_EQ(T().Normalize("لا شيء هنا", *ParseDct("2017-04-18")).status().code(),
            StatusCode::kNotFound);
}

}  // namespace
}  // namespace tarikh
