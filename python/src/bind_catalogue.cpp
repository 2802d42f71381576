// Catalogue, goals and programmes, and their tables (columns for pandas).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <optional>

#include "aansluiting/goal_filter.hpp"
#include "aansluiting/goal_rows.hpp"
#include "aansluiting/diagnostics.hpp"
#include "aansluiting/joined.hpp"
#include "handles.hpp"

namespace aansluiting::python {
namespace py = pybind11;

namespace {

std::vector<GoalRef> refs(const CataloguePtr& cat, const std::vector<Vertex>& vs) {
  std::vector<GoalRef> out;
  out.reserve(vs.size());
  for (Vertex v : vs) out.push_back(GoalRef{cat, v});
  return out;
}

std::vector<std::string> level_names(LevelSet s) {
  std::vector<std::string> out;
  for (Level l : s.to_vector()) out.emplace_back(level_name(l));
  return out;
}

std::optional<Level> optional_level(const std::optional<std::string>& s) {
  if (!s) return std::nullopt;
  return level_arg(*s);
}

std::vector<GoalKind> kind_list(const std::optional<std::vector<std::string>>& kinds) {
  std::vector<GoalKind> out;
  if (kinds)
    for (const auto& k : *kinds) out.push_back(kind_arg(k));
  return out;
}

GoalRef resolve(const CataloguePtr& cat, const std::string& id) {
  if (auto v = cat->graph().find_id(id)) return GoalRef{cat, *v};
  throw NotFoundError({MessageId::NoGoalWithId, {id}});
}

// Columns of the goals table (rows and levels: goal_rows.hpp); the Python side
// turns the dict into a DataFrame.
py::dict goal_columns(const CataloguePtr& cat, const std::vector<GoalRow>& rows) {
  const GoalGraph& g = cat->graph();
  py::list vertex, id, code, title, description, kind, levels, ce, se, kern, keuze, parent, root, position, file,
      version;
  for (const GoalRow& row : rows) {
    const Vertex v = row.v;
    const Goal& goal = g.goal(v);
    vertex.append(v);
    id.append(goal.source_id);
    code.append(goal.code);
    title.append(goal.title);
    description.append(goal.description);
    kind.append(std::string(kind_name(goal.kind)));
    levels.append(row.levels.to_string());
    ce.append(goal.exam.ce);
    se.append(goal.exam.se);
    kern.append(goal.exam.kern);
    keuze.append(goal.exam.keuze);
    parent.append(row.parent ? py::object(py::str(g.goal(*row.parent).source_id)) : py::object(py::none()));
    root.append(g.goal(row.root).title);
    position.append(row.position);
    const Source* src = goal.source == kNoSource ? nullptr : &cat->source(goal.source);
    file.append(src ? src->file : std::string());
    version.append(src ? src->version : std::string());
  }
  py::dict d;
  d["vertex"] = vertex; d["id"] = id; d["code"] = code; d["title"] = title; d["description"] = description;
  d["kind"] = kind; d["levels"] = levels; d["ce"] = ce; d["se"] = se; d["kern"] = kern; d["keuze"] = keuze;
  d["parent_id"] = parent; d["root"] = root; d["position"] = position; d["source_file"] = file;
  d["version"] = version;
  return d;
}

py::dict edge_columns(const CataloguePtr& cat) {
  const Graph& bg = cat->graph().boost_graph();
  py::list source, target, kind, weight;
  for (auto e : boost::make_iterator_range(boost::edges(bg))) {
    source.append(bg[boost::source(e, bg)].source_id);
    target.append(bg[boost::target(e, bg)].source_id);
    kind.append(std::string(edge_kind_name(bg[e].kind)));
    weight.append(bg[e].weight);
  }
  py::dict d;
  d["source_id"] = source; d["target_id"] = target; d["kind"] = kind; d["weight"] = weight;
  return d;
}

std::vector<Vertex> goal_vertices(const Catalogue& cat, bool include_levels) {
  std::vector<Vertex> vs;
  for (Vertex v = 0; v < cat.graph().num_vertices(); ++v)
    if (include_levels || cat.graph().goal(v).kind != GoalKind::LevelNode) vs.push_back(v);
  return vs;
}

}  // namespace

void bind_catalogue(py::module_& m) {
  py::class_<GoalRef>(m, "Goal", "One goal of the catalogue (a node of a programme tree).")
      .def_property_readonly("id", [](const GoalRef& r) { return r.goal().source_id; })
      .def_property_readonly("vertex", [](const GoalRef& r) { return r.v; })
      .def_property_readonly("catalogue", [](const GoalRef& r) { return r.cat; })
      .def_property_readonly("code", [](const GoalRef& r) { return r.goal().code; })
      .def_property_readonly("title", [](const GoalRef& r) { return r.goal().title; })
      .def_property_readonly("description", [](const GoalRef& r) { return r.goal().description; })
      .def_property_readonly("kind", [](const GoalRef& r) { return std::string(kind_name(r.goal().kind)); })
      .def_property_readonly("levels", [](const GoalRef& r) { return level_names(r.goal().levels); })
      .def_property_readonly("ce", [](const GoalRef& r) { return r.goal().exam.ce; })
      .def_property_readonly("se", [](const GoalRef& r) { return r.goal().exam.se; })
      .def_property_readonly("kern", [](const GoalRef& r) { return r.goal().exam.kern; })
      .def_property_readonly("keuze", [](const GoalRef& r) { return r.goal().exam.keuze; })
      .def_property_readonly("source", [](const GoalRef& r) -> py::object {
        if (r.goal().source == kNoSource) return py::none();
        return py::cast(r.cat->source(r.goal().source));
      })
      .def("children", [](const GoalRef& r) { return refs(r.cat, r.cat->graph().children(r.v)); })
      .def("parents", [](const GoalRef& r) { return refs(r.cat, r.cat->graph().parents(r.v)); })
      .def("ancestors", [](const GoalRef& r) { return refs(r.cat, r.cat->graph().ancestors(r.v)); },
           "All ancestors over the hierarchy, nearest first.")
      .def("subtree", [](const GoalRef& r, std::optional<std::vector<std::string>> kinds) {
        return refs(r.cat, subtree_goals(r.cat->graph(), r.v, kind_list(kinds)));
      }, py::arg("kinds") = py::none(), "This goal and everything below it, depth-first in source order.")
      .def("path_to_root", [](const GoalRef& r) { return refs(r.cat, r.cat->graph().path_to_root(r.v)); })
      .def("specifies", [](const GoalRef& r) { return refs(r.cat, r.cat->graph().targets(r.v, EdgeKind::Specifies)); },
           "Goals this one specifies (a syllabus specification -> its eindterm).")
      .def("specified_by", [](const GoalRef& r) { return refs(r.cat, r.cat->graph().sources(r.v, EdgeKind::Specifies)); })
      // Anything else is NotImplemented, not a TypeError, so that `goal == None` and `None in goals` work.
      .def("__eq__", [](const GoalRef& a, const py::object& other) -> py::object {
        if (!py::isinstance<GoalRef>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
        const auto& b = other.cast<const GoalRef&>();
        return py::bool_(a.cat == b.cat && a.v == b.v);
      })
      .def("__hash__", [](const GoalRef& r) { return py::hash(py::make_tuple(reinterpret_cast<std::uintptr_t>(r.cat.get()), r.v)); })
      .def("__repr__", [](const GoalRef& r) {
        const Goal& g = r.goal();
        std::string t = g.title.size() > 60 ? g.title.substr(0, 57) + "..." : g.title;
        return "<Goal " + std::string(kind_name(g.kind)) + " " + (g.code.empty() ? g.source_id : g.code) + ": " + t + ">";
      });

  py::class_<ProgrammeRef>(m, "Programme", "A selectable root: exam programme, syllabus, qualification, ...")
      .def_property_readonly("subject", [](const ProgrammeRef& r) { return r.p.subject; })
      .def_property_readonly("levels", [](const ProgrammeRef& r) { return level_names(r.p.levels); })
      .def_property_readonly("root", [](const ProgrammeRef& r) { return GoalRef{r.cat, r.p.root}; })
      .def_property_readonly("title", [](const ProgrammeRef& r) { return r.cat->graph().goal(r.p.root).title; })
      .def_property_readonly("kind", [](const ProgrammeRef& r) { return std::string(kind_name(r.cat->graph().goal(r.p.root).kind)); })
      .def_property_readonly("source", [](const ProgrammeRef& r) -> py::object {
        SourceIndex s = r.cat->graph().goal(r.p.root).source;
        if (s == kNoSource) return py::none();
        return py::cast(r.cat->source(s));
      })
      .def("children", [](const ProgrammeRef& r) { return refs(r.cat, r.cat->graph().children(r.p.root)); },
           "The top level below the root (domains, kerntaken).")
      .def("goals", [](const ProgrammeRef& r, std::optional<std::vector<std::string>> kinds, std::optional<std::string> level) {
        const auto ks = kind_list(kinds);  // kinds checked before the level, as ever
        return refs(r.cat, subtree_goals(r.cat->graph(), r.p.root, ks, optional_level(level)));
      }, py::arg("kinds") = py::none(), py::arg("level") = py::none(),
         "Goals below the root (root included), optionally only some kinds and those that apply to a level.")
      .def("_columns", [](const ProgrammeRef& r) {
        return goal_columns(r.cat, programme_rows(*r.cat, r.p.root));
      }, "Columns of the programme's goals table: its subtree, each goal under the parent it has in this "
         "programme, root = this programme (also for goals it shares with other programmes).")
      .def("__repr__", [](const ProgrammeRef& r) {
        return "<Programme " + r.cat->graph().goal(r.p.root).title + " [" + r.p.levels.to_string() + "]>";
      });

  py::class_<Catalogue, CataloguePtr>(m, "Catalogue", "All loaded programmes as one learning-goal graph.")
      .def(py::init<>())
      .def_property_readonly("num_goals", [](const Catalogue& c) { return goal_vertices(c, false).size(); })
      .def_property_readonly("num_edges", [](const Catalogue& c) { return c.graph().num_edges(); })
      .def("count", [](const Catalogue& c, const std::string& kind) { return c.graph().count(kind_arg(kind)); },
           py::arg("kind"), "Number of goals of one kind ('eindterm', 'specification', ...).")
      .def("count_edges", [](const Catalogue& c, const std::string& kind) {
        if (auto k = parse_edge_kind(kind)) return c.graph().count(*k);
        throw ArgumentError({MessageId::UnknownEdgeKind, {kind, joined(edge_kind_names())}});
      }, py::arg("kind"))
      .def_property_readonly("warnings", [](const Catalogue& c) { return c.warnings(); })
      .def_property_readonly("sources", [](const Catalogue& c) { return c.sources(); })
      .def_property_readonly("programmes", [](const CataloguePtr& c) {
        std::vector<ProgrammeRef> out;
        for (const auto& p : c->programmes()) out.push_back(ProgrammeRef{c, p});
        return out;
      })
      .def("find_programmes", [](const CataloguePtr& c, const std::string& subject, std::optional<std::string> level,
                                 std::optional<std::vector<std::string>> kinds) {
        std::vector<ProgrammeRef> out;
        for (auto& p : c->find_programmes(subject, optional_level(level), kind_list(kinds))) out.push_back(ProgrammeRef{c, p});
        return out;
      }, py::arg("subject"), py::arg("level") = py::none(), py::arg("kinds") = py::none())
      .def("find_programme", [](const CataloguePtr& c, const std::string& subject, std::optional<std::string> level,
                                std::optional<std::vector<std::string>> kinds) {
        return ProgrammeRef{c, c->find_programme(subject, optional_level(level), kind_list(kinds))};
      }, py::arg("subject"), py::arg("level") = py::none(), py::arg("kinds") = py::none(),
         "The programme for a subject at a level, e.g. ('wiskunde', 'vmbo tl') or ('wiskunde B', 'havo').")
      .def("_named_by", [](const CataloguePtr& c, const std::string& name, const ProgrammeRef& p) {
        return std::string(c->named_by(name, p.p));
      }, py::arg("name"), py::arg("programme"),
         "How a name names a programme: 'title', 'code', 'subject', 'part' or '' (Catalogue::named_by).")
      .def("goal", &resolve, py::arg("id"), "The goal with this source id.")
      .def("__getitem__", &resolve)
      .def("__contains__", [](const Catalogue& c, const std::string& id) { return c.graph().find_id(id).has_value(); })
      .def("find_code", [](const CataloguePtr& c, const std::string& code) { return refs(c, c->graph().find_code(code)); },
           py::arg("code"), "Goals with this official code (codes are not unique across programmes).")
      .def("_goal_columns", [](const CataloguePtr& c) {
        return goal_columns(c, catalogue_rows(*c));
      }, "Columns of the goals table: every goal once, under its primary parent; root = the root its primary "
         "parents lead to (for a goal shared by several programmes: the one that lists it first).")
      .def("_edge_columns", &edge_columns)
      .def("__len__", [](const Catalogue& c) { return goal_vertices(c, false).size(); })
      .def("__repr__", [](const Catalogue& c) {
        return "<Catalogue " + std::to_string(c.programmes().size()) + " programmes, " +
               std::to_string(c.graph().num_vertices() - kLevelCount) + " goals, " +
               std::to_string(c.warnings().size()) + " warnings>";
      });
}

}  // namespace aansluiting::python
