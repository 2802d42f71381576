// Loaders. They release the GIL: an import reads and parses whole folders.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include "aansluiting/importers/importers.hpp"
#include "handles.hpp"
#include "long_run.hpp"

namespace aansluiting::python {
namespace py = pybind11;

void bind_importers(py::module_& m) {
  auto cls = py::reinterpret_borrow<py::class_<Catalogue, CataloguePtr>>(m.attr("Catalogue"));
  cls.def("load_slo", [](const CataloguePtr& c, const std::filesystem::path& folder, bool basis_goals) {
        importers::SloOptions options;
        options.basis_goals = basis_goals;
        LongRun{py::none()}.run([&] { importers::load_slo(*c, folder.string(), options); });
        return c;
      }, py::arg("folder"), py::arg("basis_goals") = false,
      "Adds SLO open data (a folder with examenprogramma/, syllabus/, basis/, referentiekader/).")
     .def("load_sbb", [](const CataloguePtr& c, const std::filesystem::path& path) {
        LongRun{py::none()}.run([&] { importers::load_sbb(*c, path.string()); });
        return c;
      }, py::arg("path"), "Adds SBB kwalificatiedossier XML (a file or a folder of *.xml).")
     .def("load_csv", [](const CataloguePtr& c, const std::filesystem::path& path) {
        LongRun{py::none()}.run([&] { importers::load_csv(*c, path.string()); });
        return c;
      }, py::arg("path"), "Adds authored programmes in CSV (a file or a folder of *.csv).");
}

}  // namespace aansluiting::python
