// CvTE syllabi: syllabus -> specifications, with Specifies edges into the
// exam programmes; explanations and concepts hang beside, never below.
#include "slo_dataset.hpp"

namespace aansluiting::importers::slo {
void build_syllabi(Dataset& d) {
  if (!d.loaded(FileId::Syllabi)) return;
  GoalGraph& g = d.graph();
  const RecordFile& syllabi = d.file(FileId::Syllabi);

  d.add_goals(FileId::Specifications, GoalKind::Specification);
  d.add_goals(FileId::Explanations, GoalKind::Explanation);
  d.add_goals(FileId::Concepts, GoalKind::Concept);
  std::vector<Vertex> roots;
  d.for_each(FileId::Syllabi, [&](const Record& r, Entry& e) {
    // A syllabus without version or start date is dated by its exam year.
    const std::string_view exam_year = syllabi.text(r, "examenjaar");
    Source s = d.record_source(FileId::Syllabi, r, "CvTE");
    if (s.version.empty()) s.version = std::string(exam_year);
    if (s.start_date.empty() && !exam_year.empty()) s.start_date = "examenjaar " + std::string(exam_year);
    roots.push_back(d.add_goal(FileId::Syllabi, r, e, GoalKind::Syllabus, d.catalogue().add_source(std::move(s))));
  });

  d.link(FileId::Syllabi, "syllabus_specifieke_eindterm_id", FileId::Specifications, EdgeKind::Contains);
  d.link(FileId::Syllabi, "examenprogramma_id", FileId::Programmes, EdgeKind::Specifies);
  for (FileId from : {FileId::Specifications, FileId::Explanations, FileId::Concepts}) {
    d.link(from, "examenprogramma_eindterm_id", FileId::Eindtermen, EdgeKind::Specifies);
    d.link(from, "examenprogramma_subdomein_id", FileId::Subdomains, EdgeKind::Specifies);
    d.link(from, "examenprogramma_domein_id", FileId::Domains, EdgeKind::Specifies);
  }
  // Specifications and syllabi name their explanations and concepts; the
  // edge points from the explanation to what it explains.
  for (FileId from : {FileId::Specifications, FileId::Syllabi}) {
    d.link(from, "syllabus_toelichting_id", FileId::Explanations, EdgeKind::Specifies, true);
    d.link(from, "syllabus_vakbegrip_id", FileId::Concepts, EdgeKind::Specifies, true);
  }
  // The edges are still queued (Dataset::finish adds them): levels and
  // provenance are passed along them in the order they were queued, which is
  // the order the graph will list them in.
  // A specification applies to the levels of every syllabus that lists it
  // (it got the provenance of the first through the Contains edge).
  for (const EdgeSpec& e : d.pending_edges())
    if (e.kind == EdgeKind::Contains && g.goal(e.from).kind == GoalKind::Syllabus)
      g.goal(e.to).levels.add(g.goal(e.from).levels);
  // Explanations and concepts take levels and provenance from what they explain.
  for (const EdgeSpec& e : d.pending_edges()) {
    if (e.kind != EdgeKind::Specifies) continue;
    Goal& v = g.goal(e.from);
    const Goal& t = g.goal(e.to);
    if (v.kind != GoalKind::Explanation && v.kind != GoalKind::Concept) continue;
    if (t.kind != GoalKind::Specification && t.kind != GoalKind::Syllabus) continue;
    v.levels.add(t.levels);
    if (v.source == kNoSource) v.source = t.source;
  }
  for (Vertex root : roots) d.add_programme(root, syllabus_subject(g.goal(root).title));
}

}  // namespace aansluiting::importers::slo
