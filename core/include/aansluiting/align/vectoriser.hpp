#pragma once
// Weighted sparse vectors of goals: BM25-weighted terms of the goal's own text
// plus the terms of its ancestors' titles with a weight that decays with
// distance; rows L2-normalised, so the dot product is the cosine.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/match/similarity_join.hpp"
#include "aansluiting/text/analyser.hpp"

namespace aansluiting::align {

struct VectorOptions {
  double k1 = 1.2;                // BM25 term-frequency saturation
  double b = 0.75;                // BM25 length normalisation
  double ancestor_weight = 0.15;  // the parent's title, relative to the goal's own terms (leave-subjects-out choice)
  double ancestor_decay = 0.5;    // every further ancestor: times this
  std::size_t max_ancestors = 3;
};

// Vectors of a list of goals in one term space.
struct GoalVectors {
  match::SparseMatrix rows;  // L2-normalised, own text + ancestor context
  match::SparseMatrix own;   // own text only, idf-weighted, not normalised (containment, exactness)
  // For explanations: the word as written in the goal for each of its own terms.
  std::vector<std::unordered_map<std::uint32_t, std::string>> forms;
};

class Vectoriser {
 public:
  Vectoriser(const Catalogue& catalogue, const text::Analyser& analyser, VectorOptions options = {});

  // Vectors of `goals`, in that order. Terms the analyser never saw get new ids
  // (with the idf of an unseen term); the term space grows across calls.
  GoalVectors vectorise(const std::vector<Vertex>& goals);

  std::size_t terms() const { return analyser_.vocabulary().size() + extra_.size(); }
  // Display form of a term id (a corpus word form).
  std::string term_display(std::uint32_t id) const;

 private:
  std::uint32_t term_id(const std::string& stem);
  double idf(std::uint32_t id) const;
  // BM25-weighted terms of one text, added to `out` with factor `scale`.
  void add_text(const std::string& text, double scale, std::vector<std::pair<std::uint32_t, float>>& out,
                std::unordered_map<std::uint32_t, std::string>* forms);

  const Catalogue& catalogue_;
  const text::Analyser& analyser_;
  VectorOptions options_;
  std::unordered_map<std::string, std::uint32_t> extra_ids_;
  std::vector<std::string> extra_;
};

// Cosine of two rows of (possibly different) matrices in one term space.
double row_dot(const match::SparseMatrix& a, std::size_t i, const match::SparseMatrix& b, std::size_t j);

}  // namespace aansluiting::align
