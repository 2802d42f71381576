#pragma once
// The learning-goal graph: every loaded goal is a vertex; typed edges carry
// hierarchy (contains), syllabus links (specifies), versions (replaces),
// levels (at-level) and, later, alignments and prerequisites.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "aansluiting/goal.hpp"

namespace aansluiting {

enum class EdgeKind : std::uint8_t {
  Contains,      // parent -> child, in the source's order
  Specifies,     // specification -> eindterm/domain; syllabus -> programme
  Replaces,      // newer -> older version
  AtLevel,       // goal -> LevelNode vertex
  Aligned,       // source goal -> target goal (matcher or curator)
  Prerequisite,  // goal -> goal it builds on
};

std::string_view edge_kind_name(EdgeKind kind);
// Every edge kind's name, in enum order (as kind_names() for goal kinds).
std::vector<std::string_view> edge_kind_names();
// The kind an edge_kind_name names ("contains", "at_level", ...); none for another text.
std::optional<EdgeKind> parse_edge_kind(std::string_view text);

struct EdgeData {
  EdgeKind kind = EdgeKind::Contains;
  float weight = 1.0f;
};

// Edges live in one vector (EdgeListS = vecS): edges are never removed, and a
// vector spares one allocation per edge. Edge descriptors are valid until the
// next add_edge; edges(g) lists edges in the order they were added.
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Goal, EdgeData,
                                    boost::no_property, boost::vecS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

// One edge for GoalGraph::add_edges.
struct EdgeSpec {
  Vertex from = 0, to = 0;
  EdgeKind kind = EdgeKind::Contains;
  float weight = 1.0f;
};

// Callbacks of GoalGraph::walk, a depth-first walk down the hierarchy.
class HierarchyWalker {
 public:
  virtual ~HierarchyWalker() = default;
  // A goal is reached (pre-order) from `parent` (itself for a root) at `depth`
  // (0 for a root). Returning false skips its subtree, and leave() for it.
  virtual bool enter(Vertex v, Vertex parent, std::size_t depth) = 0;
  // Its whole subtree is done (post-order).
  virtual void leave(Vertex v) = 0;
};

class GoalGraph {
 public:
  GoalGraph();
  GoalGraph(const GoalGraph& other);
  GoalGraph& operator=(const GoalGraph& other);
  // Moving hands over the graph without copying it; the moved-from graph is
  // left with nothing but its level vertices.
  GoalGraph(GoalGraph&& other) noexcept;
  GoalGraph& operator=(GoalGraph&& other) noexcept;
  ~GoalGraph();
  void swap(GoalGraph& other) noexcept;

  // Room for this many vertices and edges in all, so a bulk load does not regrow.
  void reserve(std::size_t vertices, std::size_t edges);

  // Adds a goal. Its source_id must be new (checked by the caller through find_id).
  Vertex add_goal(Goal goal);
  // What the lookups (find_id, find_code) hash of a goal. A bulk loader can
  // work these out ahead, e.g. on other threads, and hand them to add_goals.
  struct LookupKeys {
    std::size_t id = 0;
    std::size_t code = 0;
  };
  static LookupKeys lookup_keys(const Goal& goal);
  // The same as add_goal for each goal in turn (moved from), with the keys
  // lookup_keys gave for them; returns the first new vertex, the others follow.
  Vertex add_goals(std::span<Goal> goals, std::span<const LookupKeys> keys);
  // Adds an edge; a Contains edge keeps the order in which children are added.
  void add_edge(Vertex from, Vertex to, EdgeKind kind, float weight = 1.0f);
  // The same as add_edge for each in turn, but every vertex's edge lists
  // grow once (a bulk load would otherwise regrow them edge by edge).
  void add_edges(std::span<const EdgeSpec> edges);
  // The same, and runs `downward` on this thread as soon as the new edges are
  // in the edge list and the out-edge lists, while a helper may still fill the
  // in-edge lists: it may walk the graph downwards (out-edges, children,
  // subtree, subtree_levels) but must not read in-edges or change the graph.
  void add_edges(std::span<const EdgeSpec> edges, const std::function<void()>& downward);
  // Links `v` to the LevelNode vertex of every level in its LevelSet.
  void link_levels(Vertex v);

  std::size_t num_vertices() const { return boost::num_vertices(*g_); }
  std::size_t num_edges() const { return boost::num_edges(*g_); }
  std::size_t count(GoalKind kind) const;
  std::size_t count(EdgeKind kind) const;

  const Goal& goal(Vertex v) const { return (*g_)[v]; }
  // source_id and code must not be changed: the lookups index them.
  Goal& goal(Vertex v) { return (*g_)[v]; }
  Vertex level_vertex(Level level) const { return level_vertices_[static_cast<std::size_t>(level)]; }

  std::optional<Vertex> find_id(std::string_view source_id) const;
  std::vector<Vertex> find_code(std::string_view code) const;

  // Hierarchy queries over Contains edges.
  std::vector<Vertex> children(Vertex v) const;        // in source order
  std::vector<Vertex> parents(Vertex v) const;         // first = primary parent
  std::vector<Vertex> ancestors(Vertex v) const;       // nearest first (breadth-first)
  std::vector<Vertex> subtree(Vertex v) const;         // v first, depth-first pre-order
  std::vector<Vertex> path_to_root(Vertex v) const;    // v, parent, ..., root (primary parents)
  std::size_t position(Vertex v) const;                // index among the primary parent's children
  // Depth-first over Contains edges from each root in turn, children in
  // source order; a goal reached before (from an earlier root or another
  // parent) is not entered again.
  void walk(std::span<const Vertex> roots, HierarchyWalker& walker) const;
  // For each root, the union of the levels of its subtree's goals: one
  // traversal for all roots, which share the work for shared subtrees.
  std::vector<LevelSet> subtree_levels(std::span<const Vertex> roots) const;

  // Edges of one kind.
  std::vector<Vertex> targets(Vertex v, EdgeKind kind) const;  // v -> x
  std::vector<Vertex> sources(Vertex v, EdgeKind kind) const;  // x -> v

  const Graph& boost_graph() const { return *g_; }

 private:
  // Vertices by the hash of a string their goal holds (id or code). It keeps
  // no copies of the strings (callers compare the goal's own) and no nodes:
  // one flat open-addressing array, so adding a goal allocates nothing here
  // and a copied graph can copy the index as it is.
  class HashIndex {
   public:
    void reserve(std::size_t n);
    void insert(std::size_t hash, Vertex v);
    // Fetches the slot `hash` starts at into the cache ahead of insert.
    void prefetch(std::size_t hash) const;
    // Calls fn(v) for every vertex inserted with `hash` (in no particular
    // order) until fn returns true.
    template <class Fn>
    void find(std::size_t hash, Fn&& fn) const {
      if (slots_.empty()) return;
      const auto h = static_cast<std::uint32_t>(hash);
      const std::size_t mask = slots_.size() - 1;
      for (std::size_t i = h & mask; slots_[i].vertex != kEmpty; i = (i + 1) & mask)
        if (slots_[i].hash == h && fn(Vertex{slots_[i].vertex})) return;
    }

   private:
    // 32 bits of hash and vertex keep a slot at 8 bytes; a 32-bit match is
    // confirmed by the caller's string comparison anyway.
    static constexpr std::uint32_t kEmpty = static_cast<std::uint32_t>(-1);
    struct Slot {
      std::uint32_t hash = 0;
      std::uint32_t vertex = kEmpty;
    };
    void grow(std::size_t slots);
    std::vector<Slot> slots_;  // size 0 or a power of two, at most half full
    std::size_t size_ = 0;
  };

  // Batches from this size on are added list by list, on two threads.
  static constexpr std::size_t kBulkEdges = 4096;
  void add_edges_in_bulk(std::span<const EdgeSpec> edges, const std::function<void()>& downward);

  // Held by pointer: Boost 1.74's adjacency_list cannot be moved, only copied.
  std::unique_ptr<Graph> g_;
  std::vector<Vertex> level_vertices_;
  HashIndex by_id_;
  HashIndex by_code_;
};

}  // namespace aansluiting
