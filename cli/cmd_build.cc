// SPDX-License-Identifier: MIT
#include <iostream>

#include "cli_util.h"
#include "commands.h"

namespace tarikh::cli {

int RunBuild(int, char**) {
  std::cerr << "tarikh build: not implemented yet (#3)\n";
  return kExitInternal;
}

}  // namespace tarikh::cli
