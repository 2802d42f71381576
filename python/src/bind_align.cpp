// Text analysis, alignment and curated decisions.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>

#include "aansluiting/align/align.hpp"
#include "aansluiting/align/option_names.hpp"
#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/curation_file.hpp"
#include "aansluiting/text/normalise.hpp"
#include "aansluiting/transition/run.hpp"
#include "aansluiting/diagnostics.hpp"
#include "align_handles.hpp"
#include "convert.hpp"
#include "errors.hpp"
#include "long_run.hpp"

namespace aansluiting::python {
namespace py = pybind11;

namespace {

match::Predicate predicate_arg(const std::string& s) {
  if (auto p = analysis::parse_decision_predicate(s)) return *p;
  throw ArgumentError({MessageId::UnknownPredicate, {s}});
}

std::string type_name(const py::handle& value) { return py::str(py::type::of(value).attr("__name__")); }

// A goal, its id as in every table or its CURIE as in a curation file, in the curation's catalogue.
Vertex goal_arg(const CurationRef& c, const py::handle& goal, const char* call) {
  if (py::isinstance<GoalRef>(goal)) {
    const auto& g = goal.cast<const GoalRef&>();
    if (g.cat != c.cat) throw ArgumentError(Message(MessageId::GoalOfOtherCatalogue));
    return g.v;
  }
  if (!py::isinstance<py::str>(goal)) throw_type_error({MessageId::NotAGoal, {call, type_name(goal)}});
  const auto id = goal.cast<std::string>();
  if (auto v = analysis::find_goal(*c.cat, id)) return *v;
  throw NotFoundError({MessageId::NoGoalWithId, {id}});
}

analysis::Decision decision(const CurationRef& c, const py::handle& source, const py::handle& target, bool confirmed,
                            const std::string& predicate, std::optional<double> confidence,
                            const std::string& author, const std::string& comment) {
  const char* call = confirmed ? "confirm()" : "reject()";
  analysis::Decision d;
  d.sending = goal_arg(c, source, call);
  d.receiving = goal_arg(c, target, call);
  d.confirmed = confirmed;
  d.predicate = predicate_arg(predicate);
  d.confidence = confidence;
  (analysis::is_author_id(author) ? d.author_id : d.author_label) = author;
  d.comment = comment;
  return d;
}

}  // namespace

void bind_align(py::module_& m) {
  py::class_<AnalyserRef>(m, "TextAnalyser",
                          "Dutch text analysis learned from a catalogue: words, stems, compound parts, term weights.")
      .def(py::init([](const CataloguePtr& cat) {
             LongRun run{py::none()};
             return AnalyserRef{run.run([&] { return transition::corpus_analyser(*cat); }), cat->graph().num_vertices()};
           }),
           py::arg("catalogue"))
      .def("terms", [](const AnalyserRef& a, const std::string& text) { return a.analyser->terms(text); },
           py::arg("text"), "Stems of the words and of their compound parts, in reading order.")
      .def("analyse", [](const AnalyserRef& a, const std::string& text) {
        py::list out;
        for (const auto& t : a.analyser->analyse(text)) out.append(py::make_tuple(t.stem, t.original, t.from_compound));
        return out;
      }, py::arg("text"), "(stem, word as written, from a compound) per term.")
      .def("split_compound", [](const AnalyserRef& a, const std::string& word) {
        return a.analyser->compounds().split(text::fold(word));
      }, py::arg("word"))
      .def("idf", [](const AnalyserRef& a, const std::string& term) {
        const auto& v = a.analyser->vocabulary();
        auto id = v.find(term);
        return id ? v.idf(*id) : v.unseen_idf();
      }, py::arg("stem"))
      .def_property_readonly("vocabulary_size", [](const AnalyserRef& a) { return a.analyser->vocabulary().size(); })
      .def_property_readonly("documents", [](const AnalyserRef& a) { return a.analyser->vocabulary().documents(); });

  py::class_<AlignmentRef>(m, "Alignment", "Links from source goals to target goals, each with a score, "
                                            "a SKOS predicate and an explanation.")
      .def("__len__", [](const AlignmentRef& a) { return a.alignment.links.size(); })
      .def("_columns", [](const AlignmentRef& a) { return link_columns(*a.cat, a.alignment); })
      .def("to_sssom", [](const AlignmentRef& a, const std::filesystem::path& path, const std::string& mapping_set_id,
                          const std::string& title) {
        analysis::MappingSet metadata = analysis::alignment_mapping_set();
        if (!mapping_set_id.empty()) metadata.mapping_set_id = mapping_set_id;
        if (!title.empty()) metadata.mapping_set_title = title;
        analysis::write_export(path.string(), analysis::to_mapping_set(*a.cat, a.alignment, std::move(metadata)));
      }, py::arg("path"), py::arg("mapping_set_id") = "", py::arg("title") = "",
         "Writes the links as an SSSOM/TSV file (atomically); mapping_set_id and title name the set.")
      .def_property_readonly("order_correlation", [](const AlignmentRef& a) -> std::optional<double> {
        // None when the order was not looked at (between programmes of different school types).
        if (!a.diagnostics.order.measured) return std::nullopt;
        return a.diagnostics.order.correlation;
      })
      .def_property_readonly("order_weight", [](const AlignmentRef& a) { return a.diagnostics.order.weight; })
      .def_property_readonly("curation_report", [](const AlignmentRef& a) -> py::object {
        if (!a.curation) return py::none();
        return curation_report_dict(*a.curation);
      }, "What the curated decisions did (counts; unresolved, outside and notes as Warnings), or None when "
         "no curation was applied (Curation.apply, align(curation=...)). A transition run's alignment always has one "
         "(zero counts without a curation file; 'outside' there holds decisions about other pairs); the joined "
         "alignment of a transition has none: see TransitionResult.meta.")
      .def("__repr__", [](const AlignmentRef& a) { return "<Alignment " + std::to_string(a.alignment.links.size()) + " links>"; });

  m.def("_is_curation_file", [](const std::filesystem::path& path) { return analysis::is_curation_file(path.string()); },
        py::arg("path"), "Whether the file is a curator's file (analysis::is_curation_file), which no export replaces.");

  m.def("_join_alignments", [](const std::vector<AlignmentRef>& parts) {
        if (parts.empty()) throw py::value_error("no alignments to join");
        std::vector<const match::Alignment*> alignments;
        for (const AlignmentRef& part : parts) {
          if (part.cat != parts.front().cat) throw py::value_error("the alignments belong to different catalogues");
          alignments.push_back(&part.alignment);
        }
        return AlignmentRef{parts.front().cat, match::join_alignments(alignments), {}, std::nullopt, {}, {}};
      }, py::arg("parts"));

  m.def("_align", [](const CataloguePtr& cat, const std::vector<GoalRef>& sources, const std::vector<GoalRef>& targets,
                     std::optional<AnalyserRef> analyser, std::size_t top_k, double min_score, bool one_to_one,
                     std::size_t max_links, unsigned threads, const std::map<std::string, double>& options,
                     py::object progress) {
        auto s = vertices_of(cat, sources);
        auto t = vertices_of(cat, targets);
        AnalyserRef a = analyser ? *analyser : AnalyserRef{};
        align::AlignOptions o;
        apply_matcher_options(o, options);  // checked before the long run starts
        LongRun run(progress);
        return run.run([&] {
          if (!a.analyser) a = AnalyserRef{transition::corpus_analyser(*cat), cat->graph().num_vertices()};
          o.analyser = a.analyser.get();
          o.top_k = top_k;
          o.min_score = min_score;
          o.selection = one_to_one ? align::Selection::OneToOne : align::Selection::OneToMany;
          o.max_links_per_source = max_links;
          o.threads = threads;
          o.progress = run.progress();
          o.cancel = run.cancel_flag();
          AlignmentRef out{cat, {}, {}, std::nullopt, s, t};
          out.alignment = align::align(*cat, s, t, o, out.diagnostics);
          return out;
        });
      },
      py::arg("catalogue"), py::arg("sources"), py::arg("targets"), py::arg("analyser") = py::none(),
      py::arg("top_k") = 20, py::arg("min_score") = 0.05, py::arg("one_to_one") = false, py::arg("max_links") = 3,
      py::arg("threads") = 0, py::arg("options") = std::map<std::string, double>{}, py::arg("progress") = py::none());

  m.def("_matcher_options", [] {
    py::list out;
    const align::AlignOptions defaults;
    for (const auto& o : align::option_infos()) {
      const double v = align::get_option(defaults, o.name);
      py::object value = o.is_switch ? py::object(py::bool_(v != 0.0)) : py::object(py::float_(v));
      out.append(py::make_tuple(std::string(o.name), value, std::string(o.description)));
    }
    return out;
  }, "(name, default, description) of every matcher option.");

  py::class_<CurationRef>(m, "Curation", "Curated decisions (confirmed and rejected links) in an SSSOM/TSV file.")
      .def(py::init([](const CataloguePtr& cat, std::optional<std::filesystem::path> path) {
             CurationRef c{cat, analysis::default_mapping_set(), path ? path->string() : std::string(), {}};
             if (path) {
               c.snapshot = analysis::read_curation_snapshot(c.path);
               if (c.snapshot.existed) c.set = c.snapshot.set;
             }
             c.set.file = c.path;  // warnings about its decisions name the file
             return c;
           }),
           py::arg("catalogue"), py::arg("path") = py::none())
      // Any other arguments (a path alone, say): a TypeError that shows the call, not pybind11's list of overloads.
      .def(py::init([](const py::object& catalogue, const py::object& path) -> CurationRef {
             std::string given = type_name(catalogue);
             if (!path.is_none()) given += ", " + type_name(path);
             throw_type_error({MessageId::CurationArguments, {given}});
           }),
           py::arg("catalogue"), py::arg("path") = py::none())
      .def("confirm", [](CurationRef& c, const py::object& s, const py::object& t, const std::string& predicate,
                         std::optional<double> confidence, const std::string& author, const std::string& comment) {
        analysis::record_decision(c.set, *c.cat, decision(c, s, t, true, predicate, confidence, author, comment));
      }, py::arg("source"), py::arg("target"), py::arg("predicate") = "skos:relatedMatch",
         py::arg("confidence") = py::none(), py::arg("author") = "", py::arg("comment") = "",
         "Confirms a link from source to target: goals, their ids (as in every table and the Excel Id column) "
         "or their CURIEs (as in the curation file). It is always kept, whatever the matcher finds, and counts "
         "for coverage. "
         "The default predicate skos:relatedMatch says only that the link is right; skos:closeMatch or "
         "skos:exactMatch say the two goals have the same content (then the receiving goal can be an overlap). "
         "confidence (0..1, default 1) is the link's score.")
      .def("reject", [](CurationRef& c, const py::object& s, const py::object& t, const std::string& predicate,
                        const std::string& author, const std::string& comment) {
        analysis::record_decision(c.set, *c.cat, decision(c, s, t, false, predicate, std::nullopt, author, comment));
      }, py::arg("source"), py::arg("target"), py::arg("predicate") = "skos:relatedMatch", py::arg("author") = "",
         py::arg("comment") = "", "Rejects a link (goals, ids or CURIEs, as confirm takes them): it never comes back.")
      .def("remove", [](CurationRef& c, const py::object& s, const py::object& t) {
        auto named = [&](const py::object& goal) -> std::string {
          if (py::isinstance<GoalRef>(goal)) return analysis::goal_curie(*c.cat, goal_arg(c, goal, "remove()"));
          if (!py::isinstance<py::str>(goal)) throw_type_error({MessageId::NotAGoal, {"remove()", type_name(goal)}});
          return goal.cast<std::string>();
        };
        return analysis::forget_decisions(c.set, *c.cat, named(s), named(t));
      }, py::arg("source"), py::arg("target"),
         "Removes the decisions about a link (goals, ids or CURIEs; a CURIE of a goal that is not loaded, such as "
         "a typo in the file, as written). Returns how many rows went; save() writes the file without them.")
      .def("_save", [](CurationRef& c, std::optional<std::filesystem::path> path, bool keep_mine) {
        if (path) c.path = path->string();
        if (c.path.empty()) throw ArgumentError(Message(MessageId::CurationWithoutFile));
        const auto r = analysis::save_curation(c.path, c.set, c.snapshot,
                                               keep_mine ? analysis::OnConflict::KeepMine : analysis::OnConflict::Refuse);
        py::list overridden;
        for (const auto& x : r.overridden) overridden.append(py::make_tuple(x.subject_id, x.object_id, x.mine, x.theirs));
        py::dict d;
        d["merged"] = r.merged;
        d["kept_from_others"] = r.kept_from_others;
        d["overridden"] = overridden;
        return d;
      }, py::arg("path") = py::none(), py::arg("keep_mine") = false)
      // apply() is the package's (alignment.py): it also warns about decisions that changed nothing.
      .def("_apply", [](const CurationRef& c, const AlignmentRef& a) {
        // Decisions are vertices of the curation's catalogue; on another catalogue's links they name other goals.
        if (a.cat != c.cat) throw ArgumentError(Message(MessageId::AlignmentOfOtherCatalogue));
        AlignmentRef out{a.cat, {}, a.diagnostics, analysis::CurationReport{}, a.sources, a.targets};
        out.alignment = a.sources.empty()
                            ? analysis::apply_curation(*c.cat, a.alignment, c.set, &*out.curation)
                            : analysis::apply_curation(*c.cat, a.alignment, c.set, a.sources, a.targets, &*out.curation);
        return out;
      }, py::arg("alignment"))
      .def_property_readonly("path", [](const CurationRef& c) { return c.path; })
      .def_property_readonly("warnings", [](const CurationRef& c) { return c.set.warnings; },
                             "What the reader accepted from the file but noted (a decimal comma, a spreadsheet's "
                             "date, rows that disagree), as Warnings with file and line.")
      // Decisions only, as the repr and to_pandas() count them; the file's other rows are other_rows().
      .def("__len__", [](const CurationRef& c) {
        return std::count_if(c.set.mappings.begin(), c.set.mappings.end(), [](const auto& r) { return r.curated(); });
      })
      .def("__repr__", [](const CurationRef& c) {
        std::size_t confirmed = 0, rejected = 0, others = 0;  // others: rows that are not decisions
        for (const auto& r : c.set.mappings) {
          if (!r.curated()) ++others;
          else if (r.negated) ++rejected;
          else ++confirmed;
        }
        const std::size_t decisions = confirmed + rejected;
        std::string out = "<Curation ";
        out += c.path.empty() ? std::string("(not saved yet)") : py::repr(py::str(c.path)).cast<std::string>();
        out += " " + std::to_string(decisions) + (decisions == 1 ? " decision: " : " decisions: ") +
               std::to_string(confirmed) + " confirmed, " + std::to_string(rejected) + " rejected";
        if (others) out += ", " + std::to_string(others) + (others == 1 ? " other row" : " other rows");
        return out + ">";
      })
      .def("_columns", [](const CurationRef& c) {
        // source_id/target_id are goal ids as in every other table (None: not loaded), next to the CURIEs.
        py::list subject, object, source, target, predicate, negated, confidence, justification, author, date, comment;
        auto goal_id = [&](const std::string& curie) -> py::object {
          auto v = analysis::resolve_curie(*c.cat, curie);
          return v ? py::object(py::str(c.cat->graph().goal(*v).source_id)) : py::object(py::none());
        };
        for (const auto& r : c.set.mappings) {
          subject.append(r.subject_id);
          object.append(r.object_id);
          source.append(goal_id(r.subject_id));
          target.append(goal_id(r.object_id));
          predicate.append(std::string(analysis::sssom_predicate_id(r.predicate)));
          negated.append(r.negated);
          confidence.append(r.confidence ? py::object(py::float_(*r.confidence)) : py::object(py::none()));
          justification.append(r.justification);
          author.append(r.author_id.empty() ? r.author_label : r.author_id);
          date.append(r.mapping_date);
          comment.append(r.comment);
        }
        py::dict d;
        d["subject_id"] = subject; d["object_id"] = object; d["source_id"] = source; d["target_id"] = target;
        d["predicate_id"] = predicate; d["rejected"] = negated; d["confidence"] = confidence;
        d["mapping_justification"] = justification; d["author"] = author; d["mapping_date"] = date;
        d["comment"] = comment;
        return d;
      })
      // Per row of _columns(): a curator's decision (MappingRow::curated), not a matcher's link.
      .def("_decisions", [](const CurationRef& c) {
        std::vector<bool> out;
        for (const auto& r : c.set.mappings) out.push_back(r.curated());
        return out;
      });
}

}  // namespace aansluiting::python
