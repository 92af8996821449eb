// SPDX-License-Identifier: MIT
// Building a timeline from articles, split into a map step and a reduce step so that large
// runs can be sharded:
//
//   auto tagger = tarikh::Tagger::Create();
//   // map: one document at a time, stateless, any order, any machine
//   tarikh::Result<tarikh::DocumentMentions> m = tarikh::ExtractMentions(doc, *tagger);
//   // reduce: all mentions (from any number of shards, in any order) → one timeline
//   tarikh::Timeline t = tarikh::BuildTimeline(std::move(shards), options);
//
// BuildTimeline sorts its input canonically first, so the same mentions give the same
// timeline whatever the order of documents or shards. See docs/timeline.md for the method
// (clauses, headlines, merging thresholds, the temporal network).
#ifndef TARIKH_TIMELINE_BUILDER_H_
#define TARIKH_TIMELINE_BUILDER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tarikh/core/date.h"
#include "tarikh/core/tagger.h"
#include "tarikh/core/timex.h"
#include "tarikh/status.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh {

struct ExtractOptions {
  // Longest headline, in words (a word is never cut).
  int max_headline_words = 12;
  // A clause needs at least this many words besides its date to be an event: a line that
  // is only a date ("الأربعاء 24 أبريل 2024", a page's render date) never becomes one.
  int min_content_words = 3;
  // The caller guarantees that doc.text is valid UTF-8 (ReadDocumentLine's documents are):
  // only NUL bytes are checked. Validating it again was a visible share of `tarikh extract`
  // (the JSON reader and the tagger check it too). Invalid UTF-8 with this set is a
  // programming error: the tagger still rejects it, but the error may differ.
  bool text_is_valid_utf8 = false;
};

// The map step's output for one document.
struct DocumentMentions {
  DocumentInfo info;                      // id, DCT (given or inferred), counts
  std::vector<EventMention> mentions;     // in text order
  std::vector<TimelineWarning> warnings;  // e.g. "DCT inferred from the dateline"
};

// A DCT guessed from a document's own text (its dateline).
struct InferredDct {
  Dct dct;
  double confidence = 0.0;  // 0..1
  int64_t offset = -1;      // code point of the date used
};

// Looks for a dateline near the top of `text`: the first fully specified calendar day in
// its first lines. kNotFound if there is none. Confidence is higher when the date stands on
// a line of its own.
Result<InferredDct> InferDct(std::string_view text, const Tagger& tagger);

// Map step: tags `doc` (with doc.dct, or an inferred DCT plus a warning when it has none),
// splits it into sentences and turns every clause anchored to a DATE/TIME expression into
// an EventMention. Fails only on input that cannot be read as text (invalid UTF-8, NUL
// bytes) or when no DCT is given and none can be inferred; the status then carries the
// byte offset. A document without dates gives zero mentions and a warning, not an error.
// If `timexes` is not null it receives everything the tagger found (for TimeML export).
Result<DocumentMentions> ExtractMentions(const Document& doc, const Tagger& tagger,
                                         const ExtractOptions& options = {},
                                         std::vector<Timex>* timexes = nullptr);

// The same from timexes already found (e.g. by another tagger, or hand-made in tests).
// `timexes` must be sorted by begin and refer to code points of doc.text; doc.dct is
// required.
Result<DocumentMentions> ExtractMentionsFromTimexes(const Document& doc,
                                                    const std::vector<Timex>& timexes,
                                                    const ExtractOptions& options = {});

struct BuildOptions {
  std::string title;
  // Cross-document merging: two mentions with compatible dates are the same event when the
  // cosine similarity of their IDF-weighted token sets reaches this value.
  double merge_threshold = 0.15;
  // Blocking: each mention is compared only with mentions of its date block that share one
  // of its `block_keys` rarest tokens; tokens with more than `max_posting` mentions in a
  // block are too common to be keys.
  int block_keys = 4;
  int max_posting = 2000;
};

// Reduce step: merges mentions into events, solves the temporal network, orders the events
// and derives before/includes relations. Never fails: contradictions, empty input and
// undated documents become warnings in the result.
Timeline BuildTimeline(std::vector<DocumentMentions> shards, const BuildOptions& options = {});

// The same over mentions and document records kept apart (e.g. read from JSONL shards).
Timeline BuildTimeline(std::vector<EventMention> mentions, std::vector<DocumentInfo> documents,
                       std::vector<TimelineWarning> warnings, const BuildOptions& options = {});

// The map step's outputs held compactly for the reduce step: the text of every mention in
// one arena (a headline or date text that is a slice of its sentence is stored once), ids,
// values and tokens interned, numbers packed: ~150 bytes per mention plus its sentence and 4
// per token, where EventMention objects take over a kilobyte. Add documents one at a time as
// they are read (tarikh merge), then hand the store to BuildTimeline or BuiltTimeline.
class MentionStore {
 public:
  MentionStore();
  ~MentionStore();
  MentionStore(MentionStore&&) noexcept;
  MentionStore& operator=(MentionStore&&) noexcept;

  void Add(DocumentMentions document);  // its info, mentions and warnings
  void AddDocument(DocumentInfo info);
  void AddMention(const EventMention& mention);
  void AddWarning(TimelineWarning warning);
  size_t num_mentions() const;

  struct Impl;

 private:
  friend class BuiltTimeline;
  std::unique_ptr<Impl> impl_;
};

// The reduce step's result with its events and relations made on demand from the compact
// store (export/timeline_json.h streams it: tarikh merge of 10^6 mentions never holds the
// Event objects). ToTimeline() gives the same Timeline BuildTimeline returns.
class BuiltTimeline : public TimelineSource {
 public:
  BuiltTimeline(MentionStore mentions, const BuildOptions& options);
  ~BuiltTimeline() override;
  BuiltTimeline(BuiltTimeline&&) noexcept;
  BuiltTimeline& operator=(BuiltTimeline&&) noexcept;

  const Timeline& header() const override;  // title, documents, warnings
  size_t num_events() const override;
  void GetEvent(size_t i, Event* event) const override;
  size_t num_relations() const override;
  void GetRelation(size_t i, Relation* relation) const override;
  // Every event and relation as objects; leaves this BuiltTimeline empty.
  Timeline ToTimeline();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// The reduce step over a store (same result as the overloads above).
Timeline BuildTimeline(MentionStore mentions, const BuildOptions& options = {});

// Convenience: map + reduce over in-memory documents. Per-document errors (bad UTF-8,
// duplicate ids, no DCT) become warnings naming the document and the offset; the other
// documents are still used.
Timeline BuildTimelineFromDocuments(const std::vector<Document>& documents, const Tagger& tagger,
                                    const BuildOptions& options = {},
                                    const ExtractOptions& extract_options = {});

}  // namespace tarikh

#endif  // TARIKH_TIMELINE_BUILDER_H_
