#include "aansluiting/goal_rows.hpp"

#include <algorithm>
#include <span>
#include <unordered_map>
#include <utility>

namespace aansluiting {
namespace {

// GoalRow::levels for each row: a programme's root takes the programme's levels.
void set_levels(const Catalogue& catalogue, std::vector<GoalRow>& rows) {
  std::unordered_map<Vertex, LevelSet> programme_levels;
  for (const Programme& p : catalogue.programmes()) programme_levels.emplace(p.root, p.levels);
  for (GoalRow& row : rows) {
    auto own = programme_levels.find(row.v);
    row.levels = own == programme_levels.end() ? catalogue.graph().goal(row.v).levels : own->second;
  }
}

}  // namespace

std::vector<GoalRow> catalogue_rows(const Catalogue& catalogue) {
  const GoalGraph& g = catalogue.graph();
  std::vector<GoalRow> rows;
  rows.reserve(g.num_vertices());
  for (Vertex v = 0; v < g.num_vertices(); ++v) {
    if (g.goal(v).kind == GoalKind::LevelNode) continue;
    auto path = g.path_to_root(v);
    rows.push_back(GoalRow{v, path.size() > 1 ? std::optional<Vertex>(path[1]) : std::nullopt, path.back(),
                           g.position(v), {}});
  }
  set_levels(catalogue, rows);
  return rows;
}

std::vector<GoalRow> programme_rows(const Catalogue& catalogue, Vertex root) {
  struct Rows : HierarchyWalker {
    const GoalGraph* g = nullptr;
    Vertex root = 0;
    std::vector<GoalRow> rows;
    bool enter(Vertex v, Vertex parent, std::size_t depth) override {
      if (depth == 0) {
        rows.push_back(GoalRow{v, std::nullopt, root, 0, {}});
        return true;
      }
      auto siblings = g->children(parent);
      auto at = static_cast<std::size_t>(std::find(siblings.begin(), siblings.end(), v) - siblings.begin());
      rows.push_back(GoalRow{v, parent, root, at, {}});
      return true;
    }
    void leave(Vertex) override {}
  } walker;
  walker.g = &catalogue.graph();
  walker.root = root;
  catalogue.graph().walk(std::span<const Vertex>(&root, 1), walker);
  set_levels(catalogue, walker.rows);
  return std::move(walker.rows);
}

}  // namespace aansluiting
