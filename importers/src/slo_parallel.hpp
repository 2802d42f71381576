#pragma once
// Independent tasks of the SLO import (parsing files, resolving references,
// preparing goals) on a few threads. Every task writes only its own slots, so
// the result does not depend on which thread ran which task, and the failure
// of the first task in index order is rethrown, as a plain loop would throw it.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <numeric>
#include <span>
#include <system_error>
#include <thread>
#include <vector>

namespace aansluiting::importers::slo {

// Runs fn(t) for every distinct t of `tasks` (claimed in that order: put the
// largest first) on this thread and up to three helpers. If tasks fail, the
// one with the smallest t is rethrown.
template <class Fn>
void parallel_for(std::span<const std::size_t> tasks, Fn&& fn) {
  const std::size_t n = tasks.size();
  const std::size_t threads = std::min<std::size_t>({n, std::max(1u, std::thread::hardware_concurrency()), 4});
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t k; (k = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      try {
        fn(tasks[k]);
      } catch (...) {
        errors[k] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads);
  for (std::size_t t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads: the ones there finish the work
    }
  }
  work();
  for (auto& h : helpers) h.join();
  std::size_t first = n;
  for (std::size_t k = 0; k < n; ++k)
    if (errors[k] && (first == n || tasks[k] < tasks[first])) first = k;
  if (first < n) std::rethrow_exception(errors[first]);
}

// Tasks 0..n-1 run in the background, claimed in index order by helper
// threads, while the owning thread goes on. wait(t) returns once task t has
// run: the owner does unclaimed tasks itself (in order) rather than sit idle,
// so a task list in the order the owner needs the results keeps both busy.
// The destructor lets no task start any more and joins the helpers.
class BackgroundTasks {
 public:
  template <class Fn>
  BackgroundTasks(std::size_t n, Fn&& fn)
      : run_(std::forward<Fn>(fn)), n_(n), done_(new std::atomic<bool>[n]), errors_(n) {
    for (std::size_t t = 0; t < n; ++t) done_[t].store(false, std::memory_order_relaxed);
    const std::size_t threads = std::min<std::size_t>({n, std::max(1u, std::thread::hardware_concurrency()), 4});
    for (std::size_t k = 1; k < threads; ++k) {
      try {
        helpers_.emplace_back([this] { work(n_); });
      } catch (...) {
        break;  // no more threads: wait() does the work
      }
    }
  }
  BackgroundTasks(const BackgroundTasks&) = delete;
  BackgroundTasks& operator=(const BackgroundTasks&) = delete;
  ~BackgroundTasks() {
    next_.store(n_);  // claim the rest: nothing new starts
    for (auto& h : helpers_) h.join();
  }

  // Blocks until task t has run; rethrows its failure.
  void wait(std::size_t t) {
    if (!done_[t].load(std::memory_order_acquire)) {
      work(t + 1);
      done_[t].wait(false, std::memory_order_acquire);
    }
    if (errors_[t]) std::rethrow_exception(errors_[t]);
  }
  void wait_all() {
    for (std::size_t t = 0; t < n_; ++t) wait(t);
  }

 private:
  // Runs unclaimed tasks below `end` in order.
  void work(std::size_t end) {
    for (std::size_t t; (t = next_.load(std::memory_order_relaxed)) < end;) {
      if (!next_.compare_exchange_weak(t, t + 1, std::memory_order_relaxed)) continue;
      try {
        run_(t);
      } catch (...) {
        errors_[t] = std::current_exception();
      }
      done_[t].store(true, std::memory_order_release);
      done_[t].notify_all();
    }
  }

  std::function<void(std::size_t)> run_;
  std::size_t n_;
  std::atomic<std::size_t> next_{0};
  std::unique_ptr<std::atomic<bool>[]> done_;
  std::vector<std::exception_ptr> errors_;
  std::vector<std::thread> helpers_;  // last: started once everything else is set
};

// fn(i) for i in [0, n), claimed in index order.
template <class Fn>
void parallel_for(std::size_t n, Fn&& fn) {
  std::vector<std::size_t> tasks(n);
  std::iota(tasks.begin(), tasks.end(), std::size_t{0});
  parallel_for(std::span<const std::size_t>(tasks), fn);
}

}  // namespace aansluiting::importers::slo
