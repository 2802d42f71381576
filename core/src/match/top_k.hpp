#pragma once
// Bounded selection of the k best hits: higher score first, then lower column.

#include <algorithm>
#include <vector>

#include "aansluiting/match/similarity_join.hpp"

namespace aansluiting::match::detail {

inline bool ranks_before(const Hit& a, const Hit& b) {
  return a.score > b.score || (a.score == b.score && a.col < b.col);
}

class TopK {
 public:
  void reset(std::size_t k) {
    k_ = k;
    heap_.clear();
  }
  bool full() const { return heap_.size() == k_; }
  // The hit a newcomer has to beat; only meaningful when full().
  const Hit& worst() const { return heap_.front(); }

  void offer(Hit h) {
    // With ranks_before as "less", the heap's front is the worst kept hit.
    if (heap_.size() < k_) {
      heap_.push_back(h);
      std::push_heap(heap_.begin(), heap_.end(), ranks_before);
    } else if (k_ > 0 && ranks_before(h, heap_.front())) {
      std::pop_heap(heap_.begin(), heap_.end(), ranks_before);
      heap_.back() = h;
      std::push_heap(heap_.begin(), heap_.end(), ranks_before);
    }
  }
  // Best first; empties the selection.
  std::vector<Hit> take_sorted() {
    std::sort_heap(heap_.begin(), heap_.end(), ranks_before);
    std::vector<Hit> out(heap_.begin(), heap_.end());
    heap_.clear();
    return out;
  }

 private:
  std::size_t k_ = 0;
  std::vector<Hit> heap_;
};

}  // namespace aansluiting::match::detail
