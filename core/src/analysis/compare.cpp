#include "aansluiting/analysis/compare.hpp"

#include <algorithm>
#include <unordered_map>

namespace aansluiting::analysis {
namespace {

// The strongest link of `r` from a sending goal that `other` has no link from
// (support lists are sorted strongest first).
std::optional<Support> strongest_not_in(const ReceivingResult& r, const ReceivingResult& other) {
  for (const Support& s : r.support) {
    const bool shared = std::any_of(other.support.begin(), other.support.end(),
                                    [&](const Support& o) { return o.sending == s.sending; });
    if (!shared) return s;
  }
  return std::nullopt;
}

}  // namespace

Comparison compare(const TransitionAnalysis& before, const TransitionAnalysis& after) {
  Comparison out;
  out.before = before.summary;
  out.after = after.summary;

  std::unordered_map<Vertex, const ReceivingResult*> later;
  for (const auto& r : after.receiving)
    if (r.leaf) later.emplace(r.goal, &r);
  std::size_t matched = 0;
  for (const auto& b : before.receiving) {
    if (!b.leaf) continue;
    auto it = later.find(b.goal);
    if (it == later.end()) {
      ++out.only_before;
      continue;
    }
    ++matched;
    const ReceivingResult& a = *it->second;
    if (a.status == b.status) continue;
    StatusChange change{b.goal, b.domain, b.status, a.status, b.coverage, a.coverage,
                        strongest_not_in(a, b), strongest_not_in(b, a)};
    if (b.status == Status::Gap) out.closed.push_back(change);
    else if (a.status == Status::Gap) out.opened.push_back(change);
    else if (a.status == Status::Covered) out.improved.push_back(change);  // partly -> covered
    else out.worsened.push_back(change);                                    // covered -> partly
    out.changed.push_back(change);
  }
  out.only_after = later.size() - matched;

  std::unordered_map<Vertex, const DomainCoverage*> later_domains;
  for (const auto& d : after.receiving_domains) later_domains.emplace(d.domain, &d);
  for (const auto& d : before.receiving_domains) {
    auto it = later_domains.find(d.domain);
    if (it == later_domains.end()) continue;
    const DomainCoverage& a = *it->second;
    out.domains.push_back(DomainChange{d.domain, d.coverage_share, a.coverage_share, d.mean_coverage,
                                       a.mean_coverage, d.gaps, a.gaps});
  }
  return out;
}

}  // namespace aansluiting::analysis
