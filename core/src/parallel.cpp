#include "aansluiting/parallel.hpp"

#include <pthread.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <numeric>
#include <thread>
#include <vector>

namespace aansluiting {

struct TaskSet::State {
  std::function<void(std::size_t)> fn;
  std::size_t n = 0;
  std::atomic<std::size_t> next{0};
  std::unique_ptr<std::atomic<bool>[]> done;
  std::vector<std::exception_ptr> errors;

  // Runs unclaimed tasks below `end`, in order.
  void work(std::size_t end) {
    for (std::size_t t; (t = next.load(std::memory_order_relaxed)) < end;) {
      if (!next.compare_exchange_weak(t, t + 1, std::memory_order_relaxed)) continue;
      try {
        fn(t);
      } catch (...) {
        errors[t] = std::current_exception();
      }
      done[t].store(true, std::memory_order_release);
      done[t].notify_all();
    }
  }
};

namespace {

// Helpers wait this long for the next task set before they end: the phases
// of one import (read, index, drafts, edges) reuse warm threads instead of
// starting four, and a process that stopped loading keeps no thread.
constexpr auto kIdleLifetime = std::chrono::seconds(1);

// Helper threads shared by all task sets. A helper takes a lent task set,
// works on it until no task is left to claim, and then waits for the next
// one. Nobody ever waits for a helper: the owner of a set claims the tasks
// that no helper has started, so a set lent while every helper is busy (or
// none could be started) simply runs on its owner.
class HelperPool {
 public:
  static HelperPool& instance() {
    static const bool created = [] {
      // Never destroyed: idle helpers may still wait on it while the process exits.
      pool_ = new HelperPool;
      // A forked child has none of the parent's threads: it starts an empty pool.
      pthread_atfork(nullptr, nullptr, [] { pool_ = new HelperPool; });
      return true;
    }();
    (void)created;
    return *pool_;
  }

  // As many helpers as the set has tasks beyond the owner's first, at most max_threads_.
  void lend(const std::shared_ptr<TaskSet::State>& state) {
    const std::size_t helpers = std::min(state->n - 1, max_threads_);
    if (helpers == 0) return;
    std::size_t start = 0;
    {
      std::lock_guard lock(mutex_);
      for (std::size_t k = 0; k < helpers; ++k) queue_.push_back(state);
      while (queue_.size() > idle_ + starting_ && threads_ + starting_ < max_threads_) ++starting_, ++start;
    }
    for (std::size_t k = 0; k < helpers; ++k) ready_.notify_one();
    for (std::size_t k = 0; k < start; ++k) {
      try {
        std::thread([this] { run(); }).detach();
      } catch (...) {
        std::lock_guard lock(mutex_);
        starting_ -= start - k;  // no more threads: the owners do the work
        break;
      }
    }
  }

 private:
  HelperPool() {
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    max_threads_ = std::min<std::size_t>(cores, 4) - 1;
  }

  void run() {
    pthread_setname_np(pthread_self(), "aansluiting");  // for top, gdb and py-spy
    std::unique_lock lock(mutex_);
    --starting_;
    ++threads_;
    for (;;) {
      ++idle_;
      const bool lent = ready_.wait_for(lock, kIdleLifetime, [this] { return !queue_.empty(); });
      --idle_;
      if (!lent) break;
      std::shared_ptr<TaskSet::State> state = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      state->work(state->n);
      state.reset();
      lock.lock();
    }
    --threads_;
  }

  static inline HelperPool* pool_ = nullptr;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::shared_ptr<TaskSet::State>> queue_;
  std::size_t idle_ = 0, starting_ = 0, threads_ = 0, max_threads_ = 0;
};

}  // namespace

TaskSet::TaskSet(std::size_t n, std::function<void(std::size_t)> fn) : state_(std::make_shared<State>()) {
  state_->fn = std::move(fn);
  state_->n = n;
  state_->done.reset(new std::atomic<bool>[n]);
  for (std::size_t t = 0; t < n; ++t) state_->done[t].store(false, std::memory_order_relaxed);
  state_->errors.resize(n);
  if (n > 1) HelperPool::instance().lend(state_);
}

TaskSet::~TaskSet() {
  const std::size_t claimed = state_->next.exchange(state_->n);
  for (std::size_t t = 0; t < claimed && t < state_->n; ++t) state_->done[t].wait(false, std::memory_order_acquire);
}

void TaskSet::wait(std::size_t t) {
  if (!state_->done[t].load(std::memory_order_acquire)) {
    state_->work(t + 1);
    // A helper runs task t: take on later tasks one at a time rather than idle.
    for (std::size_t next = t + 1; !state_->done[t].load(std::memory_order_acquire); ++next) {
      next = std::max(next, state_->next.load(std::memory_order_relaxed));
      if (next >= state_->n) break;
      state_->work(next + 1);
    }
    state_->done[t].wait(false, std::memory_order_acquire);
  }
  if (state_->errors[t]) std::rethrow_exception(state_->errors[t]);
}

void TaskSet::wait_all() {
  // Everything unclaimed first: waiting on a helper's task while later ones are left would serialise them.
  state_->work(state_->n);
  for (std::size_t t = 0; t < state_->n; ++t) wait(t);
}

void parallel_for(std::span<const std::size_t> tasks, const std::function<void(std::size_t)>& fn) {
  std::vector<std::exception_ptr> errors(tasks.size());
  TaskSet set(tasks.size(), [&](std::size_t k) {
    try {
      fn(tasks[k]);
    } catch (...) {
      errors[k] = std::current_exception();
    }
  });
  set.wait_all();
  std::size_t first = tasks.size();
  for (std::size_t k = 0; k < tasks.size(); ++k)
    if (errors[k] && (first == tasks.size() || tasks[k] < tasks[first])) first = k;
  if (first < tasks.size()) std::rethrow_exception(errors[first]);
}

void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn) {
  std::vector<std::size_t> tasks(n);
  std::iota(tasks.begin(), tasks.end(), std::size_t{0});
  parallel_for(std::span<const std::size_t>(tasks), fn);
}

}  // namespace aansluiting
