// SPDX-License-Identifier: MIT
#include <iostream>

#include "cli_util.h"
#include "commands.h"

namespace tarikh::cli {

int RunExtract(int, char**) {
  std::cerr << "tarikh extract: not implemented yet (#5)\n";
  return kExitInternal;
}
int RunMerge(int, char**) {
  std::cerr << "tarikh merge: not implemented yet (#5)\n";
  return kExitInternal;
}

}  // namespace tarikh::cli
