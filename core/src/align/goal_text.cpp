#include "aansluiting/align/goal_text.hpp"

namespace aansluiting::align {

std::string goal_text(const Goal& goal) {
  if (goal.description.empty()) return goal.title;
  if (goal.title.empty()) return goal.description;
  return goal.title + " " + goal.description;
}

std::vector<std::string> catalogue_corpus(const Catalogue& catalogue) {
  const GoalGraph& g = catalogue.graph();
  std::vector<std::string> corpus;
  corpus.reserve(g.num_vertices());
  for (Vertex v = 0; v < g.num_vertices(); ++v) {
    const Goal& goal = g.goal(v);
    if (goal.kind == GoalKind::LevelNode) continue;
    std::string t = goal_text(goal);
    if (!t.empty()) corpus.push_back(std::move(t));
  }
  return corpus;
}

text::Analyser build_analyser(const Catalogue& catalogue, text::AnalyserOptions options) {
  return text::Analyser(catalogue_corpus(catalogue), options);
}

}  // namespace aansluiting::align
