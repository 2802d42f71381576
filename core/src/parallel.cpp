#include "aansluiting/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
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

// Helpers are started per task set and detached: each holds the set's state
// and ends once no task is left to claim, so nobody ever joins a helper that
// has not been scheduled yet, and no process-wide pool has to outlive its
// users (a start costs some tens of microseconds, a few times per import).
void start_helpers(const std::shared_ptr<TaskSet::State>& state) {
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t helpers = std::min<std::size_t>({state->n, cores, 4}) - 1;
  for (std::size_t k = 0; k < helpers; ++k) {
    try {
      std::thread([state] { state->work(state->n); }).detach();
    } catch (...) {
      break;  // no more threads: the owner does the work
    }
  }
}

}  // namespace

TaskSet::TaskSet(std::size_t n, std::function<void(std::size_t)> fn) : state_(std::make_shared<State>()) {
  state_->fn = std::move(fn);
  state_->n = n;
  state_->done.reset(new std::atomic<bool>[n]);
  for (std::size_t t = 0; t < n; ++t) state_->done[t].store(false, std::memory_order_relaxed);
  state_->errors.resize(n);
  if (n > 1) start_helpers(state_);
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
