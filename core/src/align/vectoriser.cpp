#include "aansluiting/align/vectoriser.hpp"

#include <cmath>

#include "aansluiting/align/goal_text.hpp"

namespace aansluiting::align {

Vectoriser::Vectoriser(const Catalogue& catalogue, const text::Analyser& analyser, VectorOptions options)
    : catalogue_(catalogue), analyser_(analyser), options_(options) {}

std::uint32_t Vectoriser::term_id(const std::string& stem) {
  if (auto id = analyser_.vocabulary().find(stem)) return *id;
  auto [it, inserted] = extra_ids_.emplace(stem, static_cast<std::uint32_t>(analyser_.vocabulary().size() + extra_.size()));
  if (inserted) extra_.push_back(stem);
  return it->second;
}

double Vectoriser::idf(std::uint32_t id) const {
  const auto& v = analyser_.vocabulary();
  return id < v.size() ? v.idf(id) : v.unseen_idf();
}

std::string Vectoriser::term_display(std::uint32_t id) const {
  const auto& v = analyser_.vocabulary();
  return id < v.size() ? v.display(id) : extra_.at(id - v.size());
}

void Vectoriser::add_text(const std::string& text, double scale, std::vector<std::pair<std::uint32_t, float>>& out,
                          std::unordered_map<std::uint32_t, std::string>* forms) {
  std::vector<text::Term> terms = analyser_.analyse(text);
  if (terms.empty()) return;
  std::unordered_map<std::uint32_t, std::size_t> tf;
  for (const text::Term& t : terms) {
    std::uint32_t id = term_id(t.stem);
    ++tf[id];
    if (forms && !t.from_compound) forms->emplace(id, t.original);
  }
  // A term met only as a compound part is shown as the compound it came from.
  if (forms)
    for (const text::Term& t : terms)
      if (t.from_compound) forms->emplace(term_id(t.stem), t.original);
  const double avg = analyser_.average_length() > 0 ? analyser_.average_length() : static_cast<double>(terms.size());
  const double norm = options_.k1 * (1.0 - options_.b + options_.b * static_cast<double>(terms.size()) / avg);
  for (auto [id, n] : tf) {
    const double f = static_cast<double>(n);
    const double w = idf(id) * f * (options_.k1 + 1.0) / (f + norm);
    out.emplace_back(id, static_cast<float>(scale * w));
  }
}

GoalVectors Vectoriser::vectorise(const std::vector<Vertex>& goals) {
  const GoalGraph& g = catalogue_.graph();
  GoalVectors out;
  out.forms.resize(goals.size());
  for (std::size_t i = 0; i < goals.size(); ++i) {
    std::vector<std::pair<std::uint32_t, float>> own;
    add_text(goal_text(g.goal(goals[i])), 1.0, own, &out.forms[i]);
    std::vector<std::pair<std::uint32_t, float>> all = own;
    // Ancestors' titles say what the goal is about when its own text is short
    // ("Ritme" under "Muzikale begrippen"); nearer ancestors count more.
    double scale = options_.ancestor_weight;
    std::size_t used = 0;
    for (Vertex a : g.ancestors(goals[i])) {
      if (used++ == options_.max_ancestors) break;
      add_text(g.goal(a).title, scale, all, nullptr);
      scale *= options_.ancestor_decay;
    }
    out.own.add_row(std::move(own));
    out.rows.add_row(std::move(all));
    // L2-normalise the row just added.
    const std::size_t r = out.rows.rows() - 1;
    double sq = 0.0;
    for (std::uint32_t k = out.rows.indptr[r]; k < out.rows.indptr[r + 1]; ++k) sq += double(out.rows.values[k]) * out.rows.values[k];
    if (sq > 0.0) {
      const float inv = static_cast<float>(1.0 / std::sqrt(sq));
      for (std::uint32_t k = out.rows.indptr[r]; k < out.rows.indptr[r + 1]; ++k) out.rows.values[k] *= inv;
    }
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
