// SPDX-License-Identifier: MIT
#include "text.h"

#include <unicode/uchar.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <bit>
#include <sstream>

namespace tarikh::timeline_internal {
namespace {

// Splits the data file `name` into rows of tab-separated fields, skipping comments and
// blank lines.
std::vector<std::vector<std::string>> ReadRows(std::string_view name) {
  std::vector<std::vector<std::string>> rows;
  std::string_view data = TimelineDataFile(name);
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      fields.emplace_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::u32string FoldUtf8(std::string_view s) { return Fold(DecodeUtf8(s)); }

bool StartsWith(const std::u32string& s, const std::u32string& p) {
  return s.size() >= p.size() && std::equal(p.begin(), p.end(), s.begin());
}
bool EndsWith(const std::u32string& s, const std::u32string& p) {
  return s.size() >= p.size() && std::equal(p.rbegin(), p.rend(), s.rbegin());
}

}  // namespace

std::u32string DecodeUtf8(std::string_view text) {
  std::u32string out(text.size(), U'\0');
  out.resize(DecodeUtf8To(text, out.data()));
  return out;
}

size_t AdvanceCodePoints(std::string_view text, size_t from, int64_t n) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t size = text.size();
  size_t b = from;
#if defined(__SSE2__)
  // 16 bytes at a time: a bit per lead byte (all but 10xxxxxx; as signed bytes, the
  // continuation bytes are exactly those below -64). b may stop inside a sequence, whose
  // continuation bytes are not leads.
  const __m128i lowest_lead = _mm_set1_epi8(static_cast<char>(0xC0));
  while (size - b >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + b));
    const __m128i is_cont = _mm_cmplt_epi8(v, lowest_lead);
    unsigned leads = ~static_cast<unsigned>(_mm_movemask_epi8(is_cont)) & 0xFFFFu;
    // The number of leads, summed in the vector (std::popcount is a library call on a
    // baseline x86-64 build).
    const __m128i ones = _mm_andnot_si128(is_cont, _mm_set1_epi8(1));
    const __m128i sums = _mm_sad_epu8(ones, _mm_setzero_si128());
    const int count = _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
    if (count > n) {  // the code point sought starts in this block: its lead is bit n
      for (int64_t k = 0; k < n; ++k) leads &= leads - 1;
      return b + static_cast<size_t>(std::countr_zero(leads));
    }
    n -= count;
    b += 16;
  }
#endif
  while (b < size) {
    if ((s[b] & 0xC0) == 0x80) {  // inside a sequence
      ++b;
      continue;
    }
    if (n == 0) break;
    ++b;
    --n;
  }
  return b;
}

size_t DecodeUtf8To(std::string_view text, char32_t* out) {
  // Written through a pointer into a buffer sized for the worst case (one code point per
  // byte), ASCII and two-byte sequences (Arabic) first: push_back per code point was a
  // visible share of the map step.
  char32_t* o = out;
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const unsigned char* const end = p + text.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      *o++ = c;
      ++p;
      continue;
    }
    if ((c & 0xE0) == 0xC0 && p + 1 < end) {
      *o++ = (static_cast<char32_t>(c & 0x1F) << 6) | (p[1] & 0x3F);
      p += 2;
      continue;
    }
    p += DecodeUtf8Sequence(p, end, o++);
  }
  return static_cast<size_t>(o - out);
}

std::string EncodeUtf8(std::u32string_view text) {
  // Exact length first, then written through a pointer (push_back per byte was most of the
  // cost of the map step's slices).
  size_t len = 0;
  for (char32_t c : text) len += Utf8Length(c);
  std::string out(len, '\0');
  char* o = out.data();
  for (char32_t c : text) {
    if (c < 0x80) {
      *o++ = static_cast<char>(c);
    } else if (c < 0x800) {
      *o++ = static_cast<char>(0xC0 | (c >> 6));
      *o++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *o++ = static_cast<char>(0xE0 | (c >> 12));
      *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *o++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *o++ = static_cast<char>(0xF0 | (c >> 18));
      *o++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *o++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *o++ = static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

namespace {

bool IsWordCharSlow(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  // Tatweel and combining marks (harakat) stay inside the word they decorate.
  if (c == 0x0640) return true;
  int8_t type = u_charType(static_cast<UChar32>(c));
  return u_isalnum(static_cast<UChar32>(c)) || type == U_NON_SPACING_MARK ||
         type == U_COMBINING_SPACING_MARK;
}

// Latin, Arabic and Arabic Supplement (U+0000–U+07FF) answered from a table: the map step
// asks for every character of every sentence several times, and ICU's property lookup was
// a visible share of its profile.
constexpr char32_t kWordTableSize = 0x800;

struct WordCharTable {
  WordCharTable() {
    for (char32_t c = 0; c < kWordTableSize; ++c) is_word[c] = IsWordCharSlow(c);
  }
  bool is_word[kWordTableSize];
};

const WordCharTable kWordChars;

}  // namespace

bool IsWordChar(char32_t c) {
  return c < kWordTableSize ? kWordChars.is_word[c] : IsWordCharSlow(c);
}

bool IsClauseDelimiter(char32_t c) {
  switch (c) {
    case U',':
    case U';':
    case U':':
    case 0x060C:  // Arabic comma
    case 0x061B:  // Arabic semicolon
    case 0x2013:  // en dash
    case 0x2014:  // em dash
    case U'.':
    case U'!':
    case U'?':
    case 0x061F:  // Arabic question mark
    case 0x06D4:  // Arabic full stop
      return true;
    default:
      return false;
  }
}

std::vector<Word> SplitWords(std::u32string_view text, int64_t begin, int64_t end) {
  std::vector<Word> words;
  SplitWordsInto(text, begin, end, &words);
  return words;
}

void SplitWordsInto(std::u32string_view text, int64_t begin, int64_t end, std::vector<Word>* out) {
  std::vector<Word>& words = *out;
  words.clear();
  int64_t i = begin;
  auto is_word = [](char32_t c) {
    return c < kWordTableSize ? kWordChars.is_word[c] : IsWordCharSlow(c);
  };
  while (i < end) {
    while (i < end && !is_word(text[i])) ++i;
    if (i >= end) break;
    int64_t b = i;
    while (i < end && is_word(text[i])) ++i;
    words.push_back({b, i});
  }
}

char32_t FoldChar(char32_t c) {
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) return 0;
  switch (c) {
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0622:  // آ
    case 0x0671:  // ٱ
      return 0x0627;
    case 0x0649:  // ى
      return 0x064A;
    case 0x0629:  // ة
      return 0x0647;
    case 0x0624:  // ؤ
      return 0x0648;
    case 0x0626:  // ئ
      return 0x064A;
    default:
      if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
      if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
      if (c >= U'A' && c <= U'Z') return c - U'A' + U'a';
      return c;
  }
}

std::u32string Fold(std::u32string_view word) {
  std::u32string out;
  out.reserve(word.size());
  for (char32_t c : word) {
    if (char32_t f = FoldChar(c)) out.push_back(f);
  }
  return out;
}

Lexicon::Lexicon() {
  for (const auto& row : ReadRows("stopwords.tsv")) stopwords_.insert(FoldUtf8(row[0]));
  for (const auto& row : ReadRows("clitics.tsv")) {
    if (row.size() < 3) continue;
    Affix a{FoldUtf8(row[1]), static_cast<size_t>(std::max(1, std::atoi(row[2].c_str())))};
    (row[0] == "prefix" ? prefixes_ : suffixes_).push_back(std::move(a));
  }
  auto longest_first = [](const Affix& a, const Affix& b) {
    return a.text.size() != b.text.size() ? a.text.size() > b.text.size() : a.text < b.text;
  };
  std::stable_sort(prefixes_.begin(), prefixes_.end(), longest_first);
  std::stable_sort(suffixes_.begin(), suffixes_.end(), longest_first);
  for (const auto& row : ReadRows("future.tsv")) {
    if (row.size() < 2) continue;
    std::u32string t = FoldUtf8(row[1]);
    if (row[0] == "word") future_words_.insert(t);
    if (row[0] == "prefix") future_prefixes_.push_back(t);
    if (row[0] == "not") future_not_.push_back(t);
  }
  for (const auto& row : ReadRows("concepts.tsv")) {
    if (row.size() >= 2) concepts_.emplace_back(FoldUtf8(row[0]), row[1]);
  }
  for (const auto& row : ReadRows("signals.tsv")) {
    if (row.size() < 3) continue;
    Signal s;
    std::u32string phrase = DecodeUtf8(row[0]);
    for (const Word& w : SplitWords(phrase, 0, static_cast<int64_t>(phrase.size()))) {
      s.words.push_back(Fold(std::u32string_view(phrase).substr(w.begin, w.end - w.begin)));
    }
    if (s.words.empty()) continue;
    s.kind = row[1];
    s.scope = row[2] == "event" ? SignalScope::kEvent : SignalScope::kTimex;
    signals_.push_back(std::move(s));
  }
  // Longest phrases first so "بعد ذلك" wins over "بعد".
  std::stable_sort(signals_.begin(), signals_.end(), [](const Signal& a, const Signal& b) {
    return a.words.size() > b.words.size();
  });
  for (size_t i = 0; i < signals_.size(); ++i) {
    signals_by_first_[signals_[i].words[0]].push_back(static_cast<int>(i));
    const char32_t initial = signals_[i].words[0][0];
    if (initial < kInitialTable) {
      signal_initial_table_[initial] = true;
    } else {
      signal_initials_.insert(initial);
    }
  }
  for (char32_t c = 0; c < kInitialTable; ++c) {
    const char32_t f = FoldChar(c);
    initial_kind_[c] = f == 0 ? -1 : IsSignalInitial(f) ? 1 : f == 0x0648 || f == 0x0641 ? 2 : 0;
  }
}

int Lexicon::InitialKind(char32_t c) const {
  if (c < kInitialTable) return initial_kind_[c];
  const char32_t f = FoldChar(c);
  if (f == 0) return -1;
  if (IsSignalInitial(f)) return 1;
  return f == 0x0648 || f == 0x0641 ? 2 : 0;
}

bool Lexicon::MayStartSignal(std::u32string_view raw) const {
  size_t i = 0;
  int first = -1;
  while (i < raw.size() && (first = InitialKind(raw[i])) < 0) ++i;
  if (first == 1) return true;
  if (first != 2) return false;
  // SignalsStartingWith is also asked for the word without a leading و/ف.
  for (++i; i < raw.size(); ++i) {
    const int next = InitialKind(raw[i]);
    if (next >= 0) return next == 1;
  }
  return false;
}

const std::vector<int>* Lexicon::SignalsStartingWith(const std::u32string& folded) const {
  auto it = signals_by_first_.find(folded);
  return it == signals_by_first_.end() ? nullptr : &it->second;
}

const Lexicon& Lexicon::Get() {
  static const Lexicon* lexicon = new Lexicon();
  return *lexicon;
}

bool Lexicon::IsStopword(const std::u32string& folded) const {
  if (stopwords_.count(folded)) return true;
  for (const Affix& p : prefixes_) {
    if (p.text.size() <= 2 && folded.size() > p.text.size() && StartsWith(folded, p.text) &&
        stopwords_.count(folded.substr(p.text.size()))) {
      return true;
    }
  }
  return false;
}

std::u32string Lexicon::Stem(const std::u32string& folded) const {
  std::u32string s = folded;
  for (const Affix& p : prefixes_) {
    if (StartsWith(s, p.text) && s.size() - p.text.size() >= p.min_stem) {
      s.erase(0, p.text.size());
      break;
    }
  }
  for (const Affix& x : suffixes_) {
    if (EndsWith(s, x.text) && s.size() - x.text.size() >= x.min_stem) {
      s.erase(s.size() - x.text.size());
      break;
    }
  }
  return s;
}

std::u32string Lexicon::StripConjunction(const std::u32string& folded) const {
  if (folded.size() > 2 && (folded[0] == 0x0648 || folded[0] == 0x0641)) return folded.substr(1);
  return folded;
}

std::string Lexicon::Concept(const std::u32string& stem) const {
  for (const auto& [prefix, name] : concepts_) {
    if (StartsWith(stem, prefix)) return name;
  }
  return {};
}

bool Lexicon::IsFutureMarker(const std::u32string& folded) const {
  if (future_words_.count(folded)) return true;
  std::u32string w = StripConjunction(folded);
  if (future_words_.count(w)) return true;
  for (const std::u32string& p : future_prefixes_) {
    if (!StartsWith(w, p) || w.size() < p.size() + 3) continue;
    for (const std::u32string& n : future_not_) {
      if (StartsWith(w, n)) return false;
    }
    return true;
  }
  return false;
}

}  // namespace tarikh::timeline_internal
