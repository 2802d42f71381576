#include "aansluiting/align/hubness.hpp"

#include <algorithm>
#include <functional>

namespace aansluiting::align {

ScoreRows reduce_hubness(const ScoreRows& lexical, std::size_t n_targets, const HubnessOptions& options) {
  if (options.weight == 0.0 || options.k == 0 || n_targets == 0) return lexical;
  std::vector<std::vector<double>> column(n_targets);
  for (const auto& row : lexical)
    for (const Scored& s : row) column[s.target].push_back(s.score);
  std::vector<double> r(n_targets, 0.0);
  double mean = 0.0;
  for (std::size_t j = 0; j < n_targets; ++j) {
    auto& c = column[j];
    const std::size_t k = std::min(options.k, c.size());
    if (k == 0) continue;
    std::partial_sort(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k), c.end(), std::greater<>());
    for (std::size_t q = 0; q < k; ++q) r[j] += c[q];
    r[j] /= static_cast<double>(k);
    mean += r[j];
  }
  mean /= static_cast<double>(n_targets);
  ScoreRows out = lexical;
  for (auto& row : out)
    for (Scored& s : row) s.score -= options.weight * (r[s.target] - mean);
  return out;
}

}  // namespace aansluiting::align
