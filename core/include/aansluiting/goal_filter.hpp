#pragma once
// Which goals of a subtree a caller asked for: some kinds, those that apply
// to a level (Goal.subtree and Programme.goals of the Python package).

#include <optional>
#include <span>
#include <vector>

#include "aansluiting/goal_graph.hpp"

namespace aansluiting {

// A goal applies to a level its source names, and to every level when its
// source names none (a domain, a toelichting: they take their programme's).
bool applies_at(const LevelSet& levels, Level level);

// `root` and everything below it, depth-first in source order (GoalGraph::subtree),
// only goals of `kinds` (all when empty) that apply at `level` (any when none).
std::vector<Vertex> subtree_goals(const GoalGraph& graph, Vertex root, std::span<const GoalKind> kinds = {},
                                  std::optional<Level> level = std::nullopt);

}  // namespace aansluiting
