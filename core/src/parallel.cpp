#include "aansluiting/parallel.hpp"

#include <algorithm>
#include <atomic>
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

  bool exhausted() const { return next.load(std::memory_order_relaxed) >= n; }

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

// The helper threads and the task sets waiting for them.
class Helpers {
 public:
  // Never destroyed: detached helpers may still wait on it while the process
  // exits, after static destructors ran.
  static Helpers& get() {
    static Helpers* helpers = new Helpers;
    return *helpers;
  }

  void post(std::shared_ptr<TaskSet::State> tasks) {
    {
      std::lock_guard lock(mutex_);
      // Sets the owners finished alone leave here (e.g. in a forked child, where the helpers are gone).
      std::erase_if(queue_, [](const auto& s) { return s->exhausted(); });
      if (threads_ == 0) return;
      queue_.push_back(std::move(tasks));
    }
    wake_.notify_all();
  }

 private:
  Helpers() {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    for (unsigned k = 1; k < std::min(cores, 4u); ++k) {
      try {
        std::thread([this] { run(); }).detach();
        ++threads_;
      } catch (...) {
        break;  // no more threads: owners do the work
      }
    }
  }

  void run() {
    for (;;) {
      std::shared_ptr<TaskSet::State> tasks;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return !queue_.empty(); });
        tasks = queue_.front();
        if (tasks->exhausted()) {
          queue_.pop_front();
          continue;
        }
      }
      tasks->work(tasks->n);
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::shared_ptr<TaskSet::State>> queue_;
  unsigned threads_ = 0;
};

}  // namespace

TaskSet::TaskSet(std::size_t n, std::function<void(std::size_t)> fn) : state_(std::make_shared<State>()) {
  state_->fn = std::move(fn);
  state_->n = n;
  state_->done.reset(new std::atomic<bool>[n]);
  for (std::size_t t = 0; t < n; ++t) state_->done[t].store(false, std::memory_order_relaxed);
  state_->errors.resize(n);
  if (n > 1) Helpers::get().post(state_);
}

TaskSet::~TaskSet() {
  const std::size_t claimed = state_->next.exchange(state_->n);
  for (std::size_t t = 0; t < claimed && t < state_->n; ++t) state_->done[t].wait(false, std::memory_order_acquire);
}

void TaskSet::wait(std::size_t t) {
  if (!state_->done[t].load(std::memory_order_acquire)) {
    state_->work(t + 1);
    state_->done[t].wait(false, std::memory_order_acquire);
  }
  if (state_->errors[t]) std::rethrow_exception(state_->errors[t]);
}

void TaskSet::wait_all() {
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
