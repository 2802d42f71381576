#pragma once
// The rows of a goals table (Catalogue.to_pandas, Programme.to_pandas): which
// goals, in which order, under which parent and root, with which levels.

#include <cstddef>
#include <optional>
#include <vector>

#include "aansluiting/catalogue.hpp"

namespace aansluiting {

// One row of a goals table: the goal and where it sits in that table.
struct GoalRow {
  Vertex v = 0;
  std::optional<Vertex> parent;  // none for a root
  Vertex root = 0;
  std::size_t position = 0;      // index among the parent's children
  // The goal's own levels, except on a programme's root: there the programme's
  // levels (Programme::levels), because a source may record fewer on the root
  // than its goals have (SLO lists only vmbo bb on Examenprogramma Wiskunde
  // vmbo, whose eindtermen are for all four leerwegen).
  LevelSet levels;
};

// The whole catalogue (level vertices left out): each goal once, under its
// primary parent, with the root its primary parents lead to. A goal that
// several programmes share (the vmbo PREAMBULE) is thus placed in the
// programme that lists it first.
std::vector<GoalRow> catalogue_rows(const Catalogue& catalogue);

// One programme's subtree, depth-first in source order (as GoalGraph::subtree):
// every goal under the parent it was reached from and under `root`, so a
// shared goal is placed in this programme, not in the one that lists it first.
std::vector<GoalRow> programme_rows(const Catalogue& catalogue, Vertex root);

}  // namespace aansluiting
