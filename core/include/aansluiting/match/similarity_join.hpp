#pragma once
// All-pairs top-k similarity join over weighted sparse vectors (dot product).
// Contract between the vectoriser (which builds the rows) and the aligner.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace aansluiting::match {

// Compressed sparse rows; column = term id, value = weight. Within a row the
// columns are sorted ascending and unique. Rows are usually L2-normalised, so
// the dot product is the cosine.
struct SparseMatrix {
  std::size_t n_cols = 0;
  std::vector<std::uint32_t> indptr{0};  // size rows()+1
  std::vector<std::uint32_t> indices;
  std::vector<float> values;

  std::size_t rows() const { return indptr.size() - 1; }
  // Appends a row; the pairs need not be sorted, duplicates are summed.
  void add_row(std::vector<std::pair<std::uint32_t, float>> entries);
};

struct Hit {
  std::uint32_t col = 0;  // row index in the right-hand matrix
  float score = 0.0f;
  bool operator==(const Hit&) const = default;
};

struct JoinOptions {
  std::size_t top_k = 10;
  float threshold = 0.0f;     // keep hits with score > threshold
  bool exclude_self = false;  // self-join: drop (i, i)
  unsigned threads = 0;       // 0 = all cores
  // Called now and then from the calling thread with (rows done, rows total).
  std::function<void(std::size_t, std::size_t)> progress;
  // Checked between blocks of rows; when set, the join stops and throws Cancelled.
  const std::atomic<bool>* cancel = nullptr;
};

struct Cancelled : std::exception {
  const char* what() const noexcept override { return "cancelled"; }
};

// Throws std::invalid_argument naming `name` when the CSR invariants above do
// not hold (offsets, column range and order, finite weights).
void check_sparse_matrix(const SparseMatrix& m, const char* name);

// For every row of `left`, the top-k rows of `right` by dot product, best
// first; ties broken by the smaller column. The result does not depend on the
// thread count. Scores equal those of top_k_join_bruteforce bit for bit.
// A negative threshold admits rows without shared terms (score 0), which
// makes the join dense; it is supported but not fast.
std::vector<std::vector<Hit>> top_k_join(const SparseMatrix& left, const SparseMatrix& right,
                                         const JoinOptions& options);

// Exhaustive reference implementation (slow; checks the fast one in tests).
std::vector<std::vector<Hit>> top_k_join_bruteforce(const SparseMatrix& left, const SparseMatrix& right,
                                                    const JoinOptions& options);

}  // namespace aansluiting::match
