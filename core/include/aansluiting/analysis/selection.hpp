#pragma once
// Which goals of a programme take part in a transition analysis: the goals
// below the chosen roots that apply to a level and an exam part, which of
// them are leaf goals (the units that are counted), and the domain each
// goal belongs to (the unit of the domain matrix).

#include <cstddef>
#include <functional>
#include <optional>
#include <unordered_map>
#include <vector>

#include "aansluiting/goal_graph.hpp"

namespace aansluiting::analysis {

// Called now and then with (steps done, steps total).
using Progress = std::function<void(std::size_t, std::size_t)>;

// Filter on ExamFlags. Within one dimension (ce/se, kern/keuze) a goal passes
// when it has one of the requested flags; a dimension with no flag requested
// does not filter. A goal's flags are its own, or else those of its nearest
// ancestor that has a flag in that dimension; a goal without any flag in a
// dimension (e.g. an mbo werkproces) passes, since "unknown" is not "excluded".
struct ExamFilter {
  bool ce = false;
  bool se = false;
  bool kern = false;
  bool keuze = false;
  bool empty() const { return !ce && !se && !kern && !keuze; }
};

// eindterm, specification, werkproces, knowledge-skill, goal
std::vector<GoalKind> default_leaf_kinds();
// domain, kerntaak, topic
std::vector<GoalKind> default_domain_kinds();

struct SelectionOptions {
  // Goals of these kinds are counted; the deepest selected ones are the leaves.
  // (Defaults built out of line: GCC 12 warns falsely on inlined initializer lists.)
  std::vector<GoalKind> leaf_kinds = default_leaf_kinds();
  // Keep only countable goals (of leaf_kinds) applying to this level. A goal's
  // levels are its own, or else its nearest ancestor's; a goal without levels
  // anywhere is kept. A countable goal that does not apply drops its subtree.
  // Structure goals (programme, domain, ...) are not filtered themselves: they
  // stay when a kept goal is below them (SLO marks whole vmbo programmes "bb").
  std::optional<Level> level;
  ExamFilter exam;  // applied to leaf goals
  // A part contained by at least this many exam programmes (the vmbo preamble
  // with the general aims shared by every subject) is general, not subject
  // content, and is left out below the roots; 0 keeps it.
  std::size_t general_part_programmes = 3;
  // Kinds that make a domain. A goal's domain is the outermost goal of these
  // kinds on its path to the selection root (outermost, so that nested topics
  // of a reference framework share their top topic; Domain > Subdomain and
  // Kerntaak > Werkproces have only one such goal on the path anyway).
  std::vector<GoalKind> domain_kinds = default_domain_kinds();
};

struct SelectedGoal {
  Vertex goal = 0;
  Vertex parent = 0;   // nearest selected ancestor; the goal itself for a root
  Vertex domain = 0;   // see SelectionOptions::domain_kinds; falls back to the root
  Vertex root = 0;     // the selection root the goal was reached from
  bool leaf = false;
  std::size_t depth = 0;  // 0 for a root
  ExamFlags exam;         // effective flags (own or inherited, see ExamFilter)
};

struct GoalSelection {
  std::vector<Vertex> roots;
  // Every selected goal: roots, inner goals that have a leaf below them, and
  // leaves; depth-first pre-order, roots in the given order. A goal reachable
  // from two roots appears once (under the first).
  std::vector<SelectedGoal> goals;
  std::unordered_map<Vertex, std::size_t> index;  // vertex -> position in goals
  // Goals that would be leaves but only say there is no goal ("n.v.t.", see
  // is_placeholder): left out of `goals`, in pre-order, each once.
  std::vector<Vertex> placeholders;

  bool contains(Vertex v) const { return index.count(v) != 0; }
  // nullptr if not selected
  const SelectedGoal* find(Vertex v) const;
  std::vector<Vertex> leaves() const;   // in pre-order
  // Distinct domains of the leaves, in order of first appearance (a domain
  // without leaves, e.g. a root that only holds domains, is left out).
  std::vector<Vertex> domains() const;
  std::size_t leaf_count() const;
};

// Selects the goals below `roots` (Contains edges). A repeated root is used
// once; throws std::out_of_range for a vertex outside the graph.
GoalSelection select_goals(const GoalGraph& graph, const std::vector<Vertex>& roots,
                           const SelectionOptions& options = {});

}  // namespace aansluiting::analysis
