#pragma once
// Inverted index over the right-hand matrix: for each term the rows that hold
// it, ordered by |weight| descending (then row ascending), so a scan can stop
// as soon as the remaining weights cannot lift a row into the top k.

#include <cstdint>
#include <vector>

#include "aansluiting/match/similarity_join.hpp"
#include "dot.hpp"

namespace aansluiting::match::detail {

struct Posting {
  std::uint32_t row;
  float weight;
};

struct InvertedIndex {
  std::vector<std::uint32_t> start;  // term -> first posting; size n_terms + 1
  std::vector<Posting> postings;
  std::vector<float> max_abs;        // term -> largest |weight|, 0 for absent terms
  // The right rows again, columns and weights side by side: scoring a row
  // then touches one cache line instead of two.
  std::vector<std::uint32_t> row_start;  // size rows + 1
  std::vector<Entry> rows;
  std::vector<double> row_norm2;     // right row -> squared L2 norm
  double max_row_norm = 0.0;         // largest L2 norm of a right row (rounded up)
  std::uint32_t max_row_nnz = 0;     // longest right row (bounds float rounding)

  std::size_t terms() const { return max_abs.size(); }
  void prefetch_row(std::uint32_t r) const { __builtin_prefetch(rows.data() + row_start[r]); }
};

// `threads` workers sort the posting lists.
InvertedIndex build_inverted_index(const SparseMatrix& right, unsigned threads);

}  // namespace aansluiting::match::detail
