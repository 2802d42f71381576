#include "aansluiting/analysis/level_comparison.hpp"

#include <unordered_set>

namespace aansluiting::analysis {

LevelComparison compare_levels(const Catalogue& catalogue, Level a, Level b, const SelectionOptions& options) {
  LevelComparison out;
  out.a = a;
  out.b = b;
  const GoalGraph& g = catalogue.graph();
  for (const Programme& p : catalogue.programmes()) {
    if (g.goal(p.root).kind != GoalKind::Programme) continue;
    if (!p.levels.contains(a) && !p.levels.contains(b)) continue;
    SelectionOptions at_a = options, at_b = options;
    at_a.level = a;
    at_b.level = b;
    auto leaves_a = select_goals(g, {p.root}, at_a).leaves();
    auto leaves_b = select_goals(g, {p.root}, at_b).leaves();
    std::unordered_set<Vertex> in_a(leaves_a.begin(), leaves_a.end()), in_b(leaves_b.begin(), leaves_b.end());
    ProgrammeLevels row;
    row.programme = p.root;
    // Programme order: the selection without a level filter.
    SelectionOptions any = options;
    any.level.reset();
    for (Vertex v : select_goals(g, {p.root}, any).leaves()) {
      bool x = in_a.count(v) != 0, y = in_b.count(v) != 0;
      if (x && y) ++row.both;
      else if (x) ++row.only_a;
      else if (y) ++row.only_b;
      if (x != y) row.differing.push_back(v);
    }
    if (!row.in_a() && !row.in_b()) continue;
    out.only_a += row.only_a;
    out.only_b += row.only_b;
    out.both += row.both;
    out.programmes.push_back(std::move(row));
  }
  return out;
}

}  // namespace aansluiting::analysis
