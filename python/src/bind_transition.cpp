// A whole transition analysis (select, align, curate, analyse) and its tables.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <map>
#include <optional>
#include <type_traits>

#include "aansluiting/analysis/compare.hpp"
#include "aansluiting/analysis/continuations.hpp"
#include "aansluiting/analysis/level_comparison.hpp"
#include "aansluiting/analysis/sssom.hpp"
#include "aansluiting/analysis/threshold_names.hpp"
#include "aansluiting/joined.hpp"
#include "aansluiting/transition/run.hpp"
#include "aansluiting/transition/run_checks.hpp"
#include "align_handles.hpp"
#include "convert.hpp"
#include "long_run.hpp"

namespace aansluiting::python {
namespace py = pybind11;

namespace {

struct RunRef {
  CataloguePtr cat;
  transition::Run run;
};

std::string title_of(const Catalogue& cat, Vertex v) { return cat.graph().goal(v).title; }

py::dict receiving_columns(const RunRef& r) {
  const Catalogue& cat = *r.cat;
  GoalColumns goal, best, candidate;
  py::list kind, domain, domain_id, leaf, coverage, direct, status, status_code, ce, se, kern, keuze, best_score,
      best_capped, predicate, origin, explanation, n_support, candidate_score, candidate_explanation;
  for (const auto& row : r.run.result.receiving) {
    const Goal& g = cat.graph().goal(row.goal);
    goal.append(cat, row.goal);
    kind.append(std::string(kind_name(g.kind)));
    domain.append(title_of(cat, row.domain));
    domain_id.append(cat.graph().goal(row.domain).source_id);
    leaf.append(row.leaf);
    coverage.append(row.coverage);
    direct.append(row.direct);
    status.append(std::string(analysis::status_label(row.status)));
    status_code.append(std::string(analysis::status_name(row.status)));
    const ExamFlags& exam = row.exam;
    ce.append(exam.ce); se.append(exam.se); kern.append(exam.kern); keuze.append(exam.keuze);
    n_support.append(row.support.size());
    if (row.support.empty()) {
      best.append_missing();
      // No link: every column about it is missing (None), the explanation too.
      best_score.append(py::none()); predicate.append(py::none()); origin.append(py::none()); explanation.append(py::none());
      best_capped.append(py::none());
    } else {
      const auto& s = row.support.front();
      best.append(cat, s.sending);
      best_score.append(s.score);
      best_capped.append(s.capped);
      predicate.append(std::string(analysis::sssom_predicate_id(s.predicate)));
      origin.append(origin_name(s.origin));
      explanation.append(s.explanation);
    }
    if (row.candidate) {
      candidate.append(cat, row.candidate->sending);
      candidate_score.append(row.candidate->score);
      candidate_explanation.append(row.candidate->explanation);
    } else {
      candidate.append_missing();
      candidate_score.append(py::none()); candidate_explanation.append(py::none());
    }
  }
  py::dict d;
  d["receiving_id"] = goal.id; d["code"] = goal.code; d["title"] = goal.title; d["kind"] = kind;
  d["domain"] = domain; d["domain_id"] = domain_id; d["leaf"] = leaf; d["coverage"] = coverage; d["direct"] = direct;
  d["status"] = status; d["status_code"] = status_code; d["ce"] = ce; d["se"] = se; d["kern"] = kern; d["keuze"] = keuze;
  d["best_sending_id"] = best.id; d["best_sending_code"] = best.code; d["best_sending_title"] = best.title;
  d["best_score"] = best_score; d["best_capped"] = best_capped;  // Support::capped, None without a link
  d["predicate"] = predicate; d["origin"] = origin; d["explanation"] = explanation;
  d["n_support"] = n_support;
  // ReceivingResult::candidate: without usable links, the strongest link below the threshold.
  candidate.into(d, "candidate_sending_");
  d["candidate_score"] = candidate_score; d["candidate_explanation"] = candidate_explanation;
  return d;
}

py::dict sending_columns(const RunRef& r) {
  const Catalogue& cat = *r.cat;
  GoalColumns goal;
  py::list domain, leaf, best, nowhere, continues;
  for (const auto& row : r.run.result.sending) {
    goal.append(cat, row.goal);
    domain.append(title_of(cat, row.domain));
    leaf.append(row.leaf);
    best.append(row.best_score);
    nowhere.append(row.leads_nowhere);
    continues.append(analysis::continued_in_titles(cat.graph(), row));
  }
  py::dict d;
  d["sending_id"] = goal.id; d["code"] = goal.code; d["title"] = goal.title; d["domain"] = domain; d["leaf"] = leaf;
  d["best_score"] = best; d["leads_nowhere"] = nowhere; d["continues_in"] = continues;
  return d;
}

py::dict overlap_columns(const RunRef& r) {
  const Catalogue& cat = *r.cat;
  GoalColumns recv, send;
  py::list score, predicate, origin, explanation;
  for (const auto& o : r.run.result.overlaps) {
    recv.append(cat, o.receiving);
    send.append(cat, o.sending);
    score.append(o.score);
    predicate.append(std::string(analysis::sssom_predicate_id(o.predicate)));
    origin.append(origin_name(o.origin));
    // The explanation of the overlapping link is the one the analysis kept as support.
    std::string why;
    if (const auto* row = r.run.result.find_receiving(o.receiving))
      for (const auto& s : row->support)
        if (s.sending == o.sending) { why = s.explanation; break; }
    explanation.append(why);
  }
  py::dict d;
  recv.into(d, "receiving_");
  send.into(d, "sending_");
  d["score"] = score; d["predicate"] = predicate; d["origin"] = origin; d["explanation"] = explanation;
  return d;
}

py::dict domain_columns(const Catalogue& cat, const std::vector<analysis::DomainCoverage>& rows) {
  py::list id, domain, leaves, covered, partly, gaps, share, mean;
  for (const auto& row : rows) {
    id.append(cat.graph().goal(row.domain).source_id);
    domain.append(title_of(cat, row.domain));
    leaves.append(row.leaves); covered.append(row.covered); partly.append(row.partly); gaps.append(row.gaps);
    share.append(row.coverage_share); mean.append(row.mean_coverage);
  }
  py::dict d;
  d["domain_id"] = id; d["domain"] = domain; d["leaves"] = leaves; d["covered"] = covered; d["partly"] = partly;
  d["gaps"] = gaps; d["coverage_share"] = share; d["mean_coverage"] = mean;
  return d;
}

// Domains by id too, with the programme each was reached from: the general subjects
// of an mbo pair each have a domain "Oriëntatie op leren en werken".
py::dict matrix_columns(const RunRef& r) {
  const Catalogue& cat = *r.cat;
  py::list sd, rd, sid, rid, sp, rp, links, mean, max, coverage;
  auto programme = [&](const analysis::GoalSelection& side, Vertex domain) {
    const analysis::SelectedGoal* g = side.find(domain);
    return title_of(cat, g ? g->root : domain);
  };
  for (const auto& c : r.run.result.domain_matrix) {
    sd.append(title_of(cat, c.sending_domain)); rd.append(title_of(cat, c.receiving_domain));
    sid.append(cat.graph().goal(c.sending_domain).source_id); rid.append(cat.graph().goal(c.receiving_domain).source_id);
    sp.append(programme(r.run.sending, c.sending_domain)); rp.append(programme(r.run.receiving, c.receiving_domain));
    links.append(c.links); mean.append(c.mean_score); max.append(c.max_score); coverage.append(c.coverage);
  }
  py::dict d;
  d["sending_domain"] = sd; d["receiving_domain"] = rd; d["sending_domain_id"] = sid; d["receiving_domain_id"] = rid;
  d["sending_programme"] = sp; d["receiving_programme"] = rp;
  d["links"] = links; d["mean_score"] = mean; d["max_score"] = max; d["coverage"] = coverage;
  return d;
}

py::dict summary_dict(const analysis::Summary& s) {
  py::dict d;
  d["receiving_leaves"] = s.receiving_leaves; d["covered"] = s.covered; d["partly"] = s.partly; d["gaps"] = s.gaps;
  d["coverage_share"] = s.coverage_share; d["mean_coverage"] = s.mean_coverage; d["gaps_ce"] = s.gaps_ce;
  d["gaps_se"] = s.gaps_se; d["gaps_no_exam"] = s.gaps_no_exam; d["shared"] = s.shared; d["gaps_kern"] = s.gaps_kern; d["gaps_keuze"] = s.gaps_keuze; d["overlaps"] = s.overlaps;
  d["sending_leaves"] = s.sending_leaves; d["sending_nowhere"] = s.sending_nowhere; d["links_used"] = s.links_used;
  d["links_rejected"] = s.links_rejected; d["links_confirmed"] = s.links_confirmed;
  d["placeholders"] = s.placeholders;
  return d;
}

// A link a comparison names (StatusChange::gained or ::lost): goal columns, explanation and
// whether it is capped (None when none).
struct ChangedLinkColumns {
  GoalColumns goal;
  py::list programme, explanation, capped;
  void append(const Catalogue& cat, const std::optional<analysis::Support>& best) {
    if (!best) {
      goal.append_missing();
      programme.append(py::none()); explanation.append(py::none()); capped.append(py::none());
      return;
    }
    goal.append(cat, best->sending);
    // "D2" alone does not say whether T&T or ITTL closed a gap (a user test).
    programme.append(title_of(cat, best->programme));
    explanation.append(best->explanation);
    capped.append(best->capped);
  }
  void into(py::dict& d, const std::string& prefix) const {
    goal.into(d, prefix + "sending_");
    d[py::str(prefix + "sending_programme")] = programme;
    d[py::str(prefix + "explanation")] = explanation;
    d[py::str(prefix + "capped")] = capped;
  }
};

py::dict change_columns(const Catalogue& cat, const std::vector<analysis::StatusChange>& rows) {
  GoalColumns goal;
  ChangedLinkColumns gained, lost;
  py::list pair, pairs, domain, before, after, cb, ca, capped;
  for (const auto& c : rows) {
    pair.append(c.pair);
    pairs.append(py::cast(c.pairs));
    goal.append(cat, c.goal);
    domain.append(title_of(cat, c.domain));
    before.append(std::string(analysis::status_label(c.before)));
    after.append(std::string(analysis::status_label(c.after)));
    cb.append(c.coverage_before); ca.append(c.coverage_after);
    capped.append(c.capped);
    gained.append(cat, c.gained);
    lost.append(cat, c.lost);
  }
  py::dict d;
  d["pair"] = pair;
  d["pairs"] = pairs;  // every pair whose receiving side holds the goal
  d["receiving_id"] = goal.id; d["code"] = goal.code; d["title"] = goal.title; d["domain"] = domain;
  d["status_before"] = before; d["status_after"] = after; d["coverage_before"] = cb; d["coverage_after"] = ca;
  d["capped"] = capped;  // StatusChange::capped: the new status rests on one-word links
  gained.into(d, "gained_");
  lost.into(d, "lost_");
  return d;
}

// Sending goals of a comparison: sending_id/code/title, sending_programme, domain, best_score,
// best_receiving_id/code/title, leads_nowhere; for goals only one side has, also
// programme_on_both_sides.
template <class Row>
py::dict sending_total_columns(const Catalogue& cat, const std::vector<Row>& rows) {
  GoalColumns goal, best_goal;
  py::list programme, domain, best, nowhere, both;
  for (const auto& s : rows) {
    goal.append(cat, s.goal);
    if (s.best_receiving) best_goal.append(cat, *s.best_receiving);
    else best_goal.append_missing();
    programme.append(title_of(cat, s.root));
    domain.append(title_of(cat, s.domain));
    best.append(s.best_score);
    nowhere.append(s.leads_nowhere);
    if constexpr (std::is_same_v<Row, analysis::SendingOnly>) both.append(s.programme_on_both_sides);
  }
  py::dict d;
  goal.into(d, "sending_");
  d["sending_programme"] = programme;
  d["domain"] = domain;
  d["best_score"] = best;
  best_goal.into(d, "best_receiving_");  // the receiving goal of the strongest link (None without one)
  d["leads_nowhere"] = nowhere;
  if constexpr (std::is_same_v<Row, analysis::SendingOnly>) d["programme_on_both_sides"] = both;
  return d;
}

// "pair" columns hold the index of the run (pair) a row comes from.
py::dict comparison_dict(const Catalogue& cat, const analysis::Comparison& c) {
  py::list pair, domain_id, domain, sb, sa, sdelta, mb, ma, gb, ga;
  for (const auto& d : c.domains) {
    pair.append(d.pair);
    domain_id.append(cat.graph().goal(d.domain).source_id);
    domain.append(title_of(cat, d.domain)); sb.append(d.share_before); sa.append(d.share_after);
    sdelta.append(d.share_delta()); mb.append(d.mean_before); ma.append(d.mean_after);
    gb.append(d.gaps_before); ga.append(d.gaps_after);
  }
  py::dict by_domain;
  by_domain["pair"] = pair;
  by_domain["domain_id"] = domain_id;
  by_domain["domain"] = domain; by_domain["share_before"] = sb; by_domain["share_after"] = sa;
  by_domain["share_delta"] = sdelta; by_domain["mean_before"] = mb; by_domain["mean_after"] = ma;
  by_domain["gaps_before"] = gb; by_domain["gaps_after"] = ga;
  py::dict out;
  out["closed"] = change_columns(cat, c.closed);
  out["opened"] = change_columns(cat, c.opened);
  out["improved"] = change_columns(cat, c.improved);
  out["worsened"] = change_columns(cat, c.worsened);
  out["by_domain"] = by_domain;
  out["new_nowhere"] = sending_total_columns(cat, c.new_nowhere);
  out["sending_only_before"] = sending_total_columns(cat, c.sending_only_before);
  out["sending_only_after"] = sending_total_columns(cat, c.sending_only_after);
  out["before"] = summary_dict(c.before);
  out["after"] = summary_dict(c.after);
  return out;
}

// The analyses of runs made on `cat` (that of the first run when null); None or a
// run of another catalogue is a ValueError.
std::vector<const analysis::TransitionAnalysis*> analyses_of(const std::vector<const RunRef*>& runs,
                                                             const Catalogue* cat = nullptr) {
  std::vector<const analysis::TransitionAnalysis*> analyses;
  for (const RunRef* r : runs) {
    if (!r) throw py::value_error("runs must not contain None");
    if (!cat) cat = r->cat.get();
    if (r->cat.get() != cat) throw py::value_error("runs must be analysed on the same catalogue");
    analyses.push_back(&r->run.result);
  }
  return analyses;
}

// What a transition checks of its runs (transition/run_checks.hpp).
void bind_run_checks(py::module_& m) {
  m.def("_side_without_goals", [](const RunRef& r) -> py::object {
    auto side = transition::side_without_goals(r.run);
    if (!side) return py::none();
    return py::str(*side == transition::RunSide::Sending ? "sending" : "receiving");
  }, py::arg("run"),
     "'sending' or 'receiving': the first side of the run without goals at its level and exam parts; None if none.");

  m.def("_unapplied_decisions", [](const std::vector<const RunRef*>& runs) {
    std::vector<const analysis::CurationReport*> reports;
    for (const RunRef* r : runs) {
      if (!r) throw py::value_error("runs must not contain None");
      reports.push_back(&r->run.curation);
    }
    return transition::unapplied_decisions(reports);
  }, py::arg("runs"),
     "Curated decisions the runs (all pairs and variants of a transition) did not apply, one warning per row, "
     "in file order.");
}

// The thresholds as a result reports them (meta["thresholds"]), by their names.
py::dict threshold_dict(const analysis::AnalysisOptions& o) {
  py::dict d;
  for (std::string_view name : analysis::threshold_names()) {
    const double value = analysis::get_threshold(o, name);
    if (analysis::threshold_is_count(name)) d[py::str(name)] = static_cast<std::size_t>(value);
    else d[py::str(name)] = value;
  }
  return d;
}

// A transition's thresholds with some of them changed by name.
analysis::AnalysisOptions transition_thresholds(const std::map<std::string, double>& changed) {
  return analysis::with_thresholds(transition::cross_programme_thresholds(), {changed.begin(), changed.end()});
}

}  // namespace

void bind_transition(py::module_& m) {
  py::class_<RunRef>(m, "TransitionRun", "The raw result of one transition analysis (tables as column dicts).")
      .def("_receiving", &receiving_columns)
      .def("_sending", &sending_columns)
      .def("_overlaps", &overlap_columns)
      .def("_domains", [](const RunRef& r) { return domain_columns(*r.cat, r.run.result.receiving_domains); })
      .def("_matrix", &matrix_columns)
      .def("_summary", [](const RunRef& r) { return summary_dict(r.run.result.summary); })
      .def("_compare", [](const RunRef& before, const RunRef& after) {
        if (before.cat != after.cat) throw py::value_error("variants must be analysed on the same catalogue");
        return comparison_dict(*before.cat, analysis::compare(before.run.result, after.run.result));
      }, py::arg("variant"))
      .def_property_readonly("thresholds", [](const RunRef& r) { return threshold_dict(r.run.thresholds); },
                             "The thresholds of the analysis: statuses, the weakest link counted, how links combine, "
                             "overlaps.")
      .def_property_readonly("roots", [](const RunRef& r) {
        // Both sides' roots as analysed: the given programmes and the syllabi the run added.
        py::list ids;
        for (const auto* side : {&r.run.sending, &r.run.receiving})
          for (Vertex v : side->roots) ids.append(r.cat->graph().goal(v).source_id);
        return ids;
      }, "Ids of the roots the run analysed, sending then receiving: the given programmes and the syllabi it added.")
      .def_property_readonly("alignment", [](const RunRef& r) { return AlignmentRef{r.cat, r.run.alignment, r.run.diagnostics, r.run.curation, {}, {}}; })
      .def_property_readonly("curation_report", [](const RunRef& r) { return curation_report_dict(r.run.curation); });

  m.def("_total_summary", [](const std::vector<const RunRef*>& runs) {
    return summary_dict(analysis::total_summary(analyses_of(runs)));
  }, py::arg("runs"),
     "Totals of several runs (the pairs of a transition), each goal counted once; keys as TransitionRun._summary().");

  m.def("_compare_runs", [](const std::vector<const RunRef*>& before, const std::vector<const RunRef*>& after) {
    if (before.size() != after.size() || before.empty())
      throw py::value_error("before and after need the same, non-empty list of pairs");
    const auto earlier = analyses_of(before);  // checks for None before anything is read
    const Catalogue* cat = before.front()->cat.get();
    return comparison_dict(*cat, analysis::compare(earlier, analyses_of(after, cat)));
  }, py::arg("before"), py::arg("after"),
     "A variant against the base over all pairs, each goal once (as _total_summary counts it); "
     "\"pair\" columns index the runs.");

  m.def("_run_transition",
        [](const CataloguePtr& cat, const AnalyserRef& analyser, const std::vector<GoalRef>& sending_roots,
           const std::vector<GoalRef>& receiving_roots, std::optional<std::string> sending_level,
           std::optional<std::string> receiving_level, const std::vector<std::string>& sending_exam,
           const std::vector<std::string>& receiving_exam, bool sending_syllabus, const CurationRef* curation,
           const std::map<std::string, double>& thresholds, py::object progress) {
          transition::Side sending{vertices_of(cat, sending_roots), {}};
          transition::Side receiving{vertices_of(cat, receiving_roots), {}};
          if (sending_level) sending.selection.level = level_arg(*sending_level);
          if (receiving_level) receiving.selection.level = level_arg(*receiving_level);
          sending.selection.exam = exam_filter(sending_exam);
          sending.with_syllabus = sending_syllabus;
          receiving.selection.exam = exam_filter(receiving_exam);
          if (curation && curation->cat != cat) throw py::value_error("curation belongs to another catalogue");
          const analysis::AnalysisOptions analysis_options = transition_thresholds(thresholds);
          LongRun run(progress);
          return run.run([&] {
            transition::RunOptions options;
            options.analysis = analysis_options;
            options.curation = curation ? &curation->set : nullptr;
            options.progress = run.progress();
            options.cancel = run.cancel_flag();
            return RunRef{cat, transition::run(*cat, *analyser.analyser, sending, receiving, options)};
          });
        },
        py::arg("catalogue"), py::arg("analyser"), py::arg("sending_roots"), py::arg("receiving_roots"),
        py::arg("sending_level") = py::none(), py::arg("receiving_level") = py::none(),
        py::arg("sending_exam") = std::vector<std::string>{}, py::arg("receiving_exam") = std::vector<std::string>{},
        py::arg("sending_syllabus") = true, py::arg("curation") = nullptr,
        py::arg("thresholds") = std::map<std::string, double>{}, py::arg("progress") = py::none());

  m.def("_transition_thresholds",
        [](const std::map<std::string, double>& changed) { return threshold_dict(transition_thresholds(changed)); },
        py::arg("changed") = std::map<std::string, double>{},
        "A transition's thresholds with `changed` set; ValueError for an unknown name, a value out of range or "
        "thresholds that contradict each other.");

  m.def("_compare_levels", [](const CataloguePtr& cat, const std::string& a, const std::string& b) {
    Level la = level_arg(a), lb = level_arg(b);
    auto c = LongRun{py::none()}.run([&] { return analysis::compare_levels(*cat, la, lb); });
    GoalColumns prog;
    py::list only_a, only_b, both, differing, differing_ids;
    const GoalGraph& g = cat->graph();
    for (const auto& row : c.programmes) {
      prog.append(*cat, row.programme);
      only_a.append(row.only_a); only_b.append(row.only_b); both.append(row.both);
      // Text, so that the table goes to CSV and Excel as it is (a list of Goal objects did not).
      std::vector<std::string> codes, ids;
      for (Vertex v : row.differing) {
        codes.push_back(g.goal(v).code.empty() ? g.goal(v).title : g.goal(v).code);
        ids.push_back(g.goal(v).source_id);
      }
      differing.append(joined(codes, "; "));
      differing_ids.append(joined(ids, "; "));
    }
    py::dict d;
    prog.into(d, "programme_");
    d["only_a"] = only_a; d["only_b"] = only_b; d["both"] = both; d["differing"] = differing;
    d["differing_ids"] = differing_ids;
    return d;
  }, py::arg("catalogue"), py::arg("a"), py::arg("b"));

  m.def("_select_leaves", [](const CataloguePtr& cat, const std::vector<GoalRef>& roots, std::optional<std::string> level,
                             const std::vector<std::string>& exam) {
    analysis::SelectionOptions o;
    if (level) o.level = level_arg(*level);
    o.exam = exam_filter(exam);
    auto sel = analysis::select_goals(cat->graph(), vertices_of(cat, roots), o);
    std::vector<GoalRef> out;
    for (Vertex v : sel.leaves()) out.push_back(GoalRef{cat, v});
    return out;
  }, py::arg("catalogue"), py::arg("roots"), py::arg("level") = py::none(), py::arg("exam") = std::vector<std::string>{},
     "The leaf goals (eindtermen, specifications, werkprocessen, ...) below roots that apply to a level and exam parts.");

  bind_run_checks(m);
}

}  // namespace aansluiting::python
