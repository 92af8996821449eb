// SPDX-License-Identifier: MIT
// Private to timeline/: cross-document merging of mentions into events.
#ifndef TARIKH_TIMELINE_MERGE_H_
#define TARIKH_TIMELINE_MERGE_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "anchor.h"
#include "tarikh/timeline/builder.h"
#include "tarikh/timeline/timeline.h"

namespace tarikh::timeline_internal {

struct MergeStats {
  int64_t blocks = 0;
  int64_t candidate_pairs = 0;  // pairs whose similarity was computed
  int64_t merges = 0;
  int64_t skipped_keys = 0;  // posting lists longer than max_posting
};

// Relations that place the event inside its anchor ("at", "since") are compatible with each
// other (class 0); "until" (1), "before" (2) and "after" (3) only with themselves.
int RelationClass(AnchorRelation relation);

// What merging reads of one mention (the reduce step keeps mentions in a compact store, not
// as EventMention objects). Token ids index `token_names`; any numbering will do: ids are
// renumbered by first appearance in mention order, so ties break the same way whoever
// interned them.
struct MergeItem {
  bool dated = false;      // timex.value not empty
  DayInterval interval;    // timex.interval
  DayInterval window;      // ModWindow(timex)
  int relation_class = 0;  // at/since 0, until 1, before 2, after 3
  const uint32_t* tokens = nullptr;
  uint32_t num_tokens = 0;
};
std::vector<int> ClusterMentions(const std::vector<MergeItem>& items,
                                 const std::vector<std::string_view>& token_names,
                                 const BuildOptions& options, MergeStats* stats = nullptr);

// The same over EventMentions. Groups `mentions` (already in canonical order) into clusters, each
// one event. Two mentions join when their anchors are compatible (same relation to the anchor,
// overlapping day windows) and the cosine of their IDF-weighted token sets reaches
// options.merge_threshold; pairs are only considered inside a date block (the anchor's start year)
// when they share one of their rarest tokens. Returns cluster ids (0..k-1, numbered by first
// member).
std::vector<int> ClusterMentions(const std::vector<EventMention>& mentions,
                                 const BuildOptions& options, MergeStats* stats = nullptr);

}  // namespace tarikh::timeline_internal

#endif  // TARIKH_TIMELINE_MERGE_H_
