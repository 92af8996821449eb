// SPDX-License-Identifier: MIT
#include "temporal_graph.h"

// GCC 12 reports a false -Wmaybe-uninitialized inside Boost.Graph's edge iterator (its
// boost::optional member) when bellman_ford_shortest_paths is inlined; the code is fine.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/bellman_ford_shortest_paths.hpp>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace tarikh::timeline_internal {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS, boost::no_property,
                                    boost::property<boost::edge_weight_t, int64_t>>;
constexpr int64_t kInf = std::numeric_limits<int64_t>::max();

}  // namespace

TemporalNetwork::TemporalNetwork(int num_events, size_t expected_constraints)
    : num_events_(num_events) {
  edges_.reserve(static_cast<size_t>(num_events) + expected_constraints);
  for (int i = 0; i < num_events; ++i) {
    AddConstraint(End(i), Start(i), 0, {ConstraintReason::kAnchor, -1});  // start <= end
  }
}

void TemporalNetwork::AddConstraint(int u, int v, int64_t weight, ConstraintReason reason) {
  edges_.push_back({u, v, weight, reason});
}

void TemporalNetwork::AddRange(int point, int64_t lo, int64_t hi, ConstraintReason reason) {
  if (lo > -kNoBound) AddConstraint(point, 0, -lo, reason);  // 0 - p <= -lo
  if (hi < kNoBound) AddConstraint(0, point, hi, reason);    // p - 0 <= hi
}

void TemporalNetwork::AddBefore(int a, int b, ConstraintReason reason) {
  AddConstraint(Start(b), End(a), 0, reason);  // end(a) - start(b) <= 0
}

TemporalNetwork::Solution TemporalNetwork::SolveAnchorsOnly(const std::vector<Edge>& edges, int n) {
  Solution sol;
  sol.lower.assign(n, -kNoBound);
  sol.upper.assign(n, kNoBound);
  // Points come in (start, end) pairs after the origin: 1/2, 3/4, …
  auto consistent = [&](int p) {
    int start = p % 2 == 1 ? p : p - 1, end = start + 1;
    return sol.lower[start] <= sol.upper[start] && sol.lower[end] <= sol.upper[end] &&
           sol.lower[start] <= sol.upper[end];
  };
  for (const Edge& e : edges) {
    if (e.u != 0 && e.v != 0) continue;  // start <= end is applied below; cues are ignored
    int p = e.u == 0 ? e.v : e.u;
    int64_t old_lower = sol.lower[p], old_upper = sol.upper[p];
    if (e.u == 0) {
      sol.upper[p] = std::min(sol.upper[p], e.w);
    } else {
      sol.lower[p] = std::max(sol.lower[p], -e.w);
    }
    if (!consistent(p)) {
      sol.lower[p] = old_lower;
      sol.upper[p] = old_upper;
      Conflict c;
      c.reasons.push_back(e.reason);
      c.dropped = e.reason;
      sol.conflicts.push_back(c);
    }
  }
  for (int start = 1; start + 1 < n; start += 2) {
    sol.upper[start] = std::min(sol.upper[start], sol.upper[start + 1]);
    sol.lower[start + 1] = std::max(sol.lower[start + 1], sol.lower[start]);
  }
  return sol;
}

TemporalNetwork::Solution TemporalNetwork::SolveComponent(const std::vector<Edge>& edges_, int n,
                                                          int max_repairs) {
  std::vector<bool> active(edges_.size(), true);
  Solution sol;
  for (int attempt = 0;; ++attempt) {
    Graph g(n);
    std::vector<size_t> edge_index;
    for (size_t i = 0; i < edges_.size(); ++i) {
      if (!active[i]) continue;
      boost::add_edge(edges_[i].u, edges_[i].v, edges_[i].w, g);
      edge_index.push_back(i);
    }
    auto weight = boost::get(boost::edge_weight, g);
    std::vector<int64_t> dist(n, kInf);
    std::vector<Graph::vertex_descriptor> pred(n);
    for (int i = 0; i < n; ++i) pred[i] = i;
    dist[0] = 0;
    // Passes: n proves a negative cycle; a big component gets at most kMaxPasses (a path of
    // more constraints than that is treated like a cycle, i.e. its cues are dropped).
    const int passes = n > kBigComponent ? std::min(n, kMaxPasses) : n;
    bool ok = boost::bellman_ford_shortest_paths(
        g, passes,
        boost::weight_map(weight).distance_map(dist.data()).predecessor_map(pred.data()));
    std::vector<int64_t> rdist(n, kInf);
    if (ok) {
      // Lower bounds: shortest paths to the origin = shortest paths from it in the graph
      // with every edge reversed.
      Graph rg(n);
      for (size_t i : edge_index) boost::add_edge(edges_[i].v, edges_[i].u, edges_[i].w, rg);
      std::vector<Graph::vertex_descriptor> rpred(n);
      for (int i = 0; i < n; ++i) rpred[i] = i;
      rdist[0] = 0;
      ok = boost::bellman_ford_shortest_paths(rg, passes,
                                              boost::weight_map(boost::get(boost::edge_weight, rg))
                                                  .distance_map(rdist.data())
                                                  .predecessor_map(rpred.data()));
      if (!ok) {  // cannot happen when the forward pass succeeded; be safe anyway
        dist = rdist;
        pred = rpred;
      }
    }
    if (ok) {
      sol.lower.assign(n, -kNoBound);
      sol.upper.assign(n, kNoBound);
      for (int i = 0; i < n; ++i) {
        if (dist[i] != kInf) sol.upper[i] = std::min(dist[i], kNoBound);
        if (rdist[i] != kInf) sol.lower[i] = std::max(-rdist[i], -kNoBound);
      }
      return sol;
    }
    // Find a negative cycle: an edge still relaxable, then walk predecessors n times to be
    // sure to stand on the cycle, then go round it once.
    int start = -1;
    for (size_t k = 0; k < edge_index.size() && start < 0; ++k) {
      const Edge& e = edges_[edge_index[k]];
      if (dist[e.u] != kInf && dist[e.u] + e.w < dist[e.v]) {
        pred[e.v] = e.u;
        start = e.v;
      }
    }
    std::vector<size_t> cycle;  // indices into edges_
    if (start >= 0) {
      // Lightest active edge per (u, v), to name the constraints on the cycle.
      std::unordered_map<uint64_t, size_t> lightest;
      for (size_t i : edge_index) {
        uint64_t key =
            (static_cast<uint64_t>(edges_[i].u) << 32) | static_cast<uint32_t>(edges_[i].v);
        auto [it, added] = lightest.emplace(key, i);
        if (!added && edges_[i].w < edges_[it->second].w) it->second = i;
      }
      int x = start;
      for (int k = 0; k < n; ++k) x = static_cast<int>(pred[x]);
      int y = x;
      do {
        int p = static_cast<int>(pred[y]);
        // The lightest active edge p → y is the one on the cycle.
        auto it = lightest.find((static_cast<uint64_t>(p) << 32) | static_cast<uint32_t>(y));
        size_t best = it == lightest.end() ? edges_.size() : it->second;
        if (best == edges_.size() || p == y) {
          cycle.clear();
          break;
        }
        cycle.push_back(best);
        y = p;
      } while (y != x && cycle.size() <= static_cast<size_t>(n));
    }
    Conflict c;
    for (size_t i : cycle) c.reasons.push_back(edges_[i].reason);
    // Drop the weakest statement on the cycle (structural start <= end edges never go).
    size_t drop = edges_.size();
    for (size_t i : cycle) {
      if (edges_[i].reason.mention < 0) continue;
      if (drop == edges_.size() || edges_[i].reason.kind < edges_[drop].reason.kind) drop = i;
    }
    if (attempt >= max_repairs || drop == edges_.size() || n > kBigComponent) {
      // Give up on relative statements altogether; anchors alone are checked once more.
      sol.gave_up = true;
      bool changed = false;
      for (size_t i = 0; i < edges_.size(); ++i) {
        if (active[i] && edges_[i].reason.kind != ConstraintReason::kAnchor) {
          active[i] = false;
          changed = true;
        }
      }
      if (!cycle.empty()) sol.conflicts.push_back(c);
      if (!changed) {
        // Anchors of one event contradict each other: keep only structural edges.
        for (size_t i = 0; i < edges_.size(); ++i) active[i] = edges_[i].reason.mention < 0;
      }
      if (attempt > max_repairs + 2) {
        sol.lower.assign(n, -kNoBound);
        sol.upper.assign(n, kNoBound);
        return sol;
      }
      continue;
    }
    c.dropped = edges_[drop].reason;
    active[drop] = false;
    sol.conflicts.push_back(c);
  }
}

// Events tied by no event-to-event constraint only meet at the origin, so each connected
// component (over edges between event points) is solved on its own: Bellman–Ford then costs
// the component's size, not the whole timeline's, and one contradiction re-solves only its
// component.
TemporalNetwork::Solution TemporalNetwork::Solve(int max_repairs) const {
  const int n = 1 + 2 * num_events_;
  std::vector<int> parent(num_events_);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  auto event_of = [](int point) { return (point - 1) / 2; };
  for (const Edge& e : edges_) {
    if (e.u != 0 && e.v != 0) {
      int a = find(event_of(e.u)), b = find(event_of(e.v));
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
  }
  std::vector<std::vector<size_t>> by_root(num_events_);
  for (size_t i = 0; i < edges_.size(); ++i) {
    int p = edges_[i].u != 0 ? edges_[i].u : edges_[i].v;
    if (p == 0) continue;
    by_root[find(event_of(p))].push_back(i);
  }
  std::vector<std::vector<int>> members(num_events_);
  for (int ev = 0; ev < num_events_; ++ev) members[find(ev)].push_back(ev);
  Solution sol;
  sol.lower.assign(n, -kNoBound);
  sol.upper.assign(n, kNoBound);
  std::vector<int> local(n, -1);
  for (int root = 0; root < num_events_; ++root) {
    if (members[root].empty()) continue;
    // Local point ids: 0 = origin, then the component's points.
    std::vector<int> global = {0};
    for (int ev : members[root]) {
      for (int p : {Start(ev), End(ev)}) {
        local[p] = static_cast<int>(global.size());
        global.push_back(p);
      }
    }
    local[0] = 0;
    std::vector<Edge> edges;
    edges.reserve(by_root[root].size());
    for (size_t i : by_root[root]) {
      Edge e = edges_[i];
      e.u = local[e.u];
      e.v = local[e.v];
      edges.push_back(e);
    }
    const int local_n = static_cast<int>(global.size());
    Solution part;
    if (members[root].size() == 1) {
      // One event, no cue: its bounds are the intersection of its ranges; no graph needed.
      part = SolveAnchorsOnly(edges, local_n);
    } else {
      part = SolveComponent(edges, local_n, max_repairs);
      if (part.gave_up && local_n > kBigComponent) {
        // A large tangle of contradicting cues: keep the dates, drop the cues, and say so.
        part = SolveAnchorsOnly(edges, local_n);
        part.gave_up = true;
      }
    }
    for (size_t k = 1; k < global.size(); ++k) {
      sol.lower[global[k]] = part.lower[k];
      sol.upper[global[k]] = part.upper[k];
    }
    for (auto& c : part.conflicts) sol.conflicts.push_back(std::move(c));
    sol.gave_up |= part.gave_up;
  }
  return sol;
}

}  // namespace tarikh::timeline_internal
