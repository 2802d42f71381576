// TaskSet / parallel_for, and the bulk paths of the goal graph that use them.
#include <gtest/gtest.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <random>
#include <stdexcept>
#include <vector>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/parallel.hpp"

using namespace aansluiting;

TEST(TaskSet, RunsEveryTaskOnceAndWaitsForIt) {
  constexpr std::size_t n = 200;
  std::vector<std::atomic<int>> runs(n);
  TaskSet tasks(n, [&](std::size_t t) { runs[t].fetch_add(1); });
  tasks.wait(n / 2);
  EXPECT_EQ(runs[n / 2].load(), 1);
  tasks.wait_all();
  for (std::size_t t = 0; t < n; ++t) EXPECT_EQ(runs[t].load(), 1) << t;
}

TEST(TaskSet, RethrowsTheFailureOfTheTaskWaitedFor) {
  TaskSet tasks(8, [](std::size_t t) {
    if (t == 3) throw std::runtime_error("task 3");
  });
  EXPECT_NO_THROW(tasks.wait(2));
  EXPECT_THROW(tasks.wait(3), std::runtime_error);
  EXPECT_NO_THROW(tasks.wait(7));
}

TEST(ParallelFor, RethrowsTheFailureOfTheSmallestTaskValue) {
  const std::vector<std::size_t> order = {9, 4, 7, 1, 3};  // claimed in this order
  try {
    parallel_for(order, [](std::size_t t) {
      if (t == 7 || t == 3) throw std::runtime_error(std::to_string(t));
    });
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "3");
  }
  std::vector<int> seen(100, 0);
  parallel_for(seen.size(), [&](std::size_t i) { seen[i] += 1; });
  EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), 100);
}

namespace {

long kernel_thread_id() { return static_cast<long>(syscall(SYS_gettid)); }

// Helpers carry the name "aansluiting" (see parallel.cpp).
std::size_t helper_threads() {
  std::size_t n = 0;
  for (const auto& task : std::filesystem::directory_iterator("/proc/self/task")) {
    std::ifstream comm(task.path() / "comm");
    std::string name;
    if (std::getline(comm, name) && name == "aansluiting") ++n;
  }
  return n;
}

}  // namespace

// The phases of an import are task sets in a row; they share warm helpers
// instead of starting threads of their own (kernel thread ids are not
// reused soon, unlike std::thread::id).
TEST(TaskSet, TaskSetsInARowShareTheirHelpers) {
  const long owner = kernel_thread_id();
  std::mutex m;
  std::set<long> helpers;
  for (int round = 0; round < 40; ++round) {
    parallel_for(8, [&](std::size_t) {
      std::this_thread::sleep_for(std::chrono::microseconds(200));
      std::lock_guard lock(m);
      if (kernel_thread_id() != owner) helpers.insert(kernel_thread_id());
    });
  }
  const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
  EXPECT_LE(helpers.size(), std::min<std::size_t>(cores, 4) - 1);
  if (cores > 1) {
    EXPECT_GE(helpers.size(), 1u);
  }
}

// A task that runs task sets of its own finishes even when every helper is
// busy: owners run what no helper has started.
TEST(TaskSet, NestedTaskSetsFinish) {
  std::atomic<int> inner{0};
  parallel_for(6, [&](std::size_t) { parallel_for(50, [&](std::size_t) { inner.fetch_add(1); }); });
  EXPECT_EQ(inner.load(), 300);
}

// Idle helpers end: a process that stopped working keeps no threads.
TEST(TaskSet, IdleHelpersEnd) {
  parallel_for(100, [](std::size_t) { std::this_thread::sleep_for(std::chrono::microseconds(50)); });
  if (std::thread::hardware_concurrency() > 1) {
    EXPECT_GE(helper_threads(), 1u);
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (helper_threads() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(helper_threads(), 0u);
}

// A child forked while helpers wait has none of them: it starts helpers of
// its own (the parent's would never come).
TEST(TaskSet, WorksInAForkedChild) {
#if defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "ThreadSanitizer does not support fork in a process with threads";
#endif
  parallel_for(20, [](std::size_t) {});  // helpers started ...
  // ... and idle: parallel_for returns when the tasks are done, while a helper
  // may still be releasing the task set. A fork at that moment can copy a lock
  // of AddressSanitizer's allocator in its locked state, and the child's new
  // helpers would then never start (a third of the runs under ASan).
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const long owner = kernel_thread_id();
    std::atomic<int> runs{0}, by_helpers{0};
    // Rounds until a helper has taken part: a fresh thread may need longer to
    // start than one round takes (under AddressSanitizer, on a busy machine).
    const bool alone = std::thread::hardware_concurrency() < 2;
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int rounds = 0;
    do {
      parallel_for(100, [&](std::size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(100));
        runs.fetch_add(1);
        if (kernel_thread_id() != owner) by_helpers.fetch_add(1);
      });
      ++rounds;
    } while (!alone && by_helpers.load() == 0 && std::chrono::steady_clock::now() < give_up);
    const bool helped = by_helpers.load() > 0 || alone;
    _exit(runs.load() != 100 * rounds ? 1 : helped ? 0 : 2);  // 1: tasks lost or repeated, 2: no helper
  }
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (waitpid(child, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      kill(child, SIGKILL);
      waitpid(child, &status, 0);
      FAIL() << "the forked child hung";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

namespace {

// A random forest of goals with shared children, edges of mixed kinds.
struct RandomGraph {
  std::vector<EdgeSpec> edges;
  std::vector<Vertex> roots;
  GoalGraph one_by_one, bulk;
  explicit RandomGraph(bool with_cycle) {
    std::mt19937 rng(42);
    constexpr std::size_t n = 3000;
    for (std::size_t i = 0; i < n; ++i) {
      Goal g;
      g.source_id = "g" + std::to_string(i);
      if (rng() % 3 == 0) g.levels.add(static_cast<Level>(rng() % kLevelCount));
      one_by_one.add_goal(g);
      bulk.add_goal(g);
    }
    const Vertex first = kLevelCount;
    for (Vertex v = first; v < first + 40; ++v) roots.push_back(v);
    // Contains edges go from lower to higher vertex numbers (a DAG), others anywhere.
    for (Vertex v = first + 40; v < first + n; ++v) {
      for (int k = 0; k < 1 + static_cast<int>(rng() % 3); ++k)
        edges.push_back({first + rng() % (v - first), v, EdgeKind::Contains, 1.0f});
      edges.push_back({v, static_cast<Vertex>(rng() % kLevelCount), EdgeKind::AtLevel, 0.5f});
    }
    // The last vertex contains one of its own parents: a cycle.
    if (with_cycle) edges.push_back({first + n - 1, edges[edges.size() - 2].from, EdgeKind::Contains, 1.0f});
    for (const EdgeSpec& e : edges) one_by_one.add_edge(e.from, e.to, e.kind, e.weight);
    bulk.add_edges(edges);
  }
};

template <class Range>
std::vector<std::pair<Vertex, float>> list(const Graph& g, Range r, bool out) {
  std::vector<std::pair<Vertex, float>> l;
  for (auto e : boost::make_iterator_range(r)) l.emplace_back(out ? boost::target(e, g) : boost::source(e, g), g[e].weight);
  return l;
}

}  // namespace

TEST(GoalGraphBulk, AddEdgesGivesTheSameListsAsOneByOne) {
  RandomGraph r(false);
  ASSERT_GT(r.edges.size(), 4096u);  // the bulk path
  const Graph& a = r.one_by_one.boost_graph();
  const Graph& b = r.bulk.boost_graph();
  ASSERT_EQ(boost::num_edges(a), boost::num_edges(b));
  EXPECT_EQ(list(a, boost::edges(a), true), list(b, boost::edges(b), true));
  for (Vertex v = 0; v < boost::num_vertices(a); ++v) {
    EXPECT_EQ(list(a, boost::out_edges(v, a), true), list(b, boost::out_edges(v, b), true)) << v;
    EXPECT_EQ(list(a, boost::in_edges(v, a), false), list(b, boost::in_edges(v, b), false)) << v;
  }
}

// The fast walk against a slow reference: the levels of the part of each subtree
// that no other parent shares (goals with one Contains parent in the graph),
// or of the whole subtree when that part has none; with a cycle, the whole subtree.
TEST(GoalGraphBulk, SubtreeLevelsAreTheUnionOverEachSubtreesOwnPart) {
  for (bool cycle : {false, true}) {
    RandomGraph r(cycle);
    const auto levels = r.bulk.subtree_levels(r.roots);
    ASSERT_EQ(levels.size(), r.roots.size());
    std::map<Vertex, std::size_t> parents;  // Contains edges into each goal, in the whole graph
    for (const EdgeSpec& e : r.edges)
      if (e.kind == EdgeKind::Contains) ++parents[e.to];
    std::size_t non_empty = 0, narrower = 0;
    for (std::size_t i = 0; i < r.roots.size(); ++i) {
      LevelSet all, own;
      for (Vertex v : r.bulk.subtree(r.roots[i])) all.add(r.bulk.goal(v).levels);
      std::vector<Vertex> stack{r.roots[i]};
      std::set<Vertex> seen{r.roots[i]};
      while (!stack.empty()) {
        const Vertex v = stack.back();
        stack.pop_back();
        own.add(r.bulk.goal(v).levels);
        for (Vertex c : r.bulk.children(v))
          if (parents[c] == 1 && seen.insert(c).second) stack.push_back(c);
      }
      const LevelSet expected = cycle || own.empty() ? all : own;
      EXPECT_EQ(levels[i], expected) << "root " << i << (cycle ? " (cycle)" : "");
      non_empty += !expected.empty();
      narrower += !cycle && expected != all;
    }
    EXPECT_GT(non_empty, 0u);
    if (!cycle) {
      EXPECT_GT(narrower, 0u) << "no shared part changed any root's levels: the test shows nothing";
    }
  }
}
