#pragma once
// The one place that decides the GIL policy for long C++ work: the work runs
// without the GIL, progress is forwarded to an optional Python callable, and
// Ctrl-C (or an exception in the callback) cancels the work cleanly.

#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <type_traits>
#include <utility>

#include <pybind11/pybind11.h>

namespace aansluiting::python {

namespace py = pybind11;

class LongRun {
 public:
  // `callback` is None or a callable (done: int, total: int) -> None.
  explicit LongRun(py::object callback) : callback_(std::move(callback)) {}

  // To be passed into the C++ options; called from the thread that runs the work.
  std::function<void(std::size_t, std::size_t)> progress() {
    return [this](std::size_t done, std::size_t total) { report(done, total); };
  }
  const std::atomic<bool>* cancel_flag() const { return &cancel_; }

  // Runs `work` without the GIL. If it was cancelled, the Python error that
  // caused it (KeyboardInterrupt or the callback's exception) is raised; also
  // when the work finished anyway, since the core reports its last step after
  // its last cancel check and an error there must not be lost.
  template <class Work>
  auto run(Work&& work) -> decltype(work()) {
    if constexpr (std::is_void_v<decltype(work())>) {
      without_gil(work);
      raise_pending();
    } else {
      auto out = without_gil(work);
      raise_pending();
      return out;
    }
  }

 private:
  template <class Work>
  auto without_gil(Work& work) -> decltype(work()) {
    try {
      py::gil_scoped_release release;
      return work();
    } catch (...) {
      raise_pending();
      throw;
    }
  }

  void raise_pending() {
    if (pending_) std::rethrow_exception(std::exchange(pending_, nullptr));
  }

  void report(std::size_t done, std::size_t total) {
    if (cancel_.load()) return;
    py::gil_scoped_acquire acquire;
    try {
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      if (!callback_.is_none()) callback_(done, total);
    } catch (...) {
      pending_ = std::current_exception();
      cancel_.store(true);
    }
  }

  py::object callback_;
  std::atomic<bool> cancel_{false};
  std::exception_ptr pending_;
};

}  // namespace aansluiting::python
