#pragma once
// Structural evidence for alignment, on top of lexical similarity.
//
// 1. Parent votes: goals are grouped under parents; when many siblings of a
//    source goal match children of one target parent, the other children of
//    that parent become likelier matches of the source too.
// 2. Order: when two lists are in corresponding order (a syllabus and its own
//    exam programme), neighbouring goals map to neighbouring goals. Whether
//    that holds is tested on the data: a hidden Markov model whose state is
//    the target position mixes ordered moves (stay, next) with skips, back
//    jumps and order-free jumps; EM estimates the move weights on the two
//    lists; a permutation test compares the likelihood of the real source
//    order with shuffled orders. Only a significant z-score lets the model's
//    posterior count, in proportion to the evidence.
// 3. Profiles: goals placed at the same target share vocabulary with each
//    other more than with the target's own (shorter, more general) text. Once
//    the order model has placed the sources, each target gets a profile: the
//    posterior-weighted sum of the sources placed at it. Source-to-profile
//    similarity is added to the lexical scores and the order model runs
//    again, which moves the boundaries between runs to where the vocabulary
//    changes. Only used when the order model counts.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace aansluiting::align {

// Sparse score matrix: for each source, (target index, score) pairs.
struct Scored {
  std::uint32_t target = 0;
  double score = 0.0;
};
using ScoreRows = std::vector<std::vector<Scored>>;

struct OrderOptions {
  bool enabled = true;
  // Confident lexical matches: sources whose best score lies at or above this
  // quantile of all sources' best scores (scale-free: cosines differ per corpus).
  double confident_quantile = 0.5;
  std::size_t min_pairs = 8;       // fewer confident steps, or a list shorter than this: no order evidence
  // Order model: emission exp(score / temperature); transitions are a mixture
  // of stay / next (geometric in the distance, `jump_decay`) / skip forward /
  // back / anywhere, whose weights EM estimates per pair of lists, starting
  // from p_stay for stay and the rest spread evenly.
  double temperature = 0.1;        // (leave-subjects-out choice, see docs/matching.md)
  double p_stay = 0.6;
  double jump_decay = 0.5;
  // Near-duplicate targets: vmbo programmes list many goals once per leerweg
  // (a bb block, then a kb/gl/tl block), and a programme may repeat a goal
  // word for word under two domains. Stepping over a target whose nearest
  // other target in the list has a cosine of at least duplicate_high costs no
  // distance in the `next` move, since its content is still reachable in the
  // other version; below duplicate_low it costs a full step, linear between. Without it the
  // geometric `next` move pulls every source list into whichever version
  // comes first. duplicate_high <= duplicate_low switches it off.
  double duplicate_low = 0.7;
  double duplicate_high = 0.9;
  // The order model's evidence for a target is mixed with its near-duplicates'
  // (weight share x duplicate weight each); 0 keeps every target's own score.
  double duplicate_share = 0.5;
  // Weight of the posterior against the lexical score, times the evidence
  // weight of the permutation test (so 0 for unrelated lists). It sets the
  // scale of Link::score (predicates read it) more than the ranking: 10 gives
  // the same accuracy@1 on the linking benchmark, slightly higher recall@5.
  double weight = 1.0;
  std::size_t em_iterations = 30;  // EM steps for the move weights
  // Order evidence: z-score of the log-likelihood of the real source order
  // against shuffled orders. Below z_min the order is not used; the weight
  // rises linearly to 1 at z_full (conventional significance levels, not fitted).
  std::size_t permutations = 20;
  double z_min = 2.0;
  double z_full = 4.0;
  std::size_t max_cells = 40'000'000;  // sources x targets above which the model is skipped
};

// Weight 0..1 of a pair of targets as versions of one goal: 0 below
// duplicate_low, 1 from duplicate_high, linear between (0 when switched off).
inline double duplicate_weight(double cosine, const OrderOptions& o) {
  if (o.duplicate_high <= o.duplicate_low) return 0.0;
  const double w = (cosine - o.duplicate_low) / (o.duplicate_high - o.duplicate_low);
  return w <= 0.0 ? 0.0 : w >= 1.0 ? 1.0 : w;
}

// Near-duplicate targets of one list (see OrderOptions::duplicate_low).
struct Duplicates {
  std::vector<double> nearest;               // per target: cosine of its nearest other target
  std::vector<std::vector<Scored>> similar;  // per target: its near-duplicates, score = duplicate_weight
};

struct ParentOptions {
  double weight = 0.0;  // weight of the parent vote (0 = off)
};

struct ProfileOptions {
  // Weight of the source-to-profile similarity added to the lexical score
  // before the order model's second run (0 = off; chosen with the
  // leave-subjects-out check of bench/bench_linking.py, see docs/matching.md).
  double weight = 0.3;
  std::size_t max_sources = 4000;  // larger source lists skip it (n x n dot products)
  // Near-duplicate targets (OrderOptions::duplicate_low/high) pool their
  // profiles, weighted by duplicate_weight: the order model splits a run of
  // sources between the versions of one goal, which leaves each version a
  // thin profile.
  bool share_duplicates = true;
  // Profiles are compared after the mean of the source list is taken off
  // every source vector. What all sources share (the list's context, its
  // boilerplate) otherwise makes the largest profiles alike to every source,
  // so runs drift into the targets the first pass already filled.
  bool centre = true;
};

struct StructureOptions {
  OrderOptions order;
  ParentOptions parents;
  ProfileOptions profiles;
};

// Order evidence. estimate_order() fills the descriptive part from the
// sources' confident best lexical matches (see confident_quantile), in source
// order: the Spearman correlation and the share of forward steps among
// consecutive matches that differ. The aligner adds the permutation z-score of
// the order model, which decides `weight`.
struct OrderEvidence {
  std::size_t pairs = 0;        // sources with a confident best match
  std::size_t steps = 0;        // consecutive confident matches with different targets
  double correlation = 0.0;     // Spearman rho of (source position, target position)
  bool measured = false;        // correlation computed (order enabled, at least min_pairs pairs)
  double forward_share = 0.0;
  double z = 0.0;               // permutation z-score of the order model
  double weight = 0.0;          // 0..1: how much the order model counts
  double ordered_moves = 0.0;   // share of stay + next moves estimated by EM
  bool profiles = false;        // the order model ran again with target profiles
};
OrderEvidence estimate_order(const ScoreRows& lexical, std::size_t n_targets, const OrderOptions& options);

// Posterior P(source i aligned to target j) under the monotone model, for the
// targets of each source with posterior >= min_posterior (at most `keep`).
// The move weights of the transition model are estimated by EM on the lists
// themselves; `lambda` receives the share of stay + next moves, `z` the
// z-score of the real order's log-likelihood against `permutations` shuffles
// of the sources (the order evidence).
// `nearest`: per target, the cosine of its nearest other target (empty: every
// step over a target costs the same).
ScoreRows order_posterior(const ScoreRows& lexical, std::size_t n_targets, const OrderOptions& options,
                          double min_posterior = 1e-3, std::size_t keep = 50, double* lambda = nullptr,
                          double* z = nullptr, const std::vector<double>& nearest = {});

// Parent votes: for source i (parent ps) and target j (parent pt), the share
// of the other children of ps whose best lexical match lies under pt.
// `source_parent`/`target_parent` give a group id per item (any integer).
ScoreRows parent_votes(const ScoreRows& lexical, const std::vector<std::uint32_t>& source_parent,
                       const std::vector<std::uint32_t>& target_parent);

// Profile similarity: for source i and target j, the cosine of source i with
// the profile of j, C_j = sum over the other sources k of P(k -> j) S_k
// (i itself left out, so a source does not vote for its own place).
// `gram` is the n x n matrix of source dot products S_i . S_k (row-major),
// `posterior` the order model's rows, `m` the number of targets.
ScoreRows profile_similarity(const std::vector<double>& gram, const ScoreRows& posterior, std::size_t m);

// The Gram matrix of the same vectors minus their mean, in place:
// (x_i - mu) . (x_k - mu) = G_ik - r_i - r_k + r, with r_i the mean of row i
// and r the mean of all entries. Zero vectors (a goal without text) are left
// out of the mean and stay zero: centred, they would point away from the
// mean and pick up similarities they have no words for.
void centre_gram(std::vector<double>& gram, std::size_t n);

}  // namespace aansluiting::align
