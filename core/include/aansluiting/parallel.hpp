#pragma once
// Independent tasks on a few helper threads (one fewer than the cores, at
// most three). The thread that owns the tasks works on them too and only
// ever waits for a task a helper has already started: on a busy machine a
// helper may not get a core for milliseconds, and waiting for it to start
// (or to be joined) would cost more than doing its share. Every task writes
// only its own results, so they do not depend on which thread ran which task.
// The helpers (threads named "aansluiting") are shared by all task sets and
// end after a second without work, so the phases of one import reuse warm
// threads and an idle process keeps none.

#include <cstddef>
#include <functional>
#include <memory>
#include <span>

namespace aansluiting {

// Tasks 0..n-1 of `fn`, claimed in index order by the helpers and by wait().
// Put the tasks in the order their results are needed.
class TaskSet {
 public:
  TaskSet(std::size_t n, std::function<void(std::size_t)> fn);
  TaskSet(const TaskSet&) = delete;
  TaskSet& operator=(const TaskSet&) = delete;
  // Tasks not started yet never run; started ones are waited for.
  ~TaskSet();

  // Returns once task t has run, running unclaimed tasks up to t here and,
  // while a helper still runs t, later ones one at a time; rethrows the
  // failure of task t.
  void wait(std::size_t t);
  // Runs every unclaimed task here, then waits for the helpers' ones.
  void wait_all();

  struct State;

 private:
  std::shared_ptr<State> state_;
};

// fn(tasks[k]) for every k, claimed in that order (put the largest first).
// If tasks fail, the failure of the smallest task value is rethrown, as a
// plain loop over the sorted values would throw it.
void parallel_for(std::span<const std::size_t> tasks, const std::function<void(std::size_t)>& fn);
// fn(i) for i in [0, n), claimed in index order.
void parallel_for(std::size_t n, const std::function<void(std::size_t)>& fn);

}  // namespace aansluiting
