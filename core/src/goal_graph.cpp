#include "aansluiting/goal_graph.hpp"
#include "aansluiting/parallel.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/reverse_graph.hpp>
#include <boost/graph/two_bit_color_map.hpp>

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

// Two bits per vertex: clearing n/4 bytes is cheaper than hashing every
// visited vertex, even for small subtrees of a large graph.
using ColourMap = boost::two_bit_color_map<>;

// Capacity for `extra` more elements, still growing geometrically when
// batches come one after another.
template <class Vec>
void make_room(Vec& v, std::size_t extra) {
  const std::size_t need = v.size() + extra;
  if (need > v.capacity()) v.reserve(std::max(need, 2 * v.capacity()));
}

std::size_t text_hash(std::string_view s) { return std::hash<std::string_view>{}(s); }

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

// Adapts BGL's depth-first events to a HierarchyWalker: tree edges give the
// parent and depth of the goal discovered next; a goal the walker declines is
// not expanded (the terminator) and not left.
struct WalkEvents : boost::default_dfs_visitor {
  HierarchyWalker* walker;
  std::vector<Vertex>* parent;
  std::vector<std::size_t>* depth;
  std::vector<char>* declined;
  template <class E, class G>
  void tree_edge(E e, const G& g) const {
    const auto from = boost::source(e, g), to = boost::target(e, g);
    (*parent)[to] = from;
    (*depth)[to] = (*depth)[from] + 1;
  }
  template <class V, class G>
  void discover_vertex(V v, const G&) const {
    (*declined)[v] = !walker->enter(v, (*parent)[v], (*depth)[v]);
  }
  template <class V, class G>
  void finish_vertex(V v, const G&) const {
    if (!(*declined)[v]) walker->leave(v);
  }
};

// Levels below each finished vertex: children finish first in a DAG, so a
// vertex reached again from another root is already complete. A back edge
// means a cycle, where that no longer holds. `own` leaves out goals with more
// than one parent: a domain that several programmes contain (the preamble every
// vmbo programme lists, goals the havo and vwo programmes share) says nothing
// about which levels one of those programmes serves.
struct CollectLevels : boost::default_dfs_visitor {
  const Graph* g;
  std::vector<LevelSet>* below;
  std::vector<LevelSet>* own;
  const std::vector<std::uint32_t>* parents;
  bool* cycle;
  template <class V, class G>
  void finish_vertex(V v, const G& h) const {
    LevelSet all = (*g)[v].levels, mine = (*g)[v].levels;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, h))) {
      const V child = boost::target(e, h);
      all.add((*below)[child]);
      if ((*parents)[child] == 1) mine.add((*own)[child]);
    }
    (*below)[v] = all;
    (*own)[v] = mine;
  }
  template <class E, class G>
  void back_edge(E, const G&) const { *cycle = true; }
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

std::vector<std::string_view> edge_kind_names() {
  std::vector<std::string_view> out;
  for (int i = 0; i <= static_cast<int>(EdgeKind::Prerequisite); ++i) out.push_back(edge_kind_name(static_cast<EdgeKind>(i)));
  return out;
}

std::optional<EdgeKind> parse_edge_kind(std::string_view text) {
  const auto names = edge_kind_names();
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) return std::nullopt;
  return static_cast<EdgeKind>(it - names.begin());
}

GoalGraph::GoalGraph() : g_(std::make_unique<Graph>()) {
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

GoalGraph::GoalGraph(const GoalGraph& other)
    : g_(std::make_unique<Graph>(*other.g_)),
      level_vertices_(other.level_vertices_),
      by_id_(other.by_id_),
      by_code_(other.by_code_) {}

GoalGraph& GoalGraph::operator=(const GoalGraph& other) {
  if (this != &other) {
    GoalGraph copy(other);
    swap(copy);
  }
  return *this;
}

GoalGraph::GoalGraph(GoalGraph&& other) noexcept : GoalGraph() { swap(other); }

GoalGraph& GoalGraph::operator=(GoalGraph&& other) noexcept {
  swap(other);
  return *this;
}

GoalGraph::~GoalGraph() = default;

void GoalGraph::swap(GoalGraph& other) noexcept {
  std::swap(g_, other.g_);
  std::swap(level_vertices_, other.level_vertices_);
  std::swap(by_id_, other.by_id_);
  std::swap(by_code_, other.by_code_);
}

void GoalGraph::HashIndex::reserve(std::size_t n) {
  std::size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) grow(slots);
}

void GoalGraph::HashIndex::insert(std::size_t hash, Vertex v) {
  if (v >= kEmpty) throw std::length_error("goal graph: too many vertices");
  if (2 * (size_ + 1) > slots_.size()) grow(std::max<std::size_t>(16, 2 * slots_.size()));
  const auto h = static_cast<std::uint32_t>(hash);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  while (slots_[i].vertex != kEmpty) i = (i + 1) & mask;
  slots_[i] = Slot{h, static_cast<std::uint32_t>(v)};
  ++size_;
}

void GoalGraph::HashIndex::prefetch(std::size_t hash) const {
  if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::uint32_t>(hash) & (slots_.size() - 1)]);
}

void GoalGraph::HashIndex::grow(std::size_t slots) {
  std::vector<Slot> old(slots, Slot{});
  old.swap(slots_);
  size_ = 0;
  for (const Slot& s : old)
    if (s.vertex != kEmpty) insert(s.hash, s.vertex);
}

void GoalGraph::reserve(std::size_t vertices, std::size_t edges) {
  // The storage of a vecS/vecS adjacency_list (public members, no reserve() in Boost).
  g_->m_vertices.reserve(vertices);
  g_->m_edges.reserve(edges);
  by_id_.reserve(vertices);
  by_code_.reserve(vertices);
}

Vertex GoalGraph::add_goal(Goal goal) {
  const LookupKeys keys = lookup_keys(goal);
  return add_goals({&goal, 1}, {&keys, 1});
}

GoalGraph::LookupKeys GoalGraph::lookup_keys(const Goal& goal) {
  return {text_hash(goal.source_id), goal.code.empty() ? 0 : text_hash(goal.code)};
}

Vertex GoalGraph::add_goals(std::span<Goal> goals, std::span<const LookupKeys> keys) {
  if (keys.size() != goals.size()) throw std::invalid_argument("GoalGraph::add_goals: one key per goal");
  const Vertex first = num_vertices();
  // A slot of the lookups is a cache miss most times: fetch a few goals ahead.
  constexpr std::size_t kAhead = 8;
  for (std::size_t i = 0; i < goals.size(); ++i) {
    if (i + kAhead < goals.size()) {
      by_id_.prefetch(keys[i + kAhead].id);
      if (!goals[i + kAhead].code.empty()) by_code_.prefetch(keys[i + kAhead].code);
    }
    // add_vertex(property, g) would copy the goal; a default vertex takes it by move.
    const Vertex v = boost::add_vertex(*g_);
    Goal& stored = (*g_)[v];
    stored = std::move(goals[i]);
    by_id_.insert(keys[i].id, v);
    if (!stored.code.empty()) by_code_.insert(keys[i].code, v);
  }
  return first;
}

void GoalGraph::add_edge(Vertex from, Vertex to, EdgeKind kind, float weight) {
  boost::add_edge(from, to, EdgeData{kind, weight}, *g_);
}

void GoalGraph::add_edges(std::span<const EdgeSpec> edges) { add_edges(edges, {}); }

void GoalGraph::add_edges(std::span<const EdgeSpec> edges, const std::function<void()>& downward) {
  const std::size_t n = num_vertices();
  const bool in_range = std::all_of(edges.begin(), edges.end(), [n](const EdgeSpec& e) { return e.from < n && e.to < n; });
  // A bulk load fills the lists directly; add_edge also grows the vertex set for an out-of-range end.
  if (!in_range || edges.size() < kBulkEdges) {
    for (const EdgeSpec& e : edges) add_edge(e.from, e.to, e.kind, e.weight);
    if (downward) downward();
    return;
  }
  add_edges_in_bulk(edges, downward);
}

// What boost::add_edge does for each edge in turn, list by list: the edge
// vector, then every out-edge list, then every in-edge list. The three
// share nothing, so a helper fills the edge vector and then the in-edge
// lists while this thread fills the out-edge lists and then runs `downward`,
// which needs only the first two; each list is sized once from a count.
void GoalGraph::add_edges_in_bulk(std::span<const EdgeSpec> edges, const std::function<void()>& downward) {
  auto& stored = g_->m_edges;
  using StoredEdge = std::decay_t<decltype(g_->m_vertices[0].m_out_edges)>::value_type;
  const std::size_t first = stored.size();
  // Sized first: the lists name their edges by index into it, and it must not move while they are filled.
  stored.resize(first + edges.size());
  auto fill = [&](bool out) {
    std::vector<std::uint32_t> count(num_vertices(), 0);
    for (const EdgeSpec& e : edges) ++count[out ? e.from : e.to];
    for (Vertex v = 0; v < count.size(); ++v) {
      auto& lists = g_->m_vertices[v];
      make_room(out ? lists.m_out_edges : lists.m_in_edges, count[v]);
    }
    const auto base = stored.begin() + static_cast<std::ptrdiff_t>(first);
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const EdgeSpec& e = edges[i];
      const auto at = base + static_cast<std::ptrdiff_t>(i);
      if (out) g_->m_vertices[e.from].m_out_edges.push_back(StoredEdge(e.to, at, &stored));
      else g_->m_vertices[e.to].m_in_edges.push_back(StoredEdge(e.from, at, &stored));
    }
  };
  constexpr std::size_t kStored = 0, kInLists = 1;
  TaskSet helper(2, [&](std::size_t t) {
    if (t == kInLists) return fill(false);
    for (std::size_t i = 0; i < edges.size(); ++i) {
      const EdgeSpec& e = edges[i];
      stored[first + i] = std::decay_t<decltype(stored)>::value_type(e.from, e.to, EdgeData{e.kind, e.weight});
    }
  });
  fill(true);
  helper.wait(kStored);
  if (downward) downward();
  helper.wait_all();
}

void GoalGraph::link_levels(Vertex v) {
  const LevelSet levels = (*g_)[v].levels;
  for (std::size_t i = 0; i < kLevelCount; ++i)
    if (levels.contains(static_cast<Level>(i))) add_edge(v, level_vertices_[i], EdgeKind::AtLevel);
}

std::size_t GoalGraph::count(GoalKind kind) const {
  std::size_t n = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(*g_)))
    if ((*g_)[v].kind == kind) ++n;
  return n;
}

std::size_t GoalGraph::count(EdgeKind kind) const {
  std::size_t n = 0;
  for (auto e : boost::make_iterator_range(boost::edges(*g_)))
    if ((*g_)[e].kind == kind) ++n;
  return n;
}

std::optional<Vertex> GoalGraph::find_id(std::string_view source_id) const {
  // Ids are unique when callers check before adding; otherwise the first goal wins.
  std::optional<Vertex> found;
  by_id_.find(text_hash(source_id), [&](Vertex v) {
    if ((!found || v < *found) && (*g_)[v].source_id == source_id) found = v;
    return false;
  });
  return found;
}

std::vector<Vertex> GoalGraph::find_code(std::string_view code) const {
  std::vector<Vertex> out;
  if (code.empty()) return out;
  by_code_.find(text_hash(code), [&](Vertex v) {
    if ((*g_)[v].code == code) out.push_back(v);
    return false;
  });
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Vertex> GoalGraph::targets(Vertex v, EdgeKind kind) const {
  std::vector<Vertex> out;
  for (auto e : boost::make_iterator_range(boost::out_edges(v, *g_)))
    if ((*g_)[e].kind == kind) out.push_back(boost::target(e, *g_));
  return out;
}

std::vector<Vertex> GoalGraph::sources(Vertex v, EdgeKind kind) const {
  std::vector<Vertex> out;
  for (auto e : boost::make_iterator_range(boost::in_edges(v, *g_)))
    if ((*g_)[e].kind == kind) out.push_back(boost::source(e, *g_));
  return out;
}

std::vector<Vertex> GoalGraph::children(Vertex v) const { return targets(v, EdgeKind::Contains); }
std::vector<Vertex> GoalGraph::parents(Vertex v) const { return sources(v, EdgeKind::Contains); }

std::vector<Vertex> GoalGraph::ancestors(Vertex v) const {
  ContainsGraph hierarchy(*g_, KindFilter{g_.get(), EdgeKind::Contains});
  auto upward = boost::make_reverse_graph(hierarchy);
  ColourMap colour(num_vertices());
  std::vector<Vertex> out;
  boost::queue<Vertex> queue;
  boost::breadth_first_visit(upward, v, queue, RecordDiscovered{&out}, colour);
  out.erase(out.begin());  // v itself
  return out;
}

std::vector<Vertex> GoalGraph::subtree(Vertex v) const {
  ContainsGraph hierarchy(*g_, KindFilter{g_.get(), EdgeKind::Contains});
  ColourMap colour(num_vertices());
  std::vector<Vertex> out;
  boost::depth_first_visit(hierarchy, v, RecordPreorder{&out}, colour);
  return out;
}

void GoalGraph::walk(std::span<const Vertex> roots, HierarchyWalker& walker) const {
  ContainsGraph hierarchy(*g_, KindFilter{g_.get(), EdgeKind::Contains});
  ColourMap colour(num_vertices());
  std::vector<Vertex> parent(num_vertices());
  std::vector<std::size_t> depth(num_vertices());
  std::vector<char> declined(num_vertices());
  const WalkEvents events{{}, &walker, &parent, &depth, &declined};
  for (Vertex root : roots) {
    if (root >= num_vertices()) throw std::out_of_range("walk: vertex " + std::to_string(root) + " is not in the graph");
    if (boost::get(colour, root) != boost::color_traits<boost::two_bit_color_type>::white()) continue;
    parent[root] = root;
    depth[root] = 0;
    boost::depth_first_visit(hierarchy, root, events, colour,
                             [&declined](Vertex v, const ContainsGraph&) { return declined[v] != 0; });
  }
}

std::vector<LevelSet> GoalGraph::subtree_levels(std::span<const Vertex> roots) const {
  ContainsGraph hierarchy(*g_, KindFilter{g_.get(), EdgeKind::Contains});
  // Contains parents of every goal, from the edge list (out-edges): the in-edge
  // lists may still be filling (GoalGraph::add_edges_in_bulk).
  std::vector<std::uint32_t> parents(num_vertices(), 0);
  for (auto e : boost::make_iterator_range(boost::edges(hierarchy))) ++parents[boost::target(e, hierarchy)];
  ColourMap colour(num_vertices());
  std::vector<LevelSet> below(num_vertices()), own(num_vertices());
  bool cycle = false;
  for (Vertex root : roots)
    if (get(colour, root) == boost::two_bit_white)
      boost::depth_first_visit(hierarchy, root, CollectLevels{{}, g_.get(), &below, &own, &parents, &cycle}, colour);
  std::vector<LevelSet> out;
  out.reserve(roots.size());
  for (Vertex root : roots) {
    if (!cycle) {
      out.push_back(own[root].empty() ? below[root] : own[root]);
      continue;
    }
    // A malformed source with a cycle: walk each subtree on its own.
    LevelSet levels;
    for (Vertex v : subtree(root)) levels.add((*g_)[v].levels);
    out.push_back(levels);
  }
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
