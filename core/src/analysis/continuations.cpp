#include "aansluiting/analysis/continuations.hpp"

#include "aansluiting/joined.hpp"

namespace aansluiting::analysis {

std::vector<Vertex> continued_in(const SendingResult& row) {
  std::vector<Vertex> out;
  out.reserve(row.continues.size());
  for (const Continuation& c : row.continues) out.push_back(c.receiving);
  return out;
}

std::string continued_in_titles(const GoalGraph& graph, const SendingResult& row) {
  return joined_titles(graph, continued_in(row));
}

}  // namespace aansluiting::analysis
