#pragma once
// The Snowball Dutch stemmer. A Snowball stemmer is not thread-safe: keep one
// per thread (Stemmer::for_this_thread()).

#include <string>
#include <string_view>

struct sb_stemmer;

namespace aansluiting::text {

class Stemmer {
 public:
  Stemmer();  // Dutch, UTF-8
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of a folded word ("leerlingen" -> "leerling").
  std::string stem(std::string_view folded_word);

  static Stemmer& for_this_thread();

 private:
  sb_stemmer* s_ = nullptr;
};

}  // namespace aansluiting::text
