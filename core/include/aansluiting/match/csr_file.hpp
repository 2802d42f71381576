#pragma once
// A SparseMatrix on disk, for benchmarks and for exchanging vectors with tools
// outside the library. Little endian, no padding:
//   char[8]  magic "AANSCSR1"
//   u64      rows, n_cols, nnz
//   u32      indptr[rows + 1]
//   u32      indices[nnz]
//   f32      values[nnz]

#include <string>

#include "aansluiting/match/similarity_join.hpp"

namespace aansluiting::match {

// Throws InputError naming the file when it is missing, truncated or not a valid matrix.
SparseMatrix read_csr_file(const std::string& path);
void write_csr_file(const std::string& path, const SparseMatrix& m);

}  // namespace aansluiting::match
