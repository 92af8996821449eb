// SPDX-License-Identifier: MIT
// Private to timeline/: cross-document merging of mentions into events.
#ifndef TARIKH_TIMELINE_MERGE_H_
#define TARIKH_TIMELINE_MERGE_H_

#include <cstdint>
#include <vector>

#include "tarikh/timeline/builder.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh::timeline_internal {

struct MergeStats {
  int64_t blocks = 0;
  int64_t candidate_pairs = 0;  // pairs whose similarity was computed
  int64_t merges = 0;
  int64_t skipped_keys = 0;  // posting lists longer than max_posting
};

// Groups `mentions` (already in canonical order) into clusters, each one event. Two mentions
// join when their anchors are compatible (same relation to the anchor, overlapping day
// windows) and the cosine of their IDF-weighted token sets reaches options.merge_threshold;
// pairs are only considered inside a date block (the anchor's start year) when they share
// one of their rarest tokens. Returns cluster ids (0..k-1, numbered by first member).
std::vector<int> ClusterMentions(const std::vector<EventMention>& mentions,
                                 const BuildOptions& options, MergeStats* stats = nullptr);

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_MERGE_H_
