#include "aansluiting/joined.hpp"

namespace aansluiting {

std::string joined(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t k = 0; k < items.size(); ++k) {
    if (k) out += separator;
    out += items[k];
  }
  return out;
}

std::string joined_titles(const GoalGraph& graph, std::span<const Vertex> goals, std::string_view separator) {
  std::string out;
  for (std::size_t k = 0; k < goals.size(); ++k) {
    if (k) out += separator;
    out += graph.goal(goals[k]).title;
  }
  return out;
}

}  // namespace aansluiting
