#include "aansluiting/text/analyser.hpp"

#include <cmath>
#include <unordered_set>

#include "aansluiting/text/stemmer.hpp"
#include "aansluiting/text/stopwords.hpp"
#include "aansluiting/text/words.hpp"

namespace aansluiting::text {

// --- Vocabulary ---------------------------------------------------------------

std::optional<TermId> Vocabulary::find(std::string_view term) const {
  auto it = ids_.find(term);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

TermId Vocabulary::add(const std::string& term) {
  auto [it, inserted] = ids_.emplace(term, static_cast<TermId>(terms_.size()));
  if (inserted) {
    terms_.push_back(term);
    df_.push_back(0);
    display_.push_back(term);
  }
  return it->second;
}

const std::string& Vocabulary::display(TermId id) const {
  const std::string& d = display_.at(id);
  return d.empty() ? terms_.at(id) : d;
}

double Vocabulary::idf(TermId id) const {
  double n = static_cast<double>(documents_);
  double df = static_cast<double>(df_.at(id));
  return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

double Vocabulary::unseen_idf() const {
  double n = static_cast<double>(documents_);
  return std::log(1.0 + (n + 0.5) / 0.5);
}

// --- Analyser -----------------------------------------------------------------

namespace {

bool is_conjunction(std::string_view folded) { return folded == "en" || folded == "of" || folded == "tot"; }

}  // namespace

Analyser::Analyser(const std::vector<std::string>& corpus, AnalyserOptions options) : options_(options) {
  // Pass 1: word counts, the vocabulary the compound splitter splits against.
  std::unordered_map<std::string, std::size_t> counts;
  for (const std::string& doc : corpus)
    for (Word& w : split_words(doc))
      if (!w.is_number) ++counts[std::move(w.folded)];
  splitter_ = CompoundSplitter(
      std::move(counts), [](std::string_view w) { return Stemmer::for_this_thread().stem(w); }, options_.compounds);

  // Pass 2: document frequencies of terms and the most frequent original form of each.
  std::vector<std::unordered_map<std::string, std::size_t>> forms;
  std::size_t total_terms = 0;
  for (const std::string& doc : corpus) {
    std::vector<Term> terms = analyse(doc);
    total_terms += terms.size();
    std::unordered_set<TermId> seen;
    for (Term& t : terms) {
      TermId id = vocab_.add(t.stem);
      if (forms.size() <= id) forms.resize(id + 1);
      // Compound parts are displayed by their own word form when the corpus has one.
      ++forms[id][t.from_compound ? std::string() : t.original];
      if (seen.insert(id).second) ++vocab_.df_[id];
    }
  }
  for (TermId id = 0; id < forms.size(); ++id) {
    std::size_t best = 0;
    for (const auto& [form, n] : forms[id])
      if (!form.empty() && n > best) {
        best = n;
        vocab_.display_[id] = form;
      }
  }
  vocab_.documents_ = corpus.size();

  // Pass 3: document frequencies of character n-grams.
  if (options_.char_grams) {
    std::unordered_set<TermId> seen;
    for (const std::string& doc : corpus) {
      seen.clear();
      for (const std::string& gram : grams(doc))
        if (TermId id = grams_.add(gram); seen.insert(id).second) ++grams_.df_[id];
    }
    grams_.documents_ = corpus.size();
  }
  average_length_ = corpus.empty() ? 0.0 : static_cast<double>(total_terms) / static_cast<double>(corpus.size());
}

std::vector<Term> Analyser::analyse(std::string_view text) const {
  Stemmer& stemmer = Stemmer::for_this_thread();
  std::vector<Word> words = split_words(text);
  std::vector<Term> out;
  out.reserve(words.size() * 2);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.is_number) {
      if (options_.keep_numbers) out.push_back({w.folded, w.original, false});
      continue;
    }
    if (options_.drop_stopwords && is_stopword(w.folded)) continue;
    out.push_back({stemmer.stem(w.folded), w.original, false});
    // A function word inside a compound ("hier" in "hierboven", "over" in "hierover")
    // is no more a content term than on its own.
    for (const std::string& part : splitter_.split(w.folded))
      if (!(options_.drop_stopwords && is_stopword(part))) out.push_back({stemmer.stem(part), w.original, true});

    if (w.elided_head) {
      // "natuur- en scheikunde": complete "natuur" with the tail of the next full
      // word that makes a corpus word ("natuurkunde"); otherwise with its compound head.
      std::size_t j = i + 1;
      while (j < words.size() && (words[j].elided_head || is_conjunction(words[j].folded))) ++j;
      if (j < words.size() && !words[j].is_number) {
        const std::string& next = words[j].folded;
        std::string completed;
        for (std::size_t cut = 1; cut + options_.compounds.min_head_length <= next.size(); ++cut) {
          std::string candidate = w.folded + next.substr(cut);
          if (splitter_.count(candidate) > 0) {
            completed = std::move(candidate);
            break;
          }
        }
        if (completed.empty()) {
          auto parts = splitter_.split(next);
          if (!parts.empty()) completed = w.folded + parts.back();
        }
        if (!completed.empty()) out.push_back({stemmer.stem(completed), w.original + "-", true});
      }
    }
  }
  return out;
}

std::vector<std::string> Analyser::grams(std::string_view text) const {
  std::vector<std::string> out;
  if (!options_.char_grams) return out;
  for (const Word& w : split_words(text)) {
    if (w.is_number ? !options_.keep_numbers : (options_.drop_stopwords && is_stopword(w.folded))) continue;
    for (std::string& g : char_grams(w.folded, options_.grams)) out.push_back(std::move(g));
  }
  return out;
}

std::vector<std::string> Analyser::terms(std::string_view text) const {
  std::vector<std::string> out;
  for (Term& t : analyse(text)) out.push_back(std::move(t.stem));
  return out;
}

}  // namespace aansluiting::text
