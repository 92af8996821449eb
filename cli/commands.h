// SPDX-License-Identifier: MIT
// One entry point per subcommand; each parses its own flags (argv[0] is the subcommand name).
#ifndef TARIKH_CLI_COMMANDS_H_
#define TARIKH_CLI_COMMANDS_H_

namespace tarikh::cli {

int RunTag(int argc, char** argv);        // cmd_tag.cc
int RunNormalize(int argc, char** argv);  // cmd_tag.cc
int RunBuild(int argc, char** argv);      // cmd_build.cc
int RunQuery(int argc, char** argv);      // cmd_query.cc
int RunExport(int argc, char** argv);     // cmd_query.cc: timeline JSON → other formats
int RunHijri(int argc, char** argv);      // cmd_hijri.cc: Hijri ↔ Gregorian
int RunExtract(int argc, char** argv);    // cmd_extract.cc
int RunMerge(int argc, char** argv);      // cmd_extract.cc
int RunEval(int argc, char** argv);       // cmd_eval.cc: score against TimeML gold

}  // namespace tarikh::cli

#endif  // TARIKH_CLI_COMMANDS_H_
