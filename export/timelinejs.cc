// SPDX-License-Identifier: MIT
#include "tarikh/export/timelinejs.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "arabic_words.h"
#include "calendar_value.h"
#include "tarikh/export/escape.h"

namespace tarikh {
namespace {

using export_internal::ArabicWord;
using export_internal::CalendarValue;
using nlohmann::ordered_json;

std::string Word(std::string_view key) { return std::string(ArabicWord(key)); }

std::string MonthYear(int month, int year) {
  return Word("month." + std::to_string(month)) + " " + std::to_string(year);
}

std::string YearPhrase(int year) { return Word("year") + " " + std::to_string(year); }

std::string TwoDigits(int n) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string CalendarPhrase(const CalendarValue& v) {
  switch (v.granularity) {
    case Granularity::kMillennium:
    case Granularity::kCentury:
      return Word("century") + " " + std::to_string(v.year / 100 + 1);
    case Granularity::kDecade:
      return Word("decade") + " " + std::to_string(v.year);
    case Granularity::kYear:
      return YearPhrase(v.year);
    case Granularity::kHalf:
      return Word("half." + std::to_string(v.half)) + " " + Word("of") + " " + YearPhrase(v.year);
    case Granularity::kQuarter:
      return Word("quarter." + std::to_string(v.quarter)) + " " + Word("of") + " " +
             YearPhrase(v.year);
    case Granularity::kSeason:
      return Word("season." + std::string(v.season)) + " " + std::to_string(v.year);
    case Granularity::kMonth:
      return MonthYear(v.month, v.year);
    case Granularity::kWeek:
      return (v.weekend ? Word("weekend") : Word("week")) + " " + std::to_string(v.week) + " " +
             Word("of") + " " + YearPhrase(v.year);
    case Granularity::kPartOfDay:
      return Word("part." + std::string(v.part)) + " " + std::to_string(v.day) + " " +
             MonthYear(v.month, v.year);
    case Granularity::kHour:
    case Granularity::kMinute:
    case Granularity::kSecond:
      return std::to_string(v.day) + " " + MonthYear(v.month, v.year) + " " + TwoDigits(v.hour) +
             ":" + TwoDigits(std::max(v.minute, 0));
    default:
      return std::to_string(v.day) + " " + MonthYear(v.month, v.year);
  }
}

// A TimelineJS date object at exactly the stated granularity.
ordered_json DateObject(int year, int month = 0, int day = 0, int hour = -1, int minute = -1) {
  ordered_json d;
  d["year"] = year;
  if (month > 0) d["month"] = month;
  if (day > 0) d["day"] = day;
  if (hour >= 0) d["hour"] = hour;
  if (minute >= 0) d["minute"] = minute;
  return d;
}

ordered_json DayObject(int32_t day_number) {
  int y = 0, m = 0, d = 0;
  CivilFromDayNumber(day_number, &y, &m, &d);
  return DateObject(y, m, d);
}

// start_date and (for ranges such as weeks and quarters) end_date of a calendar value.
std::pair<ordered_json, ordered_json> SlideDates(const CalendarValue& v) {
  switch (v.granularity) {
    case Granularity::kMillennium:
    case Granularity::kCentury:
    case Granularity::kDecade: {
      int last = 0, m = 0, d = 0;
      CivilFromDayNumber(v.interval.end - 1, &last, &m, &d);
      return {DateObject(v.year), DateObject(last)};
    }
    case Granularity::kYear:
      return {DateObject(v.year), nullptr};
    case Granularity::kHalf:
    case Granularity::kQuarter:
    case Granularity::kSeason: {
      int y1 = 0, m1 = 0, d1 = 0, y2 = 0, m2 = 0, d2 = 0;
      CivilFromDayNumber(v.interval.begin, &y1, &m1, &d1);
      CivilFromDayNumber(v.interval.end - 1, &y2, &m2, &d2);
      return {DateObject(y1, m1), DateObject(y2, m2)};
    }
    case Granularity::kMonth:
      return {DateObject(v.year, v.month), nullptr};
    case Granularity::kWeek:
      return {DayObject(v.interval.begin), DayObject(v.interval.end - 1)};
    case Granularity::kHour:
    case Granularity::kMinute:
    case Granularity::kSecond:
      return {DateObject(v.year, v.month, v.day, v.hour, std::max(v.minute, 0)), nullptr};
    default:
      return {DateObject(v.year, v.month, v.day), nullptr};
  }
}

// TimelineJS sorts on the instant a date object denotes (missing parts are the first unit).
std::tuple<int, int, int, int, int> SortKey(const ordered_json& d) {
  auto part = [&](const char* k, int dflt) { return d.contains(k) ? d[k].get<int>() : dflt; };
  return {part("year", 0), part("month", 1), part("day", 1), part("hour", 0), part("minute", 0)};
}

std::string AsciiId(std::string_view id) {
  std::string out;
  for (char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_') {
      out += c;
    }
  }
  return out;
}

bool IsHttpUrl(std::string_view url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

std::string SourcesHtml(const Event& e, const std::map<std::string, const DocumentInfo*>& docs) {
  std::string out;
  std::set<std::string> seen;
  for (const SourceRef& s : e.sources) {
    if (!seen.insert(s.doc_id).second) continue;
    auto it = docs.find(s.doc_id);
    const DocumentInfo* d = it == docs.end() ? nullptr : it->second;
    std::string label = d && !d->source.empty() ? d->source + " (" + s.doc_id + ")" : s.doc_id;
    if (d && !d->title.empty()) label = d->title + " — " + label;
    if (!out.empty()) out += " · ";
    if (d && IsHttpUrl(d->url)) {
      out += "<a href=\"" + HtmlEscape(d->url) + "\" target=\"_blank\" rel=\"noopener\">" +
             HtmlEscape(label) + "</a>";
    } else {
      out += HtmlEscape(label);
    }
  }
  if (out.empty()) return out;
  return "<p class=\"tarikh-sources\">" + HtmlEscape(Word("label.sources")) + ": " + out + "</p>";
}

}  // namespace

std::string ArabicDateForValue(std::string_view value, TimexMod mod) {
  std::string body;
  if (std::optional<CalendarValue> v = export_internal::ParseCalendarValue(value)) {
    body = CalendarPhrase(*v);
  } else {
    std::string_view ref = ArabicWord("ref." + std::string(value));
    body = ref.empty() ? std::string(value) : std::string(ref);
  }
  if (mod == TimexMod::kNone) return body;
  std::string_view prefix = ArabicWord("mod." + std::string(TimexModName(mod)));
  return prefix.empty() ? body : std::string(prefix) + " " + body;
}

std::string ArabicDisplayDate(const Event& event) {
  return event.display_date.empty() ? ArabicDateForValue(event.value, event.mod)
                                    : event.display_date;
}

std::string WriteTimelineJs(const Timeline& timeline, const TimelineJsOptions& options,
                            std::vector<std::string>* warnings) {
  std::map<std::string, const DocumentInfo*> docs;
  for (const DocumentInfo& d : timeline.documents) docs.emplace(d.id, &d);

  struct Slide {
    ordered_json json;
    std::tuple<int, int, int, int, int> key;
  };
  std::vector<Slide> slides;
  std::set<std::string> ids;
  for (size_t i = 0; i < timeline.events.size(); ++i) {
    const Event& e = timeline.events[i];
    ordered_json start, end;
    if (std::optional<CalendarValue> v = export_internal::ParseCalendarValue(e.value)) {
      std::tie(start, end) = SlideDates(*v);
    } else if (Result<Dct> lo = ParseDct(e.earliest_start); lo.ok()) {
      // No calendar position in the value (e.g. PAST_REF): place it by the graph bounds.
      start = DateObject(lo->year, lo->month, lo->day);
      if (Result<Dct> hi = ParseDct(e.latest_end); hi.ok() && !(*hi == *lo)) {
        end = DateObject(hi->year, hi->month, hi->day);
      }
    } else {
      if (warnings) {
        warnings->push_back("event " + e.id + " (" + e.value +
                            ") has no calendar date; left out of the TimelineJS slides");
      }
      continue;
    }
    const std::string display = ArabicDisplayDate(e);
    start["display_date"] = HtmlEscape(display);  // inserted as HTML unsanitized: escape once
    ordered_json slide;
    slide["start_date"] = start;
    if (!end.is_null()) slide["end_date"] = end;
    slide["display_date"] = HtmlEscape(HtmlEscape(display));  // entities decoded once: twice
    ordered_json text;
    text["headline"] = HtmlEscape(e.headline);
    std::string body = e.sentence.empty() ? "" : "<p>" + HtmlEscape(e.sentence) + "</p>";
    text["text"] = body + SourcesHtml(e, docs);
    slide["text"] = text;
    if (options.group_by != TimelineJsOptions::GroupBy::kNone && !e.sources.empty()) {
      std::string group = e.sources[0].doc_id;
      auto it = docs.find(group);
      if (options.group_by == TimelineJsOptions::GroupBy::kSource && it != docs.end() &&
          !it->second->source.empty()) {
        group = it->second->source;
      }
      slide["group"] = HtmlEscape(HtmlEscape(group));
    }
    std::string id = AsciiId(e.id);
    if (id.empty() || !ids.insert(id).second) {
      id = "event-" + std::to_string(i);
      ids.insert(id);
    }
    slide["unique_id"] = id;
    slide["autolink"] = false;  // article text is not a place for live links
    slides.push_back({std::move(slide), SortKey(start)});
  }
  std::stable_sort(slides.begin(), slides.end(),
                   [](const Slide& a, const Slide& b) { return a.key < b.key; });

  ordered_json doc;
  if (options.title_slide) {
    std::string title = timeline.title.empty() ? Word("label.timeline") : timeline.title;
    doc["title"] = {
        {"text",
         {{"headline", HtmlEscape(title)},
          {"text", "<p>" + std::to_string(slides.size()) + " " + HtmlEscape(Word("label.events")) +
                       " · " + std::to_string(timeline.documents.size()) + " " +
                       HtmlEscape(Word("label.documents")) + "</p>"}}},
        {"unique_id", "tarikh-title"}};
  }
  doc["events"] = ordered_json::array();
  for (Slide& s : slides) doc["events"].push_back(std::move(s.json));
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace tarikh
