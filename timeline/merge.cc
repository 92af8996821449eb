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

}  // namespace

int RelationClass(AnchorRelation relation) {
  switch (relation) {
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

namespace {

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
  std::unordered_map<std::string_view, uint32_t> ids;
  std::vector<std::string_view> names;
  std::vector<uint32_t> token_ids;
  std::vector<size_t> first(mentions.size() + 1, 0);
  for (size_t i = 0; i < mentions.size(); ++i) {
    first[i] = token_ids.size();
    for (const std::string& t : mentions[i].tokens) {
      auto [it, added] = ids.emplace(t, static_cast<uint32_t>(names.size()));
      if (added) names.push_back(t);
      token_ids.push_back(it->second);
    }
  }
  first[mentions.size()] = token_ids.size();
  std::vector<MergeItem> items(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const EventMention& m = mentions[i];
    MergeItem& it = items[i];
    it.dated = !m.timex.value.empty();
    it.interval = m.timex.interval;
    if (it.dated) it.window = ModWindow(m.timex);
    it.relation_class = RelationClass(RelationOf(m));
    it.tokens = token_ids.data() + first[i];
    it.num_tokens = static_cast<uint32_t>(first[i + 1] - first[i]);
  }
  return ClusterMentions(items, names, options, stats);
}

std::vector<int> ClusterMentions(const std::vector<MergeItem>& items,
                                 const std::vector<std::string_view>& token_names,
                                 const BuildOptions& options, MergeStats* stats) {
  const size_t n = items.size();
  MergeStats local;
  MergeStats& st = stats ? *stats : local;
  // Renumber tokens by first appearance (ties between equally rare tokens break by this
  // number); sorted, de-duplicated token ids per mention in one flat array; document
  // frequency over all mentions.
  std::vector<int32_t> renumber(token_names.size(), -1);
  std::vector<std::string_view> text;  // new id → token
  std::vector<uint32_t> begin(n + 1, 0);
  std::vector<int32_t> flat;
  size_t total = 0;
  for (const MergeItem& it : items) total += it.num_tokens;
  flat.reserve(total);
  std::vector<int> df;
  for (size_t i = 0; i < n; ++i) {
    begin[i] = static_cast<uint32_t>(flat.size());
    for (uint32_t k = 0; k < items[i].num_tokens; ++k) {
      int32_t& id = renumber[items[i].tokens[k]];
      if (id < 0) {
        id = static_cast<int32_t>(df.size());
        df.push_back(0);
        text.push_back(token_names[items[i].tokens[k]]);
      }
      flat.push_back(id);
    }
    auto b = flat.begin() + begin[i];
    std::sort(b, flat.end());
    flat.erase(std::unique(b, flat.end()), flat.end());
    for (auto t = b; t != flat.end(); ++t) ++df[*t];
  }
  begin[n] = static_cast<uint32_t>(flat.size());
  std::vector<int32_t>().swap(renumber);
  // toks(i): mention i's token ids.
  struct Span {
    const int32_t* b;
    const int32_t* e;
    size_t size() const { return static_cast<size_t>(e - b); }
    const int32_t* begin() const { return b; }
    const int32_t* end() const { return e; }
    int32_t operator[](size_t k) const { return b[k]; }
  };
  auto toks = [&](size_t i) { return Span{flat.data() + begin[i], flat.data() + begin[i + 1]}; };
  std::vector<double> weight(df.size());
  std::vector<bool> is_concept(df.size(), false);
  for (size_t id = 0; id < df.size(); ++id) {
    is_concept[id] = text[id].size() > 1 && text[id][0] == '#';
    weight[id] = Idf(df[id], n) * (is_concept[id] ? kConceptBoost : 1.0);
  }
  std::vector<double> norm(n, 0.0);
  for (size_t i = 0; i < n; ++i) {
    for (int32_t t : toks(i)) norm[i] += weight[t] * weight[t];
    norm[i] = std::sqrt(norm[i]);
  }
  // Blocking keys: (block, token) for each dated mention's rarest tokens.
  struct Posting {
    int64_t block;
    int32_t token;
    uint32_t mention;
  };
  std::vector<Posting> postings;
  {
    // Reserved from an upper bound of the keys below: at 10^6 mentions, growing by doubling
    // held up to 1.5x the postings (~190 MB) at the reduce step's memory peak.
    const size_t max_keys = static_cast<size_t>(std::max(1, options.block_keys));
    size_t bound = 0;
    for (size_t i = 0; i < n; ++i) {
      if (!items[i].dated || !items[i].interval.bounded()) continue;
      size_t shared = 0, concepts = 0;
      for (int32_t t : toks(i)) {
        if (df[t] < 2) continue;
        ++shared;
        if (is_concept[t]) ++concepts;
      }
      bound += std::min(shared, max_keys) + concepts;
    }
    postings.reserve(bound);
  }
  std::vector<DayInterval> window(n);
  for (size_t i = 0; i < n; ++i) {
    const MergeItem& m = items[i];
    if (!m.dated) continue;  // undated: placed by cues, never merged
    window[i] = m.window;
    if (!m.interval.bounded()) continue;
    int64_t span = static_cast<int64_t>(m.interval.end) - m.interval.begin;
    int64_t year = BlockYear(m.interval.begin);
    // Coarse anchors (decades, centuries) get blocks of their own per span length.
    int64_t block = span <= 400 ? year : (span << 20) + year;
    block = block * 4 + m.relation_class;
    // Keys: the rarest tokens that another mention also has (a token seen once can match
    // nothing).
    std::vector<int32_t> keys;
    for (int32_t t : toks(i)) {
      if (df[t] >= 2) keys.push_back(t);
    }
    std::sort(keys.begin(), keys.end(),
              [&](int32_t a, int32_t b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    keys.resize(
        std::min<size_t>(keys.size(), static_cast<size_t>(std::max(1, options.block_keys))));
    // Concept tokens are keys too: reports of one event may share little else.
    for (int32_t t : toks(i)) {
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
          const Span ta = toks(a);
          const Span tb = toks(b);
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
