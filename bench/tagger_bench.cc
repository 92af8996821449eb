// SPDX-License-Identifier: MIT
// Micro benchmarks of the tagger (issue #2): building a Tagger, tagging one news sentence,
// normalizing one expression, and the Hijri converter the tagger calls for Hijri dates.
// Throughput on a whole corpus, memory and start-up are measured by bench/tag_throughput.sh.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>
#include <utility>

#include "tarikh/core/date.h"
#include "tarikh/core/hijri.h"
#include "tarikh/core/tagger.h"

namespace {

// A news sentence with several expressions (written for this bench).
constexpr const char* kSentence =
    "وقال المتحدث يوم الاثنين الماضي إن الاجتماع الذي عقد في 17 نيسان/أبريل 2017 سيستأنف "
    "بعد ثلاثة أسابيع، أي في منتصف أيار المقبل، بعد أن توقف منذ عام 2014.";
constexpr const char* kNoTimex =
    "وقال المتحدث إن الاجتماع الذي عقد في العاصمة سيستأنف بحضور الوزراء والسفراء المعنيين.";

const tarikh::Tagger& SharedTagger() {
  static const tarikh::Tagger* tagger = [] {
    auto created = tarikh::Tagger::Create();
    if (!created.ok()) std::abort();
    return new tarikh::Tagger(std::move(created).value());
  }();
  return *tagger;
}

tarikh::Dct BenchDct() { return *tarikh::ParseDct("2017-04-18"); }

void BM_TaggerCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto tagger = tarikh::Tagger::Create();
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_TaggerCreate)->Unit(benchmark::kMicrosecond);

void TagText(benchmark::State& state, const std::string& text) {
  const tarikh::Tagger& tagger = SharedTagger();
  const tarikh::Dct dct = BenchDct();
  size_t found = 0;
  for (auto _ : state) {
    auto timexes = tagger.Tag(text, dct);
    if (!timexes.ok()) state.SkipWithError("Tag failed");
    found = timexes.ok() ? timexes->size() : 0;
    benchmark::DoNotOptimize(timexes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["timexes"] = static_cast<double>(found);
}

void BM_TagSentence(benchmark::State& state) { TagText(state, kSentence); }
BENCHMARK(BM_TagSentence);

void BM_TagSentenceWithoutTimex(benchmark::State& state) { TagText(state, kNoTimex); }
BENCHMARK(BM_TagSentenceWithoutTimex);

void BM_Normalize(benchmark::State& state) {
  const tarikh::Tagger& tagger = SharedTagger();
  const tarikh::Dct dct = BenchDct();
  for (auto _ : state) {
    auto timex = tagger.Normalize("الشهر الماضي", dct);
    benchmark::DoNotOptimize(timex);
  }
}
BENCHMARK(BM_Normalize);

void BM_HijriToDayNumber(benchmark::State& state) {
  const auto calendar = static_cast<tarikh::HijriCalendar>(state.range(0));
  int day = 0;
  for (auto _ : state) {
    auto d = tarikh::HijriToDayNumber(1438, 9, 1 + day, calendar);
    benchmark::DoNotOptimize(d);
    day = (day + 1) % 29;
  }
}
BENCHMARK(BM_HijriToDayNumber)->Arg(0)->Arg(1)->Arg(2);

void BM_TabularHijriToDayNumber(benchmark::State& state) {
  int day = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(tarikh::TabularHijriToDayNumber(1438, 9, 1 + day));
    day = (day + 1) % 29;
  }
}
BENCHMARK(BM_TabularHijriToDayNumber);

}  // namespace
