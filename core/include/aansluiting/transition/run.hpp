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
  // Add the newest CvTE syllabus of each exam programme that applies to the
  // selection's level: its specifications say in detail what is examined, so
  // they are better evidence of what a pupil learned than the eindtermen alone.
  bool with_syllabus = false;
};

// The newest syllabus (by version, then title) that specifies `programme` and
// applies to `level` (any level when none is given).
std::optional<Vertex> newest_syllabus(const Catalogue& catalogue, Vertex programme, std::optional<Level> level);

// Thresholds for links between programmes of different school types. Their
// cosines are lower than within one programme (a havo goal is worded more
// abstractly than the vmbo goal that prepares it): a link of 0.35 is strong,
// 0.25 partial, below 0.15 noise. Weak links are not added up: many vague
// similarities do not make a goal prepared, so a receiving goal is as well
// prepared as by its best-preparing sending goal. Chosen by reading the links
// of the shipped transitions, checked against the syllabus gold by
// bench/bench_coverage.py; see docs/analysis.md.
analysis::AnalysisOptions cross_programme_thresholds();

struct RunOptions {
  align::AlignOptions align;
  analysis::AnalysisOptions analysis = cross_programme_thresholds();
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
  // The thresholds `result` was computed with, for the reader of a report.
  analysis::AnalysisOptions thresholds;
};

// The text analyser learned from every goal text of the catalogue, so term
// weights are the same for every transition analysed on it.
std::shared_ptr<const text::Analyser> corpus_analyser(const Catalogue& catalogue);

Run run(const Catalogue& catalogue, const text::Analyser& analyser, const Side& sending, const Side& receiving,
        const RunOptions& options);
// With the default RunOptions.
Run run(const Catalogue& catalogue, const text::Analyser& analyser, const Side& sending, const Side& receiving);

}  // namespace aansluiting::transition
