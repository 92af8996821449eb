// SPDX-License-Identifier: MIT
// tarikh: Arabic news event timelines. Dispatches to one subcommand per file.
#include <cstring>
#include <exception>
#include <iostream>
#include <string_view>

#include "cli_util.h"
#include "commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"tag", tarikh::cli::RunTag, "find and normalize temporal expressions (TimeML or JSONL)"},
    {"normalize", tarikh::cli::RunNormalize, "print the TIMEX3 value of one expression"},
    {"build", tarikh::cli::RunBuild, "build a timeline from articles"},
    {"query", tarikh::cli::RunQuery,
     "ask a timeline what happened on, before, after or between dates"},
    {"export", tarikh::cli::RunExport, "write a timeline JSON in other formats"},
    {"hijri", tarikh::cli::RunHijri, "convert dates between the Hijri and Gregorian calendars"},
    {"extract", tarikh::cli::RunExtract, "map step: JSONL documents in, JSONL event mentions out"},
    {"merge", tarikh::cli::RunMerge, "reduce step: mention shards in, a timeline out"},
    {"eval", tarikh::cli::RunEval, "score the tagger against TimeML gold (TempEval-3 style)"},
};

void PrintUsage(std::ostream& os) {
  os << "usage: tarikh <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) {
    os << "  " << c.name << std::string(12 - std::strlen(c.name), ' ') << c.summary << "\n";
  }
  os << "\n'tarikh <command> --help' describes each command. Exit codes: 0 ok, 1 an input\n"
        "failed (others were processed), 2 usage, 3 output not written, 70 internal error.\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(std::cerr);
    return tarikh::cli::kExitUsage;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    PrintUsage(std::cout);
    return tarikh::cli::kExitOk;
  }
  if (name == "--version") {
    std::cout << "tarikh 0.1.0\n";
    return tarikh::cli::kExitOk;
  }
  for (const Command& c : kCommands) {
    if (name == c.name) {
      try {
        return c.run(argc - 1, argv + 1);
      } catch (const std::exception& e) {
        std::cerr << "tarikh " << c.name << ": internal error: " << e.what() << "\n";
        return tarikh::cli::kExitInternal;
      }
    }
  }
  std::cerr << "tarikh: unknown command '" << name << "'\n";
  PrintUsage(std::cerr);
  return tarikh::cli::kExitUsage;
}
