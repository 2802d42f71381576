#include "aansluiting/match/alignment.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace aansluiting::match {

void sort_links(std::vector<Link>& links) {
  std::stable_sort(links.begin(), links.end(), [](const Link& a, const Link& b) {
    return a.source != b.source ? a.source < b.source : a.score > b.score;
  });
}

Alignment join_alignments(const std::vector<const Alignment*>& parts) {
  Alignment out;
  std::set<std::pair<Vertex, Vertex>> seen;
  for (const Alignment* part : parts)
    for (const Link& link : part->links)
      if (seen.emplace(link.source, link.target).second) out.links.push_back(link);
  sort_links(out.links);
  return out;
}

}  // namespace aansluiting::match
