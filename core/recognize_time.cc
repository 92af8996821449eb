// SPDX-License-Identifier: MIT
// Recognizers for times of day: clock times ("الساعة 8:30 مساء", "السابعة والنصف صباحا",
// "340 مساء"), ranges of clock times ("من 5 إلى 6 مساء", "بين الساعة 4 و 5 عصرا"), parts of
// day on their own ("في الصباح", "بعد الظهر", "الليلة") and a date joined with a time
// ("غدا الساعة 8 مساء", "الساعة 9 صباحا يوم الأحد").
//
// A time range is emitted as its two endpoints (TimeML practice, arabic-temporal.md §9.4):
// the first endpoint borrows the part of day stated after the second ("من 5 إلى 6 مساء"
// = 17:00 and 18:00) and a bare second endpoint borrows it from the first
// ("من 1:30 بعد الظهر إلى 4" = 13:30 and 16:00).
#include <string>

#include "recognizer.h"

namespace tarikh::internal {
namespace {

int PodCode(std::string_view v) {
  for (int k = 0; k < 6; ++k) {
    if (v == kPodCodes[k]) return k;
  }
  return -1;
}

// 12 → 24 h for an hour followed by a part of day (arabic-temporal.md §10.1).
int ApplyPod(int hour, int pod, bool midnight) {
  switch (pod) {
    case 0:  // MO: 12 صباحا = 00
      return hour == 12 ? 0 : hour;
    case 1:  // MI: ظهرا 12 = 12, 1–5 = 13–17
      return hour >= 1 && hour <= 5 ? hour + 12 : hour;
    case 2:  // AF
    case 3:  // EV
      return hour < 12 ? hour + 12 : hour;
    case 4:  // NI: 7–11 → 19–23, 12 → 00, 1–5 stay
      // منتصف الليل after an hour: "الساعة 12 منتصف الليل" = 00:00, but "الساعة 1:00 منتصف
      // الليل" is one o'clock in the night, not midnight: the stated hour wins.
      if (hour == 12) return 0;
      if (midnight) return hour <= 5 ? hour : 0;
      return hour >= 6 && hour < 12 ? hour + 12 : hour;
    default:
      return hour;
  }
}

}  // namespace

size_t Recognizer::PodWord(size_t i, int* code, const LexEntry** e) const {
  size_t len = Phrase(i, Cls::kPod, e);
  if (!len) return 0;
  *code = PodCode((*e)->value);
  return *code < 0 ? 0 : i + len;
}

size_t Recognizer::ClockCore(size_t i, Clock* c) const {
  *c = Clock{};
  size_t j = i;
  if (Has(j, Cls::kHour)) {
    ++j;
    c->marked = true;
  }
  bool need_pod = false;
  bool word_hour = false;
  int hour, minute = kUnset, second = kUnset;
  if (IsDigits(j)) {
    const Tok& t = toks_[j];
    if (t.ndig <= 2) {
      hour = static_cast<int>(t.num);
      ++j;
      auto two_digits_after = [&](size_t k, bool loose) {
        return (IsPunct(k, ':') || (loose && (IsPunct(k, '.') || IsPunct(k, ',')))) &&
               IsDigits(k + 1) && toks_[k + 1].ndig == 2 && !toks_[k].space_before &&
               !toks_[k + 1].space_before;
      };
      if (two_digits_after(j, c->marked)) {
        minute = static_cast<int>(toks_[j + 1].num);
        c->marked = IsPunct(j, ':') || c->marked;
        j += 2;
        if (two_digits_after(j, false)) {
          second = static_cast<int>(toks_[j + 1].num);
          j += 2;
        }
      }
    } else if (t.ndig <= 4 && !c->marked) {
      // "340 مساء", "1140 صباحا": hours and minutes run together; only with a part of day.
      hour = static_cast<int>(t.num / 100);
      minute = static_cast<int>(t.num % 100);
      if (hour < 1 || hour > 12) return 0;
      need_pod = true;
      ++j;
    } else {
      return 0;
    }
  } else {
    // Hours are feminine ordinals with the article: السابعة، الحادية عشرة.
    const LexEntry* o = nullptr;
    size_t len = Phrase(j, Cls::kOrd, &o);
    if (!len || o->attr != "f" || o->ival > 12 || !StartsWith(toks_[j].stem, kAl)) return 0;
    hour = o->ival;
    j += len;
    word_hour = true;
  }
  if (hour > 24 || (minute != kUnset && minute > 59) || (second != kUnset && second > 59)) {
    return 0;
  }
  // Minutes: والنصف / وربع / و20 دقيقة / وخمسة وثلاثين / إلا ربعا / إلا خمس دقائق.
  if (minute == kUnset) {
    size_t k = j;
    const bool lone_waw = k < n() && toks_[k].full == kWaw && toks_[k].kind == TokKind::kWord;
    if (lone_waw) ++k;
    if (k < n() && (lone_waw || toks_[k].wa)) {
      int64_t mv = 0;
      if (Has(k, Cls::kFrac)) {
        minute = E(k, Cls::kFrac)->ival;
        j = k + 1;
      } else if (size_t e = Number(k, &mv); e && mv > 0 && mv < 60) {
        const LexEntry* u = E(e, Cls::kUnit);
        const bool unit = u && u->value == "MIN";
        // Without دقيقة a small number after و is more likely a second hour ("5 و 6 مساء").
        if (unit || mv > 12 || (word_hour && !IsDigits(k))) {
          minute = static_cast<int>(mv);
          j = unit ? e + 1 : e;
        }
      }
    } else if (Has(j, Cls::kExcept)) {
      int64_t mv = 0;
      if (Has(j + 1, Cls::kFrac)) {
        mv = E(j + 1, Cls::kFrac)->ival;
        j += 2;
      } else if (size_t e = Number(j + 1, &mv); e && mv > 0 && mv < 60) {
        const LexEntry* u = E(e, Cls::kUnit);
        if (!u || u->value != "MIN") mv = 0;
        j = mv ? e + 1 : j;
      }
      if (mv > 0) {
        minute = 60 - static_cast<int>(mv);
        hour = hour <= 1 ? 12 : hour - 1;
      }
    }
    if (minute != kUnset) c->marked = true;
  }
  // Part of day: صباحا، مساء، بعد الظهر، في الليل، منتصف الليل.
  size_t k = j;
  if (PrepIs(k, "fi")) ++k;
  int code = -1;
  const LexEntry* pe = nullptr;
  size_t pend = PodWord(k, &code, &pe);
  if (pend && k > j && pe->attr != "def") pend = 0;  // "في" + a definite part of day only
  if (pend && pe->attr == "deic") pend = 0;
  if (pend) {
    hour = ApplyPod(hour, code, pe->attr == "mid");
    c->pod = code;
    c->marked = true;
    j = pend;
  } else if (j < n() && toks_[j].kind == TokKind::kWord && toks_[j].full.size() == 2 && Joined(j) &&
             Has(j, Cls::kEra)) {
    // "م" right after a time is p.m. here (it is also the era mark; see the reference).
    if (hour < 12) hour += 12;
    c->pod = 3;
    c->marked = true;
    ++j;
  } else if (need_pod) {
    return 0;
  }
  if (second != kUnset) c->marked = true;
  c->hour = hour == 24 ? 0 : hour;
  c->minute = minute;
  c->second = second;
  return j;
}

// The start of the second endpoint after a time ending at e, or 0: "إلى/حتى X", "- X", "و X".
size_t Recognizer::TimeConnector(size_t e) const {
  if (e >= n()) return 0;
  if (PrepIs(e, "ila") || PrepIs(e, "hatta")) return e + 1;
  if (IsPunct(e, '-')) return e + 1;
  if (toks_[e].full == kWaw && toks_[e].kind == TokKind::kWord) return e + 1;
  if (toks_[e].wa) return e;  // "والسادسة"
  return 0;
}

bool Recognizer::RangeStart(size_t i) const {
  return i > 0 && (PrepIs(i - 1, "min") || PrepIs(i - 1, "bayn"));
}

size_t Recognizer::ClockTime(size_t i, Partial* p) const {
  Clock c;
  size_t e = 0;
  // A part of day before the time: "بعد الظهر الساعة 7", "مساء 7", "في الليل الخامسة والنصف".
  int lead = -1;
  const LexEntry* pe = nullptr;
  if (size_t pend = PodWord(i, &lead, &pe); pend && pe->attr != "deic") {
    size_t k = pend;
    if (PrepIs(k, "fi") || IsPunct(k, ',')) ++k;
    if (size_t ce = ClockCore(k, &c); ce && !Has(ce, Cls::kMonth) && !Has(ce, Cls::kUnit)) {
      if (c.pod < 0) {
        c.hour = ApplyPod(c.hour, lead, pe->attr == "mid");
        c.pod = lead;
      }
      c.marked = true;
      e = ce;
    }
  }
  if (!e) {
    e = ClockCore(i, &c);
    if (!e) return 0;
    bool ok = c.marked;
    const bool after_prep = i > 0 && !toks_[i].prep && !toks_[i].wa;
    // A range "من 5 إلى 6 مساء": the first endpoint takes the part of day of the second.
    if (size_t k = TimeConnector(e); k && (RangeStart(i) || c.marked || IsPunct(e, '-'))) {
      Clock c2;
      if (ClockCore(k, &c2) && (c.marked || c2.marked || (!IsDigits(i) && !IsDigits(k)))) {
        if (c.pod < 0 && c2.pod >= 0) {
          c.hour = ApplyPod(c.hour, c2.pod, false);
          c.pod = c2.pod;
        }
        ok = true;
      }
    }
    // A second endpoint without a part of day takes the one of the first ("من 1:30 بعد الظهر
    // إلى 4", "من 1:30 مساء إلى 3:30"); a bare one is a time only as such an endpoint.
    if ((!ok || c.pod < 0) && i >= 2) {
      const size_t conn = toks_[i].wa ? i : i - 1;
      if (TimeConnector(conn) == i) {
        for (size_t k = i >= 10 ? i - 10 : 0; k < conn; ++k) {
          Clock c0;
          if (ClockCore(k, &c0) == conn && (c0.marked || RangeStart(k))) {
            if (c.pod < 0 && c0.pod >= 0) {
              const int h = ApplyPod(c.hour, c0.pod, false);
              if (h >= c0.hour) c.hour = h;
            }
            ok = true;
            break;
          }
        }
      }
    }
    // "عند 7", "في السابعة": a bare hour right after a preposition, closing the clause.
    if (!ok && after_prep && (PrepIs(i - 1, "ind") || (!IsDigits(i) && Has(i - 1, Cls::kPrep)))) {
      ok = e >= n() || toks_[e].break_before || toks_[e].kind == TokKind::kPunct;
    }
    if (!ok) return 0;
  }
  p->hour = c.hour;
  p->minute = c.minute == kUnset ? 0 : c.minute;
  p->second = c.second;
  p->pod = c.pod >= 0 ? c.pod : kUnset;
  p->type = TimexType::kTime;
  p->unknown_day = true;
  return e;
}

size_t Recognizer::PodAlone(size_t i, Partial* p) const {
  int code = -1;
  const LexEntry* pe = nullptr;
  size_t e = PodWord(i, &code, &pe);
  if (!e) return 0;
  const std::string_view a = pe->attr;
  const bool multi = e > i + 1;
  if (a == "deic") {
    // "الليلة" = tonight.
    p->unit = Granularity::kDay;
    p->offset = 0;
    p->pod = code;
    p->type = TimexType::kTime;
    return e;
  }
  if (a == "mid") {
    // منتصف الليل / منتصف النهار: a point.
    p->hour = code == 4 ? 0 : 12;
    p->minute = 0;
    p->type = TimexType::kTime;
    p->unknown_day = true;
    return e;
  }
  // A definite part of day after a preposition ("في الصباح", "خلال المساء") or the
  // adverbial phrase "بعد الظهر": that part of an unknown day.
  // ... or right after a future verb, as its adverb ("سيصل الظهر", "سنلتقي المساء").
  const bool cue = i > 0 && !toks_[i].wa && !toks_[i].break_before &&
                   (Has(i - 1, Cls::kPrep) || toks_[i].prep || Has(i - 1, Cls::kPart) ||
                    (toks_[i - 1].fut && toks_[i - 1].kind == TokKind::kWord));
  if (!((a == "def" && cue) || (a == "adv" && multi))) return 0;
  // A definite part of day followed by a definite word that is no time word is another noun
  // with its adjective: "في العصر الحديث" (the modern era), "الفجر الجديد" (a new dawn).
  if (a == "def" && e < n() && toks_[e].kind == TokKind::kWord && !toks_[e].g &&
      !toks_[e].break_before && StartsWith(toks_[e].full, kAl)) {
    return 0;
  }
  if (code == 1 && a == "def") {
    p->hour = 12;  // "في الظهيرة": noon as a point
    p->minute = 0;
  } else {
    p->pod = code;
  }
  p->type = TimexType::kTime;
  p->unknown_day = true;
  return e;
}

size_t Recognizer::MergeDateTime(size_t b, size_t e, Partial* p) const {
  (void)b;
  // A set of a part of day ("كل ليلة", "كل صباح": XXXX-XX-XXTNI) takes a clock time after it
  // ("كل ليلة في 9" = every night at 21:00), the part of day deciding the half of the day.
  int set_pod = -1;
  if (p->type == TimexType::kSet && StartsWith(p->literal, "XXXX-XX-XXT") &&
      p->literal.size() == 13) {
    set_pod = PodCode(std::string_view(p->literal).substr(11));
    if (set_pod < 0) return 0;
  } else if (!p->literal.empty() &&
             !(p->type == TimexType::kSet && StartsWith(p->literal, "XXXX-WXX-"))) {
    return 0;
  }
  const bool day_level =
      p->type != TimexType::kSet && p->hour == kUnset &&
      (p->day != kUnset || p->weekday != kUnset || p->hday != kUnset ||
       (p->unit == Granularity::kDay && !p->anaphoric) || (p->pod != kUnset && p->unknown_day));
  size_t j = e;
  if (IsPunct(j, ',')) ++j;
  if (p->hour == kUnset) {
    if (!(day_level || p->type == TimexType::kSet)) return 0;
    const LexEntry* q = nullptr;
    const bool via_fi = PrepIs(j, "fi");
    if (via_fi) {
      ++j;
    } else if (size_t len = Phrase(j, Cls::kQmod, &q); len && q->value == "APPROX") {
      j += len;
    }
    Partial t;
    size_t te = ClockTime(j, &t);
    const bool closes =
        j + 1 >= n() || toks_[j + 1].break_before || toks_[j + 1].kind == TokKind::kPunct;
    if (!te && IsDigits(j) && toks_[j].ndig <= 2 && toks_[j].num <= 12 &&
        (p->pod != kUnset || set_pod >= 0) && (via_fi || closes)) {
      // "الليلة في 7", "هذا الصباح في 7", "كل ليلة في 9": the part of day marks a bare hour
      // after في or closing the clause ("كل صباح 3 أقراص" is a count).
      Clock c;
      if (ClockCore(j, &c)) {
        t.hour = c.hour;
        t.minute = 0;
        te = j + 1;
      }
    }
    if (!te || t.hour == kUnset) return 0;
    int hour = t.hour;
    if (t.pod == kUnset && p->pod != kUnset) hour = ApplyPod(hour, p->pod, false);
    if (p->type == TimexType::kSet) {
      char buf[16];
      if (set_pod >= 0) {
        if (t.pod == kUnset) hour = ApplyPod(hour, set_pod, false);
        p->literal.resize(10);  // XXXX-XX-XX: the clock time replaces the part of day
      }
      std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, t.minute == kUnset ? 0 : t.minute);
      p->literal += buf;
      return te;
    }
    p->hour = hour;
    p->minute = t.minute;
    p->second = t.second;
    p->pod = kUnset;
    p->type = TimexType::kTime;
    return te;
  }
  // A time, then its day: "الساعة 8 مساء يوم الأحد", "الساعة 8 مساء، 1 يناير".
  if (!p->unknown_day) return 0;
  if (PrepIs(j, "fi") || PrepIs(j, "min")) ++j;
  Partial d;
  size_t de = Core(j, &d);
  if (!de) {
    d = {};
    de = RuleFamily(rules::Family::kSetExpr, j, &d);
    if (de && StartsWith(d.literal, "XXXX-WXX-") && d.literal.size() == 10) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "T%02d:%02d", p->hour, p->minute == kUnset ? 0 : p->minute);
      p->literal = d.literal + buf;
      p->type = TimexType::kSet;
      p->unknown_day = false;
      p->hour = p->minute = p->second = kUnset;
      p->pod = kUnset;
      return de;
    }
    return 0;
  }
  if (!d.literal.empty() || d.hour != kUnset || d.anaphoric) return 0;
  if (d.unknown_day && d.pod != kUnset && d.unit == Granularity::kNone) {
    // A part of an unknown day after the time ("الساعة 8 هذا المساء"): it decides the half of
    // the day, and the day stays unknown, as for "هذا المساء" alone. Two different parts of
    // day ("8 مساء هذا الصباح") are two expressions.
    if (p->pod != kUnset && p->pod != d.pod) return 0;
    if (p->pod == kUnset) p->hour = ApplyPod(p->hour, d.pod, false);
    return de;
  }
  if (!(d.day != kUnset || d.weekday != kUnset || d.hday != kUnset ||
        d.unit == Granularity::kDay)) {
    return 0;
  }
  int hour = p->hour;
  if (p->pod == kUnset && d.pod != kUnset) hour = ApplyPod(hour, d.pod, false);
  d.hour = hour;
  d.minute = p->minute;
  d.second = p->second;
  d.pod = kUnset;
  d.type = TimexType::kTime;
  d.unknown_day = false;
  *p = d;
  return de;
}

}  // namespace tarikh::internal
