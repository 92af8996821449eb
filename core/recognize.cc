// SPDX-License-Identifier: MIT
// The recognizers of the tagger: small pattern functions over token classes, each returning
// the token end of what it matched (0 = nothing) and describing it as a Partial that
// resolve.cc turns into a TIMEX3 value. Best() tries them all at one token; the longest wins.
#include <algorithm>
#include <string>

#include "recognizer.h"

namespace tarikh::internal {

bool Recognizer::FutureAround(size_t i) const {
  // The clause: up to 8 tokens back, stopping at a sentence break.
  for (size_t k = i, steps = 0; steps < 8; ++steps) {
    if (toks_[k].fut) return true;
    if (toks_[k].break_before || k == 0) break;
    --k;
  }
  return false;
}

size_t Recognizer::Number(size_t i, int64_t* value) const {
  if (i >= n()) return 0;
  if (IsDigits(i)) {
    if (toks_[i].ndig > 9) return 0;
    size_t j = i + 1;
    // "12,5" / "2.000": a decimal or grouped number is not a count of units we handle.
    if ((IsPunct(j, ',') || IsPunct(j, '.')) && IsDigits(j + 1) && !toks_[j].space_before &&
        !toks_[j + 1].space_before) {
      return 0;
    }
    *value = toks_[i].num;
    return i + 1;
  }
  int64_t total = 0;
  size_t j = i;
  bool any = false;
  while (j < n()) {
    if (any && !toks_[j].wa) break;
    const LexEntry* e = nullptr;
    size_t len = Phrase(j, Cls::kNum, &e);
    if (!len || e->attr == "big") break;
    if (any && len == 1 && toks_[j].stem != toks_[j].full && toks_[j].prep) break;
    int64_t v = e->ival;
    if (e->attr == "thou" && total > 0 && total < 1000) {
      total *= 1000;
    } else {
      total += v;
    }
    any = true;
    j += len;
    if (j < n() && !toks_[j].wa) break;
  }
  if (!any) return 0;
  // N آلاف: thousands.
  *value = total;
  return j;
}

size_t Recognizer::Year(size_t i, int* year, bool* hijri, bool need_cue) const {
  *hijri = false;
  int64_t v = 0;
  size_t j;
  if (IsDigits(i)) {
    if (toks_[i].ndig > 4) return 0;
    v = toks_[i].num;
    j = i + 1;
    if ((IsPunct(j, ',') || IsPunct(j, '.')) && IsDigits(j + 1) && !toks_[j].space_before) return 0;
    if (IsPunct(j, '/') || IsPunct(j, '-')) {
      if (IsDigits(j + 1) && toks_[j + 1].ndig <= 2 && !toks_[j].space_before) return 0;
    }
  } else {
    j = Number(i, &v);
    if (!j || v < 1000) return 0;
  }
  if (v < 1 || v > 2200) return 0;
  const LexEntry* era = nullptr;
  size_t el = Joined(j) ? Phrase(j, Cls::kEra, &era) : 0;
  if (el) {
    *hijri = era->value == "AH";
    if (era->value == "BC") return 0;
    j += el;
  }
  if (need_cue && !el) {
    if (toks_[i].ndig != 4 || v < 1000) return 0;
  }
  // A count: "2000 مقاتل", "12 ألفا".
  if (j < n() && (Has(j, Cls::kCount) || (Has(j, Cls::kNum) && E(j, Cls::kNum)->attr == "big"))) {
    return 0;
  }
  *year = static_cast<int>(v);
  return j;
}

size_t Recognizer::DayNumber(size_t i, int* day) const {
  if (IsDigits(i) && toks_[i].ndig <= 2 && toks_[i].num >= 1 && toks_[i].num <= 31) {
    *day = static_cast<int>(toks_[i].num);
    return i + 1;
  }
  const LexEntry* e = nullptr;
  size_t len = Phrase(i, Cls::kOrd, &e);
  if (len && e->attr == "m") {
    *day = e->ival;
    return i + len;
  }
  return 0;
}

size_t Recognizer::MonthName(size_t i, int* month) const {
  const LexEntry* e = nullptr;
  size_t len = Phrase(i, Cls::kMonth, &e);
  if (!len) return 0;
  *month = e->ival;
  size_t j = i + len;
  // The double form "تشرين الأول / أكتوبر", "أكتوبر (تشرين الأول)", "شباط - فبراير".
  size_t k = j;
  bool paren = false;
  if (IsPunct(k, '/') || IsPunct(k, '-') || IsPunct(k, ',')) {
    ++k;
  } else if (IsPunct(k, '(')) {
    ++k;
    paren = true;
  }
  if (k != j) {
    const LexEntry* e2 = nullptr;
    size_t len2 = Phrase(k, Cls::kMonth, &e2);
    if (len2 && e2->ival == e->ival) {
      k += len2;
      if (paren) {
        if (!IsPunct(k, ')')) return j;
        ++k;
      }
      return k;
    }
  }
  return j;
}

size_t Recognizer::Core(size_t i, Partial* p) const {
  // Callers probe one token past a match ("DAY MONTH" then a year?), so i may be the end.
  if (i >= toks_.size()) return 0;
  // Every sub-recognizer below looks at token i only through these classes or its digits
  // (see kCoreStart); any other token starts none of them.
  const Tok& t = toks_[i];
  if (t.kind != TokKind::kNumber && !(t.g && (t.g->any_mask & kCoreStart))) return 0;
  const uint64_t cls = t.g ? t.g->any_mask : 0;
  const bool digits = t.kind == TokKind::kNumber;
  // *p holds the best match so far (written only when one is found, as callers expect).
  size_t best = 0;
  // Each sub-recognizer runs only when token i is a number (if it takes one there) or has one
  // of the classes it tests at i; a C++ one on a fresh Partial (a failed one may have filled
  // some fields), built in place: cheaper than resetting one by assignment from a temporary.
  auto consider = [&](bool num, uint64_t mask, size_t (Recognizer::*fn)(size_t, Partial*) const) {
    if (!(num && digits) && !(cls & mask)) return;
    Partial q;
    if (size_t e = (this->*fn)(i, &q); e > best) {
      best = e;
      *p = std::move(q);
    }
  };
  // A family of rules writes *p whole exactly when it finds a match ending past `best`: most
  // tries fail, and they cost no Partial.
  auto consider_family = [&](bool num, uint64_t mask, rules::Family f) {
    if (!(num && digits) && !(cls & mask)) return;
    if (size_t e = RuleFamily(f, i, p, best)) best = e;
  };
  constexpr uint64_t kUnit = Bit(Cls::kUnit);
  constexpr uint64_t kDem = Bit(Cls::kDem);
  constexpr uint64_t kOrd = Bit(Cls::kOrd);
  constexpr uint64_t kPod = Bit(Cls::kPod);
  consider_family(false, kPod, rules::Family::kPodExpr);
  consider_family(false, Bit(Cls::kDeictic), rules::Family::kDeicticExpr);
  consider_family(false, kUnit | Bit(Cls::kWeekday), rules::Family::kWeekdayExpr);
  consider_family(true, kOrd, rules::Family::kDayMonth);
  consider_family(false, kDem | kUnit | Bit(Cls::kMonth), rules::Family::kMonthExpr);
  consider_family(false, kDem | kUnit, rules::Family::kUnitRel);
  consider_family(true, kUnit, rules::Family::kYearExpr);
  consider_family(false, Bit(Cls::kPeriod) | kUnit | Bit(Cls::kDecade),
                  rules::Family::kDecadeCentury);
  consider_family(false, kUnit, rules::Family::kCenturyExpr);
  consider_family(false, kDem | Bit(Cls::kSeasonhead) | Bit(Cls::kSeason),
                  rules::Family::kSeasonExpr);
  // Every NumericDate rule has a separator right after the first number (numeric_dates.rules):
  // a number followed by anything else is not tried.
  if (i + 1 < toks_.size() && toks_[i + 1].kind == TokKind::kPunct) {
    consider_family(true, 0, rules::Family::kNumericDate);
  }
  consider(true, kPod | Bit(Cls::kHour) | kOrd, &Recognizer::ClockTime);
  consider(false, kPod, &Recognizer::PodAlone);
  consider_family(true, kOrd | kUnit | Bit(Cls::kHmonth), rules::Family::kHijriExpr);
  consider_family(false, Bit(Cls::kHoliday), rules::Family::kHolidayExpr);
  return best;
}

size_t Recognizer::DateWithPart(size_t i, Partial* p) const {
  // WEEKEND (+REL): "نهاية الأسبوع الماضي" = last weekend (rules: Weekend, which open with
  // WEEKEND; tested here, as Core gates its families: most tokens have no such class).
  if (toks_[i].g && (toks_[i].g->any_mask & Bit(Cls::kWeekend))) {
    if (size_t e = RuleFamily(rules::Family::kWeekend, i, p)) return e;
  }
  const LexEntry* part = nullptr;
  const LexEntry* phrase = nullptr;
  // A PART word that opens a part-of-day or deictic phrase is not a modifier there: "أول أمس"
  // is the day before yesterday, not the start of yesterday.
  if (size_t plen = Phrase(i, Cls::kPart, &part);
      plen && !Phrase(i, Cls::kPod, &phrase) && !Phrase(i, Cls::kDeictic, &phrase)) {
    size_t j = i + plen;
    if (PrepIs(j, "min")) ++j;
    Partial q;
    size_t e = Core(j, &q);
    if (!e) {
      // "أوائل العشرين" after a century: an ordinal ≥ 11 alone is a century.
      const LexEntry* o = nullptr;
      if (size_t len = Phrase(j, Cls::kOrd, &o); len && o->ival >= 11 && o->ival <= 21) {
        q = {};
        q.century = o->ival - 1;
        e = j + len;
      }
    }
    if (!e) {
      // "نهاية الشهر", "بقية الأسبوع", "منتصف العام": a part of the current unit.
      const LexEntry* u = E(j, Cls::kUnit);
      if (u && u->attr == "sg" && StartsWith(toks_[j].stem, kAl) && !toks_[j].prep) {
        const std::string_view v = u->value;
        q = {};
        q.unit = v == "Y"   ? Granularity::kYear
                 : v == "M" ? Granularity::kMonth
                 : v == "W" ? Granularity::kWeek
                 : v == "D" ? Granularity::kDay
                            : Granularity::kNone;
        if (q.unit != Granularity::kNone) e = j + 1;
      }
    }
    // A part of day ("في وقت متأخر من الليل", "أواخر الصباح") is a TIME with the mod.
    const bool pod_time = q.type == TimexType::kTime && q.pod != kUnset && q.hour == kUnset;
    if (e && q.literal.empty() && (q.type == TimexType::kDate || pod_time)) {
      *p = q;
      p->mod = part->value == "START" ? TimexMod::kStart
               : part->value == "MID" ? TimexMod::kMid
                                      : TimexMod::kEnd;
      return e;
    }
    return 0;
  }
  // "السنوات الأخيرة من القرن العشرين" = the end of the century.
  if (const LexEntry* u = E(i, Cls::kUnit);
      u && u->attr == "pl" && StartsWith(toks_[i].stem, kAl)) {
    const LexEntry* r = E(i + 1, Cls::kRel);
    if (r && (r->attr == "last" || r->ival < 0) && PrepIs(i + 2, "min")) {
      Partial q;
      if (size_t e = Core(i + 3, &q); e && q.literal.empty()) {
        *p = q;
        p->mod = TimexMod::kEnd;
        return e;
      }
    }
  }
  return Core(i, p);
}

size_t Recognizer::Duration(size_t i, Partial* p, bool* ago) const {
  *ago = false;
  size_t j = i;
  TimexMod mod = TimexMod::kNone;
  bool qabl = false;
  bool baad = false;
  if (PrepIs(j, "qabl") && toks_[j].stem == toks_[j].full) {
    qabl = true;
    ++j;
  } else if (PrepIs(j, "baad") && toks_[j].stem == toks_[j].full) {
    baad = true;
    ++j;
  }
  const LexEntry* q = nullptr;
  if (size_t len = Phrase(j, Cls::kQmod, &q); len && q->attr == "pre") {
    mod = *ParseTimexMod(q->value);
    j += len;
  }
  int64_t count = -1;
  bool vague = false;
  size_t k = j;
  // A fraction of a unit ("نصف ساعة" = PT0.5H, "ربع قرن") or a decimal count ("3.5 سنوات"):
  // written as a decimal on that unit (ISO 8601 allows it on the last unit; timex3.md).
  std::string frac;
  if (const LexEntry* fr = E(j, Cls::kFrac); fr && fr->ival != 20 && E(j + 1, Cls::kUnit)) {
    frac = fr->ival == 30 ? "0.5" : "0.25";
    k = j + 1;
  } else if (IsDigits(j) && (IsPunct(j + 1, '.') || IsPunct(j + 1, ',')) && IsDigits(j + 2) &&
             !toks_[j + 1].space_before && !toks_[j + 2].space_before && toks_[j].ndig <= 6 &&
             E(j + 3, Cls::kUnit)) {
    frac = std::string(toks_[j].full) + "." + std::string(toks_[j + 2].full);
    k = j + 3;
  } else if (const LexEntry* vg = E(j, Cls::kVague); vg && vg->attr == "pre") {
    vague = true;
    k = j + 1;
  } else if (size_t e = Number(j, &count)) {
    k = e;
    // "الـ24 ساعة"
  } else if (j < n() && toks_[j].full == kAl && IsDigits(j + 1)) {
    count = toks_[j + 1].num;
    k = j + 2;
  }
  const LexEntry* u = E(k, Cls::kUnit);
  if (!u) return 0;
  const std::string_view a = u->attr;
  const bool def = StartsWith(toks_[k].stem, kAl);
  size_t e = k + 1;
  if (!frac.empty()) {
    if (a != "sg" && a != "pl" && a != "acc") return 0;
    // "نصف العام" is mid-year; only hours and minutes take the article here ("نصف الساعة").
    if (def && u->value != "H" && u->value != "MIN") return 0;
    if (qabl) return 0;
    count = 1;
  } else if (count >= 0) {
    if (a == "du" || a == "cs") return 0;
    if (count == 0 || count > 100000) return 0;
    if (a == "sg" && def) return 0;  // "3 العام" is nothing
  } else if (a == "du") {
    count = 2;
    if (def) {
      // "السنتين الأخيرتين", "العامين الماضيين"
      const LexEntry* r = E(e, Cls::kRel);
      if (!r || r->ival > 0 || r->attr == "ana") {
        if (!r) return 0;
      }
      ++e;
    }
  } else if (a == "acc") {
    // "شهرا" alone = one month; عاما/يوما alone are often "general"/"once".
    if (u->value != "M" && u->value != "W") {
      if (i == 0 || !(Has(i - 1, Cls::kPrep))) return 0;
    }
    count = 1;
  } else if (vague) {
    if (a != "pl") return 0;
  } else if (a == "sg" && !def && (mod != TimexMod::kNone)) {
    count = 1;  // "أكثر من عام"
  } else if (a == "sg" && def && i > 0 && PrepIs(i - 1, "over") && !Has(e, Cls::kRel)) {
    count = 1;  // "على مدار السنة": the whole year, a duration
  } else if (a == "pl") {
    // Vague plurals: "السنوات الأخيرة" (PXY), "سنوات طويلة", "بضعة أشهر", "عدة أشهر".
    if (def) {
      size_t r0 = e;
      int64_t c2 = -1;
      if (size_t ne = Number(r0, &c2)) {
        r0 = ne;
      } else if (r0 < n() && toks_[r0].full == kAl && IsDigits(r0 + 1)) {
        c2 = toks_[r0 + 1].num, r0 += 2;
      } else if (r0 < n() && StartsWith(toks_[r0].full, kAl) && !toks_[r0].g) {
        // "الأسابيع الثلاثة الماضية": a cardinal agreeing with the article.
        if (const LexGroup* g = lex_.Find(toks_[r0].full.substr(kAl.size()))) {
          for (const LexEntry& ne : lex_.Entries(*g)) {
            if (ne.cls == Cls::kNum && ne.nwords == 1 && ne.attr == "card") {
              c2 = ne.ival;
              ++r0;
              break;
            }
          }
        }
      } else if (const LexEntry* vp = E(r0, Cls::kVague); vp && vp->attr == "post") {
        ++r0;  // "الأيام القليلة الماضية": a vague count
      }
      const LexEntry* r = E(r0, Cls::kRel);
      if (!r) return 0;
      if (PrepIs(r0 + 1, "min")) {
        Partial probe;
        if (Core(r0 + 2, &probe)) return 0;  // "السنوات الأخيرة من القرن": a date
      }
      count = c2;
      vague = c2 < 0;
      e = r0 + 1;
    } else {
      vague = true;
      if (const LexEntry* vg = E(e, Cls::kVague); vg && vg->attr == "post") {
        ++e;  // "سنوات طويلة"
      } else {
        if (i == 0) return 0;
        if (!(Has(i - 1, Cls::kPrep) || toks_[i].prep)) return 0;
        // "سنوات الحرب", "أيام الظمأ": a construct with a noun is an era, not a duration.
        if (e < n() && toks_[e].kind == TokKind::kWord && StartsWith(toks_[e].full, kAl)) return 0;
      }
    }
  } else {
    // singular, no number: "عام واحد", "يوم كامل"; after لمدة/طوال ("لمدة ساعة"), after
    // قبل ("قبل شهر" = a month ago) or closing the clause after في ("في أسبوع").
    int64_t one;
    const bool closes = e >= n() || toks_[e].break_before || toks_[e].kind == TokKind::kPunct;
    // ل + unit ("ليوم كامل", "لساعة") but not ب/ك ("بعقد عرفي" = by a contract).
    const bool li = toks_[i].prep && toks_[i].full.substr(toks_[i].wa ? 2 : 0, 2) == kLam;
    const bool over = j == i && i > 0 && !toks_[i].wa && (PrepIs(i - 1, "over") || li) &&
                      u->value != "DE" && u->value != "CE";
    const bool fi = j == i && i > 0 && !toks_[i].wa && PrepIs(i - 1, "fi") && closes;
    if (size_t ne = Number(e, &one); ne && one == 1) {
      count = 1;
      e = ne;
    } else if (const LexEntry* full = E(e, Cls::kVague); full && full->attr == "full") {
      count = 1;
      ++e;
    } else if (a == "sg" && !def && (over || fi || (qabl && closes))) {
      count = 1;
    } else {
      return 0;
    }
  }
  // "ساعة ونصف", "ساعتين ونصف", "3 سنوات ونصف": one half more.
  if (frac.empty() && !vague && count > 0 && e < n() && toks_[e].wa && Has(e, Cls::kFrac) &&
      E(e, Cls::kFrac)->ival == 30 && !qabl) {
    frac = std::to_string(count) + ".5";
    ++e;
  }
  if (const LexEntry* pq = nullptr; Phrase(e, Cls::kQmod, &pq) && pq->attr == "post") {
    mod = *ParseTimexMod(pq->value);
    e += Phrase(e, Cls::kQmod, &pq);
  }
  const std::string_view unit = u->value;
  std::string v = "P";
  int64_t n2 = count;
  std::string des;
  if (unit == "Y")
    des = "Y";
  else if (unit == "M")
    des = "M";
  else if (unit == "W")
    des = "W";
  else if (unit == "D" || unit == "N")
    des = "D";
  else if (unit == "DE")
    des = "Y", n2 = count * 10;
  else if (unit == "CE")
    des = "Y", n2 = count * 100;
  else if (unit == "H")
    des = "TH";
  else if (unit == "MIN")
    des = "TM";
  else if (unit == "S")
    des = "TS";
  else
    return 0;
  if (baad) {
    // "بعد أسبوعين من الآن", "سنعود بعد 3 أيام" (future clause, nothing after): a date N
    // units after the DCT. Otherwise "بعد" is a signal and the duration starts after it.
    Granularity g = des == "Y"   ? Granularity::kYear
                    : des == "M" ? Granularity::kMonth
                    : des == "W" ? Granularity::kWeek
                    : des == "D" ? Granularity::kDay
                                 : Granularity::kNone;
    if (g == Granularity::kNone || vague || count <= 0 || !frac.empty()) return 0;
    const LexEntry* now = nullptr;
    if (PrepIs(e, "min") && Phrase(e + 1, Cls::kRef, &now) && now->value == "PRESENT_REF") {
      e += 1 + Phrase(e + 1, Cls::kRef, &now);
    } else if (!(FutureAround(i) &&
                 (e >= n() || toks_[e].break_before || toks_[e].kind == TokKind::kPunct))) {
      return 0;
    }
    p->unit = g;
    p->offset = static_cast<int>(n2);
    p->mod = mod;
    *ago = true;
    return e;
  }
  if (qabl && !vague && count > 0) {
    // "قبل خمسة وتسعين عاما" = a date N units before the DCT.
    Granularity g = des == "Y"   ? Granularity::kYear
                    : des == "M" ? Granularity::kMonth
                    : des == "W" ? Granularity::kWeek
                    : des == "D" ? Granularity::kDay
                                 : Granularity::kNone;
    if (g == Granularity::kNone) return 0;
    p->unit = g;
    p->offset = -static_cast<int>(n2);
    p->mod = mod;
    *ago = true;
    return e;
  }
  if (qabl) return 0;
  std::string num = vague ? std::string("X") : std::to_string(n2);
  if (!frac.empty()) {
    if (unit == "DE" || unit == "CE") return 0;
    num = frac;
  }
  if (des[0] == 'T') {
    v += "T" + num + des.substr(1);
  } else {
    v += num + des;
  }
  // "(24 ساعة)": a title in parentheses, not a duration.
  if (i > 0 && IsPunct(i - 1, '(') && IsPunct(e, ')')) return 0;
  p->type = TimexType::kDuration;
  p->literal = v;
  p->mod = mod;
  return e;
}

Match Recognizer::BestAt(size_t i) const {
  Match m;
  m.b = i;
  const Tok& t = toks_[i];
  // False friends first: a BLOCK phrase wins over anything starting at the same token.
  const LexEntry* b = nullptr;
  if (size_t len = Phrase(i, Cls::kBlock, &b)) {
    m.e = i + len;
    m.block = true;
    return m;
  }
  // Each recognizer runs only when token i is a number or has one of the classes it tests
  // at i (see kBestStart). A C++ one writes a fresh Partial and may fill some of its fields
  // before failing, but writes nothing when it finds nothing (DateWithPart, Duration): while
  // nothing has matched m.p is still fresh and takes its result directly, else it runs on a
  // Partial of its own (built in place: cheaper than resetting one).
  auto consider = [&](auto&& recognize) {
    if (m.e == 0) {
      if (size_t e = recognize(&m.p)) m.e = e;
    } else if (Partial q; size_t e = recognize(&q)) {
      if (e > m.e) {
        m.e = e;
        m.p = std::move(q);
      }
    }
  };
  const uint64_t cls = t.g ? t.g->any_mask : 0;
  // The families of rules write m.p whole exactly when they find a match ending past m.e (as
  // in Core).
  auto family = [&](rules::Family f) {
    if (size_t e = RuleFamily(f, i, &m.p, m.e)) m.e = e;
  };
  // "يومي 10 و 11 أبريل": the first day of a list takes the month of the last item (rules).
  if (cls & Bit(Cls::kUnit)) family(rules::Family::kDayList);
  const bool digits = t.kind == TokKind::kNumber;
  const uint64_t kOrdUnit = Bit(Cls::kOrd) | Bit(Cls::kUnit);
  if (digits || (cls & Bit(Cls::kOrd))) family(rules::Family::kDayRange);
  if (digits || (cls & kOrdUnit)) family(rules::Family::kDayAlone);
  if (digits || (cls & (kCoreStart | Bit(Cls::kWeekend) | Bit(Cls::kPart)))) {
    consider([&](Partial* q) { return DateWithPart(i, q); });
  }
  // Duration also opens with قبل/بعد (of all prepositions) or the bare article of "الـ24 ساعة".
  if (digits || t.full == kAl ||
      (cls &
       (Bit(Cls::kQmod) | Bit(Cls::kFrac) | Bit(Cls::kVague) | Bit(Cls::kNum) | Bit(Cls::kUnit))) ||
      ((cls & Bit(Cls::kPrep)) && (PrepIs(i, "qabl") || PrepIs(i, "baad")))) {
    bool ago = false;
    consider([&](Partial* q) { return Duration(i, q, &ago); });
  }
  if (cls & (Bit(Cls::kSet) | Bit(Cls::kUnit) | Bit(Cls::kEvery))) family(rules::Family::kSetExpr);
  if (cls & Bit(Cls::kRef)) family(rules::Family::kRefExpr);
  // A date joined with a clock time, in either order.
  if (m.valid()) {
    if (size_t e = MergeDateTime(m.b, m.e, &m.p)) m.e = e;
  }
  // A leading approximator on a date: "نحو منتصف العام".
  return m;
}

}  // namespace tarikh::internal
