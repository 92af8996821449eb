// SPDX-License-Identifier: MIT
// The Arabic temporal tagger.
//
// Pipeline per chunk: (1) FoldAndTokenize — one pass over the UTF-8 bytes, folding and
// splitting into tokens with a map back to original offsets; (2) lexicon lookup — each word
// token costs one hash probe, plus a few more when it starts with a proclitic letter
// (و ف ب ل ك، لل); (3) recognition — hand-written patterns over token classes tried at every
// token that has a class (most tokens have none and are skipped), the longest match wins;
// (4) resolution (resolve.cc) of the recognized Partial against the DCT, the last mentioned
// time and the clause tense.
#include "tarikh/core/tagger.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>

#include "lexicon.h"
#include "recognizer.h"
#include "resolve.h"
#include "tarikh/core/utf8.h"
#include "text_fold.h"

namespace tarikh {

using internal::Anchor;
using internal::Bit;
using internal::Cls;
using internal::Dir;
using internal::FoldedText;
using internal::kUnset;
using internal::LexEntry;
using internal::LexGroup;
using internal::Lexicon;
using internal::Partial;
using internal::TokKind;

struct Tagger::Impl {
  TaggerOptions options;
  Lexicon lexicon;
};

struct TagSession::State {
  Dct dct;
  int64_t byte_base = 0;
  int64_t cp_base = 0;
  bool failed = false;
  Anchor anchor;
  int emitted = 0;  // timexes emitted so far (anchor indices)
  int anchor_index = -1;
  FoldedText ft;
};

namespace internal {

namespace {

// The first two bytes of s (s.size() >= 2) as one number, and the same for a two-byte letter:
// the clitic and future-prefix tests compare one 16-bit load instead of calling compare().
inline uint16_t Lead2(std::string_view s) {
  uint16_t v;
  std::memcpy(&v, s.data(), 2);
  return v;
}
constexpr uint16_t Letter(std::string_view l) {
  return static_cast<uint16_t>(static_cast<unsigned char>(l[0]) |
                               (static_cast<unsigned char>(l[1]) << 8));
}
// Little-endian, as Lead2 reads it.
static_assert(std::endian::native == std::endian::little);
constexpr uint16_t kWawL = Letter(kWaw), kFaL = Letter(kFa), kBaL = Letter(kBa),
                   kLamL = Letter(kLam), kKafL = Letter(kKaf), kSinL = Letter(kSin),
                   kYaL = Letter(kYa), kTaL = Letter(kTa), kNunL = Letter(kNun),
                   kAlefL = Letter(kAlef);

// Whether a word starting with the two bytes `l` (as Lead2 reads them) may carry a proclitic
// (و ف ب ل ك) or a future prefix (و ف س): the only words BuildTokens looks into when they are
// not in the lexicon. One bit test over the Arabic block (leads D8/D9) instead of a chain of
// comparisons, for the many words that start with another letter.
constexpr uint64_t kCliticBits[2] = {
    (uint64_t{1} << (kBaL >> 8 & 0x3F)) | (uint64_t{1} << (kSinL >> 8 & 0x3F)),
    (uint64_t{1} << (kWawL >> 8 & 0x3F)) | (uint64_t{1} << (kFaL >> 8 & 0x3F)) |
        (uint64_t{1} << (kLamL >> 8 & 0x3F)) | (uint64_t{1} << (kKafL >> 8 & 0x3F))};
static_assert((kBaL & 0xFF) == 0xD8 && (kSinL & 0xFF) == 0xD8 && (kWawL & 0xFF) == 0xD9 &&
              (kFaL & 0xFF) == 0xD9 && (kLamL & 0xFF) == 0xD9 && (kKafL & 0xFF) == 0xD9);
inline bool MayHaveClitic(uint16_t l) {
  return (l & 0xFE) == 0xD8 && (kCliticBits[l & 1] >> (l >> 8 & 0x3F) & 1);
}

}  // namespace

Status Recognizer::BuildTokens(FoldedText* ft, int64_t base_offset) {
  // The fold writes the tokens (text fields) straight into toks_, in the session's buffer
  // (Run gives it back); this pass fills in the lexicon fields.
  toks_.swap(ft->tokens);
  TARIKH_RETURN_IF_ERROR(FoldAndTokenize(text_, base_offset, &ft->folded, &toks_));
  starts_.clear();
  // Through a local pointer: the vector's own pointer would be reloaded at every token.
  Tok* const base = toks_.data();
  const Lexicon& lex = lex_;
  const size_t count = toks_.size();
  for (size_t idx = 0; idx < count; ++idx) {
    Tok& t = base[idx];
    if (t.kind == TokKind::kNumber) {
      starts_.push_back(static_cast<uint32_t>(idx));  // MayStart: every number
    } else if (t.kind == TokKind::kWord) {
      t.g = lex.Find(t.full);
      if (!t.g && (t.full.size() < 2 || !MayHaveClitic(Lead2(t.full)))) continue;
      if (!t.g && t.full.size() >= 6) {
        // Proclitics, guided by the lexicon: (و|ف)? then (ب|ل|ك)? or لل (= ل + ال).
        size_t cut = 0;
        std::string_view s = t.full;
        bool wa = false;
        if (Lead2(s) == kWawL || Lead2(s) == kFaL) {
          if (const LexGroup* g = s.size() >= 8 ? lex.Find(s.substr(2)) : nullptr) {
            t.g = g;
            cut = 2;
            wa = true;
          } else {
            s = s.substr(2);
            cut = 2;
            wa = true;
          }
        }
        if (!t.g && s.size() >= 6) {
          if (Lead2(s) == kLamL && Lead2(s.substr(2)) == kLamL) {
            scratch_.assign(kAlef);
            scratch_.append(s.substr(2));
            if (const LexGroup* g = lex.Find(scratch_)) {
              t.g = g;
              t.stem = g->key;
              t.prep = true;
              t.wa = wa;
              cut += 2;
              t.ob = internal::OrigOffset(text_, t, static_cast<uint32_t>(cut));
            }
          }
          if (!t.g && s.size() >= 8 &&
              (Lead2(s) == kBaL || Lead2(s) == kLamL || Lead2(s) == kKafL)) {
            if (const LexGroup* g = lex.Find(s.substr(2))) {
              t.g = g;
              cut += 2;
              t.prep = true;
            }
          }
        }
        if (t.g && t.stem == t.full) {
          t.wa = wa;
          t.stem = t.full.substr(cut);
          t.ob = internal::OrigOffset(text_, t, static_cast<uint32_t>(cut));
        }
      }
      if (t.g) {
        if (t.g->single_mask & Bit(Cls::kFut)) t.fut = true;
        // Only a word found in the lexicon can start an expression (MayStart).
        if (MayStart(idx)) starts_.push_back(static_cast<uint32_t>(idx));
      } else {
        // Future prefix: (و|ف)? س + imperfective prefix (ي ت ن ا), e.g. سيزور، ستعقد، سأعود.
        std::string_view s = t.full;
        if (s.size() >= 2 && (Lead2(s) == kWawL || Lead2(s) == kFaL)) s = s.substr(2);
        if (s.size() >= 8 && Lead2(s) == kSinL) {
          const uint16_t l2 = Lead2(s.substr(2));
          t.fut = l2 == kYaL || l2 == kTaL || l2 == kNunL || l2 == kAlefL;
          // Common nouns that begin like a future verb (سياسة، سيارة، سيطرة، ستار…).
          static constexpr std::string_view kNotVerbs[] = {
              "\xd8\xb3\xd9\x8a\xd8\xa7\xd8\xb3", "\xd8\xb3\xd9\x8a\xd8\xa7\xd8\xb1",
              "\xd8\xb3\xd9\x8a\xd8\xb7\xd8\xb1", "\xd8\xb3\xd8\xaa\xd8\xa7\xd8\xb1",
              "\xd8\xb3\xd9\x8a\xd8\xaf",         "\xd8\xb3\xd9\x8a\xd9\x86"};
          for (std::string_view nv : kNotVerbs) {
            if (StartsWith(s, nv)) t.fut = false;
          }
        }
      }
    }
  }
  return Status::Ok();
}

void Recognizer::Run(TagSession::State* st, std::vector<Timex>* out) {
  // Only the tokens that MayStart (numbers and some lexicon words, listed by BuildTokens) are
  // tried, in order; tokens inside an earlier match (before `next`) are skipped. Most tokens
  // start nothing, and are not visited at all.
  size_t next = 0;
  // Code-point offsets are counted only for the extents emitted, from one to the next (they
  // come in text order), instead of for every token in the fold.
  size_t cp_byte = 0;
  int64_t cp_count = 0;  // code points of text_[0, cp_byte)
  auto cp_at = [&](size_t byte) {
    if (byte >= cp_byte) {
      cp_count += CountCodePointsFast(text_.substr(cp_byte, byte - cp_byte));
    } else {
      cp_count -= CountCodePointsFast(text_.substr(byte, cp_byte - byte));
    }
    cp_byte = byte;
    return cp_count;
  };
  for (const uint32_t i : starts_) {
    if (i < next) continue;
    Match m = Best(i);
    if (!m.valid()) continue;
    if (m.block) {
      next = m.e;
      continue;
    }
    Partial& p = m.p;
    // Markers left by the recognizers: a month/day in "the year offset from the DCT"
    // ("31 مارس من العام الماضي"), a decade in a relative century.
    // Such a date is as DCT-relative as "الشهر الماضي", and says so (temporal_function): a
    // dateline guess must not take it for an absolute date.
    const bool dct_year = p.year != kUnset && p.year <= -100000 + 2 && p.year >= -100000 - 2;
    if (dct_year) p.year = st->dct.year - (p.year + 100000);
    if (p.decade != kUnset && p.minute != kUnset && p.hour == kUnset) {
      const int rel = p.minute;
      p.minute = kUnset;
      const int cur = st->dct.year / 100;
      p.decade = (cur + rel) * 10 + p.decade % 10;
    }
    if (p.anchor_value) {
      if (st->anchor.set) {
        p.unit = st->anchor.granularity;
        p.anaphoric = true;
        p.offset = 0;
      } else {
        p.literal = "PAST_REF";
      }
    }
    internal::ResolveContext ctx;
    ctx.dct = st->dct;
    ctx.anchor = st->anchor.set ? &st->anchor : nullptr;
    ctx.future = FutureAround(m.b);
    Timex t;
    if (!internal::Resolve(p, ctx, &t)) {
      next = m.e;
      continue;
    }
    if (dct_year) t.temporal_function = true;
    const size_t ob = toks_[m.b].ob;
    const size_t oe = toks_[m.e - 1].oe;
    t.byte_begin = st->byte_base + static_cast<int64_t>(ob);
    t.byte_end = st->byte_base + static_cast<int64_t>(oe);
    t.begin = st->cp_base + cp_at(ob);
    t.end = st->cp_base + cp_at(oe);
    if (p.anaphoric && st->anchor.set) t.anchor = st->anchor_index;
    const int index = st->emitted++;
    // Absolute dates become the antecedent of later anaphora.
    if (t.type == TimexType::kDate && t.interval.bounded() && t.value.size() >= 4 &&
        t.value[0] != 'X' && t.value != "PRESENT_REF") {
      Anchor& a = st->anchor;
      a.set = true;
      a.granularity = t.granularity;
      a.begin = t.interval.begin;
      a.end = t.interval.end;
      a.value = t.value;
      CivilFromDayNumber(t.interval.begin, &a.year, &a.month, &a.day);
      st->anchor_index = index;
    }
    out->push_back(std::move(t));
    next = m.e;
  }
  // The chunk's code points, for the offsets of the next chunk; the token buffer goes back to
  // the session for the next chunk (BuildTokens borrowed it).
  st->cp_base += cp_at(text_.size());
  toks_.swap(st->ft.tokens);
}

}  // namespace internal

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Result<Tagger> Tagger::Create(const TaggerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  if (impl->lexicon.size() == 0) return Status::Internal("empty lexicon");
  return Tagger(std::move(impl));
}

Result<std::vector<Timex>> Tagger::Tag(std::string_view text, const Dct& dct) const {
  std::vector<Timex> out;
  TagSession session = StartSession(dct);
  // One-shot calls (the map step tags document after document) reuse this thread's fold
  // buffers instead of allocating and zero-filling new ones per document; buffers grown past
  // kKeepBytes are let go rather than kept for the life of the thread.
  constexpr size_t kKeepBytes = size_t{4} << 20;
  thread_local FoldedText spare;
  std::swap(session.state_->ft, spare);
  Status st = session.Feed(text, &out);
  std::swap(session.state_->ft, spare);
  if (spare.folded.capacity() > kKeepBytes) spare = FoldedText{};
  TARIKH_RETURN_IF_ERROR(st);
  return out;
}

Result<Timex> Tagger::Normalize(std::string_view expression, const Dct& dct) const {
  auto found = Tag(expression, dct);
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::NotFound("no temporal expression found");
  const Timex* best = &found->front();
  for (const Timex& t : *found) {
    if (t.end - t.begin > best->end - best->begin) best = &t;
  }
  return *best;
}

TagSession Tagger::StartSession(const Dct& dct) const { return TagSession(impl_.get(), dct); }

TagSession::TagSession(const Tagger::Impl* tagger, const Dct& dct)
    : tagger_(tagger), state_(std::make_unique<State>()) {
  state_->dct = dct;
}
TagSession::TagSession(TagSession&&) noexcept = default;
TagSession& TagSession::operator=(TagSession&&) noexcept = default;
TagSession::~TagSession() = default;

Status TagSession::Feed(std::string_view chunk, std::vector<Timex>* out) {
  State* st = state_.get();
  if (st->failed) return Status::InvalidArgument("session failed earlier (invalid UTF-8)");
  if (chunk.size() > 0xFFFFFFF0u) return Status::InvalidArgument("chunk larger than 4 GiB");
  internal::Recognizer rec(tagger_->lexicon, st->ft, chunk, st->dct.year);
  Status s = rec.BuildTokens(&st->ft, st->byte_base);
  if (!s.ok()) {
    st->failed = true;
    return s;
  }
  if (!tagger_->options.resolve_anaphora) st->anchor.set = false;
  rec.Run(st, out);
  if (!tagger_->options.resolve_anaphora) st->anchor.set = false;
  st->byte_base += static_cast<int64_t>(chunk.size());  // Run advanced cp_base
  return Status::Ok();
}

}  // namespace tarikh
