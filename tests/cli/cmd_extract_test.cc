// SPDX-License-Identifier: MIT
// tarikh extract | tarikh merge against tarikh build --jsonl, on the repository's fixtures:
// the map/reduce split, GNU parallel sharding and shard order must not change a byte.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_runner.h"

namespace tarikh {
namespace {

using testing::ReadAll;
using testing::RunTarikh;
using testing::ScratchDir;

// The five seed articles as JSONL documents ({"id","dct","source","text"}).
std::string SeedDocumentsJsonl() {
  const std::filesystem::path seeds = std::filesystem::path(TARIKH_SOURCE_DIR) / "fixtures/seeds";
  nlohmann::json manifest = nlohmann::json::parse(ReadAll(seeds / "manifest.json"));
  std::string out;
  for (const auto& d : manifest["documents"]) {
    const std::string file = d["file"];
    nlohmann::json doc = {{"id", std::filesystem::path(file).stem().string().substr(0, 3)},
                          {"dct", d["dct"]},
                          {"source", d["source"]},
                          {"text", ReadAll(seeds / file)}};
    out += doc.dump() + "\n";
  }
  return out;
}

class ExtractMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(testing::TarikhBin().empty()) << "TARIKH_BIN is not set";
    testing::WriteAll(dir_ / "docs.jsonl", SeedDocumentsJsonl());
    auto built = RunTarikh(dir_, "build --jsonl docs.jsonl -o single.json");
    ASSERT_EQ(built.exit_code, 0) << built.err;
    single_ = ReadAll(dir_ / "single.json");
    ASSERT_NE(single_.find("\"events\""), std::string::npos);
  }
  const std::string bin_ = "'" + testing::TarikhBin() + "'";
  ScratchDir dir_{"extract_merge"};
  std::string single_;
};

TEST_F(ExtractMergeTest, MapThenReduceEqualsBuild) {
  auto m = RunTarikh(dir_, "extract docs.jsonl -o m.jsonl");
  ASSERT_EQ(m.exit_code, 0) << m.err;
  auto r = RunTarikh(dir_, "merge m.jsonl");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, single_);
  auto f = RunTarikh(dir_, "merge -o merged.json m.jsonl");
  ASSERT_EQ(f.exit_code, 0) << f.err;
  EXPECT_EQ(ReadAll(dir_ / "merged.json"), single_);
}

TEST_F(ExtractMergeTest, ShardOrderDoesNotMatter) {
  // One shard per document, merged in reverse order and via stdin in shuffled order.
  ASSERT_EQ(std::system(("cd '" + dir_.path().string() + "' && split -l 1 docs.jsonl part_ && " +
                         "for p in part_*; do " + bin_ + " extract $p > $p.m || exit 1; done")
                            .c_str()),
            0);
  auto r = RunTarikh(dir_, "merge part_ae.m part_ad.m part_ac.m part_ab.m part_aa.m");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, single_);
  const std::string piped = "cd '" + dir_.path().string() +
                            "' && cat part_ac.m part_aa.m part_ae.m part_ab.m part_ad.m | " + bin_ +
                            " merge > piped.json";
  ASSERT_EQ(std::system(piped.c_str()), 0);
  EXPECT_EQ(ReadAll(dir_ / "piped.json"), single_);
}

TEST_F(ExtractMergeTest, GnuParallelPipeEqualsBuild) {
  ASSERT_EQ(std::system("command -v parallel >/dev/null"), 0)
      << "GNU parallel is missing (scripts/setup.sh installs it)";
  const std::string cmd = "cd '" + dir_.path().string() + "' && parallel --will-cite --pipe -N 2 " +
                          bin_ + " extract < docs.jsonl | " + bin_ + " merge > par.json";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(ReadAll(dir_ / "par.json"), single_);
}

}  // namespace
}  // namespace tarikh
