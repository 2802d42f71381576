#include "aansluiting/goal_graph.hpp"

#include <unordered_map>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/property_map/property_map.hpp>

namespace aansluiting {
namespace {

// Keeps only the edges of one kind, so the hierarchy can be walked with the
// standard algorithms.
struct KindFilter {
  const Graph* g = nullptr;
  EdgeKind kind = EdgeKind::Contains;
  template <class E>
  bool operator()(const E& e) const {
    return (*g)[e].kind == kind;
  }
};

using ContainsGraph = boost::filtered_graph<Graph, KindFilter>;

// Colours kept only for visited vertices, so one query costs what it visits
// rather than the size of the whole graph.
using ColourStore = std::unordered_map<Vertex, boost::default_color_type>;

struct RecordDiscovered : boost::default_bfs_visitor {
  std::vector<Vertex>* out;
  explicit RecordDiscovered(std::vector<Vertex>* o) : out(o) {}
  template <class V, class G>
  void discover_vertex(V v, const G&) const { out->push_back(v); }
};

struct RecordPreorder : boost::default_dfs_visitor {
  std::vector<Vertex>* out;
  explicit RecordPreorder(std::vector<Vertex>* o) : out(o) {}
  template <class V, class G>
  void discover_vertex(V v, const G&) const { out->push_back(v); }
};

}  // namespace

std::string_view edge_kind_name(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::Contains: return "contains";
    case EdgeKind::Specifies: return "specifies";
    case EdgeKind::Replaces: return "replaces";
    case EdgeKind::AtLevel: return "at_level";
    case EdgeKind::Aligned: return "aligned";
    case EdgeKind::Prerequisite: return "prerequisite";
  }
  return "contains";
}

GoalGraph::GoalGraph() {
  level_vertices_.reserve(kLevelCount);
  for (std::size_t i = 0; i < kLevelCount; ++i) {
    Goal g;
    auto level = static_cast<Level>(i);
    g.source_id = "level:" + std::string(level_name(level));
    g.title = std::string(level_name(level));
    g.kind = GoalKind::LevelNode;
    g.levels.add(level);
    level_vertices_.push_back(add_goal(std::move(g)));
  }
}

Vertex GoalGraph::add_goal(Goal goal) {
  std::string id = goal.source_id;
  std::string code = goal.code;
  Vertex v = boost::add_vertex(std::move(goal), g_);
  by_id_.emplace(std::move(id), v);
  if (!code.empty()) by_code_.emplace(std::move(code), v);
  return v;
}

void GoalGraph::add_edge(Vertex from, Vertex to, EdgeKind kind, float weight) {
  boost::add_edge(from, to, EdgeData{kind, weight}, g_);
}

void GoalGraph::link_levels(Vertex v) {
  for (Level l : g_[v].levels.to_vector()) add_edge(v, level_vertex(l), EdgeKind::AtLevel);
}

std::size_t GoalGraph::count(GoalKind kind) const {
  std::size_t n = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g_)))
    if (g_[v].kind == kind) ++n;
  return n;
}

std::size_t GoalGraph::count(EdgeKind kind) const {
  std::size_t n = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g_)))
    if (g_[e].kind == kind) ++n;
  return n;
}

std::optional<Vertex> GoalGraph::find_id(std::string_view source_id) const {
  auto it = by_id_.find(std::string(source_id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

std::vector<Vertex> GoalGraph::find_code(std::string_view code) const {
  std::vector<Vertex> out;
  auto [lo, hi] = by_code_.equal_range(std::string(code));
  for (auto it = lo; it != hi; ++it) out.push_back(it->second);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Vertex> GoalGraph::targets(Vertex v, EdgeKind kind) const {
  std::vector<Vertex> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, g_)))
    if (g_[e].kind == kind) out.push_back(boost::target(e, g_));
  return out;
}

std::vector<Vertex> GoalGraph::sources(Vertex v, EdgeKind kind) const {
  std::vector<Vertex> out;
  for (auto e : boost::make_iterator_range(boost::in_edges(v, g_)))
    if (g_[e].kind == kind) out.push_back(boost::source(e, g_));
  return out;
}

std::vector<Vertex> GoalGraph::children(Vertex v) const { return targets(v, EdgeKind::Contains); }
std::vector<Vertex> GoalGraph::parents(Vertex v) const { return sources(v, EdgeKind::Contains); }

std::vector<Vertex> GoalGraph::ancestors(Vertex v) const {
  ContainsGraph hierarchy(g_, KindFilter{&g_, EdgeKind::Contains});
  auto upward = boost::make_reverse_graph(hierarchy);
  ColourStore store;
  boost::associative_property_map<ColourStore> colour(store);
  std::vector<Vertex> out;
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(upward, v, queue, RecordDiscovered{&out}, colour);
  out.erase(out.begin());  // v itself
  return out;
}

std::vector<Vertex> GoalGraph::subtree(Vertex v) const {
  ContainsGraph hierarchy(g_, KindFilter{&g_, EdgeKind::Contains});
  ColourStore store;
  boost::associative_property_map<ColourStore> colour(store);
  std::vector<Vertex> out;
  boost::depth_first_visit(hierarchy, v, RecordPreorder{&out}, colour);
  return out;
}

std::vector<Vertex> GoalGraph::path_to_root(Vertex v) const {
  std::vector<Vertex> out{v};
  // Primary parents form a tree, but guard against a malformed source with a cycle.
  while (out.size() <= num_vertices()) {
    auto ps = parents(out.back());
    if (ps.empty()) break;
    out.push_back(ps.front());
  }
  return out;
}

std::size_t GoalGraph::position(Vertex v) const {
  auto ps = parents(v);
  if (ps.empty()) return 0;
  auto siblings = children(ps.front());
  return static_cast<std::size_t>(std::find(siblings.begin(), siblings.end(), v) - siblings.begin());
}

}  // namespace aansluiting
