// SPDX-License-Identifier: MIT
// The Arabic temporal tagger: finds temporal expressions in UTF-8 text and normalizes them
// to TIMEX3 values relative to a document creation time.
//
//   auto tagger = tarikh::Tagger::Create();          // compiled-in lexicons, built once
//   auto dct = tarikh::ParseDct("2017-04-18");
//   auto timexes = tagger->Tag("وفي تشرين الأول / أكتوبر الماضي ...", *dct);
//   for (const tarikh::Timex& t : *timexes) std::cout << t.value << "\n";   // 2016-10
//
// Thread safety: a Tagger is immutable after Create() and may be shared by any number of
// threads. A TagSession is per document and not thread-safe.
#ifndef TARIKH_CORE_TAGGER_H_
#define TARIKH_CORE_TAGGER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "tarikh/core/date.h"
#include "tarikh/core/timex.h"
#include "tarikh/status.h"

namespace tarikh {

struct TaggerOptions {
  // Resolve anaphoric expressions ("في العام نفسه") to the last mentioned time.
  // Default: true. When false they resolve against the DCT.
  bool resolve_anaphora = true;
};

class TagSession;

class Tagger {
 public:
  // Builds a tagger from the lexicons compiled into the library.
  static Result<Tagger> Create(const TaggerOptions& options = {});

  Tagger(Tagger&&) noexcept;
  Tagger& operator=(Tagger&&) noexcept;
  ~Tagger();

  // Tags a whole document. Fails only if `text` is not valid UTF-8 (kInvalidUtf8 with the
  // byte offset of the first bad sequence); NUL bytes and control characters are text.
  // Offsets in the result are relative to the start of `text`.
  Result<std::vector<Timex>> Tag(std::string_view text, const Dct& dct) const;

  // Normalizes one expression given on its own ("الشهر الماضي"): the longest timex found
  // in it, or kNotFound if it contains none.
  Result<Timex> Normalize(std::string_view expression, const Dct& dct) const;

  // Starts an incremental session for one document (streaming large inputs).
  TagSession StartSession(const Dct& dct) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Tagger(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Tags a document fed in chunks, with memory bounded by the chunk size. Each chunk must end
// where a new token may start (after whitespace or a newline) and must be valid UTF-8 on its
// own; offsets in the results are absolute (counted from the start of the first chunk).
// Anaphora state carries over from chunk to chunk.
class TagSession {
 public:
  TagSession(TagSession&&) noexcept;
  TagSession& operator=(TagSession&&) noexcept;
  ~TagSession();

  // Appends the timexes of `chunk` to `out`. On invalid UTF-8, returns kInvalidUtf8 with
  // the absolute byte offset and leaves the session unusable.
  Status Feed(std::string_view chunk, std::vector<Timex>* out);

  struct State;

 private:
  friend class Tagger;
  TagSession(const Tagger::Impl* tagger, const Dct& dct);
  const Tagger::Impl* tagger_;
  std::unique_ptr<State> state_;
};

}  // namespace tarikh

#endif  // TARIKH_CORE_TAGGER_H_
