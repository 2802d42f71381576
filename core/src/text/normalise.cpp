#include "aansluiting/text/normalise.hpp"

#include <memory>
#include <stdexcept>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace aansluiting::text {
namespace {

// ICU's rule-based transliterator removes accents after canonical decomposition
// and recomposes; it is built once and is not thread-safe, so each thread keeps one.
icu::Transliterator& accent_folder() {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFKD; [:Nonspacing Mark:] Remove; NFKC", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU transliterator: ") + u_errorName(status));
    return tr;
  }();
  return *t;
}

}  // namespace

std::string fold(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU NFKC_Casefold: ") + u_errorName(status));
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString folded = nfkc_cf->normalize(s, status);
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU normalise: ") + u_errorName(status));
  accent_folder().transliterate(folded);
  std::string out;
  folded.toUTF8String(out);
  return out;
}

}  // namespace aansluiting::text
