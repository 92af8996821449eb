// SPDX-License-Identifier: MIT
#include "tarikh/export/escape.h"

#include <gtest/gtest.h>

namespace tarikh {
namespace {

TEST(HtmlEscapeTest, EscapesAllFiveSpecialCharacters) {
  EXPECT_EQ(HtmlEscape("<img src=x onerror=\"a('b')\">&"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
  EXPECT_EQ(HtmlEscape("تشرين الأول"), "تشرين الأول");
  // Escaping twice is what TimelineJS's decode-once fields need.
  EXPECT_EQ(HtmlEscape(HtmlEscape("<b>")), "&amp;lt;b&amp;gt;");
}

TEST(XmlEscapeTest, TextAndAttributes) {
  EXPECT_EQ(XmlEscapeText("a < b && c > \"d\"\n"), "a &lt; b &amp;&amp; c &gt; \"d\"\n");
  EXPECT_EQ(XmlEscapeAttribute("\"x\"\n\t"), "&quot;x&quot;&#10;&#9;");
  // CR is a character reference so the parser's end-of-line normalization keeps it.
  EXPECT_EQ(XmlEscapeText("a\r\nb"), "a&#13;\nb");
}

TEST(XmlEscapeTest, CharactersXmlCannotCarryBecomeOneReplacementEach) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(XmlEscapeText(std::string("a\0b\x01", 4)), "a" + fffd + "b" + fffd);
  EXPECT_EQ(XmlEscapeText("\xEF\xBF\xBF"), fffd);                // U+FFFF
  EXPECT_EQ(XmlEscapeText("x\xFFy"), "x" + fffd + "y");          // invalid byte
  EXPECT_EQ(XmlEscapeText("\xED\xA0\x80"), fffd + fffd + fffd);  // surrogate, 3 bad bytes
}

TEST(XmlEscapeTest, AppendingEqualsTheStringForm) {
  // The streaming TimeML writer of `tarikh tag` appends chunk by chunk.
  const std::string text =
      "plain ascii run, \"quotes\" & <tags> \r\n\t\x01 \xd8\xb9\xd8\xa7\xd9\x85 \xef\xbf\xbe "
      "\xff bad";
  std::string out = "prefix:";
  AppendXmlText(&out, text.substr(0, 20));
  AppendXmlText(&out, text.substr(20));
  EXPECT_EQ(out, "prefix:" + XmlEscapeText(text));
  EXPECT_EQ(XmlEscapeText(text),
            "plain ascii run, \"quotes\" &amp; &lt;tags&gt; &#13;\n\t\xef\xbf\xbd "
            "\xd8\xb9\xd8\xa7\xd9\x85 \xef\xbf\xbd \xef\xbf\xbd bad");
}

TEST(JsonForScriptTest, NothingCanCloseTheScriptElement) {
  EXPECT_EQ(JsonForScript(R"({"h": "</script><script>x()</script>"})"),
            R"({"h": "<\/script><script>x()<\/script>"})");
  EXPECT_EQ(JsonForScript(R"(["<!--<script>"])"), R"(["\u003c!--<script>"])");
  EXPECT_EQ(JsonForScript("[\"a\xE2\x80\xA8"
                          "b\xE2\x80\xA9\"]"),
            "[\"a\\u2028b\\u2029\"]");
  EXPECT_EQ(JsonForScript("[\"\xE2\x80\x99\"]"), "[\"\xE2\x80\x99\"]");  // other U+20xx intact
  EXPECT_EQ(JsonForScript("[\"<\"]"), "[\"<\"]");
}

TEST(CsvFieldTest, QuotingAndFormulaGuard) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("2016-10"), "2016-10");  // a minus inside is fine
}

TEST(MarkdownCellTest, PipesNewlinesAndHtml) {
  EXPECT_EQ(MarkdownCell("a | b"), "a \\| b");
  EXPECT_EQ(MarkdownCell("one\r\ntwo\n\nthree"), "one two three");
  EXPECT_EQ(MarkdownCell("<script>x</script> & \\"), "&lt;script>x&lt;/script> &amp; \\\\");
}

}  // namespace
}  // namespace tarikh
