#pragma once
// Small conversions shared by the binding files: goal fields into columns,
// and Python arguments into core options.

#include <map>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>

#include "aansluiting/align/align.hpp"
#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/selection.hpp"
#include "aansluiting/match/alignment.hpp"
#include "handles.hpp"

namespace aansluiting::python {

namespace py = pybind11;

// Appends id, code and title of `v` to three columns.
struct GoalColumns {
  py::list id, code, title;
  void append(const Catalogue& cat, Vertex v);
  void append_missing();  // None in every column: a row without such a goal
  void into(py::dict& d, const std::string& prefix) const;  // prefix + "id", ...
};

// Vertices of Goal handles, checking that they belong to `cat`.
std::vector<Vertex> vertices_of(const CataloguePtr& cat, const std::vector<GoalRef>& goals);

// Exam filter from names ("CE", "SE", "kern", "keuze"); raises ValueError for others.
analysis::ExamFilter exam_filter(const std::vector<std::string>& parts);

// Link columns of an alignment (source/target id, code, title, score, predicate, origin, terms, explanation).
py::dict link_columns(const Catalogue& cat, const match::Alignment& alignment);

// Matcher options by name (align/option_names.hpp); ValueError for unknown
// names or values out of range.
void apply_matcher_options(align::AlignOptions& options, const std::map<std::string, double>& named);

std::string origin_name(match::Origin o);

// What applying curated decisions did (counts, unresolved, outside, notes), as
// Alignment.curation_report and TransitionRun.curation_report show it.
py::dict curation_report_dict(const analysis::CurationReport& report);

}  // namespace aansluiting::python
