// The matcher's weighted goal vectors as CSR arrays (for scipy and benchmarks).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "aansluiting/align/vectoriser.hpp"
#include "align_handles.hpp"
#include "convert.hpp"
#include "long_run.hpp"

namespace aansluiting::python {
namespace py = pybind11;

namespace {
template <class T>
py::array_t<T> to_numpy(std::vector<T>&& v) {
  auto* heap = new std::vector<T>(std::move(v));
  py::capsule owner(heap, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({heap->size()}, {sizeof(T)}, heap->data(), owner);
}
}  // namespace

void bind_vectors(py::module_& m) {
  m.def("_goal_vectors", [](const CataloguePtr& cat, const AnalyserRef& analyser, const std::vector<GoalRef>& goals,
                            std::optional<double> char_weight) {
    auto vs = vertices_of(cat, goals);
    match::SparseMatrix rows = LongRun{py::none()}.run([&] {
      align::VectorOptions options;
      if (char_weight) options.char_weight = *char_weight;
      align::Vectoriser vectoriser(*cat, *analyser.analyser, options);
      return std::move(vectoriser.vectorise(vs).rows);
    });
    std::size_t n_cols = rows.n_cols;
    return py::make_tuple(to_numpy(std::move(rows.indptr)), to_numpy(std::move(rows.indices)),
                          to_numpy(std::move(rows.values)), n_cols);
  }, py::arg("catalogue"), py::arg("analyser"), py::arg("goals"), py::arg("char_weight") = py::none(),
     "(indptr, indices, values, n_cols) of the L2-normalised goal vectors the matcher joins.");
}

}  // namespace aansluiting::python
