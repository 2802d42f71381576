#include "aansluiting/align/structure.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <unordered_map>

namespace aansluiting::align {
namespace {

// Average ranks (ties share their mean rank), for Spearman's rho.
std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<std::size_t> idx(x.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    while (j + 1 < idx.size() && x[idx[j + 1]] == x[idx[i]]) ++j;
    const double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2.0;
    for (std::size_t k = i; k <= j; ++k) r[idx[k]] = mean;
    i = j + 1;
  }
  return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

const Scored* best_of(const std::vector<Scored>& row) {
  const Scored* best = nullptr;
  for (const Scored& s : row)
    if (!best || s.score > best->score || (s.score == best->score && s.target < best->target)) best = &s;
  return best;
}

// Transitions between target positions j -> k: a mixture of five moves,
//   stay (k = j), next (k > j, geometric in k - j - 1: the following goals),
//   skip (k > j, uniform: a forward jump over goals the source list leaves out),
//   back (k < j, uniform) and any (uniform over all targets, order-free).
// Each move is normalised per row; moves without support in a row (no k > j
// at the end) are left out and the row is renormalised by z[j].
constexpr std::size_t kMoves = 5;
enum Move : std::size_t { kStay, kNext, kSkip, kBack, kAny };

struct Transitions {
  std::size_t m;
  std::array<double, kMoves> pi{};
  std::vector<double> z;
  // next move: P(j -> k) = prod_{t=j+1}^{k-1} g[t] / s[j], g[t] = decay^cost[t]
  // (cost 1 for every target: geometric in k - j - 1).
  std::vector<double> g, s;
  Transitions(std::size_t m_, double decay, const std::vector<double>& cost) : m(m_), z(m_), g(m_, decay), s(m_, 0.0) {
    if (cost.size() == m)
      for (std::size_t t = 0; t < m; ++t) g[t] = std::pow(decay, cost[t]);
    for (std::size_t j = m; j-- > 1;) s[j - 1] = 1.0 + g[j] * s[j];
  }

  bool supported(Move c, std::size_t j) const {
    if (c == kNext || c == kSkip) return j + 1 < m;
    if (c == kBack) return j > 0;
    return true;
  }
  void refresh() {
    for (std::size_t j = 0; j < m; ++j) {
      z[j] = 0.0;
      for (std::size_t c = 0; c < kMoves; ++c)
        if (supported(static_cast<Move>(c), j)) z[j] += pi[c];
    }
  }
  // out[k] = sum_j in[j] M_c(j, k) for one move c (rows of M_c sum to 1 where supported).
  void move_forward(Move c, const std::vector<double>& in, std::vector<double>& out) const {
    std::fill(out.begin(), out.end(), 0.0);
    switch (c) {
      case kStay:
        out = in;
        break;
      case kNext: {
        double f = 0.0;
        for (std::size_t k = 0; k < m; ++k) {
          out[k] = f;
          f = g[k] * f + (k + 1 < m ? in[k] / s[k] : 0.0);
        }
        break;
      }
      case kSkip: {
        double f = 0.0;
        for (std::size_t k = 0; k < m; ++k) {
          out[k] = f;
          if (k + 1 < m) f += in[k] / static_cast<double>(m - 1 - k);
        }
        break;
      }
      case kBack: {
        double f = 0.0;
        for (std::size_t k = m; k-- > 0;) {
          out[k] = f;
          if (k > 0) f += in[k] / static_cast<double>(k);
        }
        break;
      }
      case kAny: {
        const double u = std::accumulate(in.begin(), in.end(), 0.0) / static_cast<double>(m);
        std::fill(out.begin(), out.end(), u);
        break;
      }
    }
  }
  // out[j] = sum_k M_c(j, k) in[k]
  void move_backward(Move c, const std::vector<double>& in, std::vector<double>& out) const {
    std::fill(out.begin(), out.end(), 0.0);
    switch (c) {
      case kStay:
        out = in;
        break;
      case kNext: {
        double acc = 0.0;  // sum_{k>j} prod_{t=j+1}^{k-1} g[t] in[k]
        for (std::size_t j = m; j-- > 0;) {
          if (j + 1 < m) out[j] = acc / s[j];
          acc = in[j] + g[j] * acc;
        }
        break;
      }
      case kSkip: {
        double g = 0.0;
        for (std::size_t j = m; j-- > 0;) {
          if (j + 1 < m) out[j] = g / static_cast<double>(m - 1 - j);
          g += in[j];
        }
        break;
      }
      case kBack: {
        double g = 0.0;
        for (std::size_t j = 0; j < m; ++j) {
          if (j > 0) out[j] = g / static_cast<double>(j);
          g += in[j];
        }
        break;
      }
      case kAny: {
        const double u = std::accumulate(in.begin(), in.end(), 0.0) / static_cast<double>(m);
        std::fill(out.begin(), out.end(), u);
        break;
      }
    }
  }
  void forward(const std::vector<double>& in, std::vector<double>& out) const {
    std::vector<double> u(m), part(m);
    for (std::size_t j = 0; j < m; ++j) u[j] = in[j] / z[j];
    std::fill(out.begin(), out.end(), 0.0);
    for (std::size_t c = 0; c < kMoves; ++c) {
      if (pi[c] <= 0.0) continue;
      move_forward(static_cast<Move>(c), u, part);
      for (std::size_t k = 0; k < m; ++k) out[k] += pi[c] * part[k];
    }
  }
  void backward(const std::vector<double>& in, std::vector<double>& out) const {
    std::vector<double> part(m);
    std::fill(out.begin(), out.end(), 0.0);
    for (std::size_t c = 0; c < kMoves; ++c) {
      if (pi[c] <= 0.0) continue;
      move_backward(static_cast<Move>(c), in, part);
      for (std::size_t j = 0; j < m; ++j) out[j] += pi[c] * part[j];
    }
    for (std::size_t j = 0; j < m; ++j) out[j] /= z[j];
  }
};

void normalise(std::vector<double>& v) {
  const double s = std::accumulate(v.begin(), v.end(), 0.0);
  if (s > 0) for (double& x : v) x /= s;
  else std::fill(v.begin(), v.end(), 1.0 / static_cast<double>(v.size()));
}

}  // namespace

OrderEvidence estimate_order(const ScoreRows& lexical, std::size_t n_targets, const OrderOptions& options) {
  OrderEvidence ev;
  if (!options.enabled || n_targets < 2) return ev;
  // Best lexical match of every source that has one, in source order.
  // "Confident": best score in the upper part of all best scores (scale-free).
  std::vector<double> bests;
  for (const auto& row : lexical)
    if (const Scored* b = best_of(row)) bests.push_back(b->score);
  if (bests.empty()) return ev;
  std::sort(bests.begin(), bests.end());
  const double cut = bests[std::min(bests.size() - 1,
      static_cast<std::size_t>(options.confident_quantile * static_cast<double>(bests.size())))];
  std::vector<double> src, tgt;
  for (std::size_t i = 0; i < lexical.size(); ++i) {
    const Scored* b = best_of(lexical[i]);
    if (b && b->score >= cut && b->score > 0.0) {
      src.push_back(static_cast<double>(i));
      tgt.push_back(static_cast<double>(b->target));
    }
  }
  ev.pairs = src.size();
  if (ev.pairs >= options.min_pairs) {
    ev.correlation = pearson(ranks(src), ranks(tgt));
    ev.measured = true;
  }
  // Steps between consecutive sources whose best matches differ: in unrelated
  // lists half go forward by chance.
  std::size_t up = 0, down = 0;
  for (std::size_t k = 1; k < tgt.size(); ++k) {
    if (tgt[k] > tgt[k - 1]) ++up;
    else if (tgt[k] < tgt[k - 1]) ++down;
  }
  ev.steps = up + down;
  if (ev.steps > 0) ev.forward_share = static_cast<double>(up) / static_cast<double>(ev.steps);
  return ev;
}

ScoreRows order_posterior(const ScoreRows& lexical, std::size_t m, const OrderOptions& options,
                          double min_posterior, std::size_t keep, double* lambda_out, double* z_out,
                          const std::vector<double>& nearest) {
  const std::size_t n = lexical.size();
  ScoreRows out(n);
  if (n == 0 || m == 0) return out;
  std::vector<double> cost;
  if (nearest.size() == m) {
    cost.resize(m);
    for (std::size_t t = 0; t < m; ++t) cost[t] = 1.0 - duplicate_weight(nearest[t], options);
  }
  Transitions T(m, options.jump_decay, cost);

  // Emissions: softmax of score / tau over all targets (score 0 for
  // non-candidates). Normalising each source's row changes no posterior.
  std::vector<std::vector<float>> emit(n, std::vector<float>(m));
  auto set_emissions = [&](double tau) {
    for (std::size_t i = 0; i < n; ++i) {
      double best = 0.0;
      for (const Scored& s : lexical[i]) best = std::max(best, s.score);
      const double base = std::exp(-best / tau);
      double sum = base * static_cast<double>(m - lexical[i].size());
      for (const Scored& s : lexical[i]) sum += std::exp((s.score - best) / tau);
      std::fill(emit[i].begin(), emit[i].end(), static_cast<float>(base / sum));
      for (const Scored& s : lexical[i]) emit[i][s.target] = static_cast<float>(std::exp((s.score - best) / tau) / sum);
    }
  };

  std::vector<std::vector<float>> alpha(n, std::vector<float>(m)), beta(n, std::vector<float>(m));
  std::vector<double> a(m), b(m), next(m), v(m);
  auto forward_backward = [&] {
    std::fill(a.begin(), a.end(), 1.0 / static_cast<double>(m));
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) T.forward(a, next); else next = a;
      for (std::size_t k = 0; k < m; ++k) next[k] *= emit[i][k];
      normalise(next);
      a.swap(next);
      for (std::size_t k = 0; k < m; ++k) alpha[i][k] = static_cast<float>(a[k]);
    }
    std::fill(b.begin(), b.end(), 1.0);
    for (std::size_t i = n; i-- > 0;) {
      for (std::size_t k = 0; k < m; ++k) beta[i][k] = static_cast<float>(b[k]);
      if (i == 0) break;
      for (std::size_t k = 0; k < m; ++k) v[k] = emit[i][k] * b[k];
      T.backward(v, next);
      normalise(next);
      b.swap(next);
    }
  };

  // Expectation-maximisation of the move weights on the two lists themselves:
  // lists that run in parallel put most weight on stay/next, unrelated lists on any.
  auto estimate_moves = [&] {
    T.pi = {options.p_stay, (1.0 - options.p_stay) / 4, (1.0 - options.p_stay) / 4, (1.0 - options.p_stay) / 4,
            (1.0 - options.p_stay) / 4};
    T.refresh();
    for (std::size_t iter = 0; iter < options.em_iterations; ++iter) {
      forward_backward();
      std::array<double, kMoves> expected{};
      std::vector<double> u(m), part(m);
      for (std::size_t i = 0; i + 1 < n; ++i) {
        for (std::size_t j = 0; j < m; ++j) u[j] = alpha[i][j] / T.z[j];
        for (std::size_t k = 0; k < m; ++k) v[k] = emit[i + 1][k] * beta[i + 1][k];
        std::array<double, kMoves> r{};
        double total = 0.0;
        for (std::size_t c = 0; c < kMoves; ++c) {
          T.move_forward(static_cast<Move>(c), u, part);
          for (std::size_t k = 0; k < m; ++k) r[c] += T.pi[c] * part[k] * v[k];
          total += r[c];
        }
        if (total > 0)
          for (std::size_t c = 0; c < kMoves; ++c) expected[c] += r[c] / total;
      }
      double sum = std::accumulate(expected.begin(), expected.end(), 0.0);
      if (sum <= 0) break;
      double change = 0.0;
      for (std::size_t c = 0; c < kMoves; ++c) {
        const double p = std::max(expected[c] / sum, 1e-4);  // keep every move possible
        change = std::max(change, std::fabs(p - T.pi[c]));
        T.pi[c] = p;
      }
      T.refresh();
      if (change < 1e-4) break;
    }
  };

  // Log-likelihood of the sources in the given order (forward algorithm).
  auto loglik = [&](const std::vector<std::size_t>& order) {
    double ll = 0.0;
    std::fill(a.begin(), a.end(), 1.0 / static_cast<double>(m));
    for (std::size_t step = 0; step < n; ++step) {
      if (step > 0) T.forward(a, next); else next = a;
      double sum = 0.0;
      for (std::size_t k = 0; k < m; ++k) sum += (next[k] *= emit[order[step]][k]);
      if (sum <= 0) return -std::numeric_limits<double>::infinity();
      ll += std::log(sum);
      for (double& x : next) x /= sum;
      a.swap(next);
    }
    return ll;
  };
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);

  const double tau = options.temperature;
  set_emissions(tau);
  estimate_moves();
  forward_backward();
  if (lambda_out) *lambda_out = T.pi[kStay] + T.pi[kNext];

  // Permutation test: the log-likelihood of the sources in their real order
  // against the same sources shuffled (same model, same emissions). Its z-score
  // says whether the order carries information at all.
  if (z_out) {
    const double real = loglik(order);
    std::mt19937 rng(12345);  // fixed: results do not change between runs
    std::vector<double> null;
    for (std::size_t r = 0; r < options.permutations; ++r) {
      std::shuffle(order.begin(), order.end(), rng);
      null.push_back(loglik(order));
    }
    double mean = 0.0, var = 0.0;
    for (double x : null) mean += x;
    mean /= static_cast<double>(std::max<std::size_t>(null.size(), 1));
    for (double x : null) var += (x - mean) * (x - mean);
    const double sd = null.size() > 1 ? std::sqrt(var / static_cast<double>(null.size() - 1)) : 0.0;
    *z_out = sd > 0 ? (real - mean) / sd : 0.0;
  }

  std::vector<double> post(m);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < m; ++k) post[k] = static_cast<double>(alpha[i][k]) * beta[i][k];
    normalise(post);
    std::vector<Scored> row;
    for (std::size_t k = 0; k < m; ++k)
      if (post[k] >= min_posterior) row.push_back({static_cast<std::uint32_t>(k), post[k]});
    std::sort(row.begin(), row.end(), [](const Scored& x, const Scored& y) {
      return x.score != y.score ? x.score > y.score : x.target < y.target;
    });
    if (row.size() > keep) row.resize(keep);
    out[i] = std::move(row);
  }
  return out;
}

ScoreRows parent_votes(const ScoreRows& lexical, const std::vector<std::uint32_t>& source_parent,
                       const std::vector<std::uint32_t>& target_parent) {
  // votes[ps][pt]: children of ps whose best match lies under pt.
  std::unordered_map<std::uint32_t, std::unordered_map<std::uint32_t, double>> votes;
  std::unordered_map<std::uint32_t, double> children;
  std::vector<long> voted(lexical.size(), -1);
  for (std::size_t i = 0; i < lexical.size(); ++i) {
    children[source_parent[i]] += 1.0;
    if (const Scored* b = best_of(lexical[i]); b && b->score > 0) {
      voted[i] = target_parent[b->target];
      votes[source_parent[i]][target_parent[b->target]] += 1.0;
    }
  }
  ScoreRows out(lexical.size());
  for (std::size_t i = 0; i < lexical.size(); ++i) {
    const double others = children[source_parent[i]] - 1.0;
    if (others <= 0) continue;
    const auto& v = votes[source_parent[i]];
    for (const Scored& s : lexical[i]) {
      auto it = v.find(target_parent[s.target]);
      if (it == v.end()) continue;
      // Leave the source's own vote out: the vote is what its siblings say.
      double n = it->second - (voted[i] == static_cast<long>(target_parent[s.target]) ? 1.0 : 0.0);
      if (n > 0) out[i].push_back({s.target, n / others});
    }
  }
  return out;
}

ScoreRows profile_similarity(const std::vector<double>& gram, const ScoreRows& posterior, std::size_t m) {
  const std::size_t n = posterior.size();
  ScoreRows out(n);
  if (n == 0 || m == 0 || gram.size() != n * n) return out;
  std::vector<double> p(n * m, 0.0), a(n * m, 0.0), norm(m, 0.0);
  for (std::size_t k = 0; k < n; ++k)
    for (const Scored& s : posterior[k]) p[k * m + s.target] = s.score;
  // a[i][j] = S_i . C_j (all sources); |C_j|^2 = sum_k p[k][j] a[k][j].
  for (std::size_t i = 0; i < n; ++i) {
    double* ai = &a[i * m];
    for (std::size_t k = 0; k < n; ++k) {
      const double g = gram[i * n + k];
      if (g == 0.0) continue;
      const double* pk = &p[k * m];
      for (std::size_t j = 0; j < m; ++j) ai[j] += g * pk[j];
    }
  }
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t j = 0; j < m; ++j) norm[j] += p[k * m + j] * a[k * m + j];
  for (std::size_t i = 0; i < n; ++i) {
    const double self = gram[i * n + i];
    if (self <= 0.0) continue;
    for (std::size_t j = 0; j < m; ++j) {
      // C_j without source i: subtract p[i][j] S_i from the dot and the norm.
      const double pij = p[i * m + j], aij = a[i * m + j];
      const double dot = aij - pij * self;
      const double norm2 = norm[j] - 2.0 * pij * aij + pij * pij * self;
      if (dot <= 0.0 || norm2 <= 1e-12) continue;
      out[i].push_back({static_cast<std::uint32_t>(j), dot / std::sqrt(norm2 * self)});
    }
  }
  return out;
}

void centre_gram(std::vector<double>& gram, std::size_t n) {
  if (n == 0 || gram.size() != n * n) return;
  std::vector<std::size_t> kept;  // the non-zero vectors
  for (std::size_t i = 0; i < n; ++i)
    if (gram[i * n + i] > 0.0) kept.push_back(i);
  if (kept.empty()) return;
  const auto count = static_cast<double>(kept.size());
  std::vector<double> row(n, 0.0);
  double all = 0.0;
  for (std::size_t i : kept) {
    for (std::size_t k : kept) row[i] += gram[i * n + k];
    row[i] /= count;
    all += row[i];
  }
  all /= count;
  for (std::size_t i : kept)
    for (std::size_t k : kept) gram[i * n + k] += all - row[i] - row[k];
}

}  // namespace aansluiting::align
