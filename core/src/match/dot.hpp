#pragma once
// The one definition of a pair's score. Both joins sum the products of shared
// columns in ascending column order, so the fast join reproduces the reference
// scores bit for bit whatever the thread count or pruning order.

#include <cstdint>

#include "aansluiting/match/similarity_join.hpp"

namespace aansluiting::match::detail {

// Merge of two sorted rows (reference form).
inline float merge_dot(const SparseMatrix& a, std::size_t ra, const SparseMatrix& b, std::size_t rb) {
  std::uint32_t i = a.indptr[ra], iend = a.indptr[ra + 1];
  std::uint32_t j = b.indptr[rb], jend = b.indptr[rb + 1];
  float s = 0.0f;
  while (i < iend && j < jend) {
    if (a.indices[i] < b.indices[j]) {
      ++i;
    } else if (b.indices[j] < a.indices[i]) {
      ++j;
    } else {
      s += a.values[i] * b.values[j];
      ++i;
      ++j;
    }
  }
  return s;
}

// Same sum against the left row scattered into a dense array (zeros elsewhere):
// adding a zero product leaves a float sum unchanged, so this equals merge_dot.
struct Entry {
  std::uint32_t col;
  float weight;
};
inline float gather_dot(const float* dense_left, const Entry* row, std::size_t n) {
  float s = 0.0f;
  for (std::size_t j = 0; j < n; ++j) s += dense_left[row[j].col] * row[j].weight;
  return s;
}

}  // namespace aansluiting::match::detail
