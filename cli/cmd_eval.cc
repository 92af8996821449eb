// SPDX-License-Identifier: MIT
// `tarikh eval`: scores the tagger (or another system's TimeML output) against inline-TimeML
// gold, TempEval-3 style (include/tarikh/core/timeml_eval.h, docs/eval.md).
//
//   tarikh eval fixtures/dev-revised                  # the tagger on every *.tml there
//   tarikh eval --errors --per-doc gold/              # and what it missed, per document
//   tarikh eval --sys heideltime-out/ gold/           # score another system's files
//   tarikh eval --json gold/ > scores.json
//
// Each document's DCT: --dct FILE (TSV: doc, date) > dct.tsv next to the gold files > the
// gold file's own <DCT> > --default-dct. A gold file that cannot be read, parsed or dated is
// reported as FILE:LINE:COL and left out of the totals (exit 1); the others are scored.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli_util.h"
#include "commands.h"
#include "tarikh/core/date.h"
#include "tarikh/core/tagger.h"
#include "tarikh/core/timeml_eval.h"
#include "tarikh/core/utf8.h"

namespace tarikh::cli {
namespace {

namespace fs = std::filesystem;

bool IsGoldFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".tml" || ext == ".TimeML" || ext == ".timeml" || ext == ".xml";
}

// "doc12" sorts after "doc9": digit runs compare by value.
bool NaturalLess(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const bool da = a[i] >= '0' && a[i] <= '9', db = b[j] >= '0' && b[j] <= '9';
    if (da && db) {
      size_t ie = i, je = j;
      while (ie < a.size() && a[ie] >= '0' && a[ie] <= '9') ++ie;
      while (je < b.size() && b[je] >= '0' && b[je] <= '9') ++je;
      std::string_view na(a.data() + i, ie - i), nb(b.data() + j, je - j);
      while (na.size() > 1 && na[0] == '0') na.remove_prefix(1);
      while (nb.size() > 1 && nb[0] == '0') nb.remove_prefix(1);
      if (na.size() != nb.size()) return na.size() < nb.size();
      if (na != nb) return na < nb;
      i = ie, j = je;
    } else {
      if (a[i] != b[j]) return a[i] < b[j];
      ++i, ++j;
    }
  }
  return a.size() - i < b.size() - j;
}

// Gold files named on the command line, directories expanded (not recursively).
std::vector<std::string> ListGold(const std::vector<std::string>& inputs, int* exit_code) {
  std::vector<std::string> files;
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (!fs::is_directory(in, ec)) {
      files.push_back(in);
      continue;
    }
    std::vector<std::string> found;
    for (const fs::directory_entry& e : fs::directory_iterator(in, ec)) {
      if (e.is_regular_file(ec) && IsGoldFile(e.path())) found.push_back(e.path().string());
    }
    if (ec) {
      std::cerr << in << ": cannot list: " << ec.message() << "\n";
      *exit_code = kExitInputError;
    }
    if (found.empty()) std::cerr << in << ": warning: no .tml/.xml gold files\n";
    std::sort(found.begin(), found.end(), NaturalLess);
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

// A DCT table: "doc<TAB>YYYY-MM-DD[...]" lines; '#' comments and header lines are skipped.
Result<std::map<std::string, std::string>> ReadDctTable(const std::string& path) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  std::map<std::string, std::string> dcts;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;
    std::string_view doc = line.substr(0, tab), date = line.substr(tab + 1);
    date = date.substr(0, date.find('\t'));
    if (date.size() < 10 || date[4] != '-' || date[0] < '0' || date[0] > '9') continue;  // header
    // "doc1.tml" and "doc1" name the same document.
    const size_t dot = doc.rfind('.');
    if (dot != std::string_view::npos && IsGoldFile(fs::path(std::string(doc)))) {
      doc = doc.substr(0, dot);
    }
    dcts[std::string(doc)] = std::string(date);
  }
  return dcts;
}

struct DocScore {
  std::string file;
  EvalCounts counts;
};

// The text of code points [b, e) of `text`, for messages.
std::string Slice(std::string_view text, int64_t b, int64_t e) {
  int64_t cp = 0;
  size_t bb = text.size(), be = text.size();
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (cp == b) bb = i;
      if (cp == e) {
        be = i;
        break;
      }
      ++cp;
    }
  }
  return bb <= be ? std::string(text.substr(bb, be - bb)) : std::string();
}

class Evaluator {
 public:
  Evaluator(const Tagger* tagger, std::string sys_dir, std::string default_dct, bool errors)
      : tagger_(tagger),
        sys_dir_(std::move(sys_dir)),
        default_dct_(std::move(default_dct)),
        errors_(errors) {}

  // Scores one gold file; false (and a message) if it could not be scored.
  bool Score(const std::string& file, const std::string& dct_text, DocScore* out) {
    auto xml = ReadFile(file);
    if (!xml.ok()) return Fail(file, xml.status());
    auto gold = ParseInlineTimeMl(*xml);
    if (!gold.ok()) return Fail(file, *xml, gold.status());
    std::vector<TimexSpan> sys;
    if (sys_dir_.empty()) {
      const std::string& date = !dct_text.empty()    ? dct_text
                                : !gold->dct.empty() ? gold->dct
                                                     : default_dct_;
      if (date.empty()) {
        return Fail(file, Status::InvalidArgument(
                              "no DCT (give --dct FILE, a dct.tsv, a <DCT> or --default-dct)"));
      }
      auto dct = ParseDct(date);
      if (!dct.ok()) return Fail(file, dct.status());
      auto found = tagger_->Tag(gold->text, *dct);
      if (!found.ok()) return Fail(file, *xml, TextError(*gold, found.status()));
      sys = SpansOf(*found);
    } else {
      const std::string sys_file = (fs::path(sys_dir_) / fs::path(file).filename()).string();
      auto sys_xml = ReadFile(sys_file);
      if (!sys_xml.ok()) return Fail(sys_file, sys_xml.status());
      auto sys_doc = ParseInlineTimeMl(*sys_xml);
      if (!sys_doc.ok()) return Fail(sys_file, *sys_xml, sys_doc.status());
      if (sys_doc->text != gold->text) {
        return Fail(sys_file, Status::InvalidArgument(
                                  "its <TEXT> differs from the gold text: offsets cannot be "
                                  "compared"));
      }
      sys = std::move(sys_doc->timexes);
    }
    EvalResult r = ScoreTimexes(gold->timexes, sys);
    if (errors_) PrintDifferences(file, *xml, *gold, sys, r);
    out->file = file;
    out->counts = r.counts;
    return true;
  }

 private:
  bool Fail(const std::string& file, const Status& st) {
    PrintError(file, st);
    return false;
  }
  bool Fail(const std::string& file, std::string_view xml, Status st) {
    PrintError(file, st.WithLocation(LocateByteOffset(xml, st.location().byte_offset)));
    return false;
  }
  // A tagger error points into the text; report it at its place in the gold file.
  static Status TextError(const AnnotatedText& gold, const Status& st) {
    // Byte offset in the text → code point → byte of the XML.
    const int64_t at = st.location().byte_offset;
    int64_t cp = 0;
    for (int64_t i = 0; i < at && i < static_cast<int64_t>(gold.text.size()); ++i) {
      if ((static_cast<unsigned char>(gold.text[i]) & 0xC0) != 0x80) ++cp;
    }
    return st.WithLocation(Location{TextByte(gold, cp), -1, -1});
  }

  // Gold expressions are reported at their <TIMEX3 tag, system ones at their first character.
  static void Report(const std::string& file, std::string_view xml, int64_t byte,
                     const std::string& message) {
    const Location loc = LocateByteOffset(xml, byte);
    std::cout << file << ":" << loc.line << ":" << loc.column << ": " << message << "\n";
  }
  static int64_t TextByte(const AnnotatedText& gold, int64_t cp) {
    return cp >= 0 && cp < static_cast<int64_t>(gold.source_bytes.size()) ? gold.source_bytes[cp]
                                                                          : 0;
  }

  void PrintDifferences(const std::string& file, std::string_view xml, const AnnotatedText& gold,
                        const std::vector<TimexSpan>& sys, const EvalResult& r) {
    std::vector<int> sys_pair(sys.size(), -1), gold_pair(gold.timexes.size(), -1);
    for (const EvalResult::Pair& p : r.pairs) {
      gold_pair[p.gold] = static_cast<int>(p.sys);
      sys_pair[p.sys] = static_cast<int>(p.gold);
    }
    const auto quote = [&](const TimexSpan& s) {
      return "«" + Slice(gold.text, s.begin, s.end) + "»";
    };
    for (size_t g = 0; g < gold.timexes.size(); ++g) {
      const TimexSpan& gs = gold.timexes[g];
      if (gold_pair[g] < 0) {
        Report(file, xml, gs.source_byte, "missed " + gs.type + " " + gs.value + " " + quote(gs));
        continue;
      }
      const TimexSpan& ss = sys[gold_pair[g]];
      if (EvalResult pair = ScoreTimexes({gs}, {ss}); pair.counts.value_ok == 0) {
        Report(file, xml, gs.source_byte,
               "value " + ss.value + ", gold " + gs.value + " " + quote(gs));
      }
      if (gs.begin != ss.begin || gs.end != ss.end) {
        Report(file, xml, gs.source_byte, "extent " + quote(ss) + ", gold " + quote(gs));
      }
    }
    for (size_t s = 0; s < sys.size(); ++s) {
      if (sys_pair[s] < 0) {
        Report(file, xml, TextByte(gold, sys[s].begin),
               "spurious " + sys[s].type + " " + sys[s].value + " " + quote(sys[s]));
      }
    }
  }

  const Tagger* tagger_;
  std::string sys_dir_;
  std::string default_dct_;
  bool errors_;
};

nlohmann::json CountsJson(const EvalCounts& c) {
  return {{"gold", c.gold},
          {"system", c.sys},
          {"relaxed_match", c.relaxed},
          {"strict_match", c.strict},
          {"value_match", c.value_ok},
          {"type_match", c.type_ok},
          {"relaxed_precision", c.RelaxedPrecision()},
          {"relaxed_recall", c.RelaxedRecall()},
          {"relaxed_f1", c.RelaxedF1()},
          {"strict_f1", c.StrictF1()},
          {"value_f1", c.ValueF1()},
          {"type_accuracy", c.TypeAccuracy()},
          {"value_accuracy", c.ValueAccuracy()}};
}

void PrintSummary(const EvalCounts& c, int64_t docs, int64_t failed) {
  std::printf("documents %lld scored, %lld failed; gold %lld, system %lld\n",
              static_cast<long long>(docs), static_cast<long long>(failed),
              static_cast<long long>(c.gold), static_cast<long long>(c.sys));
  if (docs == 0) {
    std::printf("no document scored: no figures\n");
    return;
  }
  std::printf("relaxed  P %.3f  R %.3f  F1 %.3f\n", c.RelaxedPrecision(), c.RelaxedRecall(),
              c.RelaxedF1());
  std::printf("strict   F1 %.3f\n", c.StrictF1());
  std::printf("value    F1 %.3f  (accuracy on matched %.3f)\n", c.ValueF1(), c.ValueAccuracy());
  std::printf("type     accuracy on matched %.3f\n", c.TypeAccuracy());
}

}  // namespace

int RunEval(int argc, char** argv) {
  CLI::App app{
      "Score temporal expressions against inline-TimeML gold (TempEval-3 style: relaxed =\n"
      "any overlap, strict = same extent, value = same normalized value).\n"
      "By default the tagger is run on each gold file's text; --sys scores another\n"
      "system's TimeML files (same names, same text) instead.",
      "tarikh eval"};
  std::vector<std::string> inputs;
  std::string dct_file, default_dct, sys_dir;
  bool per_doc = false, errors = false, json = false;
  app.add_option("gold", inputs, "gold .tml files or directories of them")->required();
  app.add_option("--dct", dct_file,
                 "TSV of doc<TAB>YYYY-MM-DD (default: dct.tsv beside the gold files)");
  app.add_option("--default-dct", default_dct, "DCT for documents with none");
  app.add_option("--sys", sys_dir, "score the TimeML files of this directory, not the tagger");
  app.add_flag("--per-doc", per_doc, "a line of counts and F1 per document");
  app.add_flag("--errors", errors,
               "list every missed, spurious, wrongly valued or wrongly bounded expression as "
               "FILE:LINE:COL");
  app.add_flag("--json", json, "print the scores as one JSON object");
  app.footer(
      "Exit codes: 0 every file scored, 1 a gold file could not be read, parsed or dated (the\n"
      "others are scored), 2 usage.");
  if (auto done = ParseCommandLine(app, argc, argv)) return *done;

  if (!default_dct.empty()) {
    if (auto d = ParseDct(default_dct); !d.ok()) {
      PrintError("--default-dct", d.status());
      return kExitUsage;
    }
  }
  int exit_code = kExitOk;
  std::optional<std::map<std::string, std::string>> given_dcts;
  if (!dct_file.empty()) {
    auto table = ReadDctTable(dct_file);
    if (!table.ok()) {
      PrintError(dct_file, table.status());
      return kExitUsage;
    }
    given_dcts = std::move(*table);
  }
  auto tagger = Tagger::Create();
  if (!tagger.ok()) {
    PrintError("tarikh", tagger.status());
    return kExitInternal;
  }
  Evaluator evaluator(&*tagger, sys_dir, default_dct, errors);
  std::map<std::string, std::map<std::string, std::string>> dir_dcts;  // dct.tsv per directory
  std::vector<DocScore> scores;
  int64_t failed = 0;
  for (const std::string& file : ListGold(inputs, &exit_code)) {
    const fs::path path(file);
    const std::string doc = path.stem().string();
    std::string dct;
    const std::map<std::string, std::string>* table = given_dcts ? &*given_dcts : nullptr;
    if (!table) {
      const std::string dir = path.parent_path().string();
      auto it = dir_dcts.find(dir);
      if (it == dir_dcts.end()) {
        std::map<std::string, std::string> found;
        const fs::path tsv = path.parent_path() / "dct.tsv";
        std::error_code ec;
        if (fs::is_regular_file(tsv, ec)) {
          auto t = ReadDctTable(tsv.string());
          if (t.ok()) {
            found = std::move(*t);
          } else {
            PrintError(tsv.string(), t.status());
          }
        }
        it = dir_dcts.emplace(dir, std::move(found)).first;
      }
      table = &it->second;
    }
    if (auto it = table->find(doc); it != table->end()) dct = it->second;
    DocScore score;
    if (!evaluator.Score(file, dct, &score)) {
      ++failed;
      exit_code = kExitInputError;
      continue;
    }
    scores.push_back(std::move(score));
  }
  EvalCounts total;
  for (const DocScore& s : scores) total.Add(s.counts);
  if (json) {
    nlohmann::json out = CountsJson(total);
    out["documents"] = scores.size();
    out["failed"] = failed;
    if (per_doc) {
      nlohmann::json docs = nlohmann::json::array();
      for (const DocScore& s : scores) {
        nlohmann::json d = CountsJson(s.counts);
        d["file"] = s.file;
        docs.push_back(std::move(d));
      }
      out["per_document"] = std::move(docs);
    }
    std::cout << out.dump(2) << "\n";
  } else {
    if (per_doc) {
      for (const DocScore& s : scores) {
        std::printf("%s\tgold %lld\tsystem %lld\trelaxed %.3f\tstrict %.3f\tvalue %.3f\n",
                    s.file.c_str(), static_cast<long long>(s.counts.gold),
                    static_cast<long long>(s.counts.sys), s.counts.RelaxedF1(), s.counts.StrictF1(),
                    s.counts.ValueF1());
      }
    }
    PrintSummary(total, static_cast<int64_t>(scores.size()), failed);
  }
  if (std::fflush(stdout) != 0 || !std::cout.flush()) {
    std::cerr << "tarikh eval: cannot write to standard output\n";
    return kExitOutputError;
  }
  return exit_code;
}

}  // namespace tarikh::cli
