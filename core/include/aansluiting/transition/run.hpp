#pragma once
// One transition analysis from start to end: select the goals of both sides,
// align the sending leaves to the receiving leaves, apply curated decisions,
// analyse. The Python package calls this; it holds no analysis of its own.

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aansluiting/align/align.hpp"
#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/selection.hpp"
#include "aansluiting/analysis/transition.hpp"
#include "aansluiting/text/analyser.hpp"

namespace aansluiting::transition {

struct Side {
  std::vector<Vertex> roots;
  analysis::SelectionOptions selection;
};

struct RunOptions {
  align::AlignOptions align;
  analysis::AnalysisOptions analysis;
  // Curated decisions that override the matcher (may be null).
  const analysis::MappingSet* curation = nullptr;
  // Reported as (done, total) over the whole run; the join dominates.
  std::function<void(std::size_t, std::size_t)> progress;
  const std::atomic<bool>* cancel = nullptr;
};

struct Run {
  analysis::GoalSelection sending;
  analysis::GoalSelection receiving;
  match::Alignment alignment;   // after curation
  analysis::CurationReport curation;
  align::AlignDiagnostics diagnostics;
  analysis::TransitionAnalysis result;
};

// The text analyser learned from every goal text of the catalogue, so term
// weights are the same for every transition analysed on it.
std::shared_ptr<const text::Analyser> corpus_analyser(const Catalogue& catalogue);

Run run(const Catalogue& catalogue, const text::Analyser& analyser, const Side& sending, const Side& receiving,
        const RunOptions& options = {});

}  // namespace aansluiting::transition
