#include "aansluiting/text/stemmer.hpp"

#include <stdexcept>

#include <libstemmer.h>

namespace aansluiting::text {

Stemmer::Stemmer() : s_(sb_stemmer_new("dutch", "UTF_8")) {
  if (!s_) throw std::runtime_error("Snowball: no Dutch UTF-8 stemmer available");
}

Stemmer::~Stemmer() { sb_stemmer_delete(s_); }

std::string Stemmer::stem(std::string_view folded_word) {
  const sb_symbol* out = sb_stemmer_stem(s_, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                         static_cast<int>(folded_word.size()));
  if (!out) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s_)));
}

Stemmer& Stemmer::for_this_thread() {
  thread_local Stemmer s;
  return s;
}

}  // namespace aansluiting::text
