#pragma once
// Where a sending goal continues, as the continuations table shows it.

#include <string>
#include <vector>

#include "aansluiting/analysis/transition.hpp"

namespace aansluiting::analysis {

// The receiving goals a sending goal continues in, strongest first.
std::vector<Vertex> continued_in(const SendingResult& row);

// Their titles, "; " between them (the continues_in column).
std::string continued_in_titles(const GoalGraph& graph, const SendingResult& row);

}  // namespace aansluiting::analysis
