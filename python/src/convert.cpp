#include "convert.hpp"

#include "aansluiting/align/option_names.hpp"
#include "aansluiting/analysis/sssom.hpp"
#include "aansluiting/joined.hpp"
#include "aansluiting/diagnostics.hpp"

#include <pybind11/stl.h>

namespace aansluiting::python {

void GoalColumns::append(const Catalogue& cat, Vertex v) {
  const Goal& g = cat.graph().goal(v);
  id.append(g.source_id);
  code.append(g.code);
  title.append(g.title);
}

void GoalColumns::append_missing() {
  id.append(py::none());
  code.append(py::none());
  title.append(py::none());
}

void GoalColumns::into(py::dict& d, const std::string& prefix) const {
  d[py::str(prefix + "id")] = id;
  d[py::str(prefix + "code")] = code;
  d[py::str(prefix + "title")] = title;
}

std::vector<Vertex> vertices_of(const CataloguePtr& cat, const std::vector<GoalRef>& goals) {
  std::vector<Vertex> out;
  out.reserve(goals.size());
  for (const auto& g : goals) {
    if (g.cat != cat) throw ArgumentError(Message(MessageId::GoalsOfDifferentCatalogues));
    out.push_back(g.v);
  }
  return out;
}

analysis::ExamFilter exam_filter(const std::vector<std::string>& parts) {
  analysis::ExamFilter f;
  for (const auto& p : parts) {
    std::string s;
    for (char c : p) s.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    if (s == "ce") f.ce = true;
    else if (s == "se") f.se = true;
    else if (s == "kern") f.kern = true;
    else if (s == "keuze") f.keuze = true;
    else throw ArgumentError({MessageId::UnknownExamPart, {p}});
  }
  return f;
}

std::string origin_name(match::Origin o) {
  switch (o) {
    case match::Origin::Automatic: return "automatic";
    case match::Origin::Confirmed: return "confirmed";
    case match::Origin::Rejected: return "rejected";
  }
  return "automatic";
}

py::dict link_columns(const Catalogue& cat, const match::Alignment& alignment) {
  GoalColumns source, target;
  py::list score, predicate, origin, terms, context_terms, explanation, author, date;
  for (const auto& link : alignment.links) {
    source.append(cat, link.source);
    target.append(cat, link.target);
    score.append(link.score);
    predicate.append(std::string(analysis::sssom_predicate_id(link.predicate)));
    origin.append(origin_name(link.origin));
    terms.append(joined(link.shared_terms));
    context_terms.append(joined(link.context_terms));
    explanation.append(link.explanation);
    // Who decided and when, for a curated link; empty otherwise. The name a reader knows, else the id (orcid:...).
    author.append(link.curator.author_label.empty() ? link.curator.author_id : link.curator.author_label);
    date.append(link.curator.date);
  }
  py::dict d;
  source.into(d, "source_");
  target.into(d, "target_");
  d["score"] = score;
  d["predicate"] = predicate;
  d["origin"] = origin;
  d["shared_terms"] = terms;
  d["context_terms"] = context_terms;
  d["explanation"] = explanation;
  d["author"] = author;
  d["mapping_date"] = date;
  return d;
}

py::dict curation_report_dict(const analysis::CurationReport& report) {
  py::dict d;
  d["confirmed"] = report.confirmed; d["confirmed_added"] = report.confirmed_added;
  d["rejected"] = report.rejected; d["rejected_removed"] = report.rejected_removed;
  d["unresolved"] = report.unresolved;
  d["outside"] = report.outside;
  d["notes"] = report.notes;
  return d;
}

void apply_matcher_options(align::AlignOptions& options, const std::map<std::string, double>& named) {
  for (const auto& [name, value] : named) align::set_option(options, name, value);
}

}  // namespace aansluiting::python
