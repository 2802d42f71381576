#pragma once
#include <pybind11/pybind11.h>

namespace aansluiting::python {
// Registers the Python exception types and the translator from C++ exceptions.
void register_errors(pybind11::module_& m);
}  // namespace aansluiting::python
