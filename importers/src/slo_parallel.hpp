#pragma once
// Independent tasks of the SLO import (parsing files, resolving references,
// preparing goals) on a few threads. Every task writes only its own slots, so
// the result does not depend on which thread ran which task, and the failure
// of the first task in index order is rethrown, as a plain loop would throw it.

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
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

// fn(i) for i in [0, n), claimed in index order.
template <class Fn>
void parallel_for(std::size_t n, Fn&& fn) {
  std::vector<std::size_t> tasks(n);
  std::iota(tasks.begin(), tasks.end(), std::size_t{0});
  parallel_for(std::span<const std::size_t>(tasks), fn);
}

}  // namespace aansluiting::importers::slo
