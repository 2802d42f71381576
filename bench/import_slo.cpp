// Benchmark driver: loads an SLO data folder N times and prints the best time.
//   import_slo <slo-folder> [repetitions=10] [--basis]
// Output (one line of JSON): {"seconds_best": ..., "cpu_seconds_best": ..., "goals": ..., "edges": ..., "warnings": ...}
// cpu_seconds_best is process CPU time (user + system), steadier on a busy machine.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>

#include "aansluiting/importers/importers.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "gebruik: import_slo <slo-map> [herhalingen] [--basis]\n");
    return 2;
  }
  const std::string folder = argv[1];
  int repetitions = 10;
  aansluiting::importers::SloOptions options;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--basis") options.basis_goals = true;
    else repetitions = std::max(1, std::atoi(arg.c_str()));
  }

  auto cpu_now = [] {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
  };
  double best = std::numeric_limits<double>::infinity(), cpu_best = best;
  std::size_t goals = 0, edges = 0, warnings = 0;
  try {
    for (int i = 0; i < repetitions; ++i) {
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = cpu_now();
      aansluiting::Catalogue catalogue;
      aansluiting::importers::load_slo(catalogue, folder, options);
      const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
      best = std::min(best, took.count());
      cpu_best = std::min(cpu_best, cpu_now() - cpu_start);
      goals = catalogue.graph().num_vertices();
      edges = catalogue.graph().num_edges();
      warnings = catalogue.warnings().size();
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "fout: %s\n", e.what());
    return 1;
  }
  std::printf(
      "{\"seconds_best\": %.6f, \"cpu_seconds_best\": %.6f, \"goals\": %zu, \"edges\": %zu, \"warnings\": %zu, "
      "\"repetitions\": %d}\n",
      best, cpu_best, goals, edges, warnings, repetitions);
  return 0;
}
