// The single mapping from C++ exceptions to Python ones.
#include "errors.hpp"

#include <pybind11/stl.h>

#include <filesystem>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/match/similarity_join.hpp"

namespace aansluiting::python {
namespace py = pybind11;

namespace {
// Module-lifetime exception types (created once at import, never freed).
PyObject* g_input_error = nullptr;
PyObject* g_not_found_error = nullptr;

// A notebook shows the English message and, beneath it, the Dutch one (PEP 678
// notes): what users read is Dutch, while str(e) stays the API's English.
void add_dutch_note(py::object& exc, const std::string& dutch) {
  if (!dutch.empty()) exc.attr("add_note")("In het Nederlands: " + dutch);
}

void raise_input_error(const InputError& e) {
  py::object type = py::reinterpret_borrow<py::object>(g_input_error);
  py::object exc = type(e.what());
  const Location& w = e.where();
  exc.attr("file") = w.file;
  exc.attr("line") = w.line;
  exc.attr("column") = w.column;
  exc.attr("record") = w.record;
  exc.attr("detail") = e.detail();
  exc.attr("detail_nl") = e.message().dutch();
  exc.attr("code") = std::string(e.message().code());
  exc.attr("message_args") = e.message().args;
  add_dutch_note(exc, e.message().dutch());
  PyErr_SetObject(g_input_error, exc.ptr());
}

// A Python exception of `type` with the English text, and the Dutch one as
// message_nl and a note: NotFoundError, and ValueError for an ArgumentError.
void raise_with_message(PyObject* type, const char* english, const Message& message) {
  py::object exc = py::reinterpret_borrow<py::object>(type)(english);
  exc.attr("message_nl") = message.dutch();
  exc.attr("code") = std::string(message.code());
  add_dutch_note(exc, message.dutch());
  PyErr_SetObject(type, exc.ptr());
}
}  // namespace

void throw_type_error(const Message& message) {
  raise_with_message(PyExc_TypeError, message.english().c_str(), message);
  throw py::error_already_set();
}

void register_errors(py::module_& m) {
  g_input_error = PyErr_NewExceptionWithDoc(
      "aansluiting._core.InputError",
      "Input that cannot be loaded. Attributes: file, line, column (1-based, 0 = unknown), record, "
      "detail (English), detail_nl (Dutch), code (stable message name) and message_args.",
      PyExc_ValueError, nullptr);
  g_not_found_error = PyErr_NewExceptionWithDoc(
      "aansluiting._core.NotFoundError",
      "A query named a programme or goal that is not in the catalogue. Attributes: message_nl (Dutch), code.",
      PyExc_LookupError, nullptr);
  m.add_object("InputError", py::handle(g_input_error));
  m.add_object("NotFoundError", py::handle(g_not_found_error));

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      raise_input_error(e);
    } catch (const NotFoundError& e) {
      raise_with_message(g_not_found_error, e.what(), e.message());
    } catch (const ArgumentError& e) {
      raise_with_message(PyExc_ValueError, e.what(), e.message());
    } catch (const match::Cancelled&) {
      PyErr_SetNone(PyExc_KeyboardInterrupt);
    } catch (const std::filesystem::filesystem_error& e) {
      // As Python's own file errors: OSError(errno, reason, file) picks the subclass
      // (FileNotFoundError, PermissionError, ...).
      py::object exc = py::reinterpret_borrow<py::object>(PyExc_OSError)(e.code().value(), e.code().message(),
                                                                          e.path1().string());
      PyErr_SetObject(reinterpret_cast<PyObject*>(Py_TYPE(exc.ptr())), exc.ptr());
    }
  });
}

}  // namespace aansluiting::python
