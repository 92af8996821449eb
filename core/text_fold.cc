// SPDX-License-Identifier: MIT
#include "text_fold.h"

#include <array>

#include "tarikh/core/utf8.h"

namespace tarikh::internal {
namespace {

// Character classes after folding.
enum CharClass : uint8_t { kDrop = 0, kLetter, kDigit, kSpace, kBreak, kPunct };

struct FoldEntry {
  uint16_t out;  // folded code point (0 with kDrop)
  uint8_t cls;
};

// Folding table for every code point below U+0800 (ASCII and all 2-byte sequences, which
// covers the Arabic block). Built once at compile time.
constexpr std::array<FoldEntry, 0x800> MakeTable() {
  std::array<FoldEntry, 0x800> t{};
  for (uint32_t c = 0; c < 0x800; ++c) {
    FoldEntry e{static_cast<uint16_t>(c), kLetter};
    if (c < 0x80) {
      if (c >= '0' && c <= '9') {
        e.cls = kDigit;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        e.cls = kLetter;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        e.cls = kSpace;
      } else if (c == '\n' || c == '.' || c == '!' || c == '?' || c == ';') {
        e.cls = c == '\n' ? kBreak : kPunct;
      } else if (c < 0x20 || c == 0x7F) {
        e.cls = kSpace;
      } else {
        e.cls = kPunct;
      }
    } else if (c < 0xC0) {
      e.cls = (c == 0xA0 || c < 0xA0) ? kSpace : kPunct;  // NBSP, C1 controls; « » etc.
      if (c == 0xAD) e = {0, kDrop};                      // soft hyphen
    } else if (c >= 0x600 && c < 0x700) {
      switch (c) {
        case 0x623:
        case 0x625:
        case 0x622:
        case 0x671:
          e.out = 0x627;
          break;
        case 0x629:
        case 0x6D5:
        case 0x6C1:
          e.out = 0x647;
          break;
        case 0x649:
        case 0x6CC:
        case 0x626:
          e.out = 0x64A;
          break;
        case 0x624:
          e.out = 0x648;
          break;
        case 0x6A9:
        case 0x6AF:
          e.out = 0x643;
          break;
        case 0x6A4:
          e.out = 0x641;
          break;
        case 0x60C:
        case 0x66C:
          e = {',', kPunct};
          break;
        case 0x61B:
          e = {';', kPunct};
          break;
        case 0x61F:
          e = {'?', kPunct};
          break;
        case 0x66A:
          e = {'%', kPunct};
          break;
        case 0x66B:
        case 0x6D4:
          e = {'.', kPunct};
          break;
        case 0x60D:
          e = {'/', kPunct};
          break;
        default:
          break;
      }
      if (c == 0x640 || (c >= 0x64B && c <= 0x65F) || c == 0x670 || (c >= 0x6D6 && c <= 0x6ED)) {
        e = {0, kDrop};
      }
      if (c >= 0x660 && c <= 0x669) e = {static_cast<uint16_t>('0' + c - 0x660), kDigit};
      if (c >= 0x6F0 && c <= 0x6F9) e = {static_cast<uint16_t>('0' + c - 0x6F0), kDigit};
      if (c == 0x600 || c == 0x601 || c == 0x602 || c == 0x603 || c == 0x606 || c == 0x607 ||
          c == 0x608 || c == 0x609 || c == 0x60A || c == 0x60B || c == 0x60E || c == 0x60F ||
          c == 0x61E || c == 0x66D) {
        e = {static_cast<uint16_t>(c), kPunct};
      }
    }
    t[c] = e;
  }
  return t;
}
constexpr std::array<FoldEntry, 0x800> kTable = MakeTable();

// Code points of three or more bytes: only a few need folding; the rest are letters
// (CJK, presentation forms…) or punctuation (general punctuation block).
FoldEntry FoldWide(uint32_t c) {
  if ((c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
      (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x2060) {
    return {0, kDrop};
  }
  if ((c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000) {
    return {' ', kSpace};
  }
  if (c == 0x2028 || c == 0x2029) return {'\n', kBreak};
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return {'-', kPunct};
  if (c == 0xFF0F || c == 0x2044 || c == 0x2215) return {'/', kPunct};
  if (c >= 0x2016 && c <= 0x206F) return {0xFFFF, kPunct};  // quotes, bullets: keep as is
  if (c >= 0x3000 && c <= 0x303F) return {0xFFFF, kPunct};
  if (c >= 0xFF01 && c <= 0xFF0F) return {0xFFFF, kPunct};
  return {0xFFFF, kLetter};
}

inline void PutUtf8(std::string* s, uint32_t c) {
  if (c < 0x80) {
    s->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    s->push_back(static_cast<char>(0xC0 | (c >> 6)));
    s->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    s->push_back(static_cast<char>(0xE0 | (c >> 12)));
    s->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    s->push_back(static_cast<char>(0xF0 | (c >> 18)));
    s->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

}  // namespace

Status FoldAndTokenize(std::string_view text, int64_t base_offset, FoldedText* out) {
  out->Clear();
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  std::string& f = out->folded;
  std::vector<uint32_t>& map = out->to_orig;
  f.reserve(n + 8);
  map.reserve(n + 8);
  std::vector<RawToken>& toks = out->tokens;
  toks.reserve(n / 5 + 8);

  uint8_t run = kSpace;  // class of the token being built (kLetter/kDigit) or kSpace
  bool space_before = false, break_before = true;
  RawToken cur;
  auto close = [&](uint32_t at) {
    if (run == kLetter || run == kDigit) {
      cur.fold_end = static_cast<uint32_t>(f.size());
      cur.orig_end = at;
      toks.push_back(cur);
      space_before = false;
      break_before = false;
    }
    run = kSpace;
  };

  size_t i = 0;
  while (i < n) {
    const uint32_t start = static_cast<uint32_t>(i);
    const unsigned char c = s[i];
    uint32_t cp;
    size_t len;
    if (c < 0x80) {
      cp = c;
      len = 1;
    } else if (c >= 0xC2 && c < 0xE0) {
      if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) break;
      cp = ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
      len = 2;
    } else if (c >= 0xE0 && c < 0xF0) {
      if (i + 2 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80) break;
      cp = ((c & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) break;
      len = 3;
    } else if (c >= 0xF0 && c < 0xF5) {
      if (i + 3 >= n || (s[i + 1] & 0xC0) != 0x80 || (s[i + 2] & 0xC0) != 0x80 ||
          (s[i + 3] & 0xC0) != 0x80) {
        break;
      }
      cp = ((c & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
           (s[i + 3] & 0x3Fu);
      if (cp < 0x10000 || cp > 0x10FFFF) break;
      len = 4;
    } else {
      break;
    }
    FoldEntry e = cp < 0x800 ? kTable[cp] : FoldWide(cp);
    if (e.out == 0xFFFF) e.out = static_cast<uint16_t>(cp > 0xFFFF ? 0xFFFD : cp);
    i += len;
    switch (e.cls) {
      case kDrop:
        continue;  // harakat/tatweel: the token goes on (and maps to the next letter)
      case kLetter:
      case kDigit:
        if (run != e.cls) {
          close(start);
          cur = RawToken{};
          cur.fold_begin = static_cast<uint32_t>(f.size());
          cur.orig_begin = start;
          cur.kind = e.cls == kLetter ? TokKind::kWord : TokKind::kNumber;
          cur.space_before = space_before;
          cur.break_before = break_before;
          run = e.cls;
        }
        break;
      case kSpace:
        close(start);
        space_before = true;
        continue;
      case kBreak:
        close(start);
        space_before = true;
        break_before = true;
        continue;
      case kPunct: {
        close(start);
        RawToken p;
        p.fold_begin = static_cast<uint32_t>(f.size());
        p.orig_begin = start;
        p.orig_end = static_cast<uint32_t>(i);
        p.kind = TokKind::kPunct;
        p.space_before = space_before;
        p.break_before = break_before;
        const size_t before = f.size();
        PutUtf8(&f, e.out);
        for (size_t k = before; k < f.size(); ++k) map.push_back(start);
        p.fold_end = static_cast<uint32_t>(f.size());
        toks.push_back(p);
        space_before = false;
        break_before = e.out == '.' || e.out == '?' || e.out == '!' || e.out == ';' || e.out == ':';
        continue;
      }
    }
    const size_t before = f.size();
    PutUtf8(&f, e.out);
    for (size_t k = before; k < f.size(); ++k) map.push_back(start);
  }
  if (i < n) return ValidateUtf8(text.substr(i), base_offset + static_cast<int64_t>(i));
  close(static_cast<uint32_t>(n));
  map.push_back(static_cast<uint32_t>(n));
  return Status::Ok();
}

std::string FoldString(std::string_view text) {
  FoldedText ft;
  if (!FoldAndTokenize(text, 0, &ft).ok()) return std::string();
  std::string out;
  for (const RawToken& t : ft.tokens) {
    if (!out.empty() && t.space_before) out.push_back(' ');
    out.append(ft.folded, t.fold_begin, t.fold_end - t.fold_begin);
  }
  return out;
}

}  // namespace tarikh::internal
