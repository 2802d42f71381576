// Exam programmes: programme -> domains -> subdomains -> eindtermen.
#include "slo_dataset.hpp"

namespace aansluiting::importers::slo {

void build_exam_programmes(Dataset& d) {
  if (!d.loaded(FileId::Programmes)) return;
  GoalGraph& g = d.graph();

  d.add_goals(FileId::Eindtermen, GoalKind::Eindterm);
  d.add_goals(FileId::Subdomains, GoalKind::Subdomain);
  d.add_goals(FileId::Domains, GoalKind::Domain);
  std::vector<Vertex> roots;
  d.for_each(FileId::Programmes, [&](const Record& r, Entry& e) {
    const SourceIndex source = d.catalogue().add_source(d.record_source(FileId::Programmes, r, "SLO"));
    roots.push_back(d.add_goal(FileId::Programmes, r, e, GoalKind::Programme, source));
  });

  // Children in the order the source lists them; a shared domain (the vmbo
  // preamble) is one vertex with a Contains edge from every programme.
  // Top-down, so every goal gets the source of the first programme it is in.
  d.link(FileId::Programmes, "examenprogramma_domein_id", FileId::Domains, EdgeKind::Contains);
  d.link(FileId::Domains, "examenprogramma_subdomein_id", FileId::Subdomains, EdgeKind::Contains);
  d.link(FileId::Domains, "examenprogramma_eindterm_id", FileId::Eindtermen, EdgeKind::Contains);
  d.link(FileId::Subdomains, "examenprogramma_eindterm_id", FileId::Eindtermen, EdgeKind::Contains);
  for (Vertex root : roots) d.add_programme(root, programme_subject(g.goal(root).title));
}

}  // namespace aansluiting::importers::slo
