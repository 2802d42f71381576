// Reference frameworks (referentiekader taal en rekenen): framework ->
// domains -> subdomains -> onderwerpen -> deelonderwerpen, all as topics.
#include "slo_dataset.hpp"

namespace aansluiting::importers::slo {

void build_reference_framework(Dataset& d) {
  if (!d.loaded(FileId::Frameworks)) return;
  GoalGraph& g = d.graph();

  for (FileId f : {FileId::RefDomains, FileId::RefSubdomains, FileId::RefTopics, FileId::RefSubtopics})
    d.add_goals(f, GoalKind::Topic);
  std::vector<Vertex> roots;
  d.for_each(FileId::Frameworks, [&](const Record& r, Entry& e) {
    const SourceIndex source = d.catalogue().add_source(d.record_source(FileId::Frameworks, r, "SLO"));
    roots.push_back(d.add_goal(FileId::Frameworks, r, e, GoalKind::Framework, source));
  });

  d.link(FileId::Frameworks, "ref_domein_id", FileId::RefDomains, EdgeKind::Contains);
  d.link(FileId::RefDomains, "ref_subdomein_id", FileId::RefSubdomains, EdgeKind::Contains);
  d.link(FileId::RefSubdomains, "ref_onderwerp_id", FileId::RefTopics, EdgeKind::Contains);
  d.link(FileId::RefTopics, "ref_deelonderwerp_id", FileId::RefSubtopics, EdgeKind::Contains);
  for (Vertex root : roots) d.add_programme(root, g.goal(root).title);
}

}  // namespace aansluiting::importers::slo
