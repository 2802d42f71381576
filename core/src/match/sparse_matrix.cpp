#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "aansluiting/match/similarity_join.hpp"

namespace aansluiting::match {

void SparseMatrix::add_row(std::vector<std::pair<std::uint32_t, float>> entries) {
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t appended = 0;
  for (std::size_t i = 0; i < entries.size();) {
    const std::uint32_t col = entries[i].first;
    float sum = 0.0f;
    for (; i < entries.size() && entries[i].first == col; ++i) sum += entries[i].second;
    indices.push_back(col);
    values.push_back(sum);
    n_cols = std::max<std::size_t>(n_cols, std::size_t{col} + 1);
    ++appended;
  }
  // Offsets are 32-bit by contract; refuse to wrap silently.
  if (indices.size() > std::numeric_limits<std::uint32_t>::max()) {
    indices.resize(indices.size() - appended);
    values.resize(values.size() - appended);
    throw std::length_error("SparseMatrix: more than 2^32-1 non-zeros");
  }
  indptr.push_back(static_cast<std::uint32_t>(indices.size()));
}

void check_sparse_matrix(const SparseMatrix& m, const char* name) {
  auto fail = [&](const std::string& what) {
    throw std::invalid_argument(std::string("sparse matrix '") + name + "': " + what);
  };
  if (m.indptr.empty() || m.indptr.front() != 0) fail("indptr must start with 0");
  if (m.rows() > std::numeric_limits<std::uint32_t>::max()) fail("too many rows");
  if (m.indices.size() != m.values.size()) fail("indices and values differ in length");
  if (m.indptr.back() != m.indices.size()) fail("indptr does not end at the number of non-zeros");
  for (std::size_t r = 0; r < m.rows(); ++r) {
    const std::uint32_t begin = m.indptr[r], end = m.indptr[r + 1];
    if (end < begin) fail("indptr decreases at row " + std::to_string(r));
    for (std::uint32_t k = begin; k < end; ++k) {
      if (m.indices[k] >= m.n_cols) fail("column out of range in row " + std::to_string(r));
      if (k > begin && m.indices[k] <= m.indices[k - 1])
        fail("columns not strictly ascending in row " + std::to_string(r));
      if (!std::isfinite(m.values[k])) fail("non-finite weight in row " + std::to_string(r));
    }
  }
}

}  // namespace aansluiting::match
