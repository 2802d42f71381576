#pragma once
// Handles for the matcher's objects: each keeps its catalogue alive.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aansluiting/align/align.hpp"
#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/curation_file.hpp"
#include "aansluiting/analysis/sssom.hpp"
#include "aansluiting/text/analyser.hpp"
#include "handles.hpp"

namespace aansluiting::python {

struct AnalyserRef {
  std::shared_ptr<const text::Analyser> analyser;
  std::size_t built_for_vertices = 0;  // catalogue size it learned from
};

struct AlignmentRef {
  CataloguePtr cat;
  match::Alignment alignment;
  align::AlignDiagnostics diagnostics;
  std::optional<analysis::CurationReport> curation;  // set when decisions were applied
  // The lists align() aligned (empty for a transition's): a curation applies only
  // to their pairs.
  std::vector<Vertex> sources, targets;
};

struct CurationRef {
  CataloguePtr cat;
  analysis::MappingSet set;
  std::string path;
  analysis::CurationSnapshot snapshot;  // the file as last read or saved: what a save merges against
};

}  // namespace aansluiting::python
