// SPDX-License-Identifier: MIT
// Private to timeline/: a simple temporal network over event start/end points, solved with
// Boost.Graph's Bellman–Ford (tightest bounds, negative cycles = contradictions).
#ifndef TARIKH_TIMELINE_TEMPORAL_GRAPH_H_
#define TARIKH_TIMELINE_TEMPORAL_GRAPH_H_

#include <cstdint>
#include <string>
#include <vector>

#include "anchor.h"

namespace tarikh::timeline_internal {

// Why a constraint exists: the mention that stated it and what kind of statement it was.
// Lower priority constraints are dropped first when constraints contradict each other.
struct ConstraintReason {
  enum Kind : int32_t { kOrder = 0, kCue = 1, kTense = 2, kAnchor = 3 };
  Kind kind = kAnchor;
  // Index into the caller's mentions, -1 = structural. 32 bits: an edge is then 24 bytes
  // (a 10^6-mention reduce has about 5·10^6 edges).
  int32_t mention = -1;
};

class TemporalNetwork {
 public:
  // `expected_constraints`: how many Add* edges will follow (a reserve, so a large network
  // is allocated once instead of doubling through copies).
  explicit TemporalNetwork(int num_events, size_t expected_constraints = 0);

  int num_events() const { return num_events_; }
  // Point ids: 0 is the origin (day 0 = 1970-01-01); event i has Start(i) and End(i).
  static int Start(int event) { return 1 + 2 * event; }
  static int End(int event) { return 2 + 2 * event; }

  // point_v - point_u <= weight (days).
  void AddConstraint(int u, int v, int64_t weight, ConstraintReason reason);
  // lo <= point <= hi (±kNoBound = none).
  void AddRange(int point, int64_t lo, int64_t hi, ConstraintReason reason);
  // End(a) <= Start(b).
  void AddBefore(int a, int b, ConstraintReason reason);

  struct Conflict {
    std::vector<ConstraintReason> reasons;  // the constraints on the negative cycle
    ConstraintReason dropped;               // the one removed to go on
  };
  struct Solution {
    std::vector<int64_t> lower, upper;  // per point; ±kNoBound = unbounded
    std::vector<Conflict> conflicts;
    bool gave_up = false;  // too many conflicts: all cue and tense constraints were dropped
  };
  // Tightest bounds of every point. Contradictions are reported and resolved by dropping
  // the lowest-priority constraint of each negative cycle (at most max_repairs times).
  Solution Solve(int max_repairs = 64) const;

 private:
  struct Edge {
    int u, v;
    int64_t w;
    ConstraintReason reason;
  };
  // Components with more points than this are solved with at most kMaxPasses Bellman–Ford
  // passes and give up their cues on the first contradiction (cost stays O(passes · E)).
  static constexpr int kBigComponent = 4096;
  static constexpr int kMaxPasses = 256;
  static Solution SolveComponent(const std::vector<Edge>& edges, int n, int max_repairs);
  static Solution SolveAnchorsOnly(const std::vector<Edge>& edges, int n);
  int num_events_;
  std::vector<Edge> edges_;
};

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_TEMPORAL_GRAPH_H_
