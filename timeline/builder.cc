// SPDX-License-Identifier: MIT
// The reduce step: mentions → merged events → temporal network → ordered timeline.
#include "tarikh/timeline/builder.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/topological_sort.hpp>
#include <cstdio>
#include <map>
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

bool MentionLess(const EventMention& a, const EventMention& b) {
  return std::tie(a.doc_id, a.timex.begin, a.sentence_begin, a.timex.value, a.headline) <
         std::tie(b.doc_id, b.timex.begin, b.sentence_begin, b.timex.value, b.headline);
}

std::string Day(int64_t d) {
  if (d <= -kNoBound || d >= kNoBound) return "";
  return FormatDayNumber(static_cast<int32_t>(d));
}

std::string Short(const std::string& s, size_t max_bytes = 160) {
  if (s.size() <= max_bytes) return s;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

int GranularityRank(Granularity g) { return static_cast<int>(g); }

}  // namespace

Timeline BuildTimeline(std::vector<DocumentMentions> shards, const BuildOptions& options) {
  std::vector<EventMention> mentions;
  std::vector<DocumentInfo> docs;
  std::vector<TimelineWarning> warnings;
  size_t num_mentions = 0, num_warnings = 0;
  for (const DocumentMentions& s : shards) {
    num_mentions += s.mentions.size();
    num_warnings += s.warnings.size();
  }
  // Exact sizes: growing by doubling would hold up to twice the mentions during a copy.
  mentions.reserve(num_mentions);
  docs.reserve(shards.size());
  warnings.reserve(num_warnings);
  for (DocumentMentions& s : shards) {
    docs.push_back(std::move(s.info));
    for (EventMention& m : s.mentions) mentions.push_back(std::move(m));
    for (TimelineWarning& w : s.warnings) warnings.push_back(std::move(w));
    // The moved-from shells (~300 bytes per mention) would otherwise live until the end.
    std::vector<EventMention>().swap(s.mentions);
  }
  std::vector<DocumentMentions>().swap(shards);
  return BuildTimeline(std::move(mentions), std::move(docs), std::move(warnings), options);
}

Timeline BuildTimeline(std::vector<EventMention> mentions, std::vector<DocumentInfo> documents,
                       std::vector<TimelineWarning> warnings, const BuildOptions& options) {
  Timeline tl;
  tl.title = options.title;
  // Canonical order first: the result must not depend on how shards were cut or ordered.
  std::stable_sort(documents.begin(), documents.end(),
                   [](const DocumentInfo& a, const DocumentInfo& b) { return a.id < b.id; });
  for (size_t i = 0; i < documents.size(); ++i) {
    if (i > 0 && documents[i].id == documents[i - 1].id) {
      warnings.push_back({documents[i].id, -1, "duplicate document id: later copy ignored"});
      continue;
    }
    tl.documents.push_back(documents[i]);
  }
  std::sort(mentions.begin(), mentions.end(), MentionLess);
  mentions.erase(std::unique(mentions.begin(), mentions.end(),
                             [](const EventMention& a, const EventMention& b) {
                               return a.doc_id == b.doc_id && a.timex.begin == b.timex.begin;
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

  // Merge.
  std::vector<int> cluster = ClusterMentions(mentions, options);
  // Tokens only serve merging; freeing them now lowers the peak of the steps below.
  for (EventMention& m : mentions) std::vector<std::string>().swap(m.tokens);
  int num_events = cluster.empty() ? 0 : *std::max_element(cluster.begin(), cluster.end()) + 1;
  std::vector<std::vector<size_t>> members(num_events);
  for (size_t i = 0; i < mentions.size(); ++i) members[cluster[i]].push_back(i);

  // Temporal network: anchors, tense, cues.
  TemporalNetwork net(num_events);
  // (doc, timex.begin) → mention: mentions are sorted by that pair and unique in it, so a
  // binary search finds it (a map of copied ids cost ~100 bytes per mention).
  auto find_mention = [&mentions](const std::string& doc, int64_t begin) -> int64_t {
    auto it = std::lower_bound(
        mentions.begin(), mentions.end(), std::make_pair(&doc, begin),
        [](const EventMention& m, const std::pair<const std::string*, int64_t>& k) {
          int c = m.doc_id.compare(*k.first);
          return c != 0 ? c < 0 : m.timex.begin < k.second;
        });
    if (it == mentions.end() || it->doc_id != doc || it->timex.begin != begin) return -1;
    return it - mentions.begin();
  };
  // Event-level precedence for the topological tie-break.
  std::vector<std::pair<int, int>> precedes;
  // Each event's own ranges (the intersection of its mentions'), to turn away a cue that
  // contradicts the anchors outright before it reaches the graph: cheap, and it keeps
  // Bellman–Ford (which costs V·E on a negative cycle) away from the common case.
  std::vector<PointRanges> own(num_events);
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EventMention& m = mentions[i];
    const int ev = cluster[i];
    PointRanges r = MentionRanges(m);
    ConstraintReason anchor{ConstraintReason::kAnchor, static_cast<int64_t>(i)};
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
    const EventMention& m = mentions[i];
    if (++rejected_cues <= 1000) {
      tl.warnings.push_back(
          {m.doc_id, m.sentence_begin,
           "contradictory time constraints: " + what +
               " contradicts the dates; cue ignored. Sentence: " + Short(m.sentence)});
    }
  };
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EventMention& m = mentions[i];
    const int ev = cluster[i];
    for (const EventMention::Cue& cue : m.cues) {
      ConstraintReason why{ConstraintReason::kCue, static_cast<int64_t>(i)};
      if (cue.ref_offset >= 0) {
        const int64_t ref = find_mention(m.doc_id, cue.ref_offset);
        if (ref < 0) continue;
        int other = cluster[ref];
        if (other == ev) continue;
        int first = cue.signal == "before" ? ev : other;
        int second = cue.signal == "before" ? other : ev;
        // end(first) <= start(second) needs end_lo(first) <= start_hi(second).
        if (own[first].end_lo > own[second].start_hi) {
          reject(i, "\"" + cue.signal + "\" (the previous event)");
          continue;
        }
        net.AddBefore(first, second, why);
        precedes.emplace_back(first, second);
        continue;
      }
      // A signal on another date of the clause ("… بعد 2014"): a bound, not the anchor.
      if (cue.value == m.timex.value && cue.interval == m.timex.interval) continue;
      if (!cue.interval.bounded()) continue;
      if (cue.signal == "before") {
        net.AddRange(TemporalNetwork::End(ev), -kNoBound, int64_t{cue.interval.begin} - 1, why);
      } else if (cue.signal == "after") {
        net.AddRange(TemporalNetwork::Start(ev), cue.interval.end, kNoBound, why);
      } else if (cue.signal == "until") {
        net.AddRange(TemporalNetwork::End(ev), -kNoBound, int64_t{cue.interval.end} - 1, why);
      }
    }
  }
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
      const EventMention& m = mentions[r.mention];
      if (doc.empty()) {
        doc = m.doc_id;
        offset = m.sentence_begin;
      }
      msg += " [" + m.doc_id + "@" + std::to_string(m.sentence_begin) + "] " + Short(m.sentence);
    }
    tl.warnings.push_back({doc, offset, msg});
  }
  if (sol.gave_up) {
    tl.warnings.push_back({"", -1, "too many contradictions: relative cues were ignored"});
  }

  // Events.
  struct Built {
    Event event;
    int64_t es, ls, ee, le;  // bounds
    DayInterval anchor;      // the chosen value's window (for includes)
    bool at = false;         // the event lies inside its anchor
    int cluster;
  };
  std::vector<Built> built;
  built.reserve(num_events);
  for (int c = 0; c < num_events; ++c) {
    const auto& mem = members[c];
    // Representative: most confident, then earliest document and offset (canonical order).
    size_t rep = mem[0];
    for (size_t i : mem) {
      if (mentions[i].confidence > mentions[rep].confidence) rep = i;
    }
    // Value: the most common (value, mod) among members; ties → finer granularity, then the
    // representative's.
    std::map<std::tuple<std::string, int>, int> votes;
    for (size_t i : mem)
      ++votes[{mentions[i].timex.value, static_cast<int>(mentions[i].timex.mod)}];
    const EventMention* chosen = &mentions[rep];
    int best_votes = votes[{chosen->timex.value, static_cast<int>(chosen->timex.mod)}];
    for (size_t i : mem) {
      const EventMention& m = mentions[i];
      int v = votes[{m.timex.value, static_cast<int>(m.timex.mod)}];
      if (v > best_votes || (v == best_votes && GranularityRank(m.timex.granularity) >
                                                    GranularityRank(chosen->timex.granularity))) {
        chosen = &m;
        best_votes = v;
      }
    }
    Built b;
    b.cluster = c;
    Event& e = b.event;
    e.value = chosen->timex.value;
    e.mod = chosen->timex.mod;
    e.type = chosen->timex.type;
    e.granularity = chosen->timex.granularity;
    e.display_date = chosen->timex_text;
    auto relation = timeline_internal::RelationOf(*chosen);
    if (relation == timeline_internal::AnchorRelation::kBefore) e.mod = TimexMod::kBefore;
    if (relation == timeline_internal::AnchorRelation::kAfter) e.mod = TimexMod::kAfter;
    if (relation == timeline_internal::AnchorRelation::kUntil) e.mod = TimexMod::kOnOrBefore;
    b.at = !chosen->timex.value.empty() && (relation == timeline_internal::AnchorRelation::kAt ||
                                            relation == timeline_internal::AnchorRelation::kSince);
    b.anchor = chosen->timex.value.empty() ? DayInterval{} : ModWindow(chosen->timex);
    // Each mention belongs to one event and is not read after this loop: its strings are
    // moved, not copied (the reduce step's peak memory is the mentions plus the events).
    e.headline = std::move(mentions[rep].headline);
    e.sentence = std::move(mentions[rep].sentence);
    double miss = 1.0;
    e.sources.reserve(mem.size());
    for (size_t i : mem) {
      EventMention& m = mentions[i];
      // Independent reports raise confidence; repeats inside one article count once. Members
      // are in canonical order, so one document's mentions are adjacent.
      const bool new_doc = e.sources.empty() || e.sources.back().doc_id != m.doc_id;
      if (new_doc) miss *= 1.0 - std::clamp(m.confidence, 0.0, 0.99);
      SourceRef s;
      s.doc_id = m.doc_id;
      s.sentence_begin = m.sentence_begin;
      s.sentence_end = m.sentence_end;
      s.timex_begin = m.timex.begin;
      s.timex_end = m.timex.end;
      s.timex_text = std::move(m.timex_text);
      s.timex_value = std::move(m.timex.value);
      e.sources.push_back(std::move(s));
    }
    e.confidence = std::min(0.99, 1.0 - miss);
    int sp = TemporalNetwork::Start(c), ep = TemporalNetwork::End(c);
    b.es = sol.lower[sp];
    b.ls = sol.upper[sp];
    b.ee = sol.lower[ep];
    b.le = sol.upper[ep];
    e.earliest_start = Day(b.es);
    e.latest_start = Day(b.ls);
    e.earliest_end = Day(b.ee);
    e.latest_end = Day(b.le);
    built.push_back(std::move(b));
  }

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
  auto sort_key = [&](const Built& b) {
    int64_t first = b.es > -kNoBound ? b.es : (b.ls < kNoBound ? b.ls : kNoBound);
    return std::make_tuple(first, b.le, rank[b.cluster], b.event.value, b.event.headline,
                           b.event.sources.front().doc_id, b.event.sources.front().timex_begin);
  };
  std::sort(built.begin(), built.end(),
            [&](const Built& x, const Built& y) { return sort_key(x) < sort_key(y); });
  for (size_t i = 0; i < built.size(); ++i) {
    char id[24];
    std::snprintf(id, sizeof id, "e%04zu", i + 1);
    built[i].event.id = id;
  }

  // Before: A ends before B can start. For an interval order the covering pairs of A are
  // the B whose earliest start lies in (latest_end(A), m(A)], m(A) = the least latest end
  // among events starting after A; events sorted by earliest start make that a range.
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
        tl.relations.push_back(
            {built[a].event.id, built[by_es[k]].event.id, Relation::Kind::kBefore});
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
        tl.relations.push_back(
            {built[first_of[c]].event.id, built[i].event.id, Relation::Kind::kIncludes});
      }
    }
  }
  tl.events.reserve(built.size());
  for (Built& b : built) tl.events.push_back(std::move(b.event));
  std::vector<Built>().swap(built);
  if (tl.events.empty()) {
    tl.warnings.push_back({"", -1,
                           "empty timeline: no dated events found in " +
                               std::to_string(tl.documents.size()) + " document(s)"});
  }
  return tl;
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
