#pragma once
#include <pybind11/pybind11.h>

#include "aansluiting/messages.hpp"

namespace aansluiting::python {
// Registers the Python exception types and the translator from C++ exceptions.
void register_errors(pybind11::module_& m);
// Raises a Python TypeError that carries `message` as the core's errors do
// (message_nl, code, the Dutch note): for an argument of the wrong type.
[[noreturn]] void throw_type_error(const Message& message);
}  // namespace aansluiting::python
