// SPDX-License-Identifier: MIT
#include <iostream>

#include "cli_util.h"
#include "commands.h"

namespace tarikh::cli {

int RunHijri(int, char**) {
  std::cerr << "tarikh hijri: not implemented yet (#4)\n";
  return kExitInternal;
}

}  // namespace tarikh::cli
