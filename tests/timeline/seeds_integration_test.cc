// SPDX-License-Identifier: MIT
// The seed check of issue #3: builds the timeline of fixtures/seeds (manifest DCTs) and
// compares it with fixtures/seeds/expected-events.json. Events are matched by their TIMEX3
// value plus one of the cue words in their sentence or headline, as the JSON describes.
//
// Two runs: with the gold TIMEX3 of fixtures/seeds/gold (tests the timeline stage alone),
// and with the real tagger (the whole pipeline; skipped while the tagger finds nothing).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tarikh/core/tagger.h"
#include "tarikh/core/utf8.h"
#include "tarikh/timeline/builder.h"

namespace tarikh {
namespace {

const std::string kSeeds = std::string(TARIKH_SOURCE_DIR) + "/fixtures/seeds/";

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Attr(const std::string& tag, const std::string& name) {
  size_t p = tag.find(" " + name + "=\"");
  if (p == std::string::npos) return "";
  p += name.size() + 3;
  return tag.substr(p, tag.find('"', p) - p);
}

// Days covered by a gold value (YYYY, YYYY-MM, YYYY-MM-DD); unbounded otherwise.
void FillInterval(Timex* t) {
  const std::string& v = t->value;
  auto num = [&](size_t pos, size_t len) { return std::stoi(v.substr(pos, len)); };
  bool digits4 = v.size() >= 4 && std::all_of(v.begin(), v.begin() + 4, ::isdigit);
  if (t->type == TimexType::kDuration || !digits4) return;
  int y = num(0, 4);
  if (v.size() == 4) {
    t->granularity = Granularity::kYear;
    t->interval = {DayNumber(y, 1, 1), DayNumber(y + 1, 1, 1)};
  } else if (v.size() == 7) {
    int m = num(5, 2);
    t->granularity = Granularity::kMonth;
    t->interval = {DayNumber(y, m, 1), m == 12 ? DayNumber(y + 1, 1, 1) : DayNumber(y, m + 1, 1)};
  } else if (v.size() == 10) {
    t->granularity = Granularity::kDay;
    int d0 = DayNumber(y, num(5, 2), num(8, 2));
    t->interval = {d0, d0 + 1};
  }
}

// Gold document: the TEXT of a .tml file with its TIMEX3 tags removed, and the timexes.
void ReadGold(const std::string& path, Document* doc, std::vector<Timex>* timexes) {
  std::string tml = Slurp(path);
  size_t b = tml.find("<TEXT>") + 6, e = tml.find("</TEXT>");
  std::string body = tml.substr(b, e - b), text;
  size_t i = 0;
  Timex open;
  while (i < body.size()) {
    if (body.compare(i, 8, "<TIMEX3 ") == 0) {
      size_t close = body.find('>', i);
      std::string tag = body.substr(i, close - i);
      open = Timex();
      open.type = *ParseTimexType(Attr(tag, "type"));
      open.value = Attr(tag, "value");
      open.mod = ParseTimexMod(Attr(tag, "mod")).value_or(TimexMod::kNone);
      open.begin = CountCodePoints(text);
      i = close + 1;
    } else if (body.compare(i, 9, "</TIMEX3>") == 0) {
      open.end = CountCodePoints(text);
      FillInterval(&open);
      timexes->push_back(open);
      i += 9;
    } else if (body[i] == '&') {
      size_t semi = body.find(';', i);
      std::string ent = body.substr(i, semi - i + 1);
      text += ent == "&amp;"    ? "&"
              : ent == "&lt;"   ? "<"
              : ent == "&gt;"   ? ">"
              : ent == "&quot;" ? "\""
                                : ent;
      i = semi + 1;
    } else {
      text += body[i++];
    }
  }
  doc->text = text;
}

struct Seeds {
  std::vector<Document> docs;
  std::vector<std::vector<Timex>> gold;
};

Seeds LoadSeeds() {
  Seeds s;
  auto manifest = nlohmann::json::parse(Slurp(kSeeds + "manifest.json"));
  for (const auto& entry : manifest["documents"]) {
    std::string file = entry["file"];
    std::string stem = file.substr(file.rfind('/') + 1);
    stem = stem.substr(0, stem.rfind('.'));
    Document d;
    d.id = stem;
    d.dct = *ParseDct(entry["dct"].get<std::string>());
    d.text = Slurp(kSeeds + file);
    std::vector<Timex> gold;
    Document g;
    ReadGold(kSeeds + "gold/" + stem + ".tml", &g, &gold);
    // Keep the DCT timex out: it is the document date, not text.
    s.docs.push_back(d);
    s.gold.push_back(gold);
    s.docs.back().text = g.text;
  }
  return s;
}

// Cue words match whole words of the sentence or headline, allowing a glued conjunction or
// preposition (و ف ب ل ك) but not the article: "سورية" is in "ليشمل سورية", not in
// "الأزمة السورية".
bool HasWord(const std::string& text, const std::string& cue) {
  static const std::vector<std::string> kProclitics = {"",  "و",  "ف",  "ب", "ل",
                                                       "ك", "وب", "ول", "فب"};
  auto is_word_byte = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && is_word_byte(text[j]) && text.compare(j, 2, "،") != 0) ++j;
    std::string word = text.substr(i, j - i);
    for (const std::string& p : kProclitics) {
      if (word == p + cue) return true;
    }
    i = j + (j < text.size() && text.compare(j, 2, "،") == 0 ? 2 : 0);
    if (j == i) ++i;
  }
  return false;
}

bool HasCue(const Event& e, const nlohmann::json& cues) {
  for (const auto& c : cues) {
    std::string cue = c;
    if (HasWord(e.sentence, cue) || HasWord(e.headline, cue)) return true;
  }
  return false;
}

bool Lists(const Event& e, const std::string& short_id) {
  for (const SourceRef& s : e.sources) {
    if (s.doc_id.rfind(short_id + "_", 0) == 0 || s.doc_id == short_id) return true;
  }
  return false;
}

std::vector<size_t> Matches(const Timeline& tl, const nlohmann::json& expected) {
  std::vector<size_t> out;
  for (size_t i = 0; i < tl.events.size(); ++i) {
    const Event& e = tl.events[i];
    if (e.value != expected["date"].get<std::string>()) continue;
    if (expected.contains("mod") && TimexModName(e.mod) != expected["mod"].get<std::string>())
      continue;
    if (HasCue(e, expected["cue"])) out.push_back(i);
  }
  return out;
}

std::string Dump(const Timeline& tl) {
  std::string s;
  for (const Event& e : tl.events) {
    s += e.id;
    s += " ";
    s += e.value;
    if (e.mod != TimexMod::kNone) {
      s += "/";
      s += TimexModName(e.mod);
    }
    s += " [" + e.earliest_start + ".." + e.latest_end + "] {";
    for (const SourceRef& r : e.sources) s += r.doc_id.substr(0, 3) + " ";
    s += "} " + e.headline + "\n";
  }
  for (const TimelineWarning& w : tl.warnings) s += "warning " + w.doc_id + ": " + w.message + "\n";
  return s;
}

void CheckAgainstExpected(const Timeline& tl) {
  auto expected = nlohmann::json::parse(Slurp(kSeeds + "expected-events.json"));
  SCOPED_TRACE(Dump(tl));
  std::map<std::string, size_t> position;
  for (const auto& r : expected["required"]) {
    std::string id = r["id"];
    auto m = Matches(tl, r);
    ASSERT_EQ(m.size(), 1u) << "required event " << id << " should be present exactly once";
    position[id] = m[0];
    const Event& e = tl.events[m[0]];
    size_t listed = 0;
    for (const auto& s : r["sources"]) listed += Lists(e, s.get<std::string>()) ? 1 : 0;
    size_t want = std::min<size_t>(2, r["sources"].size());
    EXPECT_GE(listed, want) << id << " should be merged across at least " << want
                            << " of its sources";
  }
  const auto& order = expected["order"];
  for (size_t i = 0; i + 1 < order.size(); ++i) {
    EXPECT_LT(position[order[i]], position[order[i + 1]])
        << order[i] << " should come before " << order[i + 1];
  }
  int also = 0;
  for (const auto& r : expected["also_expected"]) also += Matches(tl, r).empty() ? 0 : 1;
  EXPECT_GE(also, 4) << "at least four of the five also_expected events";
  for (const Event& e : tl.events) {
    EXPECT_FALSE(e.value.rfind("2024", 0) == 0 || e.value.rfind("2025", 0) == 0) << e.headline;
    EXPECT_FALSE(e.headline.empty());
    EXPECT_NE(e.sentence.find(e.headline), std::string::npos) << "headline not from its sentence";
    // Arabic letters (U+0600–U+06FF start with byte 0xD8–0xDB in UTF-8).
    EXPECT_TRUE(std::any_of(e.headline.begin(), e.headline.end(), [](char c) {
      auto u = static_cast<unsigned char>(c);
      return u >= 0xD8 && u <= 0xDB;
    })) << e.headline;
  }
}

TEST(SeedsTest, TimelineFromGoldTimexes) {
  Seeds s = LoadSeeds();
  std::vector<DocumentMentions> shards;
  for (size_t i = 0; i < s.docs.size(); ++i) {
    auto r = ExtractMentionsFromTimexes(s.docs[i], s.gold[i]);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    shards.push_back(*r);
  }
  CheckAgainstExpected(BuildTimeline(shards));
}

TEST(SeedsTest, TimelineFromTagger) {
  auto tagger = Tagger::Create();
  ASSERT_TRUE(tagger.ok());
  Seeds s = LoadSeeds();
  auto probe = tagger->Tag(s.docs[0].text, *s.docs[0].dct);
  ASSERT_TRUE(probe.ok());
  if (probe->empty()) GTEST_SKIP() << "the tagger finds no timex yet (core/tagger.cc is a stub)";
  Timeline tl = BuildTimelineFromDocuments(s.docs, *tagger);
  if (getenv("TARIKH_DUMP")) std::cout << Dump(tl);
  CheckAgainstExpected(tl);
}

// Merging must not depend on the order of documents or shards.
TEST(SeedsTest, OrderIndependent) {
  Seeds s = LoadSeeds();
  std::vector<DocumentMentions> shards;
  for (size_t i = 0; i < s.docs.size(); ++i)
    shards.push_back(*ExtractMentionsFromTimexes(s.docs[i], s.gold[i]));
  Timeline a = BuildTimeline(shards);
  std::reverse(shards.begin(), shards.end());
  for (auto& sh : shards) std::reverse(sh.mentions.begin(), sh.mentions.end());
  Timeline b = BuildTimeline(shards);
  EXPECT_EQ(Dump(a), Dump(b));
}

}  // namespace
}  // namespace tarikh
