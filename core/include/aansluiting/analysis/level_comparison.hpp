#pragma once
// Two leerwegen side by side (gl versus tl): which exam programmes each
// takes, and per programme which eindtermen apply to one, the other or both.
// The eindtermen's levels say where they apply (one vmbo programme covers
// every leerweg).

#include <vector>

#include "aansluiting/analysis/selection.hpp"
#include "aansluiting/catalogue.hpp"

namespace aansluiting::analysis {

struct ProgrammeLevels {
  Vertex programme = 0;
  std::size_t only_a = 0;  // leaves that apply to level a only
  std::size_t only_b = 0;
  std::size_t both = 0;
  std::vector<Vertex> differing;  // the leaves in only_a or only_b, in programme order
  bool in_a() const { return only_a + both > 0; }
  bool in_b() const { return only_b + both > 0; }
};

struct LevelComparison {
  Level a = Level::VmboGL;
  Level b = Level::VmboTL;
  std::vector<ProgrammeLevels> programmes;  // every exam programme with a leaf at a or b, catalogue order
  std::size_t only_a = 0, only_b = 0, both = 0;  // totals over the programmes
};

// Exam programmes (GoalKind::Programme) only; leaves as in select_goals
// (the general preamble is left out).
LevelComparison compare_levels(const Catalogue& catalogue, Level a, Level b, const SelectionOptions& options = {});

}  // namespace aansluiting::analysis
