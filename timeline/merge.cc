// SPDX-License-Identifier: MIT
#include "merge.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>
#include <tuple>
#include <unordered_map>

#include "anchor.h"

namespace tarikh::timeline_internal {
namespace {

double Idf(int df, int64_t n) { return std::log(1.0 + static_cast<double>(n) / std::max(1, df)); }

// Concept tokens ("#conflict", "#split": what happened) weigh more than the words around
// them (who and where): two reports of one event share its type more surely than its
// wording. docs/timeline.md gives the numbers behind the choice.
constexpr double kConceptBoost = 3.0;

// Relations that place the event inside its anchor ("at", "since") are compatible with each
// other; "before", "after" and "until" only with themselves.
int RelationClass(const EventMention& m) {
  switch (RelationOf(m)) {
    case AnchorRelation::kAt:
    case AnchorRelation::kSince:
      return 0;
    case AnchorRelation::kUntil:
      return 1;
    case AnchorRelation::kBefore:
      return 2;
    case AnchorRelation::kAfter:
      return 3;
  }
  return 0;
}

int32_t BlockYear(int32_t day) {
  int y, m, d;
  CivilFromDayNumber(day, &y, &m, &d);
  return y;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The smaller index stays root, so roots do not depend on the order of unions.
  size_t Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a > b) std::swap(a, b);
    parent_[b] = a;
    return a;
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

std::vector<int> ClusterMentions(const std::vector<EventMention>& mentions,
                                 const BuildOptions& options, MergeStats* stats) {
  const size_t n = mentions.size();
  MergeStats local;
  MergeStats& st = stats ? *stats : local;
  // Intern tokens; document frequency over all mentions.
  std::unordered_map<std::string, int32_t> ids;
  std::vector<std::vector<int32_t>> toks(n);
  std::vector<int> df;
  for (size_t i = 0; i < n; ++i) {
    for (const std::string& t : mentions[i].tokens) {
      auto [it, added] = ids.emplace(t, static_cast<int32_t>(df.size()));
      if (added) df.push_back(0);
      toks[i].push_back(it->second);
    }
    std::sort(toks[i].begin(), toks[i].end());
    toks[i].erase(std::unique(toks[i].begin(), toks[i].end()), toks[i].end());
    for (int32_t t : toks[i]) ++df[t];
  }
  std::vector<double> weight(df.size());
  std::vector<bool> is_concept(df.size(), false);
  for (const auto& [text, id] : ids) {
    is_concept[id] = text.size() > 1 && text[0] == '#';
    weight[id] = Idf(df[id], n) * (is_concept[id] ? kConceptBoost : 1.0);
  }
  std::vector<double> norm(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (int32_t t : toks[i]) norm[i] += weight[t] * weight[t];
    norm[i] = std::sqrt(norm[i]);
  }
  // Blocking keys: (block, token) for each dated mention's rarest tokens.
  struct Posting {
    int64_t block;
    int32_t token;
    uint32_t mention;
  };
  std::vector<Posting> postings;
  std::vector<DayInterval> window(n);
  for (size_t i = 0; i < n; ++i) {
    const EventMention& m = mentions[i];
    if (m.timex.value.empty()) continue;  // undated: placed by cues, never merged
    window[i] = ModWindow(m.timex);
    if (!m.timex.interval.bounded()) continue;
    int64_t span = static_cast<int64_t>(m.timex.interval.end) - m.timex.interval.begin;
    int64_t year = BlockYear(m.timex.interval.begin);
    // Coarse anchors (decades, centuries) get blocks of their own per span length.
    int64_t block = span <= 400 ? year : (span << 20) + year;
    block = block * 4 + RelationClass(m);
    // Keys: the rarest tokens that another mention also has (a token seen once can match
    // nothing).
    std::vector<int32_t> keys;
    for (int32_t t : toks[i]) {
      if (df[t] >= 2) keys.push_back(t);
    }
    std::sort(keys.begin(), keys.end(),
              [&](int32_t a, int32_t b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    keys.resize(
        std::min<size_t>(keys.size(), static_cast<size_t>(std::max(1, options.block_keys))));
    // Concept tokens are keys too: reports of one event may share little else.
    for (int32_t t : toks[i]) {
      if (is_concept[t] && df[t] >= 2 && std::find(keys.begin(), keys.end(), t) == keys.end()) {
        keys.push_back(t);
      }
    }
    for (int32_t k : keys) postings.push_back({block, k, static_cast<uint32_t>(i)});
  }
  std::sort(postings.begin(), postings.end(), [](const Posting& a, const Posting& b) {
    return std::tie(a.block, a.token, a.mention) < std::tie(b.block, b.token, b.mention);
  });
  // One block at a time: mentions of different blocks are never compared, so the block's
  // pairs are scored, sorted and applied to the union-find before the next block's exist.
  // Pairs are never all held at once (a common token in a crowded year gives tens of
  // millions), and each pair is scored once however many keys it shares. Applying blocks
  // separately gives the same clusters as one global strongest-first pass: unions of one
  // block only touch that block's mentions, and inside a block the order is the same.
  struct Scored {
    double sim;
    uint32_t a, b;
  };
  UnionFind uf(n);
  std::vector<DayInterval> cluster_window = window;   // intersection of members' windows
  std::vector<uint32_t> seen(n, UINT32_MAX);          // last mention a candidate was scored for
  std::vector<std::pair<uint32_t, uint32_t>> groups;  // [begin, end) in postings, per key
  std::vector<std::pair<uint32_t, uint32_t>> mention_groups;  // (mention, group index)
  std::vector<Scored> accepted;
  for (size_t block_begin = 0; block_begin < postings.size();) {
    size_t block_end = block_begin;
    while (block_end < postings.size() && postings[block_end].block == postings[block_begin].block)
      ++block_end;
    ++st.blocks;
    groups.clear();
    mention_groups.clear();
    for (size_t a = block_begin; a < block_end;) {
      size_t b = a;
      while (b < block_end && postings[b].token == postings[a].token) ++b;
      if (static_cast<int>(b - a) > options.max_posting) {
        ++st.skipped_keys;
      } else if (b - a >= 2) {
        const uint32_t g = static_cast<uint32_t>(groups.size());
        groups.emplace_back(static_cast<uint32_t>(a), static_cast<uint32_t>(b));
        for (size_t x = a; x < b; ++x) mention_groups.emplace_back(postings[x].mention, g);
      }
      a = b;
    }
    std::sort(mention_groups.begin(), mention_groups.end());
    accepted.clear();
    for (size_t k = 0; k < mention_groups.size();) {
      const uint32_t a = mention_groups[k].first;
      for (; k < mention_groups.size() && mention_groups[k].first == a; ++k) {
        const auto [g_begin, g_end] = groups[mention_groups[k].second];
        // Members after `a` (a group is sorted by mention).
        const Posting* p =
            std::upper_bound(postings.data() + g_begin, postings.data() + g_end, a,
                             [](uint32_t m, const Posting& q) { return m < q.mention; });
        for (; p != postings.data() + g_end; ++p) {
          const uint32_t b = p->mention;
          if (seen[b] == a) continue;
          seen[b] = a;
          ++st.candidate_pairs;
          if (!window[a].Overlaps(window[b])) continue;
          if (norm[a] <= 0 || norm[b] <= 0) continue;
          double dot = 0;
          const auto& ta = toks[a];
          const auto& tb = toks[b];
          for (size_t i = 0, j = 0; i < ta.size() && j < tb.size();) {
            if (ta[i] < tb[j]) {
              ++i;
            } else if (tb[j] < ta[i]) {
              ++j;
            } else {
              dot += weight[ta[i]] * weight[ta[i]];
              ++i;
              ++j;
            }
          }
          double sim = dot / (norm[a] * norm[b]);
          if (sim >= options.merge_threshold) accepted.push_back({sim, a, b});
        }
      }
    }
    // Strongest links first; ties by index, so the result depends only on the canonical
    // order.
    std::sort(accepted.begin(), accepted.end(), [](const Scored& x, const Scored& y) {
      return x.sim != y.sim ? x.sim > y.sim : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    for (const Scored& sc : accepted) {
      size_t ra = uf.Find(sc.a), rb = uf.Find(sc.b);
      if (ra == rb) continue;
      // Chaining must not join dates that exclude each other (2016-03 ~ 2016 ~ 2016-10).
      if (!cluster_window[ra].Overlaps(cluster_window[rb])) continue;
      DayInterval both{std::max(cluster_window[ra].begin, cluster_window[rb].begin),
                       std::min(cluster_window[ra].end, cluster_window[rb].end)};
      size_t r = uf.Union(ra, rb);
      cluster_window[r] = both;
      ++st.merges;
    }
    block_begin = block_end;
  }
  std::vector<int> cluster(n, -1);
  std::vector<int> root_id(n, -1);
  int next = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t r = uf.Find(i);
    if (root_id[r] < 0) root_id[r] = next++;
    cluster[i] = root_id[r];
  }
  return cluster;
}

}  // namespace tarikh::timeline_internal
