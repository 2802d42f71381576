#include "aansluiting/match/csr_file.hpp"

#include <bit>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "aansluiting/diagnostics.hpp"

namespace aansluiting::match {

static_assert(std::endian::native == std::endian::little, "the CSR file format is little endian");

namespace {

constexpr char kMagic[8] = {'A', 'A', 'N', 'S', 'C', 'S', 'R', '1'};

class Reader {
 public:
  Reader(const std::string& path, const std::string& bytes) : path_(path), bytes_(bytes) {}

  template <class T>
  void take(T* out, std::size_t count, const char* what) {
    if (count > (bytes_.size() - pos_) / sizeof(T))
      throw InputError({path_, 0, 0, {}}, {MessageId::CsrFileEnds, {what, std::to_string(pos_)}});
    std::memcpy(out, bytes_.data() + pos_, count * sizeof(T));
    pos_ += count * sizeof(T);
  }
  bool at_end() const { return pos_ == bytes_.size(); }

 private:
  const std::string& path_;
  const std::string& bytes_;
  std::size_t pos_ = 0;
};

}  // namespace

SparseMatrix read_csr_file(const std::string& path) {
  const std::string bytes = read_file(path, std::size_t{4} << 30);
  Reader in(path, bytes);
  char magic[8];
  in.take(magic, 8, "the header");
  if (std::memcmp(magic, kMagic, 8) != 0)
    throw InputError({path, 0, 0, {}}, {MessageId::CsrNoMagic});
  std::uint64_t header[3];
  in.take(header, 3, "the header");
  const auto [rows, cols, nnz] = header;
  if (rows >= 0xffffffffu || nnz > 0xffffffffu || cols > 0xffffffffu)
    throw InputError({path, 0, 0, {}}, {MessageId::CsrTooLarge});
  if ((rows + 1) * 4 + nnz * 8 > bytes.size())
    throw InputError({path, 0, 0, {}}, {MessageId::CsrShortFile});
  SparseMatrix m;
  m.n_cols = cols;
  m.indptr.resize(rows + 1);
  m.indices.resize(nnz);
  m.values.resize(nnz);
  in.take(m.indptr.data(), m.indptr.size(), "indptr");
  in.take(m.indices.data(), m.indices.size(), "indices");
  in.take(m.values.data(), m.values.size(), "values");
  if (!in.at_end()) throw InputError({path, 0, 0, {}}, {MessageId::CsrTrailingBytes});
  try {
    check_sparse_matrix(m, path.c_str());
  } catch (const std::invalid_argument& e) {
    throw InputError({path, 0, 0, {}}, {MessageId::CsrBadContent, {e.what()}});
  }
  return m;
}

void write_csr_file(const std::string& path, const SparseMatrix& m) {
  std::ofstream out(path, std::ios::binary);
  if (!out) throw InputError({path, 0, 0, {}}, {MessageId::CannotOpenForWriting});
  const std::uint64_t header[3] = {m.rows(), m.n_cols, m.indices.size()};
  out.write(kMagic, 8);
  out.write(reinterpret_cast<const char*>(header), sizeof header);
  out.write(reinterpret_cast<const char*>(m.indptr.data()), static_cast<std::streamsize>(m.indptr.size() * 4));
  out.write(reinterpret_cast<const char*>(m.indices.data()), static_cast<std::streamsize>(m.indices.size() * 4));
  out.write(reinterpret_cast<const char*>(m.values.data()), static_cast<std::streamsize>(m.values.size() * 4));
  if (!out) throw InputError({path, 0, 0, {}}, {MessageId::WriteFailed});
}

}  // namespace aansluiting::match
