#include "aansluiting/text/words.hpp"

#include <memory>
#include <stdexcept>

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include "aansluiting/text/normalise.hpp"

namespace aansluiting::text {
namespace {

// A break iterator is expensive to create and not thread-safe: one per thread.
icu::BreakIterator& word_breaker() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> b(icu::BreakIterator::createWordInstance(icu::Locale("nl"), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
    return b;
  }();
  return *it;
}

// "auto's" / "auto’s" -> "auto": the Dutch plural/possessive apostrophe form.
void drop_apostrophe_s(std::string& w) {
  for (std::string_view suffix : {std::string_view("'s"), std::string_view("\xE2\x80\x99s")}) {
    if (w.size() > suffix.size() + 1 && w.ends_with(suffix)) {
      w.resize(w.size() - suffix.size());
      return;
    }
  }
}

bool is_space_or_comma(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }

}  // namespace

std::vector<Word> split_words(std::string_view utf8) {
  std::vector<Word> out;
  if (utf8.empty()) return out;
  UErrorCode status = U_ZERO_ERROR;
  // UText over UTF-8 makes the boundaries byte offsets into `utf8`.
  std::unique_ptr<UText, decltype(&utext_close)> ut(
      utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status), &utext_close);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU utext: ") + u_errorName(status));
  icu::BreakIterator& bi = word_breaker();
  bi.setText(ut.get(), status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU setText: ") + u_errorName(status));

  int32_t start = bi.first();
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    const int32_t rule = bi.getRuleStatus();
    if (rule < UBRK_WORD_NUMBER) continue;  // spaces and punctuation
    Word w;
    w.begin = static_cast<std::size_t>(start);
    w.end = static_cast<std::size_t>(end);
    w.original.assign(utf8.substr(w.begin, w.end - w.begin));
    w.folded = fold(w.original);
    drop_apostrophe_s(w.folded);
    w.is_number = rule < UBRK_WORD_LETTER;
    w.elided_head = !w.is_number && w.end < utf8.size() && utf8[w.end] == '-' &&
                    (w.end + 1 == utf8.size() || is_space_or_comma(utf8[w.end + 1]));
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace aansluiting::text
