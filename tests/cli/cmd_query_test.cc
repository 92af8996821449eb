// SPDX-License-Identifier: MIT
// `tarikh query` and `tarikh export` run as a user would (the real binary, TARIKH_BIN).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "tarikh/export/timeml.h"

namespace {

namespace fs = std::filesystem;

struct CmdResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'') {
      q.append("'\\''");
    } else {
      q.push_back(c);
    }
  }
  q.push_back('\'');
  return q;
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class QueryCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin = std::getenv("TARIKH_BIN");
    if (bin == nullptr) GTEST_SKIP() << "TARIKH_BIN not set (run through ctest)";
    bin_ = bin;
    tmp_ =
        fs::temp_directory_path() /
        ("tarikh-query-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(tmp_);
    fs::create_directories(tmp_);
  }
  void TearDown() override {
    if (!tmp_.empty()) fs::remove_all(tmp_);
  }

  CmdResult Tarikh(const std::vector<std::string>& args) {
    std::string cmd = Quote(bin_);
    // Appended piece by piece: GCC 12 -O3 gives a false -Wrestrict on "literal" + string.
    for (const std::string& a : args) cmd.append(" ").append(Quote(a));
    cmd.append(" >").append(Quote((tmp_ / "stdout").string()));
    cmd.append(" 2>").append(Quote((tmp_ / "stderr").string()));
    CmdResult r;
    int status = std::system(cmd.c_str());
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = Slurp(tmp_ / "stdout");
    r.err = Slurp(tmp_ / "stderr");
    return r;
  }

  std::vector<std::string> QueryIds(const std::string& timeline, std::vector<std::string> args) {
    args.insert(args.begin(), {"query", timeline, "--format", "json"});
    CmdResult r = Tarikh(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::vector<std::string> ids;
    auto j = nlohmann::json::parse(r.out, nullptr, false);
    if (j.is_discarded()) {
      ADD_FAILURE() << "query output is not JSON: " << r.out;
      return ids;
    }
    for (const auto& e : j["events"]) ids.push_back(e["id"]);
    return ids;
  }

  std::string Write(const std::string& name, const std::string& content) {
    fs::path p = tmp_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  std::string bin_;
  fs::path tmp_;
  const std::string sample_ = std::string(TARIKH_SOURCE_DIR) + "/fixtures/timelines/sample.json";
};

TEST_F(QueryCliTest, BetweenOnBeforeAfterOnSampleTimeline) {
  EXPECT_EQ(QueryIds(sample_, {"--between", "2016-10", "2017-04"}),
            (std::vector<std::string>{"e0004", "e0005", "e0006"}));
  EXPECT_EQ(QueryIds(sample_, {"--on", "2014"}), (std::vector<std::string>{"e0002", "e0003"}));
  EXPECT_EQ(QueryIds(sample_, {"--before", "2014", "--strict"}),
            (std::vector<std::string>{"e0001"}));
  EXPECT_EQ(QueryIds(sample_, {"--after", "2017-03"}), (std::vector<std::string>{"e0006"}));
}

TEST_F(QueryCliTest, ArabicDatesMeanTheSameAsIso) {
  // "last month" against 2017-04-18 is March 2017; "أكتوبر 2016" is 2016-10.
  std::vector<std::string> march = QueryIds(sample_, {"--on", "2017-03"});
  EXPECT_EQ(march, (std::vector<std::string>{"e0005"}));
  EXPECT_EQ(QueryIds(sample_, {"--on", "الشهر الماضي", "--dct", "2017-04-18"}), march);
  EXPECT_EQ(QueryIds(sample_, {"--on", "أكتوبر 2016"}), QueryIds(sample_, {"--on", "2016-10"}));
}

TEST_F(QueryCliTest, TableAndCsvFormats) {
  CmdResult r = Tarikh({"query", sample_, "--on", "2016-10"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("بدء هجوم استعادة الموصل"), std::string::npos) << r.out;
  r = Tarikh({"query", sample_, "--on", "2016-10", "--format", "csv"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("id,date,mod,display_date,headline,sources\r\ne0004,2016-10,", 0), 0u)
      << r.out;
}

TEST_F(QueryCliTest, NotATimelineNamesFileLineAndColumn) {
  std::string bad = Write("bad.json", "{\"schema_version\": 1,\n \"events\": [{\"id\": 3}]}");
  CmdResult r = Tarikh({"query", bad, "--on", "2014"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(bad + ":2:20: events[0].id: expected a string"), std::string::npos) << r.err;
  std::string broken = Write("broken.json", "{\"schema_version\": 1,\n \"events\": [,]}");
  r = Tarikh({"export", broken, "-o", (tmp_ / "out").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find(broken + ":2:13: malformed JSON"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(tmp_ / "out" / "timeline.csv"));
  std::string tljs = Write("tljs.json", "{\"events\": [{\"start_date\": {\"year\": 2014}}]}");
  r = Tarikh({"query", tljs, "--on", "2014"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a tarikh timeline"), std::string::npos) << r.err;
}

TEST_F(QueryCliTest, UsageErrors) {
  EXPECT_EQ(Tarikh({"query", sample_}).exit_code, 2);
  EXPECT_EQ(Tarikh({"query", sample_, "--on", "2014", "--before", "2015"}).exit_code, 2);
  EXPECT_EQ(Tarikh({"query", sample_, "--on", "2014", "--dct", "2017-02-31"}).exit_code, 2);
  CmdResult r = Tarikh({"query", sample_, "--on", "no date here at all"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no date here at all"), std::string::npos) << r.err;
  EXPECT_EQ(Tarikh({"export", sample_, "-o", (tmp_ / "o").string(), "--formats", "pdf"}).exit_code,
            2);
}

TEST_F(QueryCliTest, ExportWritesFormatsAndWarnsWithoutTimelineJs) {
  fs::path out = tmp_ / "out";
  CmdResult r =
      Tarikh({"export", sample_, "-o", out.string(), "--timelinejs", (tmp_ / "nowhere").string()});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("warning"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("timeline.html not written"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(out / "timeline.html"));
  for (const char* f : {"timelinejs.json", "timeline.csv", "timeline.md"}) {
    EXPECT_TRUE(fs::exists(out / f)) << f;
  }
  auto j = nlohmann::json::parse(Slurp(out / "timelinejs.json"));
  EXPECT_EQ(j["events"].size(), 6u);
}

// The seeds' timeline built by the real pipeline (skipped until `tarikh build` exists).
TEST_F(QueryCliTest, SeedsTimelineFromBuild) {
  CmdResult help = Tarikh({"build", "--help"});
  if (help.exit_code != 0 || help.out.find("--manifest") == std::string::npos) {
    GTEST_SKIP() << "tarikh build (with --manifest) is not available yet";
  }
  fs::path out = tmp_ / "seeds";
  CmdResult b = Tarikh({"build", "--manifest",
                        std::string(TARIKH_SOURCE_DIR) + "/fixtures/seeds/manifest.json", "-o",
                        out.string()});
  ASSERT_EQ(b.exit_code, 0) << b.err;
  const std::string timeline = (out / "timeline.json").string();
  CmdResult r = Tarikh({"query", timeline, "--between", "2016-10", "2017-04", "--format", "json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool mosul = false, raqqa = false, split = false;
  for (const auto& e : j["events"]) {
    std::set<std::string> docs;
    for (const auto& s : e["sources"]) docs.insert(s["doc_id"].get<std::string>().substr(0, 3));
    if (e["value"] == "2016-10" && (docs.count("000") || docs.count("001"))) mosul = true;
    if (e["value"] == "2017-04" && docs.count("004")) raqqa = true;
    if (e["value"] == "2014") split = true;
  }
  EXPECT_TRUE(mosul) << r.out;
  EXPECT_TRUE(raqqa) << r.out;
  EXPECT_FALSE(split) << r.out;
  EXPECT_EQ(QueryIds(timeline, {"--on", "الشهر الماضي", "--dct", "2017-04-18"}),
            QueryIds(timeline, {"--on", "2017-03"}));
  // Every TimeML file the build wrote re-imports, with the article's text unchanged.
  int tml = 0;
  for (const auto& entry : fs::directory_iterator(out / "timeml")) {
    tarikh::Result<tarikh::TimeMlDocument> doc = tarikh::ReadTimeMl(Slurp(entry.path()));
    ASSERT_TRUE(doc.ok()) << entry.path() << ": " << doc.status().ToString();
    EXPECT_EQ(doc->text, Slurp(fs::path(TARIKH_SOURCE_DIR) / "fixtures/seeds/text" /
                               (entry.path().stem().string() + ".txt")));
    EXPECT_FALSE(doc->timexes.empty());
    ++tml;
  }
  EXPECT_EQ(tml, 5);
}

}  // namespace
