#include "aansluiting/align/vectoriser.hpp"
#include "aansluiting/text/normalise.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "aansluiting/align/goal_text.hpp"

namespace aansluiting::align {
namespace {

constexpr char kGramKey = '\x01';  // marks unseen grams among the extra features

// Sums duplicates, then scales to unit length.
void unit(std::vector<std::pair<std::uint32_t, float>>& v) {
  std::unordered_map<std::uint32_t, double> sum;
  for (auto [id, w] : v) sum[id] += w;
  double sq = 0.0;
  for (auto& [id, w] : sum) sq += w * w;
  v.clear();
  if (sq <= 0.0) return;
  const double inv = 1.0 / std::sqrt(sq);
  for (auto& [id, w] : sum) v.emplace_back(id, static_cast<float>(w * inv));
}

}  // namespace

Vectoriser::Vectoriser(const Catalogue& catalogue, const text::Analyser& analyser, VectorOptions options)
    : catalogue_(catalogue), analyser_(analyser), options_(options) {}

std::uint32_t Vectoriser::term_id(const std::string& stem) {
  if (auto id = analyser_.vocabulary().find(stem)) return *id;
  auto [it, inserted] = extra_ids_.emplace(stem, static_cast<std::uint32_t>(terms()));
  if (inserted) extra_.push_back(stem);
  return it->second;
}

std::uint32_t Vectoriser::gram_id(const std::string& gram) {
  if (auto id = analyser_.gram_vocabulary().find(gram))
    return static_cast<std::uint32_t>(analyser_.vocabulary().size() + *id);
  std::string key(1, kGramKey);
  key += gram;
  auto [it, inserted] = extra_ids_.emplace(key, static_cast<std::uint32_t>(terms()));
  if (inserted) extra_.push_back(std::move(key));
  return it->second;
}

double ListStats::idf(std::uint32_t id) const {
  auto it = df.find(id);
  const double n = static_cast<double>(documents), d = it == df.end() ? 0.0 : static_cast<double>(it->second);
  return std::log(1.0 + (n - d + 0.5) / (d + 0.5));
}

void ListStats::merge(const ListStats& other) {
  for (auto [id, n] : other.df) df[id] += n;
  documents += other.documents;
}

double Vectoriser::idf(std::uint32_t id) const {
  const double w = corpus_idf(id);
  if (!list_ || options_.list_idf <= 0.0 || list_->documents == 0) return w;
  return w * std::pow(list_->idf(id), options_.list_idf);
}

double Vectoriser::corpus_idf(std::uint32_t id) const {
  const auto& v = analyser_.vocabulary();
  const auto& g = analyser_.gram_vocabulary();
  if (id < v.size()) return v.idf(id);
  if (id < v.size() + g.size()) return g.idf(id - v.size());
  return v.unseen_idf();
}

bool Vectoriser::is_word(std::uint32_t id) const {
  const auto& v = analyser_.vocabulary();
  if (id < v.size()) return true;
  if (id < v.size() + analyser_.gram_vocabulary().size()) return false;
  const std::string& e = extra_.at(id - v.size() - analyser_.gram_vocabulary().size());
  return e.empty() || e.front() != kGramKey;
}

std::string Vectoriser::term_display(std::uint32_t id) const {
  const auto& v = analyser_.vocabulary();
  const auto& g = analyser_.gram_vocabulary();
  if (id < v.size()) return v.display(id);
  if (id < v.size() + g.size()) return g.term(id - v.size());
  std::string e = extra_.at(id - v.size() - g.size());
  if (!e.empty() && e.front() == kGramKey) e.erase(0, 1);
  return e;
}

const Vectoriser::Analysed& Vectoriser::analysed(const std::string& text) {
  auto it = cache_.find(text);
  if (it != cache_.end()) return it->second;
  Analysed a;
  a.terms = analyser_.analyse(text);
  for (const text::Term& t : a.terms) a.term_ids.push_back(term_id(t.stem));
  if (options_.char_weight > 0.0)
    for (const std::string& gram : analyser_.grams(text)) a.gram_ids.push_back(gram_id(gram));
  return cache_.emplace(text, std::move(a)).first->second;
}

void Vectoriser::add_text(const std::string& text, double scale, Entries& out,
                          std::unordered_map<std::uint32_t, std::string>* forms) {
  const Analysed& a = analysed(text);
  const auto& terms = a.terms;
  if (terms.empty()) return;
  std::unordered_map<std::uint32_t, std::size_t> tf;
  for (std::size_t k = 0; k < terms.size(); ++k) {
    ++tf[a.term_ids[k]];
    if (forms && !terms[k].from_compound) forms->emplace(a.term_ids[k], terms[k].original);
  }
  // A term met only as a compound part is shown as the word it is ("resultaten" shared by
  // "meetresultaten" and "onderzoeksresultaten": the compound would name a word the other
  // goal does not have), or as the compound when the corpus never has the part on its own.
  if (forms) {
    const auto& vocabulary = analyser_.vocabulary();
    for (std::size_t k = 0; k < terms.size(); ++k) {
      if (!terms[k].from_compound) continue;
      const std::uint32_t id = a.term_ids[k];
      // The word only when it is visibly part of the compound: a stem shared by a
      // false split ("vers" in "verwerkte") would otherwise name a third word.
      const bool visible = id < vocabulary.size() && !vocabulary.word_form(id).empty() &&
                           text::fold(terms[k].original).find(text::fold(vocabulary.word_form(id))) != std::string::npos;
      forms->emplace(id, visible ? vocabulary.word_form(id) : terms[k].original);
    }
  }
  const double avg = analyser_.average_length() > 0 ? analyser_.average_length() : static_cast<double>(terms.size());
  const double norm = options_.k1 * (1.0 - options_.b + options_.b * static_cast<double>(terms.size()) / avg);
  for (auto [id, n] : tf) {
    const double f = static_cast<double>(n);
    const double w = idf(id) * f * (options_.k1 + 1.0) / (f + norm);
    out.emplace_back(id, static_cast<float>(scale * w));
  }
}

void Vectoriser::add_grams(const std::string& text, double scale, Entries& out) {
  std::unordered_map<std::uint32_t, std::size_t> tf;
  for (std::uint32_t id : analysed(text).gram_ids) ++tf[id];
  for (auto [id, n] : tf)
    out.emplace_back(id, static_cast<float>(scale * idf(id) * (1.0 + std::log(static_cast<double>(n)))));
}

ListStats Vectoriser::list_stats(const std::vector<Vertex>& goals) {
  const GoalGraph& g = catalogue_.graph();
  ListStats stats;
  stats.documents = goals.size();
  std::unordered_set<std::uint32_t> seen;
  for (Vertex v : goals) {
    const Analysed& a = analysed(goal_text(g.goal(v)));
    seen.clear();
    seen.insert(a.term_ids.begin(), a.term_ids.end());
    seen.insert(a.gram_ids.begin(), a.gram_ids.end());
    for (std::uint32_t id : seen) ++stats.df[id];
  }
  return stats;
}

GoalVectors Vectoriser::vectorise(const std::vector<Vertex>& goals, const ListStats* list) {
  struct Reset {
    const ListStats*& p;
    ~Reset() { p = nullptr; }
  } reset{list_};
  list_ = list;
  const GoalGraph& g = catalogue_.graph();
  const double cw = std::clamp(options_.char_weight, 0.0, 1.0);
  GoalVectors out;
  out.forms.resize(goals.size());
  for (std::size_t i = 0; i < goals.size(); ++i) {
    const Goal& goal = g.goal(goals[i]);
    const std::string own_text = goal_text(goal);
    Entries own, grams;
    add_text(own_text, 1.0, own, &out.forms[i]);
    if (cw > 0.0) add_grams(own_text, 1.0, grams);
    Entries words = own;
    // Only where the description outweighs the title: SLO's few descriptions are a
    // short addition to a long title (median 19 against 87 bytes).
    if (options_.title_weight > 0.0 && !goal.title.empty() && goal.description.size() > goal.title.size()) {
      add_text(goal.title, options_.title_weight, words, nullptr);
      if (cw > 0.0) add_grams(goal.title, options_.title_weight, grams);
    }
    // Ancestors' titles say what the goal is about when its own text is short
    // ("Ritme" under "Muzikale begrippen"); nearer ancestors count more.
    double scale = options_.ancestor_weight;
    std::size_t used = 0;
    for (Vertex a : g.ancestors(goals[i])) {
      if (used++ == options_.max_ancestors) break;
      // Forms too: a term shared only through a heading is named as the heading writes it.
      add_text(g.goal(a).title, scale, words, &out.forms[i]);
      if (cw > 0.0) add_grams(g.goal(a).title, scale, grams);
      scale *= options_.ancestor_decay;
    }
    out.own.add_row(std::move(own));
    // Each channel at unit length, weighted so the dot product mixes the two cosines.
    unit(words);
    unit(grams);
    Entries row;
    row.reserve(words.size() + grams.size());
    for (auto [id, w] : words) row.emplace_back(id, static_cast<float>(w * std::sqrt(1.0 - cw)));
    for (auto [id, w] : grams) row.emplace_back(id, static_cast<float>(w * std::sqrt(cw)));
    out.rows.add_row(std::move(row));
  }
  out.rows.n_cols = out.own.n_cols = terms();
  return out;
}

double row_dot(const match::SparseMatrix& a, std::size_t i, const match::SparseMatrix& b, std::size_t j) {
  std::uint32_t x = a.indptr[i], xe = a.indptr[i + 1], y = b.indptr[j], ye = b.indptr[j + 1];
  double s = 0.0;
  while (x < xe && y < ye) {
    if (a.indices[x] < b.indices[y]) ++x;
    else if (a.indices[x] > b.indices[y]) ++y;
    else s += double(a.values[x++]) * b.values[y++];
  }
  return s;
}

}  // namespace aansluiting::align
