#pragma once
// Lists as one text, for a table cell or an explanation.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/goal_graph.hpp"

namespace aansluiting {

// "a, b, c": the terms an explanation and the shared_terms column name, the
// names an error lists as accepted. `items`: any range of texts.
template <class Texts = std::vector<std::string>>
std::string joined(const Texts& items, std::string_view separator = ", ") {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    out += item;
    first = false;
  }
  return out;
}

// The titles of `goals` in order; "; " between them by default, as titles may hold commas.
std::string joined_titles(const GoalGraph& graph, std::span<const Vertex> goals, std::string_view separator = "; ");

}  // namespace aansluiting
