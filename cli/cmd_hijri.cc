// SPDX-License-Identifier: MIT
// `tarikh hijri`: Hijri ↔ Gregorian conversion (docs/hijri.md).
//
//   tarikh hijri 1438-09-01                  → 2017-05-27
//   tarikh hijri --to-hijri 2017-04-18       → 1438-07-21
//   tarikh hijri --json --calendar civil 1438-09-30
//   tarikh hijri "1 رمضان 1438 هـ"            → 2017-05-27 (read by Tagger::Normalize)
//
// Dates come from the command line or, one per line, from --input FILE. A date that is not
// of the form Y-M-D is a usage error on the command line (exit 2) and an input error in a
// file (exit 1); a well-formed date that does not exist (30 Ramadan 1438 under Umm al-Qura,
// 2017-02-29) is an input error (exit 1). Every date is still processed.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "tarikh/core/date.h"
#include "tarikh/core/hijri.h"
#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"

namespace tarikh::cli {
namespace {

struct YearMonthDay {
  int year = 0;
  int month = 0;
  int day = 0;
};

// The ASCII value of a digit at `text[*pos]`: ASCII, Arabic-Indic (U+0660..0669) or Extended
// Arabic-Indic (U+06F0..06F9), which Arabic-locale tools print; advances `*pos`. -1 if none.
int ReadDigit(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  if (*pos < text.size() && byte(*pos) >= '0' && byte(*pos) <= '9') {
    return byte((*pos)++) - '0';
  }
  if (*pos + 1 < text.size()) {
    const unsigned char lead = byte(*pos), trail = byte(*pos + 1);
    // U+0660..0669 = D9 A0..A9; U+06F0..06F9 = DB B0..B9.
    if ((lead == 0xD9 && trail >= 0xA0 && trail <= 0xA9) ||
        (lead == 0xDB && trail >= 0xB0 && trail <= 0xB9)) {
      *pos += 2;
      return trail & 0x0F;
    }
  }
  return -1;
}

// Reads 1..max_digits digits; false if there is none.
bool ReadNumber(std::string_view text, size_t* pos, int max_digits, int* out) {
  int value = 0, digits = 0;
  while (digits < max_digits) {
    size_t p = *pos;
    const int digit = ReadDigit(text, &p);
    if (digit < 0) break;
    value = value * 10 + digit;
    ++digits;
    *pos = p;
  }
  *out = value;
  return digits > 0;
}

Status Malformed(std::string_view what, size_t pos) {
  return Status::InvalidArgument(
      std::string(what) + " (expected YEAR-MONTH-DAY, e.g. 1438-09-01)",
      Location{static_cast<int64_t>(pos), 1, static_cast<int64_t>(pos) + 1});
}

// "Y-M-D" (also with '/'), year 1..4 digits, month and day 1..2 digits, surrounding blanks
// ignored. Only the form is checked here; whether the date exists is the converter's call.
// Error locations are byte offsets; column = byte offset + 1 (dates are mostly ASCII).
Status ParseNumericDate(std::string_view text, YearMonthDay* out) {
  size_t pos = 0;
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  if (!ReadNumber(text, &pos, 4, &out->year)) return Malformed("expected a year", pos);
  int* const fields[2] = {&out->month, &out->day};
  for (int* field : fields) {
    if (pos >= text.size() || (text[pos] != '-' && text[pos] != '/')) {
      return Malformed("expected '-'", pos);
    }
    ++pos;
    if (!ReadNumber(text, &pos, 2, field)) {
      return Malformed(field == &out->month ? "expected a month" : "expected a day", pos);
    }
  }
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\r')) {
    ++pos;
  }
  if (pos != text.size()) return Malformed("unexpected characters after the date", pos);
  return Status::Ok();
}

std::string FormatYmd(int y, int m, int d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

constexpr const char* kWeekdays[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

std::string TodayUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return FormatYmd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

struct Conversion {
  std::string hijri;
  std::string gregorian;
  int32_t day_number = 0;
  int hijri_month_length = 0;
};

// Converts one parsed date; kInvalidArgument if it does not exist.
Result<Conversion> Convert(const YearMonthDay& in, bool to_hijri, HijriCalendar calendar) {
  Conversion c;
  YearMonthDay h;
  if (to_hijri) {
    if (!IsValidDate(in.year, in.month, in.day)) {
      return Status::InvalidArgument("no such Gregorian date " +
                                     FormatYmd(in.year, in.month, in.day));
    }
    c.day_number = DayNumber(in.year, in.month, in.day);
    TARIKH_RETURN_IF_ERROR(DayNumberToHijri(c.day_number, &h.year, &h.month, &h.day, calendar));
  } else {
    h = in;
    Result<int32_t> day = HijriToDayNumber(in.year, in.month, in.day, calendar);
    if (!day.ok()) return day.status();
    c.day_number = *day;
  }
  c.hijri = FormatYmd(h.year, h.month, h.day);
  c.gregorian = FormatDayNumber(c.day_number);
  c.hijri_month_length = HijriMonthLength(h.year, h.month, calendar);
  return c;
}

// True if `text` holds an Arabic letter (U+0600..06FF outside the two digit ranges): such an
// argument is an expression for the tagger ("1 رمضان 1438 هـ"), not a numeric date.
bool HasArabicLetter(std::string_view text) {
  for (size_t i = 0; i + 1 < text.size(); ++i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const auto trail = static_cast<unsigned char>(text[i + 1]);
    if (lead < 0xD8 || lead > 0xDB) continue;
    const bool digit = (lead == 0xD9 && trail >= 0xA0 && trail <= 0xA9) ||
                       (lead == 0xDB && trail >= 0xB0 && trail <= 0xB9);
    if (!digit) return true;
  }
  return false;
}

// An Arabic date expression, Hijri or Gregorian, read by the tagger (which converts Hijri
// dates with Umm al-Qura). It must be one whole day and the whole argument.
Result<Conversion> ConvertArabic(const Tagger& tagger, std::string_view text, const Dct& dct) {
  Result<Timex> timex = tagger.Normalize(text, dct);
  if (!timex.ok()) {
    return Status::InvalidArgument("no date found in the expression (" + timex.status().message() +
                                   ")");
  }
  const size_t first = text.find_first_not_of(" \t");
  const size_t last = text.find_last_not_of(" \t.");
  const int64_t want_begin = CountCodePoints(text.substr(0, first));
  const int64_t want_end = CountCodePoints(text.substr(0, last + 1));
  if (timex->type != TimexType::kDate || timex->granularity != Granularity::kDay ||
      !timex->interval.bounded() || timex->interval.end - timex->interval.begin != 1) {
    return Status::InvalidArgument("not a single day: the tagger reads it as '" + timex->value +
                                   "'");
  }
  if (timex->begin != want_begin || timex->end != want_end) {
    return Status::InvalidArgument("only part of the expression is a date (code points " +
                                   std::to_string(timex->begin) + ".." +
                                   std::to_string(timex->end) + ", value " + timex->value + ")");
  }
  Conversion c;
  c.day_number = timex->interval.begin;
  YearMonthDay h;
  TARIKH_RETURN_IF_ERROR(DayNumberToHijri(c.day_number, &h.year, &h.month, &h.day));
  c.hijri = FormatYmd(h.year, h.month, h.day);
  c.gregorian = FormatDayNumber(c.day_number);
  c.hijri_month_length = HijriMonthLength(h.year, h.month);
  return c;
}

void PrintConversion(const Conversion& c, bool to_hijri, bool json, HijriCalendar calendar) {
  if (!json) {
    std::cout << (to_hijri ? c.hijri : c.gregorian) << "\n";
    return;
  }
  const int weekday = IsoWeekday(c.day_number);
  nlohmann::json j = {{"hijri", c.hijri},
                      {"gregorian", c.gregorian},
                      {"calendar", std::string(HijriCalendarName(calendar))},
                      {"weekday", kWeekdays[weekday - 1]},
                      {"iso_weekday", weekday},
                      {"hijri_month_length", c.hijri_month_length}};
  std::cout << j.dump() << "\n";
}

}  // namespace

int RunHijri(int argc, char** argv) {
  CLI::App app{
      "Convert dates between the Hijri (Islamic lunar) and Gregorian calendars.\n"
      "Dates are numeric YEAR-MONTH-DAY (ASCII or Arabic-Indic digits), e.g. 1438-09-01\n"
      "(1 Ramadan 1438), or Arabic expressions of one day (\"1 رمضان 1438 هـ\",\n"
      "\"17 أبريل 2017\") read by the tagger. Prints the converted date, one line per date.",
      "tarikh hijri"};
  std::vector<std::string> dates;
  std::string calendar_name = "umalqura", input, dct_text;
  bool to_hijri = false, json = false;
  app.add_option("dates", dates, "dates to convert (Hijri unless --to-hijri)");
  app.add_flag("--to-hijri", to_hijri, "the dates are Gregorian; print their Hijri dates");
  app.add_option("--calendar", calendar_name,
                 "umalqura (Saudi Umm al-Qura, default), civil (tabular) or astronomical")
      ->check(CLI::IsMember({"umalqura", "civil", "astronomical"}));
  app.add_option("--dct", dct_text,
                 "reference date for Arabic expressions without a year (default: today, UTC)");
  app.add_option("-i,--input", input, "also read dates from FILE, one per line ('-' = stdin)");
  app.add_flag("--json", json,
               "one JSON object per date: hijri, gregorian, calendar, weekday, iso_weekday, "
               "hijri_month_length");
  app.footer(
      "Exit codes: 0 ok, 1 a date does not exist or a line of --input is malformed (the\n"
      "others are still converted), 2 usage (bad flag, malformed date argument).\n"
      "Umm al-Qura is tabulated in ICU for about AH 1300-1600; outside it ICU uses the\n"
      "civil calendar.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;
  const HijriCalendar calendar =
      ParseHijriCalendar(calendar_name).value_or(HijriCalendar::kUmmAlQura);
  if (dates.empty() && input.empty()) {
    std::cerr << "tarikh hijri: no date given (try 'tarikh hijri 1438-09-01' or --help)\n";
    return kExitUsage;
  }

  // Command-line dates: all malformed ones are reported before anything is converted.
  std::vector<YearMonthDay> parsed(dates.size());
  std::vector<bool> arabic(dates.size(), false);
  bool usage_error = false;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (HasArabicLetter(dates[i])) {
      arabic[i] = true;
      if (calendar != HijriCalendar::kUmmAlQura) {
        PrintError("argument " + std::to_string(i + 1) + " '" + dates[i] + "'",
                   Status::InvalidArgument("Arabic expressions are read with Umm al-Qura only; "
                                           "give a numeric date to use --calendar " +
                                           calendar_name));
        usage_error = true;
      }
    } else if (Status st = ParseNumericDate(dates[i], &parsed[i]); !st.ok()) {
      PrintError("argument " + std::to_string(i + 1) + " '" + dates[i] + "'", st);
      usage_error = true;
    }
  }
  Dct dct;
  if (Result<Dct> d = ParseDct(dct_text.empty() ? TodayUtc() : dct_text); d.ok()) {
    dct = *d;
  } else {
    PrintError("--dct", d.status());
    usage_error = true;
  }
  if (usage_error) return kExitUsage;
  std::optional<Tagger> tagger;
  if (std::find(arabic.begin(), arabic.end(), true) != arabic.end()) {
    Result<Tagger> created = Tagger::Create();
    if (!created.ok()) {
      PrintError("tarikh hijri", created.status());
      return kExitInternal;
    }
    tagger.emplace(std::move(created).value());
  }

  int exit_code = kExitOk;
  for (size_t i = 0; i < parsed.size(); ++i) {
    Result<Conversion> c =
        arabic[i] ? ConvertArabic(*tagger, dates[i], dct) : Convert(parsed[i], to_hijri, calendar);
    if (!c.ok()) {
      PrintError("argument " + std::to_string(i + 1) + " '" + dates[i] + "'", c.status());
      exit_code =
          c.status().code() == StatusCode::kInvalidArgument ? kExitInputError : kExitInternal;
      continue;
    }
    PrintConversion(*c, to_hijri, json, calendar);
  }

  if (!input.empty()) {
    const std::string name = input == "-" ? "<stdin>" : input;
    Result<std::string> text = ReadFile(input);
    if (!text.ok()) {
      PrintError(name, text.status());
      return kExitInputError;
    }
    std::string_view rest = *text;
    int64_t line_start = 0;
    for (int64_t line = 1; !rest.empty(); ++line) {
      const size_t nl = rest.find('\n');
      const std::string_view row = rest.substr(0, nl);
      rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
      const int64_t row_start = line_start;
      line_start += static_cast<int64_t>(row.size()) + 1;
      if (row.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      YearMonthDay ymd;
      Status st = ParseNumericDate(row, &ymd);
      if (st.ok()) {
        Result<Conversion> c = Convert(ymd, to_hijri, calendar);
        if (c.ok()) {
          PrintConversion(*c, to_hijri, json, calendar);
          continue;
        }
        st = Status::InvalidArgument(c.status().message(), Location{0, 1, 1});
      }
      Location loc = st.location();
      loc.line = line;
      loc.byte_offset += row_start;
      PrintError(name, Status::InvalidArgument(st.message(), loc));
      exit_code = kExitInputError;
    }
  }
  return exit_code;
}

}  // namespace tarikh::cli
