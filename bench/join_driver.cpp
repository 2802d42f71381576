// Times top_k_join as a self-join on a CSR matrix file (see csr_file.hpp) and
// writes the result for comparison with other implementations.
//
//   join_driver --input m.csr --output top.bin [--threads N] [--repeat R]
//               [--top-k K] [--threshold T] [--keep-self]
//
// Output file, little endian: char[8] "AANSTOPK", u64 rows, u64 k,
// i32 cols[rows*k] (-1 = no hit), f32 scores[rows*k]; row-major, best first.
// Prints one JSON object with the timings to stdout.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "aansluiting/match/csr_file.hpp"
#include "aansluiting/match/similarity_join.hpp"

namespace {

using aansluiting::match::Hit;

struct Args {
  std::string input, output;
  unsigned threads = 0;
  int repeat = 5;
  std::size_t top_k = 10;
  float threshold = 0.0f;
  bool exclude_self = true;
};

Args parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    std::string k = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument("ontbrekende waarde na " + k);
      return argv[++i];
    };
    if (k == "--input") a.input = value();
    else if (k == "--output") a.output = value();
    else if (k == "--threads") a.threads = static_cast<unsigned>(std::stoul(value()));
    else if (k == "--repeat") a.repeat = std::max(1, std::stoi(value()));
    else if (k == "--top-k") a.top_k = std::stoul(value());
    else if (k == "--threshold") a.threshold = std::stof(value());
    else if (k == "--keep-self") a.exclude_self = false;
    else throw std::invalid_argument("onbekende optie: " + k);
  }
  if (a.input.empty()) throw std::invalid_argument("--input is verplicht");
  return a;
}

// Peak resident set size of this process in KiB (Linux VmHWM; 0 elsewhere).
// Unlike getrusage of a child, it is not inherited from the parent across exec.
long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  return 0;
}

void write_result(const std::string& path, const std::vector<std::vector<Hit>>& hits, std::size_t k) {
  const std::size_t n = hits.size();
  std::vector<std::int32_t> cols(n * k, -1);
  std::vector<float> scores(n * k, 0.0f);
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t j = 0; j < hits[r].size(); ++j) {
      cols[r * k + j] = static_cast<std::int32_t>(hits[r][j].col);
      scores[r * k + j] = hits[r][j].score;
    }
  std::ofstream out(path, std::ios::binary);
  const std::uint64_t header[2] = {n, k};
  out.write("AANSTOPK", 8);
  out.write(reinterpret_cast<const char*>(header), sizeof header);
  out.write(reinterpret_cast<const char*>(cols.data()), static_cast<std::streamsize>(cols.size() * 4));
  out.write(reinterpret_cast<const char*>(scores.data()), static_cast<std::streamsize>(scores.size() * 4));
  if (!out) throw std::runtime_error("schrijven mislukt: " + path);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Args args = parse(argc, argv);
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    const auto matrix = aansluiting::match::read_csr_file(args.input);
    const double load_s = std::chrono::duration<double>(clock::now() - t0).count();

    aansluiting::match::JoinOptions options;
    options.top_k = args.top_k;
    options.threshold = args.threshold;
    options.exclude_self = args.exclude_self;
    options.threads = args.threads;
    const unsigned threads = args.threads ? args.threads : std::max(1u, std::thread::hardware_concurrency());

    std::vector<double> times;
    std::vector<std::vector<Hit>> result;
    for (int r = 0; r < args.repeat; ++r) {
      auto start = clock::now();
      result = aansluiting::match::top_k_join(matrix, matrix, options);
      times.push_back(std::chrono::duration<double>(clock::now() - start).count());
    }
    if (!args.output.empty()) write_result(args.output, result, args.top_k);

    std::size_t hits = 0;
    for (const auto& row : result) hits += row.size();
    std::cout << "{\"rows\": " << matrix.rows() << ", \"cols\": " << matrix.n_cols
              << ", \"nnz\": " << matrix.indices.size() << ", \"threads\": " << threads
              << ", \"top_k\": " << args.top_k << ", \"hits\": " << hits << ", \"load_seconds\": " << load_s << ", \"peak_rss_kib\": " << peak_rss_kib()
              << ", \"best_seconds\": " << *std::min_element(times.begin(), times.end()) << ", \"seconds\": [";
    for (std::size_t i = 0; i < times.size(); ++i) std::cout << (i ? ", " : "") << times[i];
    std::cout << "]}\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "join_driver: " << e.what() << "\n";
    return 1;
  }
}
