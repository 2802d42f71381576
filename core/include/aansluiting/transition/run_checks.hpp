#pragma once
// What a transition says about its runs besides their tables: a pair with a
// side that has nothing to analyse, and curated decisions that changed nothing.

#include <optional>
#include <span>
#include <vector>

#include "aansluiting/transition/run.hpp"

namespace aansluiting::transition {

enum class RunSide { Sending, Receiving };

// The first side (sending, then receiving) of `run` without a goal at its
// level and exam parts: the pair would be empty, most likely because a
// programme of another level was named. None when both sides have goals.
std::optional<RunSide> side_without_goals(const Run& run);

// The curated decisions the runs of one transition (every pair, every
// variant) did not apply, one warning per file row, sorted by file and line:
// those naming goals that are not loaded or that look like decisions but are
// not (unresolved in any run), and those outside every run (about goals none
// of its pairs has). Of a row outside every run the warning that says it is
// swapped (sssom.decision_swapped) is kept where one run gave it.
std::vector<Warning> unapplied_decisions(std::span<const analysis::CurationReport* const> reports);

}  // namespace aansluiting::transition
