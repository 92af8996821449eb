// SPDX-License-Identifier: MIT
#include "../../timeline/temporal_graph.h"

#include <gtest/gtest.h>

#include "tarikh/core/date.h"

namespace tarikh::timeline_internal {
namespace {

using TN = TemporalNetwork;

TEST(TemporalNetworkTest, AnchorsGiveBounds) {
  TN net(1);
  net.AddRange(TN::Start(0), 100, 200, {ConstraintReason::kAnchor, 0});
  net.AddRange(TN::End(0), 100, 200, {ConstraintReason::kAnchor, 0});
  auto sol = net.Solve();
  EXPECT_TRUE(sol.conflicts.empty());
  EXPECT_EQ(sol.lower[TN::Start(0)], 100);
  EXPECT_EQ(sol.upper[TN::End(0)], 200);
}

// "after the split, before the offensive": an undated event gets a place between them.
TEST(TemporalNetworkTest, RelativeOnlyEventIsPlacedBetweenItsNeighbours) {
  TN net(3);
  const int64_t y2014 = DayNumber(2014, 1, 1), y2015 = DayNumber(2015, 1, 1);
  const int64_t oct = DayNumber(2016, 10, 1), nov = DayNumber(2016, 11, 1);
  net.AddRange(TN::Start(0), y2014, y2015 - 1, {ConstraintReason::kAnchor, 0});
  net.AddRange(TN::End(0), y2014, y2015 - 1, {ConstraintReason::kAnchor, 0});
  net.AddRange(TN::Start(2), oct, nov - 1, {ConstraintReason::kAnchor, 2});
  net.AddRange(TN::End(2), oct, nov - 1, {ConstraintReason::kAnchor, 2});
  net.AddBefore(0, 1, {ConstraintReason::kCue, 1});
  net.AddBefore(1, 2, {ConstraintReason::kCue, 1});
  auto sol = net.Solve();
  EXPECT_TRUE(sol.conflicts.empty());
  EXPECT_EQ(sol.lower[TN::Start(1)], y2014);
  EXPECT_EQ(sol.upper[TN::End(1)], nov - 1);
}

TEST(TemporalNetworkTest, UnconstrainedPointIsUnbounded) {
  TN net(1);
  auto sol = net.Solve();
  EXPECT_EQ(sol.lower[TN::Start(0)], -kNoBound);
  EXPECT_EQ(sol.upper[TN::End(0)], kNoBound);
}

// A before B, B before A, both anchored: a negative cycle. It is reported with the
// statements on it and the weakest (a cue) is dropped; anchors survive.
TEST(TemporalNetworkTest, ContradictionIsReportedNotFatal) {
  TN net(2);
  net.AddRange(TN::Start(0), 10, 20, {ConstraintReason::kAnchor, 0});
  net.AddRange(TN::End(0), 10, 20, {ConstraintReason::kAnchor, 0});
  net.AddRange(TN::Start(1), 30, 40, {ConstraintReason::kAnchor, 1});
  net.AddRange(TN::End(1), 30, 40, {ConstraintReason::kAnchor, 1});
  net.AddBefore(1, 0, {ConstraintReason::kCue, 7});  // says B (30..40) before A (10..20)
  auto sol = net.Solve();
  ASSERT_EQ(sol.conflicts.size(), 1u);
  EXPECT_EQ(sol.conflicts[0].dropped.mention, 7);
  EXPECT_EQ(sol.conflicts[0].dropped.kind, ConstraintReason::kCue);
  EXPECT_FALSE(sol.gave_up);
  EXPECT_EQ(sol.lower[TN::Start(0)], 10);
  EXPECT_EQ(sol.lower[TN::Start(1)], 30);
}

TEST(TemporalNetworkTest, ContradictoryAnchorsOfOneEvent) {
  TN net(1);
  net.AddRange(TN::Start(0), 10, 20, {ConstraintReason::kAnchor, 0});
  net.AddRange(TN::Start(0), 50, 60, {ConstraintReason::kAnchor, 1});
  auto sol = net.Solve();
  EXPECT_FALSE(sol.conflicts.empty());
  EXPECT_EQ(sol.lower.size(), 3u);  // still a solution
}

// A large component tangled by a contradicting cycle of cues keeps its dates, drops its cues
// and says so, without the V·E cost of a full Bellman–Ford proof.
TEST(TemporalNetworkTest, LargeContradictoryComponentFallsBackToDates) {
  const int n = 2500;  // 5001 points > kBigComponent
  TN net(n);
  for (int i = 0; i < n; ++i) {
    net.AddRange(TN::Start(i), 100 + i, 100 + i, {ConstraintReason::kAnchor, i});
    net.AddRange(TN::End(i), 100 + i, 100 + i, {ConstraintReason::kAnchor, i});
    if (i > 0) net.AddBefore(i - 1, i, {ConstraintReason::kCue, i});
  }
  net.AddBefore(n - 1, 0, {ConstraintReason::kCue, n});  // closes the cycle
  auto sol = net.Solve();
  EXPECT_TRUE(sol.gave_up);
  EXPECT_EQ(sol.lower[TN::Start(0)], 100);
  EXPECT_EQ(sol.upper[TN::End(n - 1)], 100 + n - 1);
}

}  // namespace
}  // namespace tarikh::timeline_internal
