// SPDX-License-Identifier: MIT
#include "tarikh/export/export.h"

#include <gtest/gtest.h>

#include "tarikh/export/timeline_json.h"
#include "tarikh/export/timeml.h"
#include "test_timelines.h"

namespace tarikh {
namespace {

std::vector<std::string> Names(const std::vector<ExportFile>& files) {
  std::vector<std::string> out;
  for (const ExportFile& f : files) out.push_back(f.filename);
  return out;
}

TEST(ExportAllTest, AllFormatsAndSafeFileNames) {
  Timeline t;
  t.events.push_back(testing::MakeEvent("e1", "2014", "h"));
  std::vector<Document> docs(3);
  docs[0].id = "../etc/passwd";
  docs[1].id = "a b";
  docs[2].id = "a_b";
  for (Document& d : docs) d.text = "نص";
  ExportInput in{&t, &docs, nullptr};
  ExportOptions opt;
  opt.assets.js = "var TL={};";
  opt.assets.css = ".tl{}";
  opt.assets.locale_json = "{}";
  std::vector<std::string> warnings;
  Result<std::vector<ExportFile>> files = ExportAll(in, opt, &warnings);
  ASSERT_TRUE(files.ok()) << files.status().ToString();
  EXPECT_EQ(Names(*files),
            (std::vector<std::string>{"timeline.json", "timelinejs.json", "timeline.html",
                                      "timeline.csv", "timeline.md", "timeml/_.._etc_passwd.tml",
                                      "timeml/a_b.tml", "timeml/a_b-2.tml"}));
  EXPECT_TRUE(warnings.empty());
  EXPECT_TRUE(ReadTimelineJson((*files)[0].content).ok());
  EXPECT_TRUE(ReadTimeMl((*files)[5].content).ok());
}

TEST(ExportAllTest, MissingAssetsSkipHtmlWithWarning) {
  Timeline t;
  ExportInput in{&t, nullptr, nullptr};
  ExportOptions opt;
  std::vector<std::string> warnings;
  Result<std::vector<ExportFile>> files = ExportAll(in, opt, &warnings);
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(Names(*files), (std::vector<std::string>{"timeline.json", "timelinejs.json",
                                                     "timeline.csv", "timeline.md"}));
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("timeline.html not written"), std::string::npos);
}

TEST(ExportAllTest, Errors) {
  Timeline t;
  EXPECT_EQ(ExportAll({}, {}).status().code(), StatusCode::kInvalidArgument);
  ExportOptions opt;
  opt.formats = {"csv", "pdf"};
  Result<std::vector<ExportFile>> r = ExportAll({&t, nullptr, nullptr}, opt);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("\"pdf\""), std::string::npos);
  std::vector<Document> docs(2);
  std::vector<std::vector<Timex>> timexes(1);
  opt.formats = {"timeml"};
  EXPECT_FALSE(ExportAll({&t, &docs, &timexes}, opt).ok());
}

}  // namespace
}  // namespace tarikh
