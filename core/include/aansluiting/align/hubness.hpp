#pragma once
// Hubness reduction for lexical scores. Some targets are close to many sources
// at once (a broad eindterm that repeats the list's common words, "De kandidaat
// kan economische concepten herkennen en toepassen in uiteenlopende contexten")
// and would win for every source whose own words are rare. Cross-domain
// similarity local scaling (CSLS, Conneau et al. 2018) discounts each target by
// its mean score over its k nearest sources.

#include <cstddef>

#include "aansluiting/align/structure.hpp"

namespace aansluiting::align {

struct HubnessOptions {
  double weight = 0.0;   // 0 = off; 1 = CSLS (score - r(target) + mean r, up to a factor 2)
  std::size_t k = 10;    // nearest sources per target for r(target)
};

// score(i, j) - weight * (r(j) - mean_j r(j)), where r(j) is the mean of the
// k best scores of target j over all sources (fewer when it has fewer). The
// centring keeps scores on the scale of the input; a target without any
// scored source has r = 0.
ScoreRows reduce_hubness(const ScoreRows& lexical, std::size_t n_targets, const HubnessOptions& options);

}  // namespace aansluiting::align
