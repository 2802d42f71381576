// Vocabularies (levels, kinds) and provenance records.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aansluiting/goal_graph.hpp"
#include "aansluiting/diagnostics.hpp"
#include "aansluiting/joined.hpp"
#include "handles.hpp"

namespace aansluiting::python {
namespace py = pybind11;

Level level_arg(const std::string& name) {
  if (auto l = parse_level(name)) return *l;
  const std::vector<Level> likely = likely_levels(name);  // at most two
  if (likely.empty()) throw ArgumentError({MessageId::UnknownLevel, {name}});
  if (likely.size() == 1) throw ArgumentError({MessageId::UnknownLevelLikely, {name, std::string(level_name(likely[0]))}});
  throw ArgumentError({MessageId::UnknownLevelLikelyEither,
                       {name, std::string(level_name(likely[0])), std::string(level_name(likely[1]))}});
}

GoalKind kind_arg(const std::string& name) {
  if (auto k = parse_kind(name)) return *k;
  throw ArgumentError({MessageId::UnknownGoalKind, {name, joined(kind_names())}});
}

void bind_model(py::module_& m) {
  m.def("levels", [](bool school_types_only) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < kLevelCount; ++i) {
      const auto level = static_cast<Level>(i);
      if (!school_types_only || school_type(level) != SchoolType::None) out.emplace_back(level_name(level));
    }
    return out;
  }, py::arg("school_types_only") = false,
     "Canonical names of all levels; with school_types_only, those of a school type (vmbo bb ... mbo 4), "
     "without the reference levels (1F-4F, CEFR).");
  m.def("likely_levels", [](const std::string& text) {
    std::vector<std::string> out;
    for (Level l : likely_levels(text)) out.emplace_back(level_name(l));
    return out;
  }, py::arg("text"), "The levels a text the core does not read most likely means ('niveau 2': ['mbo 2']); "
     "empty when nothing is close.");
  m.def("parse_level", [](const std::string& s) -> py::object {
    if (auto l = parse_level(s)) return py::str(std::string(level_name(*l)));
    return py::none();
  }, py::arg("name"), "Canonical name of a level given in any accepted spelling, or None.");
  m.def("goal_kinds", [] {
    std::vector<std::string> out;
    for (std::string_view name : kind_names()) out.emplace_back(name);
    return out;
  });

  py::class_<Source>(m, "Source", "Where a programme came from.")
      .def_readonly("file", &Source::file)
      .def_readonly("title", &Source::title)
      .def_readonly("version", &Source::version)
      .def_readonly("start_date", &Source::start_date)
      .def_readonly("url", &Source::url)
      .def_readonly("publisher", &Source::publisher)
      .def("__repr__", [](const Source& s) { return "<Source " + s.publisher + ": " + s.title + " (" + s.file + ")>"; });

  py::class_<Warning>(m, "Warning", "A problem found while loading that did not stop the import.")
      .def_property_readonly("file", [](const Warning& w) { return w.where.file; })
      .def_property_readonly("line", [](const Warning& w) { return w.where.line; })
      .def_property_readonly("column", [](const Warning& w) { return w.where.column; })
      .def_property_readonly("record", [](const Warning& w) { return w.where.record; })
      .def_property_readonly("message", &Warning::message)
      .def_property_readonly("message_nl", [](const Warning& w) { return w.what.dutch(); })
      .def_property_readonly("code", [](const Warning& w) { return std::string(w.what.code()); })
      .def_property_readonly("args", [](const Warning& w) { return w.what.args; })
      .def("__str__", &Warning::to_string)
      .def("__repr__", [](const Warning& w) { return "<Warning " + w.to_string() + ">"; });
}

}  // namespace aansluiting::python
