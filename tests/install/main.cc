// SPDX-License-Identifier: MIT
// The README's embedding example, compiled against an installed tarikh.
#include <iostream>

#include "tarikh/core/tagger.h"
#include "tarikh/export/export.h"
#include "tarikh/timeline/builder.h"

int main() {
  auto tagger = tarikh::Tagger::Create();
  tarikh::Document doc{.id = "001",
                       .text =
                           "وبدأت القوات العراقية في تشرين الأول / أكتوبر الماضي هجوما "
                           "واسعا لاستعادة مدينة الموصل من التنظيم.",
                       .dct = tarikh::ParseDct("2017-04-18").value()};
  for (const tarikh::Timex& t : *tagger->Tag(doc.text, *doc.dct)) std::cout << t.value << "\n";
  tarikh::Timeline timeline = tarikh::BuildTimelineFromDocuments({doc}, *tagger);
  for (const tarikh::Event& e : timeline.events) std::cout << e.value << " " << e.headline << "\n";
  auto files = tarikh::ExportAll({.timeline = &timeline}, {});  // timeline.json, timelinejs.json…
  for (const tarikh::ExportFile& f : *files) std::cout << f.filename << "\n";
}
