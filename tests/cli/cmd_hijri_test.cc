// SPDX-License-Identifier: MIT
// Runs the tarikh binary (env TARIKH_BIN) for `tarikh hijri` and checks outputs and exit codes.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tarikh/core/date.h"
#include "tarikh/core/hijri.h"

namespace tarikh {
namespace {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `tarikh hijri ARGS` with stdout and stderr captured separately.
RunResult Hijri(const std::string& args) {
  const char* bin = std::getenv("TARIKH_BIN");
  RunResult r;
  if (bin == nullptr) {
    ADD_FAILURE() << "TARIKH_BIN is not set";
    return r;
  }
  const auto dir =
      std::filesystem::temp_directory_path() / ("tarikh_hijri_cli_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto out = dir / "out", err = dir / "err";
  const std::string cmd =
      Quote(bin) + " hijri " + args + " >" + Quote(out.string()) + " 2>" + Quote(err.string());
  const int status = std::system(cmd.c_str());
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out);
  r.err = Slurp(err);
  std::filesystem::remove_all(dir);
  return r;
}

TEST(HijriCliTest, HijriToGregorian) {
  // reference/arabic-temporal.md §3.4: 1 Ramadan 1438 = 2017-05-27 (Umm al-Qura).
  RunResult r = Hijri("1438-09-01");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2017-05-27\n");
  r = Hijri("1439-1-1 1438/12/10");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2017-09-21\n2017-09-01\n");
}

TEST(HijriCliTest, GregorianToHijri) {
  // 2017-04-17 = 20 Rajab 1438 (§3.4 cross-check), so the next day is the 21st.
  RunResult r = Hijri("--to-hijri 2017-04-17 2017-04-18 2024-04-24");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1438-07-20\n1438-07-21\n1445-10-15\n");
}

TEST(HijriCliTest, CalendarsDiffer) {
  // 10 Dhu al-Hijja 1437: umalqura 2016-09-11, civil 2016-09-13 (§3.2).
  EXPECT_EQ(Hijri("1437-12-10").out, "2016-09-11\n");
  EXPECT_EQ(Hijri("--calendar civil 1437-12-10").out, "2016-09-13\n");
  RunResult astro = Hijri("--calendar astronomical 1437-12-10");
  EXPECT_EQ(astro.exit_code, 0) << astro.err;
  Result<int32_t> lib = HijriToDayNumber(1437, 12, 10, HijriCalendar::kAstronomical);
  ASSERT_TRUE(lib.ok());
  EXPECT_EQ(astro.out, FormatDayNumber(*lib) + "\n");
}

TEST(HijriCliTest, Json) {
  RunResult r = Hijri("--json 1438-09-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["hijri"], "1438-09-01");
  EXPECT_EQ(j["gregorian"], "2017-05-27");
  EXPECT_EQ(j["calendar"], "umalqura");
  EXPECT_EQ(j["weekday"], "Saturday");
  EXPECT_EQ(j["iso_weekday"], 6);
  EXPECT_EQ(j["hijri_month_length"], 29);
  r = Hijri("--json --to-hijri --calendar civil 2017-05-27");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["gregorian"], "2017-05-27");
  EXPECT_EQ(j["calendar"], "civil");
  EXPECT_EQ(j["hijri_month_length"], 30);
}

TEST(HijriCliTest, ArabicIndicDigits) {
  EXPECT_EQ(Hijri("١٤٣٨-٠٩-٠١").out, "2017-05-27\n");
  EXPECT_EQ(Hijri("۱۴۳۸-۰۹-۰۱").out, "2017-05-27\n");
}

TEST(HijriCliTest, ImpossibleDateExitsOneAndKeepsGoing) {
  // Ramadan 1438 has 29 days under Umm al-Qura: day 30 must not roll over into Shawwal.
  RunResult r = Hijri("1438-09-30 1438-09-29");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "2017-06-24\n");
  EXPECT_NE(r.err.find("argument 1 '1438-09-30'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("no such Hijri date"), std::string::npos) << r.err;
  // The same day exists in the civil calendar.
  EXPECT_EQ(Hijri("--calendar civil 1438-09-30").exit_code, 0);
  for (const char* bad : {"1438-13-01", "1438-00-10", "1438-01-00", "1438-01-31", "0-01-01"}) {
    RunResult b = Hijri(bad);
    EXPECT_EQ(b.exit_code, 1) << bad;
    EXPECT_EQ(b.out, "") << bad;
    EXPECT_NE(b.err.find("argument 1"), std::string::npos) << b.err;
  }
  r = Hijri("--to-hijri 2017-02-29");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no such Gregorian date"), std::string::npos) << r.err;
}

TEST(HijriCliTest, UsageErrorsExitTwo) {
  EXPECT_EQ(Hijri("").exit_code, 2);
  EXPECT_EQ(Hijri("--calendar julian 1438-01-01").exit_code, 2);
  EXPECT_EQ(Hijri("--no-such-flag 1438-01-01").exit_code, 2);
  RunResult r = Hijri("1438-09-01 1438-9x1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");  // nothing converted when an argument is malformed
  // Position of the bad character: byte 6, column 7.
  EXPECT_NE(r.err.find("argument 2 '1438-9x1':1:7:"), std::string::npos) << r.err;
  EXPECT_EQ(Hijri("12345-01-01").exit_code, 2);
  // Arabic expressions go through the tagger, which uses Umm al-Qura only.
  EXPECT_EQ(Hijri("--calendar civil '1 رمضان 1438'").exit_code, 2);
  EXPECT_EQ(Hijri("--dct 2017-13-01 '1 رمضان 1438'").exit_code, 2);
}

TEST(HijriCliTest, ArabicExpressionsThroughTheTagger) {
  // §3.4: 1 Ramadan 1438 = 2017-05-27; 20 Rajab 1438 = 2017-04-17.
  RunResult r = Hijri("'1 رمضان 1438' '15 رمضان 1438 هـ'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2017-05-27\n2017-06-10\n");
  r = Hijri("--to-hijri '17 أبريل 2017'");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "1438-07-20\n");
  // A whole month is not one day; a sentence without a date has none.
  r = Hijri("'رمضان 1438'");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("not a single day"), std::string::npos) << r.err;
  EXPECT_EQ(Hijri("'قال الرئيس'").exit_code, 1);
}

TEST(HijriCliTest, InputFileReportsLines) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("tarikh_hijri_input_" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream f(path);
    f << "1438-09-01\n\n1438-09-30\nnot a date\n1439-01-01\r\n";
  }
  RunResult r = Hijri("-i " + Quote(path.string()));
  std::filesystem::remove(path);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "2017-05-27\n2017-09-21\n");
  EXPECT_NE(r.err.find(path.string() + ":3:1: no such Hijri date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(path.string() + ":4:1: expected a year"), std::string::npos) << r.err;
  EXPECT_EQ(Hijri("-i /nonexistent/dates.txt").exit_code, 1);
}

TEST(HijriCliTest, AgreesWithLibraryOverAYear) {
  // One Hijri year, every day, through the binary's --input: each line must match the library.
  const auto path = std::filesystem::temp_directory_path() /
                    ("tarikh_hijri_year_" + std::to_string(::getpid()) + ".txt");
  std::string expected;
  {
    std::ofstream f(path);
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= HijriMonthLength(1440, month); ++day) {
        f << "1440-" << month << "-" << day << "\n";
        Result<int32_t> d = HijriToDayNumber(1440, month, day);
        ASSERT_TRUE(d.ok());
        expected += FormatDayNumber(*d) + "\n";
      }
    }
  }
  RunResult r = Hijri("-i " + Quote(path.string()));
  std::filesystem::remove(path);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, expected);
}

}  // namespace
}  // namespace tarikh
