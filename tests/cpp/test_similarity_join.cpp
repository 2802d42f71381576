// The fast top-k join against the exhaustive reference, on random matrices
// (shapes, densities, ties, empty rows, negative weights) and on real goal texts.

#include <atomic>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <unordered_map>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/match/csr_file.hpp"
#include "aansluiting/match/similarity_join.hpp"
#include "test_support.hpp"

namespace aansluiting::match {
namespace {

struct RandomSpec {
  std::size_t rows, cols;
  double density;
  bool discrete;       // weights from a few values: many tied scores
  bool negative;       // some weights below zero
  double empty_share;  // share of rows left empty
  bool normalise = true;
};

SparseMatrix random_matrix(const RandomSpec& spec, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  SparseMatrix m;
  m.n_cols = spec.cols;
  for (std::size_t r = 0; r < spec.rows; ++r) {
    std::vector<std::pair<std::uint32_t, float>> entries;
    if (unit(rng) >= spec.empty_share) {
      for (std::uint32_t c = 0; c < spec.cols; ++c) {
        if (unit(rng) >= spec.density) continue;
        double w = spec.discrete ? 0.25 * (1 + static_cast<int>(unit(rng) * 4)) : unit(rng) + 0.01;
        if (spec.negative && unit(rng) < 0.3) w = -w;
        entries.push_back({c, static_cast<float>(w)});
      }
    }
    if (spec.normalise && !entries.empty()) {
      double norm = 0.0;
      for (auto& e : entries) norm += double(e.second) * e.second;
      norm = std::sqrt(norm);
      for (auto& e : entries) e.second = static_cast<float>(e.second / norm);
    }
    m.add_row(std::move(entries));
  }
  return m;
}

// Rows like short texts: 3..25 terms drawn from a Zipf-like vocabulary,
// sublinear tf times idf-like weights, L2-normalised. Common terms get long
// posting lists with small weights, which is what the pruning works on.
SparseMatrix zipf_matrix(std::size_t rows, std::size_t vocabulary, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<double> p(vocabulary);
  for (std::size_t t = 0; t < vocabulary; ++t) p[t] = 1.0 / std::pow(double(t) + 2.0, 1.1);
  std::discrete_distribution<std::uint32_t> term(p.begin(), p.end());
  std::uniform_int_distribution<int> length(3, 25);
  SparseMatrix m;
  m.n_cols = vocabulary;
  for (std::size_t r = 0; r < rows; ++r) {
    std::unordered_map<std::uint32_t, int> tf;
    for (int i = length(rng); i > 0; --i) ++tf[term(rng)];
    std::vector<std::pair<std::uint32_t, float>> row;
    double norm = 0.0;
    for (auto [t, f] : tf) {
      const double w = (1.0 + std::log(f)) * std::log(2.0 + double(t));
      row.push_back({t, static_cast<float>(w)});
      norm += w * w;
    }
    for (auto& e : row) e.second = static_cast<float>(e.second / std::sqrt(norm));
    m.add_row(std::move(row));
  }
  return m;
}

std::string describe(const std::vector<Hit>& hits) {
  std::ostringstream out;
  for (const auto& h : hits) out << "(" << h.col << ", " << h.score << ") ";
  return out.str();
}

void expect_same(const std::vector<std::vector<Hit>>& fast, const std::vector<std::vector<Hit>>& slow) {
  ASSERT_EQ(fast.size(), slow.size());
  for (std::size_t r = 0; r < fast.size(); ++r)
    ASSERT_EQ(fast[r], slow[r]) << "row " << r << "\n fast: " << describe(fast[r]) << "\n slow: " << describe(slow[r]);
}

TEST(SimilarityJoin, MatchesBruteForceOnRandomMatrices) {
  const RandomSpec specs[] = {
      {40, 25, 0.2, true, false, 0.1},      // tiny vocabulary, heavy ties
      {120, 300, 0.03, false, false, 0.05}, // sparse, continuous weights
      {150, 60, 0.15, true, false, 0.2},    // ties and many empty rows
      {200, 1000, 0.01, false, false, 0.0}, // very sparse: many rows without overlap
      {100, 80, 0.1, false, true, 0.05},    // negative weights
      {90, 50, 0.3, true, true, 0.0},       // dense, ties, negative weights
      {80, 40, 0.2, false, false, 0.0, false},  // not normalised
  };
  const std::size_t ks[] = {1, 3, 10, 40};
  const float thresholds[] = {0.0f, 0.05f, 0.3f, 0.8f};
  std::uint32_t seed = 1;
  int compared = 0;
  for (const auto& spec : specs) {
    auto left = random_matrix(spec, seed++);
    auto right_spec = spec;
    right_spec.rows = spec.rows + 17;
    auto right = random_matrix(right_spec, seed++);
    for (std::size_t k : ks) {
      for (float threshold : thresholds) {
        JoinOptions options;
        options.top_k = k;
        options.threshold = threshold;
        options.threads = 2;
        SCOPED_TRACE("spec " + std::to_string(&spec - specs) + " k " + std::to_string(k) + " threshold " +
                     std::to_string(threshold));
        const auto slow = top_k_join_bruteforce(left, right, options);
        expect_same(top_k_join(left, right, options), slow);
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 7 * 4 * 4);
}

TEST(SimilarityJoin, MatchesBruteForceOnTextLikeMatrices) {
  for (std::uint32_t seed : {11u, 12u, 13u}) {
    const auto m = zipf_matrix(900, 400 * seed, seed);
    for (std::size_t k : {1, 10, 30}) {
      for (float threshold : {0.0f, 0.25f}) {
        JoinOptions options;
        options.top_k = k;
        options.threshold = threshold;
        options.exclude_self = true;
        SCOPED_TRACE("seed " + std::to_string(seed) + " k " + std::to_string(k));
        expect_same(top_k_join(m, m, options), top_k_join_bruteforce(m, m, options));
      }
    }
  }
}

TEST(SimilarityJoin, TiesAreBrokenByLowerColumn) {
  SparseMatrix left, right;
  left.add_row({{0, 1.0f}});
  for (int r = 0; r < 6; ++r) right.add_row({{0, 0.5f}, {static_cast<std::uint32_t>(r + 1), 0.5f}});
  right.add_row({{0, 0.9f}});
  JoinOptions options;
  options.top_k = 3;
  const auto hits = top_k_join(left, right, options);
  ASSERT_EQ(hits[0].size(), 3u);
  EXPECT_EQ(hits[0][0], (Hit{6, 0.9f}));
  EXPECT_EQ(hits[0][1], (Hit{0, 0.5f}));
  EXPECT_EQ(hits[0][2], (Hit{1, 0.5f}));
}

TEST(SimilarityJoin, SelfJoinExcludesSelf) {
  auto m = random_matrix({250, 120, 0.05, true, false, 0.05}, 99);
  JoinOptions options;
  options.top_k = 8;
  options.exclude_self = true;
  const auto fast = top_k_join(m, m, options);
  expect_same(fast, top_k_join_bruteforce(m, m, options));
  std::size_t hits = 0;
  for (std::size_t r = 0; r < fast.size(); ++r) {
    hits += fast[r].size();
    for (const auto& h : fast[r]) EXPECT_NE(h.col, r);
  }
  EXPECT_GT(hits, 250u);  // the join found real neighbours

  options.exclude_self = false;  // each non-empty normalised row now finds itself (score ~1) among its best
  const auto with_self = top_k_join(m, m, options);
  expect_same(with_self, top_k_join_bruteforce(m, m, options));
  for (std::size_t r = 0; r < m.rows(); ++r) {
    if (m.indptr[r] == m.indptr[r + 1]) continue;
    ASSERT_FALSE(with_self[r].empty());
    EXPECT_NEAR(with_self[r][0].score, 1.0f, 1e-5f);
  }
}

TEST(SimilarityJoin, NegativeThresholdAdmitsRowsWithoutOverlap) {
  auto left = random_matrix({30, 200, 0.02, false, true, 0.1}, 5);
  auto right = random_matrix({40, 200, 0.02, false, true, 0.1}, 6);
  JoinOptions options;
  options.top_k = 5;
  options.threshold = -0.2f;
  const auto fast = top_k_join(left, right, options);
  expect_same(fast, top_k_join_bruteforce(left, right, options));
  for (const auto& row : fast) EXPECT_EQ(row.size(), 5u);  // zero-score rows fill up
}

TEST(SimilarityJoin, ThreadCountDoesNotChangeTheResult) {
  auto m = random_matrix({3000, 400, 0.02, true, false, 0.02}, 2024);
  JoinOptions options;
  options.top_k = 10;
  options.exclude_self = true;
  options.threads = 1;
  const auto one = top_k_join(m, m, options);
  options.threads = 2;
  const auto two = top_k_join(m, m, options);
  options.threads = 4;
  const auto four = top_k_join(m, m, options);
  expect_same(two, one);
  expect_same(four, one);
}

TEST(SimilarityJoin, ProgressReachesTotalFromTheCallingThread) {
  auto m = random_matrix({1000, 200, 0.03, false, false, 0.0}, 7);
  JoinOptions options;
  options.threads = 4;
  const auto caller = std::this_thread::get_id();
  std::size_t last_done = 0, calls = 0;
  bool monotone = true, same_thread = true;
  options.progress = [&](std::size_t done, std::size_t total) {
    EXPECT_EQ(total, 1000u);
    monotone = monotone && done >= last_done;
    same_thread = same_thread && std::this_thread::get_id() == caller;
    last_done = done;
    ++calls;
  };
  top_k_join(m, m, options);
  EXPECT_TRUE(monotone);
  EXPECT_TRUE(same_thread);
  EXPECT_GT(calls, 1u);
  EXPECT_EQ(last_done, 1000u);
}

TEST(SimilarityJoin, CancelThrows) {
  auto m = random_matrix({2000, 200, 0.03, false, false, 0.0}, 8);
  std::atomic<bool> cancel{true};
  JoinOptions options;
  options.cancel = &cancel;
  EXPECT_THROW(top_k_join(m, m, options), Cancelled);

  // Cancelled from the progress callback while the helper thread works. Its first call
  // (before the calling thread's first block): on a busy machine the helper can finish
  // every block before a later call, which then never sees "done < total" (a flaky run).
  cancel = false;
  options.threads = 2;
  options.progress = [&](std::size_t, std::size_t) { cancel = true; };
  EXPECT_THROW(top_k_join(m, m, options), Cancelled);
}

TEST(SimilarityJoin, EdgeCases) {
  SparseMatrix empty;
  auto m = random_matrix({20, 10, 0.3, false, false, 0.0}, 9);
  JoinOptions options;
  EXPECT_TRUE(top_k_join(empty, m, options).empty());
  const auto no_right = top_k_join(m, empty, options);
  ASSERT_EQ(no_right.size(), 20u);
  for (const auto& row : no_right) EXPECT_TRUE(row.empty());
  options.top_k = 0;
  for (const auto& row : top_k_join(m, m, options)) EXPECT_TRUE(row.empty());
  // The left matrix may use terms the right one lacks.
  SparseMatrix wide;
  wide.add_row({{3, 0.6f}, {500, 0.8f}});
  options.top_k = 5;
  expect_same(top_k_join(wide, m, options), top_k_join_bruteforce(wide, m, options));
}

TEST(SimilarityJoin, RejectsBrokenMatrices) {
  SparseMatrix m;
  m.add_row({{2, 1.0f}, {1, 2.0f}, {2, 0.5f}});  // unsorted with a duplicate: add_row repairs
  EXPECT_EQ(m.indices, (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(m.values, (std::vector<float>{2.0f, 1.5f}));
  EXPECT_EQ(m.n_cols, 3u);
  EXPECT_NO_THROW(check_sparse_matrix(m, "m"));

  auto broken = m;
  std::swap(broken.indices[0], broken.indices[1]);
  EXPECT_THROW(top_k_join(broken, m, {}), std::invalid_argument);
  broken = m;
  broken.indices[1] = 7;
  EXPECT_THROW(top_k_join(m, broken, {}), std::invalid_argument);
  broken = m;
  broken.values[0] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_THROW(top_k_join(broken, m, {}), std::invalid_argument);
  broken = m;
  broken.indptr.back() = 5;
  EXPECT_THROW(top_k_join(broken, m, {}), std::invalid_argument);
}

TEST(CsrFile, RoundTripAndBadFiles) {
  testing::ScratchDir dir;
  auto m = random_matrix({50, 30, 0.2, false, true, 0.1}, 10);
  const auto path = (dir.path() / "m.csr").string();
  write_csr_file(path, m);
  const auto back = read_csr_file(path);
  EXPECT_EQ(back.n_cols, m.n_cols);
  EXPECT_EQ(back.indptr, m.indptr);
  EXPECT_EQ(back.indices, m.indices);
  EXPECT_EQ(back.values, m.values);

  std::string bytes = read_file(path);
  const auto truncated = dir.write("short.csr", bytes.substr(0, bytes.size() - 3));
  EXPECT_THROW(read_csr_file(truncated), InputError);
  const auto garbage = dir.write("garbage.csr", "not a matrix at all, just words");
  EXPECT_THROW(read_csr_file(garbage), InputError);
  std::string unsorted = bytes;
  // Swap the first two column indices of the first row with two entries.
  std::size_t row = 0;
  while (m.indptr[row + 1] - m.indptr[row] < 2) ++row;
  const std::size_t at = 8 + 24 + 4 * (m.rows() + 1) + 4 * m.indptr[row];
  std::swap_ranges(unsorted.begin() + at, unsorted.begin() + at + 4, unsorted.begin() + at + 4);
  try {
    read_csr_file(dir.write("unsorted.csr", unsorted));
    ADD_FAILURE() << "unsorted columns accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("unsorted.csr"), std::string::npos);
  }
  EXPECT_THROW(read_csr_file((dir.path() / "missing.csr").string()), InputError);
}

// Term-frequency rows of the eindterm titles (split on spaces, L2-normalised).
SparseMatrix eindterm_title_vectors(std::size_t& duplicates) {
  const std::string path = testing::slo_dir() + "/examenprogramma/eindtermen.json";
  simdjson::ondemand::parser parser;
  simdjson::padded_string json = simdjson::padded_string::load(path);
  std::unordered_map<std::string, std::uint32_t> vocabulary;
  std::unordered_map<std::string, int> seen_titles;
  SparseMatrix m;
  duplicates = 0;
  simdjson::ondemand::document doc = parser.iterate(json);
  for (auto record : doc.get_array()) {
    std::string_view title = record["title"].get_string().value();
    if (seen_titles[std::string(title)]++ > 0) ++duplicates;
    std::unordered_map<std::uint32_t, float> tf;
    std::size_t start = 0;
    while (start <= title.size()) {
      std::size_t end = title.find(' ', start);
      if (end == std::string_view::npos) end = title.size();
      if (end > start) {
        auto [it, added] = vocabulary.try_emplace(std::string(title.substr(start, end - start)),
                                                  static_cast<std::uint32_t>(vocabulary.size()));
        tf[it->second] += 1.0f;
      }
      start = end + 1;
    }
    double norm = 0.0;
    for (auto& [term, f] : tf) norm += double(f) * f;
    std::vector<std::pair<std::uint32_t, float>> row;
    for (auto& [term, f] : tf) row.push_back({term, static_cast<float>(f / std::sqrt(norm))});
    m.add_row(std::move(row));
  }
  m.n_cols = vocabulary.size();
  return m;
}

TEST(SimilarityJoin, RealEindtermTitlesMatchBruteForce) {
  std::size_t duplicates = 0;
  const auto m = eindterm_title_vectors(duplicates);
  ASSERT_GT(m.rows(), 2000u);
  JoinOptions options;
  options.top_k = 10;
  options.exclude_self = true;
  const auto fast = top_k_join(m, m, options);
  expect_same(fast, top_k_join_bruteforce(m, m, options));

  // Titles that occur more than once find a twin with score 1 at the top.
  std::size_t perfect = 0;
  for (const auto& row : fast)
    if (!row.empty() && row[0].score > 0.9999f) ++perfect;
  EXPECT_GE(perfect, duplicates);
  EXPECT_GT(duplicates, 0u);

  options.top_k = 3;
  options.threshold = 0.5f;
  options.threads = 3;
  expect_same(top_k_join(m, m, options), top_k_join_bruteforce(m, m, options));
}

}  // namespace
}  // namespace aansluiting::match
