#pragma once
// Lists as one text, for a table cell or an explanation.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/goal_graph.hpp"

namespace aansluiting {

// "a, b, c": the terms an explanation and the shared_terms column name.
std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ");

// The titles of `goals` in order; "; " between them by default, as titles may hold commas.
std::string joined_titles(const GoalGraph& graph, std::span<const Vertex> goals, std::string_view separator = "; ");

}  // namespace aansluiting
