// SPDX-License-Identifier: MIT
#include "tarikh/export/html.h"

#include <gtest/gtest.h>

#include "test_timelines.h"

namespace tarikh {
namespace {

TimelineJsAssets FakeAssets() {
  TimelineJsAssets a;
  a.js = "var TL = {}; var s = '</script>';";
  a.css = "@font-face{src:url(icons/f.woff2) format('woff2')} .x{}";
  a.locale_json = R"({"lang": "ar", "direction": "rtl", "x": "</script>"})";
  a.css_resources = {{"icons/f.woff2", "abc"}};
  return a;
}

size_t Count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

TEST(StandaloneHtmlTest, OfflinePageWithArabicLocaleAndRtl) {
  Timeline t;
  t.title = "<عنوان>";
  t.events.push_back(testing::MakeEvent("e1", "2014", "</script><script>alert(1)</script>"));
  t.events[0].sentence =
      "a\xE2\x80\xA8"
      "b";
  std::string page = WriteStandaloneHtml(t, FakeAssets());
  EXPECT_NE(page.find("<html lang=\"ar\" dir=\"rtl\">"), std::string::npos);
  EXPECT_NE(page.find("<title>&lt;عنوان&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("font: null"), std::string::npos);
  EXPECT_NE(page.find("'data:application/json;charset=utf-8,'"), std::string::npos);
  EXPECT_NE(page.find("url(data:font/woff2;base64,YWJj)"), std::string::npos);
  // Exactly our four script/style elements close; nothing from the data or assets does.
  EXPECT_EQ(Count(page, "</script>"), 2u);
  EXPECT_EQ(Count(page, "</style>"), 2u);
  EXPECT_EQ(page.find("\xE2\x80\xA8"), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
}

TEST(StandaloneHtmlTest, AssetsComplete) {
  TimelineJsAssets a = FakeAssets();
  EXPECT_TRUE(a.complete());
  a.locale_json.clear();
  EXPECT_FALSE(a.complete());
}

}  // namespace
}  // namespace tarikh
