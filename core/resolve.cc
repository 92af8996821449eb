// SPDX-License-Identifier: MIT
#include "resolve.h"

#include <climits>
#include <cstdlib>
#include <string>

#include "tarikh/core/hijri.h"

namespace tarikh::internal {
namespace {

// printf's "%d" / "%0Nd" / "%Nd" of v, appended to *out.
void AppendInt(std::string* out, int v, int width, bool zero) {
  char digits[12];
  int n = 0;
  unsigned u = v < 0 ? 0u - static_cast<unsigned>(v) : static_cast<unsigned>(v);
  do {
    digits[n++] = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u);
  const int pad = width - n - (v < 0 ? 1 : 0);
  if (!zero && pad > 0) out->append(pad, ' ');
  if (v < 0) out->push_back('-');
  if (zero && pad > 0) out->append(pad, '0');
  while (n) out->push_back(digits[--n]);
}

// snprintf(f, a, b, c) for formats of literal text and "%d" conversions with an optional
// zero flag and width (all this file uses). Written out because snprintf costs some 800
// instructions per value, and every emitted timex formats one to three.
std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  const int args[3] = {a, b, c};
  int next = 0;
  std::string out;
  for (; *f; ++f) {
    if (*f != '%') {
      out.push_back(*f);
      continue;
    }
    ++f;
    const bool zero = *f == '0';
    if (zero) ++f;
    int width = 0;
    for (; *f >= '0' && *f <= '9'; ++f) width = width * 10 + (*f - '0');
    // *f == 'd'
    AppendInt(&out, args[next++], width, zero);
  }
  return out;
}

int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// ISO week of a day number: year and week.
void IsoWeek(int32_t dn, int* wyear, int* week) {
  const int wd = IsoWeekday(dn);
  const int32_t thursday = dn - (wd - 1) + 3;
  int y, m, d;
  CivilFromDayNumber(thursday, &y, &m, &d);
  *wyear = y;
  *week = (thursday - DayNumber(y, 1, 1)) / 7 + 1;
}

int32_t IsoWeekMonday(int wyear, int week) {
  const int32_t jan4 = DayNumber(wyear, 1, 4);
  return jan4 - (IsoWeekday(jan4) - 1) + (week - 1) * 7;
}

void SetDay(int32_t dn, Timex* out) {
  // FormatDayNumber's text, without its snprintf.
  int y, m, d;
  CivilFromDayNumber(dn, &y, &m, &d);
  out->value = Fmt("%04d-%02d-%02d", y, m, d);
  out->granularity = Granularity::kDay;
  out->interval = {dn, dn + 1};
}

void SetMonth(int y, int m, Timex* out) {
  out->value = Fmt("%04d-%02d", y, m);
  out->granularity = Granularity::kMonth;
  out->interval = {DayNumber(y, m, 1), DayNumber(y, m, 1) + DaysInMonth(y, m)};
}

void SetYear(int y, Timex* out) {
  out->value = Fmt("%04d", y);
  out->granularity = Granularity::kYear;
  out->interval = {DayNumber(y, 1, 1), DayNumber(y + 1, 1, 1)};
}

// Quarter q (1-4) of year y: "الربع الثالث من 2016" = 2016-Q3.
void SetQuarter(int y, int q, Timex* out) {
  out->value = Fmt("%04d-Q%d", y, q);
  out->granularity = Granularity::kQuarter;
  out->interval = {DayNumber(y, q * 3 - 2, 1),
                   q == 4 ? DayNumber(y + 1, 1, 1) : DayNumber(y, q * 3 + 1, 1)};
}

// A year with `nth` set and no month or weekday names a part of it: nth 1-4 is that quarter
// (YYYY-Qn), nth 11 and 12 the first and second half (YYYY-H1, YYYY-H2; core/data/rules/
// quarters.rules and halves.rules).
bool IsPartOfYear(const Partial& p) {
  return ((p.nth >= 1 && p.nth <= 4) || p.nth == 11 || p.nth == 12) && p.month == kUnset &&
         p.weekday == kUnset;
}

void SetPartOfYear(int y, int nth, Timex* out) {
  if (nth <= 4) {
    SetQuarter(y, nth, out);
    return;
  }
  const int h = nth - 10;
  out->value = Fmt("%04d-H%d", y, h);
  out->granularity = Granularity::kHalf;
  out->interval = {DayNumber(y, h * 6 - 5, 1),
                   h == 2 ? DayNumber(y + 1, 1, 1) : DayNumber(y, 7, 1)};
}

// The n-th ISO weekday of month m of year y; n = -1 is the last one ("آخر جمعة من الشهر").
int32_t NthWeekday(int y, int m, int weekday, int n) {
  if (n < 0) {
    const int32_t last = DayNumber(y, m, 1) + DaysInMonth(y, m) - 1;
    return last - (IsoWeekday(last) - weekday + 7) % 7;
  }
  const int32_t first = DayNumber(y, m, 1);
  return first + (weekday - IsoWeekday(first) + 7) % 7 + 7 * (n - 1);
}

}  // namespace

bool Resolve(const Partial& p, const ResolveContext& ctx, Timex* out) {
  const Dct& dct = ctx.dct;
  const int32_t today = DayNumber(dct);
  const bool future = ctx.future;
  out->type = p.type;
  out->mod = p.mod;
  out->granularity = Granularity::kNone;
  out->interval = DayInterval{};
  out->temporal_function = false;
  out->anchor = -1;

  if (!p.literal.empty()) {
    out->value = p.literal;
    if (p.literal == "PRESENT_REF") {
      out->interval = {today, today + 1};
      out->temporal_function = true;
    } else if (p.literal == "PAST_REF") {
      out->interval = {DayInterval::kMinusInfinity, today + 1};
      out->temporal_function = true;
    } else if (p.literal == "FUTURE_REF") {
      out->interval = {today, DayInterval::kPlusInfinity};
      out->temporal_function = true;
    }
    return true;
  }

  // --- Relative to an anchor (DCT or the last mentioned time) ---
  if (p.unit != Granularity::kNone) {
    const Anchor* a = p.anaphoric && ctx.anchor && ctx.anchor->set ? ctx.anchor : nullptr;
    out->temporal_function = true;
    if (a && a->granularity < p.unit) {
      // The antecedent is coarser than the unit ("اليوم التالي" after "العام 1913"): the
      // best we can say is the antecedent itself.
      out->value = a->value;
      out->granularity = a->granularity;
      out->interval = {a->begin, a->end};
      return true;
    }
    const int by = a ? a->year : dct.year;
    const int bm = a ? a->month : dct.month;
    const int32_t bday = a ? (a->granularity >= Granularity::kDay ? a->begin : a->begin) : today;
    switch (p.unit) {
      case Granularity::kCentury: {
        const int c = FloorDiv(by, 100) + p.offset;
        out->value = Fmt("%02d", c);
        out->granularity = Granularity::kCentury;
        out->interval = {DayNumber(c * 100, 1, 1), DayNumber(c * 100 + 100, 1, 1)};
        break;
      }
      case Granularity::kDecade: {
        const int d = FloorDiv(by, 10) + p.offset;
        out->value = Fmt("%03d", d);
        out->granularity = Granularity::kDecade;
        out->interval = {DayNumber(d * 10, 1, 1), DayNumber(d * 10 + 10, 1, 1)};
        break;
      }
      case Granularity::kYear:
        if (IsPartOfYear(p)) {
          SetPartOfYear(by + p.offset, p.nth, out);
        } else {
          SetYear(by + p.offset, out);
        }
        break;
      case Granularity::kQuarter: {
        const int q0 = by * 4 + (bm - 1) / 3 + p.offset;
        const int y = FloorDiv(q0, 4), q = q0 - y * 4;
        out->value = Fmt("%04d-Q%d", y, q + 1);
        out->granularity = Granularity::kQuarter;
        out->interval = {DayNumber(y, q * 3 + 1, 1),
                         q == 3 ? DayNumber(y + 1, 1, 1) : DayNumber(y, q * 3 + 4, 1)};
        break;
      }
      case Granularity::kSeason: {
        // Season of the anchor, shifted. WI of year Y = Dec Y .. Feb Y+1.
        int s = (bm % 12) / 3;  // 0 WI(Dec-Feb) 1 SP 2 SU 3 FA
        int y = bm <= 2 ? by - 1 : by;
        int idx = y * 4 + s + p.offset;
        if (p.season != kUnset) {
          const int want = (p.season + 1) % 4;  // SP=1, SU=2, FA=3, WI=0 in this numbering
          int base = y * 4 + s;
          if (p.offset < 0) {
            idx = base - 1;
            while (((idx % 4) + 4) % 4 != want) --idx;
          } else if (p.offset > 0) {
            idx = base + 1;
            while (((idx % 4) + 4) % 4 != want) ++idx;
          } else {
            idx = base;
            while (((idx % 4) + 4) % 4 != want) ++idx;
          }
        }
        y = FloorDiv(idx, 4);
        s = idx - y * 4;
        static constexpr const char* kS[] = {"WI", "SP", "SU", "FA"};
        out->value = Fmt("%04d-", y) + kS[s];
        out->granularity = Granularity::kSeason;
        const int m0 = s == 0 ? 12 : s * 3;
        const int32_t b = DayNumber(y, m0, 1);
        out->interval = {b, b + 91};
        break;
      }
      case Granularity::kMonth: {
        const int m0 = by * 12 + (bm - 1) + p.offset;
        const int y = FloorDiv(m0, 12), m = m0 - y * 12 + 1;
        if (p.day != kUnset) {
          if (!IsValidDate(y, m, p.day)) return false;
          SetDay(DayNumber(y, m, p.day), out);
        } else if (p.nth != kUnset && p.weekday != kUnset) {
          // "أول جمعة من الشهر المقبل": the n-th weekday of that month.
          const int32_t dn = NthWeekday(y, m, p.weekday, p.nth);
          int dy, dm, dd;
          CivilFromDayNumber(dn, &dy, &dm, &dd);
          if (dm != m) return false;  // no fifth Sunday in that month
          SetDay(dn, out);
        } else {
          SetMonth(y, m, out);
        }
        break;
      }
      case Granularity::kWeek: {
        int wy, w;
        IsoWeek(bday, &wy, &w);
        const int32_t monday = IsoWeekMonday(wy, w) + 7 * p.offset;
        if (p.weekday != kUnset) {
          SetDay(monday + p.weekday - 1, out);
          break;
        }
        IsoWeek(monday, &wy, &w);
        out->value = Fmt("%04d-W%02d", wy, w) + (p.weekend ? "-WE" : "");
        out->granularity = Granularity::kWeek;
        out->interval =
            p.weekend ? DayInterval{monday + 5, monday + 7} : DayInterval{monday, monday + 7};
        break;
      }
      case Granularity::kDay:
      default:
        SetDay(bday + p.offset, out);
        break;
    }
  } else if (p.nth != kUnset && p.month != kUnset && p.weekday != kUnset) {
    // The n-th weekday of a month in the stated year, else the occurrence closest to the DCT.
    auto nth_day = [&](int y) { return NthWeekday(y, p.month, p.weekday, p.nth); };
    int32_t dn = 0;
    if (p.year != kUnset) {
      dn = nth_day(p.year);
    } else {
      int32_t best = INT32_MAX;
      for (int y = dct.year - 1; y <= dct.year + 1; ++y) {
        const int32_t d = nth_day(y);
        if (std::abs(d - today) < best) best = std::abs(d - today), dn = d;
      }
      out->temporal_function = true;
    }
    SetDay(dn, out);
  } else if (p.century != kUnset) {
    out->value = Fmt("%02d", p.century);
    out->granularity = Granularity::kCentury;
    out->interval = {DayNumber(p.century * 100, 1, 1), DayNumber(p.century * 100 + 100, 1, 1)};
  } else if (p.decade != kUnset) {
    out->value = Fmt("%03d", p.decade);
    out->granularity = Granularity::kDecade;
    out->interval = {DayNumber(p.decade * 10, 1, 1), DayNumber(p.decade * 10 + 10, 1, 1)};
  } else if (p.hmonth != kUnset || p.hyear != kUnset) {
    // Hijri fields.
    int hy = p.hyear;
    if (p.hmonth == kUnset) {
      // A Hijri year: the Gregorian year holding most of it.
      Result<int> y = MostlyGregorianYear(hy);
      if (!y.ok()) return false;
      SetYear(*y, out);
    } else {
      if (hy == kUnset) {
        int cy, cm, cd;
        if (!DayNumberToHijri(today, &cy, &cm, &cd).ok()) return false;
        const int want_day = p.hday == kUnset ? 1 : p.hday;
        const bool after = p.hmonth > cm || (p.hmonth == cm && want_day > cd);
        const bool before = p.hmonth < cm || (p.hmonth == cm && want_day < cd);
        hy = cy;
        Dir dir = p.dir == Dir::kByTense ? (future ? Dir::kFuture : Dir::kPast) : p.dir;
        if (dir == Dir::kPast && after) hy = cy - 1;
        if (dir == Dir::kFuture && before) hy = cy + 1;
        out->temporal_function = true;
      }
      if (p.hday != kUnset) {
        Result<int32_t> dn = HijriToDayNumber(hy, p.hmonth, p.hday);
        if (!dn.ok()) return false;
        SetDay(*dn, out);
      } else {
        Result<GregorianMonth> gm = MostlyGregorianMonth(hy, p.hmonth);
        if (!gm.ok()) return false;
        SetMonth(gm->year, gm->month, out);
      }
    }
  } else if (p.year != kUnset) {
    const int y = p.year;
    if (p.month != kUnset) {
      if (p.day != kUnset) {
        if (!IsValidDate(y, p.month, p.day)) return false;
        SetDay(DayNumber(y, p.month, p.day), out);
      } else {
        SetMonth(y, p.month, out);
      }
    } else if (IsPartOfYear(p)) {
      SetPartOfYear(y, p.nth, out);
    } else if (p.season != kUnset) {
      static constexpr const char* kS[] = {"SP", "SU", "FA", "WI"};
      out->value = Fmt("%04d-", y) + kS[p.season];
      out->granularity = Granularity::kSeason;
      const int m0 = p.season == 3 ? 12 : 3 + 3 * p.season;
      const int32_t b = DayNumber(y, m0, 1);
      out->interval = {b, b + 91};
    } else {
      SetYear(y, out);
    }
  } else if (p.month != kUnset) {
    // A month (and maybe a day) without a year.
    const int m = p.month, d = p.day == kUnset ? 0 : p.day;
    const int cur = dct.month * 100 + (p.day == kUnset ? 0 : dct.day);
    const int want = m * 100 + d;
    Dir dir = p.dir == Dir::kByTense ? (future ? Dir::kFuture : Dir::kPast) : p.dir;
    int y = dct.year;
    if (dir == Dir::kNone && p.day != kUnset) {
      // No cue at all (a holiday): the occurrence closest to the DCT.
      int32_t best_dist = INT32_MAX;
      for (int cy = dct.year - 1; cy <= dct.year + 1; ++cy) {
        if (!IsValidDate(cy, m, p.day)) continue;
        const int32_t dist = std::abs(DayNumber(cy, m, p.day) - today);
        if (dist < best_dist) best_dist = dist, y = cy;
      }
    } else if (dir == Dir::kPast) {
      // الماضي: strictly before the DCT's month; bare past: on or before.
      if (p.dir == Dir::kPast ? want >= cur : want > cur) y = dct.year - 1;
    } else if (dir == Dir::kFuture) {
      if (p.dir == Dir::kFuture ? want <= cur : want < cur) y = dct.year + 1;
    }
    out->temporal_function = true;
    if (p.day != kUnset) {
      if (p.day > 31 || (m == 2 && p.day > 29) || p.day > DaysInMonth(2000, m)) return false;
      if (!IsValidDate(y, m, p.day)) return false;
      SetDay(DayNumber(y, m, p.day), out);
    } else {
      SetMonth(y, m, out);
    }
  } else if (p.weekday != kUnset) {
    const int wd = IsoWeekday(today);
    Dir dir = p.dir == Dir::kByTense ? (future ? Dir::kFuture : Dir::kPast) : p.dir;
    int32_t dn;
    if (dir == Dir::kFuture) {
      int delta = (p.weekday - wd + 7) % 7;
      if (p.dir == Dir::kFuture && delta == 0) delta = 7;
      dn = today + delta;
    } else if (dir == Dir::kCurrent) {
      dn = today + (p.weekday - wd);
    } else {
      int delta = (wd - p.weekday + 7) % 7;
      if (p.dir == Dir::kPast && delta == 0) delta = 7;
      dn = today - delta;
    }
    out->temporal_function = true;
    SetDay(dn, out);
  } else if (p.season != kUnset) {
    static constexpr const char* kS[] = {"SP", "SU", "FA", "WI"};
    out->value = std::string("XXXX-") + kS[p.season];
  } else if (p.hour != kUnset || p.pod != kUnset || p.unknown_day) {
    out->value = "XXXX-XX-XX";
  } else {
    return false;
  }

  // --- Time of day on top of the date ---
  if (p.hour != kUnset || p.pod != kUnset) {
    out->type = TimexType::kTime;
    if (p.unknown_day || out->value.empty()) out->value = "XXXX-XX-XX";
    if (out->granularity != Granularity::kDay && out->value != "XXXX-XX-XX") {
      // A time needs a day; a coarser date means we do not know it.
      out->value = "XXXX-XX-XX";
      out->interval = DayInterval{};
    }
    if (p.hour != kUnset) {
      out->value += Fmt("T%02d:%02d", p.hour, p.minute == kUnset ? 0 : p.minute);
      out->granularity = p.minute == kUnset ? Granularity::kHour : Granularity::kMinute;
      if (p.second != kUnset) {
        out->value += Fmt(":%02d", p.second);
        out->granularity = Granularity::kSecond;
      }
    } else {
      out->value += std::string("T") + kPodCodes[p.pod];
      out->granularity = Granularity::kPartOfDay;
    }
  }
  return true;
}

}  // namespace tarikh::internal
