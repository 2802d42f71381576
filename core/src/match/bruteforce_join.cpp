#include "aansluiting/match/similarity_join.hpp"
#include "dot.hpp"
#include "top_k.hpp"

namespace aansluiting::match {

std::vector<std::vector<Hit>> top_k_join_bruteforce(const SparseMatrix& left, const SparseMatrix& right,
                                                    const JoinOptions& options) {
  check_sparse_matrix(left, "left");
  check_sparse_matrix(right, "right");
  std::vector<std::vector<Hit>> result(left.rows());
  detail::TopK best;
  for (std::size_t i = 0; i < left.rows(); ++i) {
    best.reset(options.top_k);
    for (std::size_t j = 0; j < right.rows(); ++j) {
      if (options.exclude_self && i == j) continue;
      const float s = detail::merge_dot(left, i, right, j);
      if (s > options.threshold) best.offer({static_cast<std::uint32_t>(j), s});
    }
    result[i] = best.take_sorted();
  }
  return result;
}

}  // namespace aansluiting::match
