// Fast top-k join: term-at-a-time over an impact-ordered inverted index with
// MaxScore-style bounds; see docs/similarity-join.md.

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "aansluiting/match/similarity_join.hpp"
#include "dot.hpp"
#include "inverted_index.hpp"
#include "top_k.hpp"

namespace aansluiting::match {
namespace {

using detail::InvertedIndex;
using detail::Posting;

constexpr std::size_t kBlockRows = 64;

struct QueryTerm {
  double bound;  // |left weight| * largest |right weight| of the term
  double gain;   // w_q^2 / list length: query mass removed per posting read
  std::uint32_t term;
  float weight;
};

enum : std::uint8_t { kUntouched = 0, kAccumulated = 1, kScored = 2 };

// Per-thread scratch space, sized once; nothing is allocated per row.
class Searcher {
 public:
  Searcher(const SparseMatrix& left, const SparseMatrix& right, const InvertedIndex& index,
           const JoinOptions& options)
      : left_(left), right_(right), index_(index), options_(options),
        dense_(right.n_cols, 0.0f), acc_(right.rows(), 0.0f), state_(right.rows(), kUntouched) {
    // A computed score exceeds its real value by at most n * 2^-24 of the
    // bound (n summed products); the slack keeps every pruning test safe.
    slack_ = 1.0 + (static_cast<double>(index.max_row_nnz) + 4.0) * 0x1p-23;
  }

  std::vector<Hit> search(std::size_t row) {
    best_.reset(options_.top_k);
    if (options_.top_k == 0) return {};
    update_limit();
    const std::uint32_t begin = left_.indptr[row], end = left_.indptr[row + 1];
    terms_.clear();
    for (std::uint32_t k = begin; k < end; ++k) {
      const std::uint32_t t = left_.indices[k];
      if (t >= index_.terms()) continue;  // no right row holds it
      dense_[t] = left_.values[k];
      const double bound = std::fabs(static_cast<double>(left_.values[k])) * index_.max_abs[t];
      if (bound > 0.0) terms_.push_back({bound, 0.0, t, left_.values[k]});
    }
    if (options_.exclude_self && row < right_.rows()) touch(static_cast<std::uint32_t>(row), kScored);

    if (options_.threshold < 0.0f) {
      score_every_row();
    } else {
      complete(accumulate());
    }

    for (std::uint32_t k = begin; k < end; ++k)
      if (left_.indices[k] < index_.terms()) dense_[left_.indices[k]] = 0.0f;
    for (std::uint32_t r : touched_) state_[r] = kUntouched;
    touched_.clear();
    return best_.take_sorted();
  }

 private:
  // Could a row whose score is at most `bound` still enter the result?
  bool admits(double bound) const { return bound * slack_ + 1e-30 >= limit_; }

  // Keeps limit_ = the k-th score when the heap is full (a tie with a lower
  // column still wins), else the smallest double above the threshold.
  void update_limit() {
    limit_ = best_.full() ? static_cast<double>(best_.worst().score)
                          : std::nextafter(static_cast<double>(options_.threshold), INFINITY);
    theta_ = best_.full() ? best_.worst().score : options_.threshold;
  }

  // The smallest partial sum that admits(sum + tail) may accept, rounded down to float.
  float min_partial(double tail) const {
    const double need = (limit_ - 1e-30) / slack_ - tail;
    return std::nextafter(static_cast<float>(need - std::fabs(need) * 1e-12), -INFINITY);
  }

  void touch(std::uint32_t r, std::uint8_t state) {
    state_[r] = state;
    acc_[r] = 0.0f;
    touched_.push_back(r);
  }

  void score(std::uint32_t r) {
    state_[r] = kScored;
    const float s = detail::gather_dot(dense_.data(), index_.rows.data() + index_.row_start[r],
                                       index_.row_start[r + 1] - index_.row_start[r]);
    if (s > options_.threshold) {
      best_.offer({r, s});
      update_limit();
    }
  }

  // Phase 1, term at a time: terms by descending query weight, each posting list by
  // descending |weight|. A row first met in list i holds none of the earlier
  // terms, so its score is at most rest_[i] and, by Cauchy-Schwarz, at most
  // |q_i..| * max|row|. New rows are taken only while that can reach the
  // current k-th score; past that point a list only completes the partial
  // sums of the rows already taken.
  std::size_t accumulate() {
    // The list that removes the most query mass (w_q^2) per posting read
    // first: the Cauchy-Schwarz bound on the rest then falls below the k-th
    // score after the fewest postings. On the goal vectors this reads a third
    // fewer postings in phase 1 than ordering by |w_q| alone, whose heaviest
    // terms are often long character-gram lists.
    for (auto& q : terms_)
      q.gain = static_cast<double>(q.weight) * q.weight /
               static_cast<double>(index_.start[q.term + 1] - index_.start[q.term]);
    std::sort(terms_.begin(), terms_.end(), [](const QueryTerm& a, const QueryTerm& b) {
      return a.gain > b.gain || (a.gain == b.gain && a.term < b.term);
    });
    const std::size_t n = terms_.size();
    rest_.resize(n + 1);
    rest_[n] = 0.0;
    double sq = 0.0;
    for (std::size_t i = n; i-- > 0;) {
      sq += static_cast<double>(terms_[i].weight) * terms_[i].weight;
      rest_[i] = std::min(rest_[i + 1] + terms_[i].bound, std::sqrt(sq) * index_.max_row_norm);
    }
    // Float accumulation error: at most (n+2) * 2^-24 of the summed bounds.
    float_error_ = (rest_.empty() ? 0.0 : rest_[0]) * (static_cast<double>(n) + 2.0) * 0x1p-23;

    std::size_t i = 0;
    for (; i < n; ++i) {
      if (!admits(rest_[i])) break;
      const double later = rest_[i + 1];
      const float wq = terms_[i].weight;
      const double wq_abs = std::fabs(static_cast<double>(wq));
      const Posting* p = list_begin(i);
      const Posting* stop = p + list_length(i);
      // While the heap fills, new rows are scored at once and the k-th score moves.
      for (; p != stop && !best_.full(); ++p) {
        if (!admits(wq_abs * std::fabs(p->weight) + later)) break;
        if (state_[p->row] == kUntouched) {
          touch(p->row, kAccumulated);
          score(p->row);
        }
      }
      // Then the k-th score is fixed for this list: new rows only above the cut.
      const Posting* cut = std::partition_point(
          p, stop, [&](const Posting& q) { return admits(wq_abs * std::fabs(q.weight) + later); });
      for (; p != cut; ++p) {
        const std::uint32_t r = p->row;
        if (state_[r] == kUntouched) touch(r, kAccumulated);
        acc_[r] += wq * p->weight;
        // A partial sum past the k-th score usually means a hit: scoring it
        // now raises the k-th score for the rest of the scan.
        if (acc_[r] > theta_ && state_[r] == kAccumulated) score(r);
      }
      // Below the cut only rows already taken matter. Untouched rows gather
      // garbage here without a test; touch() resets it before use.
      for (; p != stop; ++p) acc_[p->row] += wq * p->weight;
    }
    return i;
  }

  // Phase 2: the remaining lists can only complete partial sums. Rows whose
  // partial sum plus the remaining bound cannot reach the k-th score are
  // dropped before each list; a list is read only while that is cheaper than
  // scoring the surviving rows directly.
  void complete(std::size_t i) {
    alive_.clear();
    for (std::uint32_t r : touched_)
      if (state_[r] == kAccumulated) alive_.push_back(r);
    // Score the best partial sums first: that sets the k-th score close to its end value.
    const std::size_t take = std::min(alive_.size(), options_.top_k);
    std::nth_element(alive_.begin(), alive_.begin() + static_cast<std::ptrdiff_t>(take), alive_.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return acc_[a] > acc_[b]; });
    for (std::size_t j = 0; j < take; ++j) score(alive_[j]);
    const std::size_t n = terms_.size();
    // Dropping rows costs a pass over the survivors; doing it before every
    // list cost as much as reading the lists. It is done when the next list
    // might not be worth reading, and otherwise once as many postings have
    // been read as there are survivors.
    std::size_t read_since_drop = 0;
    // Reading list i costs more than scoring the survivors (or no list is left).
    auto done = [&] { return i == n || alive_.size() * kDotCost <= list_length(i); };
    for (;; ++i) {
      if (done() || read_since_drop >= alive_.size()) {
        drop_hopeless(min_partial(rest_[i] + float_error_));
        read_since_drop = 0;
        if (done()) break;
      }
      const float wq = terms_[i].weight;
      // Rows not (or no longer) accumulated gather garbage; see accumulate().
      for (const Posting *p = list_begin(i), *stop = p + list_length(i); p != stop; ++p)
        acc_[p->row] += wq * p->weight;
      read_since_drop += list_length(i);
    }
    const double tail = rest_[i] + float_error_;
    for (std::size_t j = 0; j < alive_.size(); ++j) {
      if (j + 4 < alive_.size()) index_.prefetch_row(alive_[j + 4]);
      const std::uint32_t r = alive_[j];
      if (state_[r] == kAccumulated && admits(acc_[r] + tail)) score(r);
    }
  }

  // Keeps the rows whose partial sum reaches `need`; branch-free, as about
  // half the rows go either way.
  void drop_hopeless(float need) {
    std::size_t kept = 0;
    for (std::uint32_t r : alive_) {
      alive_[kept] = r;
      kept += acc_[r] >= need;
    }
    alive_.resize(kept);
  }

  const Posting* list_begin(std::size_t i) const {
    return index_.postings.data() + index_.start[terms_[i].term];
  }
  std::size_t list_length(std::size_t i) const {
    return index_.start[terms_[i].term + 1] - index_.start[terms_[i].term];
  }

  // Negative thresholds admit rows that share no term; score them all.
  void score_every_row() {
    for (std::uint32_t r = 0; r < right_.rows(); ++r)
      if (state_[r] == kUntouched) {
        touch(r, kAccumulated);
        score(r);
      }
  }

  // Scoring a row costs about as much as reading this many postings (a
  // goal-vector row has ~240 entries, read in order, against ~8 bytes per
  // posting with a random update). Measured: 16..48 are equally good on the
  // goal vectors, 8 costs 5% more.
  static constexpr std::size_t kDotCost = 24;

  const SparseMatrix& left_;
  const SparseMatrix& right_;
  const InvertedIndex& index_;
  const JoinOptions& options_;
  double slack_ = 1.0;
  double float_error_ = 0.0;
  double limit_ = 0.0;  // see update_limit()
  float theta_ = 0.0f;  // the k-th score once the heap is full, else the threshold
  std::vector<float> dense_;
  // Partial sums and states apart: most postings only add to a partial sum,
  // and 4 bytes a row keep the sums of ~250k right rows within a 1 MiB L2.
  std::vector<float> acc_;
  std::vector<std::uint8_t> state_;
  std::vector<std::uint32_t> touched_;
  std::vector<QueryTerm> terms_;
  std::vector<double> rest_;
  std::vector<std::uint32_t> alive_;
  detail::TopK best_;
};

}  // namespace

std::vector<std::vector<Hit>> top_k_join(const SparseMatrix& left, const SparseMatrix& right,
                                         const JoinOptions& options) {
  check_sparse_matrix(left, "left");
  check_sparse_matrix(right, "right");
  const std::size_t total = left.rows();
  std::vector<std::vector<Hit>> result(total);

  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t blocks = (total + kBlockRows - 1) / kBlockRows;
  threads = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, blocks)));

  if (options.cancel && options.cancel->load()) throw Cancelled();
  const InvertedIndex index = detail::build_inverted_index(right, threads);

  std::atomic<std::size_t> next_block{0}, rows_done{0};
  std::atomic<bool> stop{false}, cancelled{false};
  std::exception_ptr failure;
  std::mutex failure_mutex;

  // Runs one block; false when there is none left or the join must stop.
  auto run_block = [&](Searcher& searcher) {
    if (stop.load(std::memory_order_relaxed)) return false;
    if (options.cancel && options.cancel->load()) {
      cancelled = true;
      stop = true;
      return false;
    }
    const std::size_t b = next_block.fetch_add(1);
    if (b >= blocks) return false;
    const std::size_t first = b * kBlockRows, last = std::min(total, first + kBlockRows);
    for (std::size_t r = first; r < last; ++r) result[r] = searcher.search(r);
    rows_done.fetch_add(last - first);
    return true;
  };
  auto worker = [&] {
    try {
      Searcher searcher(left, right, index, options);
      while (run_block(searcher)) {
      }
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (unsigned w = 1; w < threads; ++w) pool.emplace_back(worker);
  // The calling thread works too and is the only one that reports progress.
  try {
    Searcher searcher(left, right, index, options);
    do {
      if (options.progress) options.progress(rows_done.load(), total);
    } while (run_block(searcher));
  } catch (...) {
    std::lock_guard lock(failure_mutex);
    if (!failure) failure = std::current_exception();
    stop = true;
  }
  for (auto& th : pool) th.join();

  if (failure) std::rethrow_exception(failure);
  if (cancelled) throw Cancelled();
  if (options.progress) options.progress(total, total);
  return result;
}

}  // namespace aansluiting::match
