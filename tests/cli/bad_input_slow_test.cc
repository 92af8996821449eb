// SPDX-License-Identifier: MIT
// Big hostile inputs, generated into a temporary directory at run time (never committed):
// a 100 MB file of one line for `tag` (streams: memory must stay far below the input size)
// and a million tiny JSONL documents for `extract`. Labelled slow: the ASan pass skips them.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "cli_runner.h"

namespace tarikh {
namespace {

using testing::RunTarikh;
using testing::ScratchDir;

TEST(BadInputSlow, HundredMegabyteSingleLineStreams) {
  ScratchDir dir("bad_input_100mb");
  const std::string piece = "وقال المتحدث أمس إن الاجتماع عقد في 12 نيسان 2016 بحضور الوفود. ";
  {
    FILE* f = std::fopen((dir / "big.txt").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    const int64_t target = 100LL << 20;
    std::string block;
    while (block.size() < (1 << 20)) block += piece;
    for (int64_t written = 0; written < target; written += static_cast<int64_t>(block.size())) {
      ASSERT_EQ(std::fwrite(block.data(), 1, block.size(), f), block.size());
    }
    std::fclose(f);  // no newline anywhere: one line
  }
  const auto size = std::filesystem::file_size(dir / "big.txt");
  auto r = RunTarikh(dir, "tag --format jsonl --dct 2017-04-18 big.txt", dir / "big.out");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GT(std::filesystem::file_size(dir / "big.out"), 0u);
  // Streaming: peak RSS of the child must be well below the input's size (the tagger works
  // on ≤ 1 MB chunks). RUSAGE_CHILDREN also counts this test's earlier children (none here).
  EXPECT_LT(r.max_rss_kb * 1024L, static_cast<long>(size) / 2)
      << "peak RSS " << r.max_rss_kb << " kB for a " << size << " byte input";
}

TEST(BadInputSlow, MillionTinyDocuments) {
  ScratchDir dir("bad_input_1m");
  {
    FILE* f = std::fopen((dir / "docs.jsonl").c_str(), "wb");
    ASSERT_NE(f, nullptr);
    for (int i = 0; i < 1000000; ++i) {
      std::fprintf(f, "{\"id\":\"d%d\",\"dct\":\"2017-04-18\",\"text\":\"%s\"}\n", i,
                   i % 1000 == 999 ? "\\u0000" : "قال أمس");
    }
    std::fclose(f);
  }
  auto r = RunTarikh(dir, "extract docs.jsonl", dir / "m.jsonl");
  // Every 1000th document has a NUL byte: 1000 errors naming their line, the rest done.
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("docs.jsonl:1000:1: document \"d999\""), std::string::npos)
      << r.err.substr(0, 500);
  int64_t lines = 0;
  {
    FILE* f = std::fopen((dir / "m.jsonl").c_str(), "rb");
    ASSERT_NE(f, nullptr);
    for (int c; (c = std::fgetc(f)) != EOF;) lines += c == '\n';
    std::fclose(f);
  }
  EXPECT_EQ(lines, 999000);
}

}  // namespace
}  // namespace tarikh
