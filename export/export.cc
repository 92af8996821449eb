// SPDX-License-Identifier: MIT
#include "tarikh/timeline/timeline.h"
