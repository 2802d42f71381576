// Loaders. They release the GIL: an import reads and parses whole folders.
#include <algorithm>
#include <string>
#include <vector>

#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/importers/importers.hpp"
#include "handles.hpp"
#include "long_run.hpp"

namespace aansluiting::python {
namespace py = pybind11;

namespace {

// A second load keeps what was loaded first (the catalogue's rule). In a
// notebook a user reloads a file after editing it, and the edit would go
// unnoticed: each file that was already loaded becomes a Python warning.
template <class Load>
void load_warning_of_reloads(const CataloguePtr& c, Load&& load) {
  const std::size_t before = c->warnings().size();
  LongRun{py::none()}.run(std::forward<Load>(load));
  std::vector<std::string> files;
  for (std::size_t i = before; i < c->warnings().size(); ++i) {
    const Warning& w = c->warnings()[i];
    if (w.what.id != MessageId::GoalsAlreadyLoaded && w.what.id != MessageId::GoalAlreadyLoaded) continue;
    if (std::find(files.begin(), files.end(), w.where.file) != files.end()) continue;
    files.push_back(w.where.file);
    const std::string text = w.to_string() + " (to see a changed file, load it into a new Catalogue)";
    if (PyErr_WarnEx(PyExc_UserWarning, text.c_str(), 1) < 0) throw py::error_already_set();
  }
}

}  // namespace

void bind_importers(py::module_& m) {
  auto cls = py::reinterpret_borrow<py::class_<Catalogue, CataloguePtr>>(m.attr("Catalogue"));
  cls.def("load_slo", [](const CataloguePtr& c, const std::filesystem::path& folder, bool basis_goals) {
        importers::SloOptions options;
        options.basis_goals = basis_goals;
        load_warning_of_reloads(c, [&] { importers::load_slo(*c, folder.string(), options); });
        return c;
      }, py::arg("folder"), py::arg("basis_goals") = false,
      "Adds SLO open data (a folder with examenprogramma/, syllabus/, basis/, referentiekader/).")
     .def("load_sbb", [](const CataloguePtr& c, const std::filesystem::path& path) {
        load_warning_of_reloads(c, [&] { importers::load_sbb(*c, path.string()); });
        return c;
      }, py::arg("path"), "Adds SBB kwalificatiedossier XML (a file or a folder of *.xml).")
     .def("load_csv", [](const CataloguePtr& c, const std::filesystem::path& path) {
        load_warning_of_reloads(c, [&] { importers::load_csv(*c, path.string()); });
        return c;
      }, py::arg("path"), "Adds authored programmes in CSV (a file or a folder of *.csv).");
  m.def("_require_utf8", [](const std::string& file, const py::bytes& data) {
        require_utf8(file, std::string(data));
      }, py::arg("file"), py::arg("data"),
      "Raises InputError (with the position, and the encoding the bytes seem to be in) unless `data` is UTF-8.");
}

}  // namespace aansluiting::python
