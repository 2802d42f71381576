#include "aansluiting/goal_filter.hpp"

#include <algorithm>

namespace aansluiting {

bool applies_at(const LevelSet& levels, Level level) { return levels.empty() || levels.contains(level); }

std::vector<Vertex> subtree_goals(const GoalGraph& graph, Vertex root, std::span<const GoalKind> kinds,
                                  std::optional<Level> level) {
  std::vector<Vertex> out;
  for (Vertex v : graph.subtree(root)) {
    const Goal& goal = graph.goal(v);
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), goal.kind) == kinds.end()) continue;
    if (level && !applies_at(goal.levels, *level)) continue;
    out.push_back(v);
  }
  return out;
}

}  // namespace aansluiting
