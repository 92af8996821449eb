// SPDX-License-Identifier: MIT
// `tarikh hijri`: Hijri ↔ Gregorian conversion of numeric dates (docs/hijri.md).
//
//   tarikh hijri 1438-09-01                  → 2017-05-27
//   tarikh hijri --to-hijri 2017-04-18       → 1438-07-21
//   tarikh hijri --json --calendar civil 1438-09-30
//
// Dates come from the command line or, one per line, from --input FILE. A date that is not
// of the form Y-M-D is a usage error on the command line (exit 2) and an input error in a
// file (exit 1); a well-formed date that does not exist (30 Ramadan 1438 under Umm al-Qura,
// 2017-02-29) is an input error (exit 1). Every date is still processed.
#include <CLI/CLI.hpp>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "tarikh/core/date.h"
#include "tarikh/core/hijri.h"

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
      "(1 Ramadan 1438). Prints the converted date, one line per input date.",
      "tarikh hijri"};
  std::vector<std::string> dates;
  std::string calendar_name = "umalqura", input;
  bool to_hijri = false, json = false;
  app.add_option("dates", dates, "dates to convert (Hijri unless --to-hijri)");
  app.add_flag("--to-hijri", to_hijri, "the dates are Gregorian; print their Hijri dates");
  app.add_option("--calendar", calendar_name,
                 "umalqura (Saudi Umm al-Qura, default), civil (tabular) or astronomical")
      ->check(CLI::IsMember({"umalqura", "civil", "astronomical"}));
  app.add_option("-i,--input", input, "also read dates from FILE, one per line ('-' = stdin)");
  app.add_flag("--json", json,
               "one JSON object per date: hijri, gregorian, calendar, weekday, iso_weekday, "
               "hijri_month_length");
  app.footer(
      "Exit codes: 0 ok, 1 a date does not exist or a line of --input is malformed (the\n"
      "others are still converted), 2 usage (bad flag, malformed date argument).\n"
      "Umm al-Qura is tabulated in ICU for about AH 1300-1600; outside it ICU uses the\n"
      "civil calendar.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help is a "parse error" too; anything else is a usage error with our exit code.
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  const HijriCalendar calendar =
      ParseHijriCalendar(calendar_name).value_or(HijriCalendar::kUmmAlQura);
  if (dates.empty() && input.empty()) {
    std::cerr << "tarikh hijri: no date given (try 'tarikh hijri 1438-09-01' or --help)\n";
    return kExitUsage;
  }

  // Command-line dates: all malformed ones are reported before anything is converted.
  std::vector<YearMonthDay> parsed(dates.size());
  bool usage_error = false;
  for (size_t i = 0; i < dates.size(); ++i) {
    if (Status st = ParseNumericDate(dates[i], &parsed[i]); !st.ok()) {
      PrintError("argument " + std::to_string(i + 1) + " '" + dates[i] + "'", st);
      usage_error = true;
    }
  }
  if (usage_error) return kExitUsage;

  int exit_code = kExitOk;
  for (size_t i = 0; i < parsed.size(); ++i) {
    Result<Conversion> c = Convert(parsed[i], to_hijri, calendar);
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
