#include "inverted_index.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <thread>

namespace aansluiting::match::detail {

InvertedIndex build_inverted_index(const SparseMatrix& right, unsigned threads) {
  InvertedIndex index;
  const std::size_t n_terms = right.n_cols;
  index.start.assign(n_terms + 1, 0);
  index.max_abs.assign(n_terms, 0.0f);
  for (std::uint32_t t : right.indices) ++index.start[t + 1];
  for (std::size_t t = 0; t < n_terms; ++t) index.start[t + 1] += index.start[t];

  index.postings.resize(right.indices.size());
  index.row_norm2.assign(right.rows(), 0.0);
  index.row_start.assign(right.indptr.begin(), right.indptr.end());
  index.rows.resize(right.indices.size());
  for (std::size_t k = 0; k < right.indices.size(); ++k) index.rows[k] = {right.indices[k], right.values[k]};
  std::vector<std::uint32_t> fill(index.start.begin(), index.start.end() - 1);
  for (std::size_t r = 0; r < right.rows(); ++r) {
    const std::uint32_t begin = right.indptr[r], end = right.indptr[r + 1];
    index.max_row_nnz = std::max(index.max_row_nnz, end - begin);
    for (std::uint32_t k = begin; k < end; ++k) {
      const std::uint32_t t = right.indices[k];
      index.postings[fill[t]++] = {static_cast<std::uint32_t>(r), right.values[k]};
      index.row_norm2[r] += static_cast<double>(right.values[k]) * right.values[k];
    }
    index.max_row_norm = std::max(index.max_row_norm, std::sqrt(index.row_norm2[r]));
  }

  index.max_row_norm *= 1.0 + 1e-12;

  // Each list is sorted as 64-bit keys: |weight| descending, then row
  // ascending, then the sign. Comparing integers without a branch is several
  // times faster than sorting the postings with a float comparator.
  auto sort_terms = [&](std::size_t first, std::size_t last) {
    std::vector<std::uint64_t> keys;
    for (std::size_t t = first; t < last; ++t) {
      Posting* const b = index.postings.data() + index.start[t];
      const std::size_t n = index.start[t + 1] - index.start[t];
      if (n == 0) continue;
      keys.resize(n);
      for (std::size_t j = 0; j < n; ++j) {
        const std::uint32_t bits = std::bit_cast<std::uint32_t>(b[j].weight);
        const std::uint64_t magnitude = 0x7fffffffu - (bits & 0x7fffffffu);  // larger |w| first
        keys[j] = magnitude << 33 | std::uint64_t{b[j].row} << 1 | bits >> 31;
      }
      std::sort(keys.begin(), keys.end());
      for (std::size_t j = 0; j < n; ++j) {
        const auto magnitude = static_cast<std::uint32_t>(0x7fffffffu - (keys[j] >> 33));
        const auto sign = static_cast<std::uint32_t>(keys[j] & 1u) << 31;
        b[j] = {static_cast<std::uint32_t>(keys[j] >> 1), std::bit_cast<float>(magnitude | sign)};
      }
      index.max_abs[t] = std::fabs(b[0].weight);
    }
  };
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(n_terms / 4096 + 1)));
  if (threads == 1) {
    sort_terms(0, n_terms);
  } else {
    std::vector<std::thread> pool;
    for (unsigned w = 0; w < threads; ++w)
      pool.emplace_back(sort_terms, n_terms * w / threads, n_terms * (w + 1) / threads);
    for (auto& th : pool) th.join();
  }
  return index;
}

}  // namespace aansluiting::match::detail
