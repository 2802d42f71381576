#include <pybind11/pybind11.h>

#include "errors.hpp"

namespace aansluiting::python {
void bind_model(pybind11::module_& m);
void bind_catalogue(pybind11::module_& m);
void bind_importers(pybind11::module_& m);
void bind_align(pybind11::module_& m);
void bind_transition(pybind11::module_& m);
void bind_vectors(pybind11::module_& m);
}  // namespace aansluiting::python

PYBIND11_MODULE(_core, m) {
  m.doc() = "aansluiting core (C++): learning-goal graph, importers, matcher and transition analysis";
  m.attr("__version__") = AANSLUITING_VERSION;
  aansluiting::python::register_errors(m);
  aansluiting::python::bind_model(m);
  aansluiting::python::bind_catalogue(m);
  aansluiting::python::bind_importers(m);
  aansluiting::python::bind_align(m);
  aansluiting::python::bind_transition(m);
  aansluiting::python::bind_vectors(m);
}
