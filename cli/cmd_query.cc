// SPDX-License-Identifier: MIT
#include <iostream>

#include "cli_util.h"
#include "commands.h"

namespace tarikh::cli {

int RunQuery(int, char**) {
  std::cerr << "tarikh query: not implemented yet (#4)\n";
  return kExitInternal;
}
int RunExport(int, char**) {
  std::cerr << "tarikh export: not implemented yet (#4)\n";
  return kExitInternal;
}

}  // namespace tarikh::cli
