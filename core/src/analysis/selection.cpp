#include "aansluiting/analysis/selection.hpp"

#include "aansluiting/analysis/placeholder.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace aansluiting::analysis {
namespace {

bool has_kind(const std::vector<GoalKind>& kinds, GoalKind k) {
  return std::find(kinds.begin(), kinds.end(), k) != kinds.end();
}

// What a goal inherits from the path it was reached by.
struct Inherited {
  LevelSet levels;  // nearest non-empty
  bool have_exam_test = false;  // some ancestor had ce/se set
  bool ce = false, se = false;
  bool have_exam_part = false;  // some ancestor had kern/keuze set
  bool kern = false, keuze = false;
  Vertex domain = 0;
  bool have_domain = false;
};

Inherited inherit(const Inherited& from, const Goal& g, Vertex v, const SelectionOptions& options) {
  Inherited out = from;
  if (!g.levels.empty()) out.levels = g.levels;
  if (g.exam.ce || g.exam.se) {
    out.have_exam_test = true;
    out.ce = g.exam.ce;
    out.se = g.exam.se;
  }
  if (g.exam.kern || g.exam.keuze) {
    out.have_exam_part = true;
    out.kern = g.exam.kern;
    out.keuze = g.exam.keuze;
  }
  // Outermost domain wins, so an inner one does not replace it.
  if (!out.have_domain && has_kind(options.domain_kinds, g.kind)) {
    out.domain = v;
    out.have_domain = true;
  }
  return out;
}

bool passes_exam(const Inherited& in, const ExamFilter& f) {
  if ((f.ce || f.se) && in.have_exam_test && !((f.ce && in.ce) || (f.se && in.se))) return false;
  if ((f.kern || f.keuze) && in.have_exam_part && !((f.kern && in.kern) || (f.keuze && in.keuze))) return false;
  return true;
}

// Collects the selection during GoalGraph::walk. Goals are appended in
// pre-order and removed again when their subtree holds no leaf.
class Selector : public HierarchyWalker {
 public:
  Selector(const GoalGraph& graph, const SelectionOptions& options, GoalSelection& out)
      : graph_(graph), options_(options), out_(out) {}

  // What a root inherits from the goals above it.
  void add_root(Vertex root, const Inherited& from) { above_root_.emplace(root, from); }

  bool enter(Vertex v, Vertex parent, std::size_t depth) override {
    if (depth == 0) root_ = v;
    if (depth > 0 && is_general_part(v)) return false;
    const Goal& g = graph_.goal(v);
    Inherited here = inherit(depth == 0 ? above_root_.at(v) : path_.back().here, g, v, options_);
    const bool countable = has_kind(options_.leaf_kinds, g.kind);
    // Only countable goals are filtered: structure records in the SLO data
    // carry unreliable levels (a vmbo programme is marked "bb" only).
    if (countable && options_.level && !here.levels.empty() && !here.levels.contains(*options_.level)) return false;

    SelectedGoal sel;
    sel.goal = v;
    sel.parent = parent;
    sel.root = root_;
    sel.depth = depth;
    sel.domain = here.have_domain ? here.domain : specified_domain(v).value_or(root_);
    sel.exam = ExamFlags{here.ce, here.se, here.kern, here.keuze};
    path_.push_back({out_.goals.size(), depth, countable, false, here});
    out_.goals.push_back(sel);
    return true;
  }

  void leave(Vertex) override {
    const Frame f = path_.back();
    path_.pop_back();
    bool holds_leaf = f.below;
    const Vertex v = out_.goals[f.slot].goal;
    const bool leaf = !f.below && f.countable && passes_exam(f.here, options_.exam);
    const bool placeholder = leaf && is_placeholder(graph_.goal(v));
    if (placeholder && std::find(out_.placeholders.begin(), out_.placeholders.end(), v) == out_.placeholders.end())
      out_.placeholders.push_back(v);
    if (leaf && !placeholder) {
      out_.goals[f.slot].leaf = true;
      holds_leaf = true;
    } else if (!f.below && f.depth > 0) {
      out_.goals.resize(f.slot);  // nothing counted below: drop it (its subtree was dropped already)
    }
    if (holds_leaf && !path_.empty()) path_.back().below = true;
  }

 private:
  struct Frame {
    std::size_t slot = 0;  // index in out_.goals
    std::size_t depth = 0;
    bool countable = false;
    bool below = false;    // a leaf was kept in its subtree
    Inherited here;
  };

  bool is_general_part(Vertex v) const {
    if (options_.general_part_programmes == 0) return false;
    std::size_t programmes = 0;
    for (Vertex p : graph_.parents(v))
      if (graph_.goal(p).kind == GoalKind::Programme) ++programmes;
    return programmes >= options_.general_part_programmes;
  }

  // A specification outside any domain takes the domain of the eindterm it specifies.
  std::optional<Vertex> specified_domain(Vertex v) const {
    for (Vertex t : graph_.targets(v, EdgeKind::Specifies)) {
      auto path = graph_.path_to_root(t);
      for (auto it = path.rbegin(); it != path.rend(); ++it)
        if (has_kind(options_.domain_kinds, graph_.goal(*it).kind)) return *it;
    }
    return std::nullopt;
  }

  const GoalGraph& graph_;
  const SelectionOptions& options_;
  GoalSelection& out_;
  std::unordered_map<Vertex, Inherited> above_root_;
  std::vector<Frame> path_;  // the goals entered and not yet left, root first
  Vertex root_ = 0;
};

}  // namespace

std::vector<GoalKind> default_leaf_kinds() {
  return {GoalKind::Eindterm, GoalKind::Specification, GoalKind::Werkproces, GoalKind::KnowledgeSkill,
          GoalKind::Goal};
}

std::vector<GoalKind> default_domain_kinds() { return {GoalKind::Domain, GoalKind::Kerntaak, GoalKind::Topic}; }

const SelectedGoal* GoalSelection::find(Vertex v) const {
  auto it = index.find(v);
  return it == index.end() ? nullptr : &goals[it->second];
}

std::vector<Vertex> GoalSelection::leaves() const {
  std::vector<Vertex> out;
  for (const auto& g : goals)
    if (g.leaf) out.push_back(g.goal);
  return out;
}

std::size_t GoalSelection::leaf_count() const {
  return static_cast<std::size_t>(std::count_if(goals.begin(), goals.end(), [](const auto& g) { return g.leaf; }));
}

std::vector<Vertex> GoalSelection::domains() const {
  std::vector<Vertex> out;
  std::unordered_set<Vertex> seen;
  for (const auto& g : goals)
    if (g.leaf && seen.insert(g.domain).second) out.push_back(g.domain);
  return out;
}

GoalSelection select_goals(const GoalGraph& graph, const std::vector<Vertex>& roots, const SelectionOptions& options) {
  GoalSelection out;
  Selector selector(graph, options, out);
  for (Vertex r : roots) {
    if (r >= graph.num_vertices()) throw std::out_of_range("select_goals: vertex " + std::to_string(r) + " is not in the graph");
    if (std::find(out.roots.begin(), out.roots.end(), r) != out.roots.end()) continue;
    out.roots.push_back(r);
    // Levels, exam flags and domain above the root still apply to it.
    Inherited from;
    auto path = graph.path_to_root(r);
    for (auto it = path.rbegin(); it != path.rend() && *it != r; ++it) {
      Inherited next = inherit(from, graph.goal(*it), *it, options);
      next.have_domain = false;  // a domain above the root is not part of the selection
      from = next;
    }
    selector.add_root(r, from);
  }
  graph.walk(out.roots, selector);
  for (std::size_t i = 0; i < out.goals.size(); ++i) out.index.emplace(out.goals[i].goal, i);
  return out;
}

}  // namespace aansluiting::analysis
