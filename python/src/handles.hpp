#pragma once
// Python-side handles: a goal or programme is a catalogue plus a vertex, so
// handles stay valid while the catalogue grows (vertex ids are stable).

#include <memory>
#include <string>

#include "aansluiting/catalogue.hpp"

namespace aansluiting::python {

using CataloguePtr = std::shared_ptr<Catalogue>;

struct GoalRef {
  CataloguePtr cat;
  Vertex v = 0;
  const Goal& goal() const { return cat->graph().goal(v); }
};

struct ProgrammeRef {
  CataloguePtr cat;
  Programme p;
};

// Parses a level name for the Python API; raises ValueError for unknown names.
Level level_arg(const std::string& name);
// Parses a goal kind name for the Python API; raises ValueError for unknown names.
GoalKind kind_arg(const std::string& name);

}  // namespace aansluiting::python
