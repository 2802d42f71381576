#include "aansluiting/analysis/compare.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

namespace aansluiting::analysis {
namespace {

bool has_link_from(const ReceivingResult& r, Vertex sending) {
  return std::any_of(r.support.begin(), r.support.end(), [&](const Support& s) { return s.sending == sending; });
}

// The strongest link of `r` from a sending goal that `other` has no link from
// (support lists are sorted strongest first).
std::optional<Support> strongest_not_in(const ReceivingResult& r, const ReceivingResult& other) {
  for (const Support& s : r.support)
    if (!has_link_from(other, s.sending)) return s;
  return std::nullopt;
}

// Whether `after` reaches its status only through capped links that `before`
// has no link from: without them its coverage gives a lower status. Not just
// "the gained link is capped": an uncapped new link may carry the goal alone.
bool rests_on_capped(const ReceivingResult& after, const ReceivingResult& before, const AnalysisOptions& options) {
  std::vector<double> scores;
  bool dropped = false;
  for (const Support& s : after.support) {
    if (s.capped && !has_link_from(before, s.sending)) dropped = true;
    else scores.push_back(s.score);
  }
  return dropped && status_of(combine_support(std::move(scores), options), options) != after.status;
}

}  // namespace

Comparison compare(const TransitionAnalysis& before, const TransitionAnalysis& after) {
  const TransitionAnalysis* b[] = {&before};
  const TransitionAnalysis* a[] = {&after};
  return compare(b, a);
}

Comparison compare(std::span<const TransitionAnalysis* const> before,
                   std::span<const TransitionAnalysis* const> after) {
  if (before.size() != after.size()) throw std::invalid_argument("compare: before and after need the same pairs");
  Comparison out;
  out.before = total_summary(before);
  out.after = total_summary(after);
  const std::vector<SendingTotal> sent_before = sending_totals(before), sent_after = sending_totals(after);
  std::unordered_set<Vertex> had, has, roots_before, roots_after;
  for (const SendingTotal& s : sent_before) {
    had.insert(s.goal);
    roots_before.insert(s.root);
  }
  for (const SendingTotal& s : sent_after) {
    has.insert(s.goal);
    roots_after.insert(s.root);
  }
  for (const SendingTotal& s : sent_after) {
    if (!s.leaf || had.count(s.goal)) continue;
    out.sending_only_after.push_back({s, roots_before.count(s.root) != 0});
    if (s.leads_nowhere) out.new_nowhere.push_back(s);
  }
  for (const SendingTotal& s : sent_before)
    if (s.leaf && !has.count(s.goal)) out.sending_only_before.push_back({s, roots_after.count(s.root) != 0});

  struct Best {
    const ReceivingResult* result;
    std::size_t pair;
  };
  // Each leaf's best result over the pairs (Covered < Partly < Gap; then the
  // higher coverage; then the first pair), and the leaves in first-seen order.
  auto best_of = [](std::span<const TransitionAnalysis* const> side, std::vector<Vertex>* order) {
    std::unordered_map<Vertex, Best> best;
    for (std::size_t i = 0; i < side.size(); ++i) {
      if (!side[i]) continue;
      for (const auto& r : side[i]->receiving) {
        if (!r.leaf) continue;
        auto [it, fresh] = best.try_emplace(r.goal, Best{&r, i});
        if (fresh) {
          if (order) order->push_back(r.goal);
          continue;
        }
        const ReceivingResult& held = *it->second.result;
        if (r.status < held.status || (r.status == held.status && r.coverage > held.coverage)) it->second = Best{&r, i};
      }
    }
    return best;
  };
  std::vector<Vertex> order;
  const auto earlier = best_of(before, &order);
  const auto later = best_of(after, nullptr);
  // Each pair's own status of a goal, before and after: a row names the pairs
  // where the goal changes the way the row says (a gap closed in one pair may
  // still be a gap in the other).
  auto statuses = [](std::span<const TransitionAnalysis* const> side) {
    std::vector<std::unordered_map<Vertex, Status>> out(side.size());
    for (std::size_t i = 0; i < side.size(); ++i)
      if (side[i])
        for (const auto& r : side[i]->receiving)
          if (r.leaf) out[i].emplace(r.goal, r.status);
    return out;
  };
  const auto pair_before = statuses(before), pair_after = statuses(after);
  auto pairs_changed = [&](Vertex goal, bool better) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < pair_before.size(); ++i) {
      auto b = pair_before[i].find(goal), a = pair_after[i].find(goal);
      if (b == pair_before[i].end() || a == pair_after[i].end()) continue;
      if (better ? a->second < b->second : a->second > b->second) out.push_back(i);
    }
    return out;
  };

  std::size_t matched = 0;
  for (Vertex goal : order) {
    auto it = later.find(goal);
    if (it == later.end()) {
      ++out.only_before;
      continue;
    }
    ++matched;
    const Best& bb = earlier.at(goal);
    const ReceivingResult& b = *bb.result;
    const ReceivingResult& a = *it->second.result;
    if (a.status == b.status) continue;
    const bool better = a.status < b.status;
    // Pair and domain from the same result: a goal under two kerntaken has a domain per pair.
    StatusChange change{goal, better ? it->second.pair : bb.pair, better ? a.domain : b.domain, b.status, a.status,
                        b.coverage, a.coverage, strongest_not_in(a, b), strongest_not_in(b, a),
                        better && rests_on_capped(a, b, after[it->second.pair]->options), pairs_changed(goal, better)};
    if (b.status == Status::Gap) {
      out.closed.push_back(change);
      out.closed_capped += change.capped;
    } else if (a.status == Status::Gap) {
      out.opened.push_back(change);
    } else if (a.status == Status::Covered) {  // partly -> covered
      out.improved.push_back(change);
      out.improved_capped += change.capped;
    } else {
      out.worsened.push_back(change);  // covered -> partly
    }
    out.changed.push_back(change);
  }
  out.only_after = later.size() - matched;

  for (std::size_t i = 0; i < before.size(); ++i) {
    if (!before[i] || !after[i]) continue;
    std::unordered_map<Vertex, const DomainCoverage*> later_domains;
    for (const auto& d : after[i]->receiving_domains) later_domains.emplace(d.domain, &d);
    for (const auto& d : before[i]->receiving_domains) {
      auto it = later_domains.find(d.domain);
      if (it == later_domains.end()) continue;
      const DomainCoverage& a = *it->second;
      out.domains.push_back(DomainChange{d.domain, i, d.coverage_share, a.coverage_share, d.mean_coverage,
                                         a.mean_coverage, d.gaps, a.gaps});
    }
  }
  return out;
}

}  // namespace aansluiting::analysis
