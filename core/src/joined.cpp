#include "aansluiting/joined.hpp"

#include <ranges>

namespace aansluiting {

std::string joined_titles(const GoalGraph& graph, std::span<const Vertex> goals, std::string_view separator) {
  return joined(goals | std::views::transform([&](Vertex v) -> const std::string& { return graph.goal(v).title; }),
                separator);
}

}  // namespace aansluiting
