// SPDX-License-Identifier: MIT
// The reduce step: mentions → merged events → temporal network → ordered timeline.
#include "tarikh/timeline/builder.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <numeric>
#include <set>
#include <tuple>
#include <unordered_map>

#include "anchor.h"
#include "merge.h"
#include "temporal_graph.h"

namespace tarikh {
namespace {

using timeline_internal::ClusterMentions;
using timeline_internal::ConstraintReason;
using timeline_internal::kNoBound;
using timeline_internal::MentionRanges;
using timeline_internal::ModWindow;
using timeline_internal::PointRanges;
using timeline_internal::TemporalNetwork;

// Relations emitted per event at most (the transitive reduction of an interval order can be
// quadratic when many events share bounds); docs/timeline.md explains the cap.
constexpr size_t kMaxBeforePerEvent = 8;

std::string Day(int64_t d) {
  if (d <= -kNoBound || d >= kNoBound) return "";
  return FormatDayNumber(static_cast<int32_t>(d));
}

std::string Short(std::string_view s, size_t max_bytes = 160) {
  if (s.size() <= max_bytes) return std::string(s);
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

int GranularityRank(Granularity g) { return static_cast<int>(g); }

// Text of the store: 1 MiB blocks that never move, so string_views into them stay valid and
// growing never copies (a doubling std::string would hold twice the text for a moment).
class TextArena {
 public:
  std::string_view Add(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > capacity_ - used_) {
      const size_t n = std::max(kBlock, s.size());
      blocks_.emplace_back(new char[n]);
      capacity_ = n;
      used_ = 0;
    }
    char* p = blocks_.back().get() + used_;
    std::memcpy(p, s.data(), s.size());
    used_ += s.size();
    return {p, s.size()};
  }

 private:
  static constexpr size_t kBlock = size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t used_ = 0, capacity_ = 0;
};

// Distinct strings (document ids, values, tokens, cue signals) numbered 0, 1, … in order of
// first sight, each stored once in the arena.
class Interner {
 public:
  uint32_t Id(std::string_view s, TextArena& arena) {
    auto it = ids_.find(s);
    if (it != ids_.end()) return it->second;
    const std::string_view stored = arena.Add(s);
    const uint32_t id = static_cast<uint32_t>(names_.size());
    names_.push_back(stored);
    ids_.emplace(stored, id);
    return id;
  }
  // UINT32_MAX if `s` was never seen.
  uint32_t Find(std::string_view s) const {
    auto it = ids_.find(s);
    return it == ids_.end() ? UINT32_MAX : it->second;
  }
  std::string_view Name(uint32_t id) const { return names_[id]; }
  const std::vector<std::string_view>& names() const { return names_; }
  // Rank of each id in byte order of the strings: comparing ranks = comparing the strings.
  std::vector<uint32_t> Ranks() const {
    std::vector<uint32_t> order(names_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return names_[a] < names_[b]; });
    std::vector<uint32_t> rank(names_.size());
    for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = static_cast<uint32_t>(r);
    return rank;
  }
  void Clear() {
    decltype(ids_)().swap(ids_);
    std::vector<std::string_view>().swap(names_);
  }

 private:
  std::unordered_map<std::string_view, uint32_t> ids_;
  std::vector<std::string_view> names_;
};

// One mention as the reduce step needs it (EventMention minus the per-string heap blocks).
struct StoredMention {
  int64_t timex_begin = 0, timex_end = 0, sentence_begin = 0, sentence_end = 0;
  std::string_view timex_text, headline, sentence;  // into the arena
  double confidence = 1.0;
  DayInterval interval;  // timex.interval
  DayInterval window;    // ModWindow(timex) when dated
  int32_t dct_day = 0;
  uint32_t doc = 0;    // Interner id of doc_id
  uint32_t value = 0;  // Interner id of timex.value
  uint32_t tokens_begin = 0, num_tokens = 0;
  uint32_t cues_begin = 0, num_cues = 0;
  TimexType type = TimexType::kDate;
  TimexMod mod = TimexMod::kNone;
  Granularity granularity = Granularity::kNone;
  timeline_internal::AnchorRelation relation = timeline_internal::AnchorRelation::kAt;
  int8_t tense = 0;
};

struct StoredCue {
  uint32_t signal = 0;     // Interner id
  bool on_anchor = false;  // governs the mention's own anchor (same value and interval)
  DayInterval interval;
  int64_t ref_offset = -1;
};

// An event of the result: its mentions are members[members_begin, +num_members) (indices
// of the sorted store), its text is read from the store when it is written.
struct BuiltEvent {
  int64_t es, ls, ee, le;  // bounds
  DayInterval anchor;      // the chosen value's window (for includes)
  double confidence = 0.0;
  uint32_t rep = 0, chosen = 0;
  uint32_t members_begin = 0, num_members = 0;
  int cluster = 0;
  TimexMod mod = TimexMod::kNone;
  bool at = false;  // the event lies inside its anchor
};

struct BuiltRelation {
  uint32_t from, to;  // positions in the ordered events
  Relation::Kind kind;
};

std::string EventId(size_t position) {
  char id[24];
  std::snprintf(id, sizeof id, "e%04zu", position + 1);
  return id;
}

}  // namespace

struct MentionStore::Impl {
  TextArena text;
  Interner doc_ids, values, tokens, signals;
  std::vector<StoredMention> mentions;
  std::vector<uint32_t> token_ids;
  std::vector<StoredCue> cues;
  std::vector<DocumentInfo> documents;
  std::vector<TimelineWarning> warnings;

  // A slice of `sentence` when `s` occurs in it (headlines and date texts usually do).
  std::string_view AddText(std::string_view s, std::string_view sentence) {
    if (s.empty()) return {};
    size_t at = sentence.find(s);
    return at != std::string_view::npos ? sentence.substr(at, s.size()) : text.Add(s);
  }
};

MentionStore::MentionStore() : impl_(std::make_unique<Impl>()) {}
MentionStore::~MentionStore() = default;
MentionStore::MentionStore(MentionStore&&) noexcept = default;
MentionStore& MentionStore::operator=(MentionStore&&) noexcept = default;

size_t MentionStore::num_mentions() const { return impl_->mentions.size(); }

void MentionStore::AddDocument(DocumentInfo info) { impl_->documents.push_back(std::move(info)); }
void MentionStore::AddWarning(TimelineWarning warning) {
  impl_->warnings.push_back(std::move(warning));
}

void MentionStore::AddMention(const EventMention& m) {
  Impl& s = *impl_;
  StoredMention x;
  x.timex_begin = m.timex.begin;
  x.timex_end = m.timex.end;
  x.sentence_begin = m.sentence_begin;
  x.sentence_end = m.sentence_end;
  x.sentence = s.text.Add(m.sentence);
  x.headline = s.AddText(m.headline, x.sentence);
  x.timex_text = s.AddText(m.timex_text, x.sentence);
  x.confidence = m.confidence;
  x.interval = m.timex.interval;
  if (!m.timex.value.empty()) x.window = ModWindow(m.timex);
  x.dct_day = DayNumber(m.dct);
  x.doc = s.doc_ids.Id(m.doc_id, s.text);
  x.value = s.values.Id(m.timex.value, s.text);
  x.tokens_begin = static_cast<uint32_t>(s.token_ids.size());
  for (const std::string& t : m.tokens) s.token_ids.push_back(s.tokens.Id(t, s.text));
  x.num_tokens = static_cast<uint32_t>(m.tokens.size());
  x.cues_begin = static_cast<uint32_t>(s.cues.size());
  for (const EventMention::Cue& c : m.cues) {
    s.cues.push_back({s.signals.Id(c.signal, s.text),
                      c.value == m.timex.value && c.interval == m.timex.interval, c.interval,
                      c.ref_offset});
  }
  x.num_cues = static_cast<uint32_t>(m.cues.size());
  x.type = m.timex.type;
  x.mod = m.timex.mod;
  x.granularity = m.timex.granularity;
  x.relation = timeline_internal::RelationOf(m);
  x.tense = static_cast<int8_t>(std::clamp(m.tense, -1, 1));
  s.mentions.push_back(x);
}

void MentionStore::Add(DocumentMentions document) {
  for (const EventMention& m : document.mentions) AddMention(m);
  AddDocument(std::move(document.info));
  for (TimelineWarning& w : document.warnings) AddWarning(std::move(w));
}

struct BuiltTimeline::Impl {
  MentionStore::Impl store;  // mentions sorted canonically, tokens dropped
  Timeline header;
  std::vector<BuiltEvent> events;  // in chronological order
  std::vector<uint32_t> members;   // mention indices, grouped by event
  std::vector<BuiltRelation> relations;
};

BuiltTimeline::~BuiltTimeline() = default;
BuiltTimeline::BuiltTimeline(BuiltTimeline&&) noexcept = default;
BuiltTimeline& BuiltTimeline::operator=(BuiltTimeline&&) noexcept = default;

const Timeline& BuiltTimeline::header() const { return impl_->header; }
size_t BuiltTimeline::num_events() const { return impl_->events.size(); }
size_t BuiltTimeline::num_relations() const { return impl_->relations.size(); }

void BuiltTimeline::GetEvent(size_t i, Event* e) const {
  const Impl& t = *impl_;
  const BuiltEvent& b = t.events[i];
  const StoredMention& chosen = t.store.mentions[b.chosen];
  const StoredMention& rep = t.store.mentions[b.rep];
  e->id = EventId(i);
  e->value = t.store.values.Name(chosen.value);
  e->mod = b.mod;
  e->type = chosen.type;
  e->granularity = chosen.granularity;
  e->display_date = chosen.timex_text;
  e->earliest_start = Day(b.es);
  e->latest_start = Day(b.ls);
  e->earliest_end = Day(b.ee);
  e->latest_end = Day(b.le);
  e->headline = rep.headline;
  e->sentence = rep.sentence;
  e->sources.resize(b.num_members);
  for (uint32_t k = 0; k < b.num_members; ++k) {
    const StoredMention& m = t.store.mentions[t.members[b.members_begin + k]];
    SourceRef& s = e->sources[k];
    s.doc_id = t.store.doc_ids.Name(m.doc);
    s.sentence_begin = m.sentence_begin;
    s.sentence_end = m.sentence_end;
    s.timex_begin = m.timex_begin;
    s.timex_end = m.timex_end;
    s.timex_text = m.timex_text;
    s.timex_value = t.store.values.Name(m.value);
  }
  e->confidence = b.confidence;
}

void BuiltTimeline::GetRelation(size_t i, Relation* r) const {
  const BuiltRelation& b = impl_->relations[i];
  r->from = EventId(b.from);
  r->to = EventId(b.to);
  r->kind = b.kind;
}

Timeline BuiltTimeline::ToTimeline() {
  Timeline tl = std::move(impl_->header);
  tl.events.resize(impl_->events.size());
  for (size_t i = 0; i < tl.events.size(); ++i) GetEvent(i, &tl.events[i]);
  tl.relations.resize(impl_->relations.size());
  for (size_t i = 0; i < tl.relations.size(); ++i) GetRelation(i, &tl.relations[i]);
  impl_ = std::make_unique<Impl>();
  return tl;
}

BuiltTimeline::BuiltTimeline(MentionStore input, const BuildOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->store = std::move(*input.impl_);
  input.impl_.reset();
  MentionStore::Impl& st = impl_->store;
  std::vector<StoredMention>& mentions = st.mentions;
  Timeline& tl = impl_->header;
  tl.title = options.title;
  std::vector<TimelineWarning> warnings = std::move(st.warnings);
  // Canonical order first: the result must not depend on how shards were cut or ordered.
  std::vector<DocumentInfo> documents = std::move(st.documents);
  std::stable_sort(documents.begin(), documents.end(),
                   [](const DocumentInfo& a, const DocumentInfo& b) { return a.id < b.id; });
  for (size_t i = 0; i < documents.size(); ++i) {
    if (!tl.documents.empty() && documents[i].id == tl.documents.back().id) {
      warnings.push_back({documents[i].id, -1, "duplicate document id: later copy ignored"});
      continue;
    }
    tl.documents.push_back(std::move(documents[i]));
  }
  std::vector<DocumentInfo>().swap(documents);
  // Mentions by (doc_id, timex.begin, sentence_begin, timex.value, headline); interned
  // strings compare by rank, which orders them as the strings do.
  const std::vector<uint32_t> doc_rank = st.doc_ids.Ranks();
  {
    const std::vector<uint32_t> value_rank = st.values.Ranks();
    std::sort(
        mentions.begin(), mentions.end(), [&](const StoredMention& a, const StoredMention& b) {
          return std::tie(doc_rank[a.doc], a.timex_begin, a.sentence_begin, value_rank[a.value],
                          a.headline) < std::tie(doc_rank[b.doc], b.timex_begin, b.sentence_begin,
                                                 value_rank[b.value], b.headline);
        });
  }
  mentions.erase(std::unique(mentions.begin(), mentions.end(),
                             [](const StoredMention& a, const StoredMention& b) {
                               return a.doc == b.doc && a.timex_begin == b.timex_begin;
                             }),
                 mentions.end());
  std::sort(
      warnings.begin(), warnings.end(), [](const TimelineWarning& a, const TimelineWarning& b) {
        return std::tie(a.doc_id, a.offset, a.message) < std::tie(b.doc_id, b.offset, b.message);
      });
  warnings.erase(std::unique(warnings.begin(), warnings.end(),
                             [](const TimelineWarning& a, const TimelineWarning& b) {
                               return a.doc_id == b.doc_id && a.offset == b.offset &&
                                      a.message == b.message;
                             }),
                 warnings.end());
  tl.warnings = std::move(warnings);
  const auto doc_name = [&st](const StoredMention& m) { return st.doc_ids.Name(m.doc); };

  // Merge.
  std::vector<int> cluster;
  {
    std::vector<timeline_internal::MergeItem> items(mentions.size());
    for (size_t i = 0; i < mentions.size(); ++i) {
      const StoredMention& m = mentions[i];
      timeline_internal::MergeItem& it = items[i];
      it.dated = !st.values.Name(m.value).empty();
      it.interval = m.interval;
      it.window = m.window;
      it.relation_class = timeline_internal::RelationClass(m.relation);
      it.tokens = st.token_ids.data() + m.tokens_begin;
      it.num_tokens = m.num_tokens;
    }
    cluster = ClusterMentions(items, st.tokens.names(), options);
  }
  // Tokens only serve merging; freeing them now lowers the peak of the steps below.
  std::vector<uint32_t>().swap(st.token_ids);
  st.tokens.Clear();
  int num_events = cluster.empty() ? 0 : *std::max_element(cluster.begin(), cluster.end()) + 1;
  // Members of each event, in mention order, as one flat array.
  std::vector<uint32_t>& members = impl_->members;
  std::vector<uint32_t> member_begin(num_events + 1, 0);
  for (int c : cluster) ++member_begin[c + 1];
  for (int c = 0; c < num_events; ++c) member_begin[c + 1] += member_begin[c];
  members.resize(mentions.size());
  {
    std::vector<uint32_t> fill(member_begin.begin(), member_begin.end() - 1);
    for (size_t i = 0; i < mentions.size(); ++i) {
      members[fill[cluster[i]]++] = static_cast<uint32_t>(i);
    }
  }

  // Temporal network: anchors, tense, cues.
  // At most two edges per range (two ranges per mention) and one per cue.
  TemporalNetwork net(num_events, 4 * mentions.size() + st.cues.size());
  // (doc, timex.begin) → mention: mentions are sorted by that pair and unique in it.
  auto find_mention = [&mentions](uint32_t doc_rank_of_m, const std::vector<uint32_t>& rank,
                                  int64_t begin) -> int64_t {
    auto it =
        std::lower_bound(mentions.begin(), mentions.end(), std::make_pair(doc_rank_of_m, begin),
                         [&rank](const StoredMention& m, std::pair<uint32_t, int64_t> k) {
                           return std::make_pair(rank[m.doc], m.timex_begin) < k;
                         });
    if (it == mentions.end() || rank[it->doc] != doc_rank_of_m || it->timex_begin != begin) {
      return -1;
    }
    return it - mentions.begin();
  };
  // Event-level precedence for the topological tie-break.
  std::vector<std::pair<int, int>> precedes;
  // Each event's own ranges (the intersection of its mentions'), to turn away a cue that
  // contradicts the anchors outright before it reaches the graph: cheap, and it keeps
  // Bellman–Ford (which costs V·E on a negative cycle) away from the common case.
  std::vector<PointRanges> own(num_events);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const StoredMention& m = mentions[i];
    const int ev = cluster[i];
    PointRanges r = timeline_internal::MentionRanges(!st.values.Name(m.value).empty(), m.window,
                                                     m.relation, m.dct_day, m.tense);
    ConstraintReason anchor{ConstraintReason::kAnchor, static_cast<int32_t>(i)};
    if (m.tense > 0) anchor.kind = ConstraintReason::kTense;  // ranges then include the DCT
    net.AddRange(TemporalNetwork::Start(ev), r.start_lo, r.start_hi, anchor);
    net.AddRange(TemporalNetwork::End(ev), r.end_lo, r.end_hi, anchor);
    PointRanges& o = own[ev];
    o.start_lo = std::max(o.start_lo, r.start_lo);
    o.start_hi = std::min(o.start_hi, r.start_hi);
    o.end_lo = std::max(o.end_lo, r.end_lo);
    o.end_hi = std::min(o.end_hi, r.end_hi);
  }
  int64_t rejected_cues = 0;
  auto reject = [&](size_t i, const std::string& what) {
    const StoredMention& m = mentions[i];
    if (++rejected_cues <= 1000) {
      tl.warnings.push_back(
          {std::string(doc_name(m)), m.sentence_begin,
           "contradictory time constraints: " + what +
               " contradicts the dates; cue ignored. Sentence: " + Short(m.sentence)});
    }
  };
  const uint32_t kBeforeSignal = st.signals.Find("before");
  const uint32_t kAfterSignal = st.signals.Find("after");
  const uint32_t kUntilSignal = st.signals.Find("until");
  for (size_t i = 0; i < mentions.size(); ++i) {
    const StoredMention& m = mentions[i];
    const int ev = cluster[i];
    for (uint32_t k = 0; k < m.num_cues; ++k) {
      const StoredCue& cue = st.cues[m.cues_begin + k];
      ConstraintReason why{ConstraintReason::kCue, static_cast<int32_t>(i)};
      if (cue.ref_offset >= 0) {
        const int64_t ref = find_mention(doc_rank[m.doc], doc_rank, cue.ref_offset);
        if (ref < 0) continue;
        int other = cluster[ref];
        if (other == ev) continue;
        const bool before = cue.signal == kBeforeSignal;
        int first = before ? ev : other;
        int second = before ? other : ev;
        // end(first) <= start(second) needs end_lo(first) <= start_hi(second).
        if (own[first].end_lo > own[second].start_hi) {
          reject(i, "\"" + std::string(st.signals.Name(cue.signal)) + "\" (the previous event)");
          continue;
        }
        net.AddBefore(first, second, why);
        precedes.emplace_back(first, second);
        continue;
      }
      // A signal on another date of the clause ("… بعد 2014"): a bound, not the anchor.
      if (cue.on_anchor) continue;
      if (!cue.interval.bounded()) continue;
      if (cue.signal == kBeforeSignal) {
        net.AddRange(TemporalNetwork::End(ev), -kNoBound, int64_t{cue.interval.begin} - 1, why);
      } else if (cue.signal == kAfterSignal) {
        net.AddRange(TemporalNetwork::Start(ev), cue.interval.end, kNoBound, why);
      } else if (cue.signal == kUntilSignal) {
        net.AddRange(TemporalNetwork::End(ev), -kNoBound, int64_t{cue.interval.end} - 1, why);
      }
    }
  }
  std::vector<PointRanges>().swap(own);
  if (rejected_cues > 1000) {
    tl.warnings.push_back(
        {"", -1,
         std::to_string(rejected_cues - 1000) + " more contradictory cues ignored (not listed)"});
  }
  TemporalNetwork::Solution sol = net.Solve();
  for (const auto& c : sol.conflicts) {
    std::string msg = "contradictory time constraints; dropped one to go on. Sentences:";
    std::set<int64_t> seen;
    std::string doc;
    int64_t offset = -1;
    for (const ConstraintReason& r : c.reasons) {
      if (r.mention < 0 || !seen.insert(r.mention).second) continue;
      const StoredMention& m = mentions[r.mention];
      if (doc.empty()) {
        doc = doc_name(m);
        offset = m.sentence_begin;
      }
      msg += " [" + std::string(doc_name(m)) + "@" + std::to_string(m.sentence_begin) + "] " +
             Short(m.sentence);
    }
    tl.warnings.push_back({doc, offset, msg});
  }
  if (sol.gave_up) {
    tl.warnings.push_back({"", -1, "too many contradictions: relative cues were ignored"});
  }
  net = TemporalNetwork(0);

  // Events.
  std::vector<BuiltEvent>& built = impl_->events;
  built.reserve(num_events);
  std::map<std::pair<uint32_t, int>, int> votes;
  for (int c = 0; c < num_events; ++c) {
    const uint32_t* mem = members.data() + member_begin[c];
    const uint32_t num = member_begin[c + 1] - member_begin[c];
    // Representative: most confident, then earliest document and offset (canonical order).
    uint32_t rep = mem[0];
    for (uint32_t k = 0; k < num; ++k) {
      if (mentions[mem[k]].confidence > mentions[rep].confidence) rep = mem[k];
    }
    // Value: the most common (value, mod) among members; ties → finer granularity, then the
    // representative's.
    votes.clear();
    for (uint32_t k = 0; k < num; ++k) {
      ++votes[{mentions[mem[k]].value, static_cast<int>(mentions[mem[k]].mod)}];
    }
    uint32_t chosen = rep;
    int best_votes = votes[{mentions[chosen].value, static_cast<int>(mentions[chosen].mod)}];
    for (uint32_t k = 0; k < num; ++k) {
      const StoredMention& m = mentions[mem[k]];
      int v = votes[{m.value, static_cast<int>(m.mod)}];
      if (v > best_votes ||
          (v == best_votes &&
           GranularityRank(m.granularity) > GranularityRank(mentions[chosen].granularity))) {
        chosen = mem[k];
        best_votes = v;
      }
    }
    const StoredMention& ch = mentions[chosen];
    BuiltEvent b;
    b.cluster = c;
    b.rep = rep;
    b.chosen = chosen;
    b.members_begin = member_begin[c];
    b.num_members = num;
    b.mod = ch.mod;
    const auto relation = ch.relation;
    if (relation == timeline_internal::AnchorRelation::kBefore) b.mod = TimexMod::kBefore;
    if (relation == timeline_internal::AnchorRelation::kAfter) b.mod = TimexMod::kAfter;
    if (relation == timeline_internal::AnchorRelation::kUntil) b.mod = TimexMod::kOnOrBefore;
    const bool dated = !st.values.Name(ch.value).empty();
    b.at = dated && (relation == timeline_internal::AnchorRelation::kAt ||
                     relation == timeline_internal::AnchorRelation::kSince);
    b.anchor = dated ? ch.window : DayInterval{};
    double miss = 1.0;
    for (uint32_t k = 0; k < num; ++k) {
      const StoredMention& m = mentions[mem[k]];
      // Independent reports raise confidence; repeats inside one article count once. Members
      // are in canonical order, so one document's mentions are adjacent.
      const bool new_doc = k == 0 || mentions[mem[k - 1]].doc != m.doc;
      if (new_doc) miss *= 1.0 - std::clamp(m.confidence, 0.0, 0.99);
    }
    b.confidence = std::min(0.99, 1.0 - miss);
    int sp = TemporalNetwork::Start(c), ep = TemporalNetwork::End(c);
    b.es = sol.lower[sp];
    b.ls = sol.upper[sp];
    b.ee = sol.lower[ep];
    b.le = sol.upper[ep];
    built.push_back(b);
  }
  sol = TemporalNetwork::Solution();
  std::vector<int>().swap(cluster);

  // Topological rank over explicit precedence (ties in bounds keep the told order).
  std::vector<int> rank(num_events, 0);
  if (!precedes.empty()) {
    using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
    G g(num_events);
    for (auto [a, b] : precedes) boost::add_edge(a, b, g);
    std::vector<G::vertex_descriptor> order;
    try {
      boost::topological_sort(g, std::back_inserter(order));
      std::reverse(order.begin(), order.end());
      for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
    } catch (const boost::not_a_dag&) {
      // Cyclic cues were already reported as conflicts; fall back to bounds only.
    }
  }
  // By first bound, latest end, cue order, then value, headline and first source.
  auto sort_key = [&](const BuiltEvent& b) {
    int64_t first = b.es > -kNoBound ? b.es : (b.ls < kNoBound ? b.ls : kNoBound);
    const StoredMention& front = mentions[members[b.members_begin]];
    return std::make_tuple(first, b.le, rank[b.cluster], st.values.Name(mentions[b.chosen].value),
                           mentions[b.rep].headline, doc_rank[front.doc], front.timex_begin);
  };
  std::sort(built.begin(), built.end(),
            [&](const BuiltEvent& x, const BuiltEvent& y) { return sort_key(x) < sort_key(y); });

  // Before: A ends before B can start. For an interval order the covering pairs of A are
  // the B whose earliest start lies in (latest_end(A), m(A)], m(A) = the least latest end
  // among events starting after A; events sorted by earliest start make that a range.
  std::vector<BuiltRelation>& relations = impl_->relations;
  {
    std::vector<size_t> by_es(built.size());
    std::iota(by_es.begin(), by_es.end(), 0);
    std::stable_sort(by_es.begin(), by_es.end(),
                     [&](size_t a, size_t b) { return built[a].es < built[b].es; });
    std::vector<int64_t> es(by_es.size()), suffix_min_le(by_es.size() + 1, kNoBound);
    for (size_t k = 0; k < by_es.size(); ++k) es[k] = built[by_es[k]].es;
    for (size_t k = by_es.size(); k-- > 0;) {
      suffix_min_le[k] = std::min(suffix_min_le[k + 1], built[by_es[k]].le);
    }
    bool capped = false;
    for (size_t a = 0; a < built.size(); ++a) {
      if (built[a].le >= kNoBound) continue;
      size_t from = std::upper_bound(es.begin(), es.end(), built[a].le) - es.begin();
      if (from >= es.size()) continue;
      int64_t m = suffix_min_le[from];
      size_t emitted = 0;
      for (size_t k = from; k < es.size() && es[k] <= m; ++k) {
        if (emitted == kMaxBeforePerEvent) {
          capped = true;
          break;
        }
        relations.push_back(
            {static_cast<uint32_t>(a), static_cast<uint32_t>(by_es[k]), Relation::Kind::kBefore});
        ++emitted;
      }
    }
    if (capped) {
      tl.warnings.push_back({"", -1,
                             "some events have more than " + std::to_string(kMaxBeforePerEvent) +
                                 " direct successors; only the first are listed as relations"});
    }
  }
  // Includes: between anchor windows (2014 ⊃ 2014-10), reduced to the tightest containers;
  // every event of a window links from the first event of each tightest container window.
  {
    std::map<std::pair<int32_t, int32_t>, size_t> first_of;  // window → first event index
    for (size_t i = 0; i < built.size(); ++i) {
      if (!built[i].at || !built[i].anchor.bounded()) continue;
      first_of.emplace(std::make_pair(built[i].anchor.begin, built[i].anchor.end), i);
    }
    std::vector<std::pair<int32_t, int32_t>> windows;
    for (const auto& [w, i] : first_of) windows.push_back(w);
    std::map<std::pair<int32_t, int32_t>, std::vector<std::pair<int32_t, int32_t>>> parents;
    for (const auto& j : windows) {
      std::vector<std::pair<int32_t, int32_t>> containers;
      for (const auto& c : windows) {
        if (c != j && c.first <= j.first && j.second <= c.second) containers.push_back(c);
      }
      for (const auto& c : containers) {
        bool tight = true;
        for (const auto& d : containers) {
          if (d != c && c.first <= d.first && d.second <= c.second) tight = false;
        }
        if (tight) parents[j].push_back(c);
      }
    }
    for (size_t i = 0; i < built.size(); ++i) {
      if (!built[i].at || !built[i].anchor.bounded()) continue;
      auto it = parents.find({built[i].anchor.begin, built[i].anchor.end});
      if (it == parents.end()) continue;
      for (const auto& c : it->second) {
        relations.push_back({static_cast<uint32_t>(first_of[c]), static_cast<uint32_t>(i),
                             Relation::Kind::kIncludes});
      }
    }
  }
  relations.shrink_to_fit();
  if (built.empty()) {
    tl.warnings.push_back({"", -1,
                           "empty timeline: no dated events found in " +
                               std::to_string(tl.documents.size()) + " document(s)"});
  }
}

Timeline BuildTimeline(MentionStore mentions, const BuildOptions& options) {
  return BuiltTimeline(std::move(mentions), options).ToTimeline();
}

Timeline BuildTimeline(std::vector<DocumentMentions> shards, const BuildOptions& options) {
  MentionStore store;
  for (DocumentMentions& s : shards) {
    store.Add(std::move(s));
    s = DocumentMentions();  // its strings are in the store now
  }
  std::vector<DocumentMentions>().swap(shards);
  return BuildTimeline(std::move(store), options);
}

Timeline BuildTimeline(std::vector<EventMention> mentions, std::vector<DocumentInfo> documents,
                       std::vector<TimelineWarning> warnings, const BuildOptions& options) {
  MentionStore store;
  for (EventMention& m : mentions) {
    store.AddMention(m);
    m = EventMention();
  }
  std::vector<EventMention>().swap(mentions);
  for (DocumentInfo& d : documents) store.AddDocument(std::move(d));
  for (TimelineWarning& w : warnings) store.AddWarning(std::move(w));
  return BuildTimeline(std::move(store), options);
}

Timeline BuildTimelineFromDocuments(const std::vector<Document>& documents, const Tagger& tagger,
                                    const BuildOptions& options,
                                    const ExtractOptions& extract_options) {
  std::vector<EventMention> mentions;
  std::vector<DocumentInfo> infos;
  std::vector<TimelineWarning> warnings;
  std::set<std::string> ids;
  for (const Document& doc : documents) {
    if (!ids.insert(doc.id).second) {
      warnings.push_back({doc.id, -1, "duplicate document id: this copy was skipped"});
      continue;
    }
    auto r = ExtractMentions(doc, tagger, extract_options);
    if (!r.ok()) {
      // The status names the byte offset; TimelineWarning offsets are code points.
      warnings.push_back({doc.id, -1, "document skipped: " + r.status().ToString()});
      continue;
    }
    infos.push_back(std::move(r->info));
    for (EventMention& m : r->mentions) mentions.push_back(std::move(m));
    for (TimelineWarning& w : r->warnings) warnings.push_back(std::move(w));
  }
  return BuildTimeline(std::move(mentions), std::move(infos), std::move(warnings), options);
}

}  // namespace tarikh
