// SPDX-License-Identifier: MIT
// The timeline model (include/tarikh/timeline/timeline.h) is plain structs and an interface
// with no out-of-line code; this unit only checks that the public header compiles on its
// own. The types are exercised by builder_test, timeline_json_test and the export tests.
#include "tarikh/timeline/timeline.h"
