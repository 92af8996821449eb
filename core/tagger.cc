// SPDX-License-Identifier: MIT
// Placeholder tagger: validates UTF-8 and finds nothing. Replaced by the rule engine (#2).
#include "tarikh/core/tagger.h"

namespace tarikh {

struct Tagger::Impl {
  TaggerOptions options;
};
struct TagSession::State {
  Dct dct;
  int64_t byte_base = 0;
  int64_t cp_base = 0;
};

Tagger::Tagger(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Tagger::Tagger(Tagger&&) noexcept = default;
Tagger& Tagger::operator=(Tagger&&) noexcept = default;
Tagger::~Tagger() = default;

Result<Tagger> Tagger::Create(const TaggerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  return Tagger(std::move(impl));
}

Result<std::vector<Timex>> Tagger::Tag(std::string_view text, const Dct& dct) const {
  std::vector<Timex> out;
  TagSession session = StartSession(dct);
  TARIKH_RETURN_IF_ERROR(session.Feed(text, &out));
  return out;
}

Result<Timex> Tagger::Normalize(std::string_view expression, const Dct& dct) const {
  auto found = Tag(expression, dct);
  if (!found.ok()) return found.status();
  if (found->empty()) return Status::NotFound("no temporal expression found");
  return found->front();
}

TagSession Tagger::StartSession(const Dct& dct) const { return TagSession(impl_.get(), dct); }

TagSession::TagSession(const Tagger::Impl* tagger, const Dct& dct)
    : tagger_(tagger), state_(std::make_unique<State>()) {
  state_->dct = dct;
}
TagSession::TagSession(TagSession&&) noexcept = default;
TagSession& TagSession::operator=(TagSession&&) noexcept = default;
TagSession::~TagSession() = default;

Status TagSession::Feed(std::string_view chunk, std::vector<Timex>* /*out*/) {
  state_->byte_base += static_cast<int64_t>(chunk.size());
  return Status::Ok();
}

}  // namespace tarikh
