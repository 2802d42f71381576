#pragma once
// The learning-goal graph: every loaded goal is a vertex; typed edges carry
// hierarchy (contains), syllabus links (specifies), versions (replaces),
// levels (at-level) and, later, alignments and prerequisites.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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

struct EdgeData {
  EdgeKind kind = EdgeKind::Contains;
  float weight = 1.0f;
};

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Goal, EdgeData>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class GoalGraph {
 public:
  GoalGraph();

  // Adds a goal. Its source_id must be new (checked by the caller through find_id).
  Vertex add_goal(Goal goal);
  // Adds an edge; a Contains edge keeps the order in which children are added.
  void add_edge(Vertex from, Vertex to, EdgeKind kind, float weight = 1.0f);
  // Links `v` to the LevelNode vertex of every level in its LevelSet.
  void link_levels(Vertex v);

  std::size_t num_vertices() const { return boost::num_vertices(g_); }
  std::size_t num_edges() const { return boost::num_edges(g_); }
  std::size_t count(GoalKind kind) const;
  std::size_t count(EdgeKind kind) const;

  const Goal& goal(Vertex v) const { return g_[v]; }
  Goal& goal(Vertex v) { return g_[v]; }
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

  // Edges of one kind.
  std::vector<Vertex> targets(Vertex v, EdgeKind kind) const;  // v -> x
  std::vector<Vertex> sources(Vertex v, EdgeKind kind) const;  // x -> v

  const Graph& boost_graph() const { return g_; }

 private:
  Graph g_;
  std::vector<Vertex> level_vertices_;
  std::unordered_map<std::string, Vertex> by_id_;
  std::unordered_multimap<std::string, Vertex> by_code_;
};

}  // namespace aansluiting
