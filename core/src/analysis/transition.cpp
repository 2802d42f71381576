#include "aansluiting/analysis/transition.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

namespace aansluiting::analysis {
namespace {

bool stronger(const Support& a, const Support& b) {
  if (a.score != b.score) return a.score > b.score;
  return a.sending < b.sending;
}

// The links that count: between the two selections, not rejected, strong
// enough (a confirmed link always counts); one per pair, the strongest.
std::vector<const match::Link*> usable_links(const GoalSelection& sending, const GoalSelection& receiving,
                                             const match::Alignment& alignment, const AnalysisOptions& options,
                                             std::vector<std::pair<Vertex, Vertex>>& rejected) {
  std::map<std::pair<Vertex, Vertex>, const match::Link*> best;
  std::map<std::pair<Vertex, Vertex>, bool> is_rejected;
  for (const auto& link : alignment.links) {
    if (!sending.contains(link.source) || !receiving.contains(link.target)) continue;
    auto key = std::make_pair(link.source, link.target);
    if (link.origin == match::Origin::Rejected) {
      is_rejected[key] = true;
      continue;
    }
    if (link.origin != match::Origin::Confirmed && link.score < options.min_link_score) continue;
    auto [it, fresh] = best.emplace(key, &link);
    // A confirmed link outranks any automatic one of the same pair.
    auto rank = [](const match::Link* l) { return std::make_pair(l->origin == match::Origin::Confirmed, l->score); };
    if (!fresh && rank(&link) > rank(it->second)) it->second = &link;
  }
  rejected.clear();
  for (const auto& entry : is_rejected) rejected.push_back(entry.first);
  std::vector<const match::Link*> out;
  for (const auto& [key, link] : best)
    if (!is_rejected.count(key)) out.push_back(link);
  return out;
}

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

constexpr std::string_view kSameGoal =
    "Hetzelfde doel: het staat in beide programma's (bijvoorbeeld een gedeeld basisdeel van een dossier).";

}  // namespace

std::string_view status_name(Status s) {
  switch (s) {
    case Status::Covered: return "covered";
    case Status::Partly: return "partly";
    case Status::Gap: return "gap";
  }
  return "gap";
}

std::string_view status_label(Status s) {
  switch (s) {
    case Status::Covered: return "gedekt";
    case Status::Partly: return "deels gedekt";
    case Status::Gap: return "hiaat";
  }
  return "hiaat";
}

double combine_support(std::vector<double> scores, const AnalysisOptions& options) {
  if (scores.empty()) return 0.0;
  for (double& s : scores) s = clamp01(s);
  std::sort(scores.begin(), scores.end(), std::greater<>());
  double miss = 1.0;
  const std::size_t n = std::min(scores.size(), std::max<std::size_t>(options.max_combined, 1));
  for (std::size_t i = 0; i < n; ++i) miss *= 1.0 - scores[i];
  return std::max(scores.front(), std::min(options.combined_cap, 1.0 - miss));
}

Status status_of(double coverage, const AnalysisOptions& options) {
  if (coverage >= options.covered_threshold) return Status::Covered;
  if (coverage >= options.partial_threshold) return Status::Partly;
  return Status::Gap;
}

const ReceivingResult* TransitionAnalysis::find_receiving(Vertex v) const {
  auto it = std::find_if(receiving.begin(), receiving.end(), [v](const auto& r) { return r.goal == v; });
  return it == receiving.end() ? nullptr : &*it;
}

const SendingResult* TransitionAnalysis::find_sending(Vertex v) const {
  auto it = std::find_if(sending.begin(), sending.end(), [v](const auto& r) { return r.goal == v; });
  return it == sending.end() ? nullptr : &*it;
}

TransitionAnalysis analyse(const GoalGraph& graph, const GoalSelection& sending, const GoalSelection& receiving,
                           const match::Alignment& alignment, const AnalysisOptions& options) {
  constexpr std::size_t kSteps = 5;
  auto progress = [&](std::size_t step) {
    if (options.progress) options.progress(step, kSteps);
  };
  TransitionAnalysis out;
  out.options = options;
  out.options.progress = nullptr;
  Summary& sum = out.summary;

  // 1. Links that count, grouped by receiving and by sending goal.
  const auto links = usable_links(sending, receiving, alignment, options, out.rejected);
  sum.links_rejected = out.rejected.size();
  out.placeholders = receiving.placeholders;
  sum.placeholders = out.placeholders.size();
  sum.links_used = links.size();
  sum.links_confirmed = static_cast<std::size_t>(std::count_if(
      links.begin(), links.end(), [](const match::Link* l) { return l->origin == match::Origin::Confirmed; }));
  // The strongest link below the threshold per receiving goal (a candidate for a curator).
  std::vector<const match::Link*> weak(receiving.goals.size(), nullptr);
  for (const auto& link : alignment.links) {
    if (link.origin != match::Origin::Automatic || link.score >= options.min_link_score || link.score <= 0.0 ||
        link.source == link.target || !sending.contains(link.source) || !receiving.contains(link.target))
      continue;
    const std::size_t i = receiving.index.at(link.target);
    if (!weak[i] || link.score > weak[i]->score) weak[i] = &link;
  }
  // The programme each sending goal belongs to (SendingResult::root), by selection
  // index: its root, or the exam programme a syllabus root specifies.
  std::unordered_map<Vertex, Vertex> root_programme;
  for (Vertex root : sending.roots) {
    Vertex programme = root;
    if (graph.goal(root).kind == GoalKind::Syllabus)
      for (Vertex p : graph.targets(root, EdgeKind::Specifies))
        if (graph.goal(p).kind == GoalKind::Programme) {
          programme = p;
          break;
        }
    root_programme.emplace(root, programme);
  }
  auto programme_of = [&](Vertex sending_goal) {
    return root_programme.at(sending.goals[sending.index.at(sending_goal)].root);
  };
  std::vector<std::vector<Support>> support(receiving.goals.size());
  std::vector<std::vector<Continuation>> onward(sending.goals.size());
  for (const match::Link* l : links) {
    if (l->source == l->target) continue;  // one goal on both sides: below
    const double score = clamp01(l->score);
    const SelectedGoal& target = *receiving.find(l->target);
    support[receiving.index.at(l->target)].push_back(
        Support{l->source, score, l->predicate, l->origin, l->explanation, l->capped, programme_of(l->source)});
    onward[sending.index.at(l->source)].push_back(Continuation{l->target, target.domain, score, l->predicate, l->origin});
  }
  // A goal of both selections prepares itself, whatever the matcher made of its
  // text (unless a curator rejected that): mbo 3 -> mbo 4 of one dossier share
  // the basis part, and its goals are neither gaps nor taught twice.
  for (const SelectedGoal& g : receiving.goals) {
    if (!sending.contains(g.goal) ||
        std::find(out.rejected.begin(), out.rejected.end(), std::make_pair(g.goal, g.goal)) != out.rejected.end())
      continue;
    support[receiving.index.at(g.goal)].push_back(Support{g.goal, 1.0, match::Predicate::ExactMatch,
                                                          match::Origin::Automatic, std::string(kSameGoal), false,
                                                          programme_of(g.goal)});
    onward[sending.index.at(g.goal)].push_back(
        Continuation{g.goal, g.domain, 1.0, match::Predicate::ExactMatch, match::Origin::Automatic});
    if (g.leaf) ++sum.shared;
  }
  progress(1);

  // 2. Receiving goals: direct coverage, then inner goals from their children
  // (reverse pre-order visits children before parents).
  out.receiving.resize(receiving.goals.size());
  std::vector<double> child_sum(receiving.goals.size(), 0.0);
  std::vector<std::size_t> child_count(receiving.goals.size(), 0);
  for (std::size_t i = receiving.goals.size(); i-- > 0;) {
    const SelectedGoal& g = receiving.goals[i];
    ReceivingResult& r = out.receiving[i];
    r.goal = g.goal;
    r.parent = g.parent;
    r.domain = g.domain;
    r.leaf = g.leaf;
    r.exam = g.exam;
    std::sort(support[i].begin(), support[i].end(), stronger);
    std::vector<double> scores;
    for (const auto& s : support[i]) scores.push_back(s.score);
    r.direct = combine_support(std::move(scores), options);
    r.support = std::move(support[i]);
    // A rejected pair is no candidate: apply_curation made its links Origin::Rejected.
    if (r.support.empty() && weak[i])
      r.candidate = Support{weak[i]->source, clamp01(weak[i]->score), weak[i]->predicate, weak[i]->origin,
                            weak[i]->explanation, weak[i]->capped, programme_of(weak[i]->source)};
    r.coverage = r.direct;
    if (!g.leaf && child_count[i] > 0)
      r.coverage = std::max(r.direct, child_sum[i] / static_cast<double>(child_count[i]));
    r.status = status_of(r.coverage, options);
    if (g.parent != g.goal) {
      if (auto it = receiving.index.find(g.parent); it != receiving.index.end()) {
        child_sum[it->second] += r.coverage;
        ++child_count[it->second];
      }
    }
  }
  progress(2);

  // 3. Sending goals: where they continue.
  out.sending.resize(sending.goals.size());
  for (std::size_t i = 0; i < sending.goals.size(); ++i) {
    const SelectedGoal& g = sending.goals[i];
    SendingResult& s = out.sending[i];
    s.goal = g.goal;
    s.domain = g.domain;
    s.root = programme_of(g.goal);
    s.leaf = g.leaf;
    auto& next = onward[i];
    std::sort(next.begin(), next.end(), [](const Continuation& a, const Continuation& b) {
      return a.score != b.score ? a.score > b.score : a.receiving < b.receiving;
    });
    if (!next.empty()) {
      s.best_score = next.front().score;
      s.best_receiving = next.front().receiving;
    }
    for (const auto& c : next) {
      if (c.score < options.partial_threshold || s.continues.size() >= options.max_continuations) break;
      s.continues.push_back(c);
    }
    s.leads_nowhere = s.best_score < options.partial_threshold;
    if (g.leaf) {
      ++sum.sending_leaves;
      if (s.leads_nowhere) ++sum.sending_nowhere;
    }
  }
  progress(3);

  // 4. Overlaps: receiving leaves that repeat a sending goal.
  for (const auto& r : out.receiving) {
    if (!r.leaf) continue;
    bool any = false;
    for (const auto& s : r.support) {
      bool same = s.predicate == match::Predicate::ExactMatch || s.predicate == match::Predicate::CloseMatch;
      if (!same || s.score < options.overlap_threshold || s.sending == r.goal) continue;
      out.overlaps.push_back(Overlap{s.sending, r.goal, s.score, s.predicate, s.origin});
      any = true;
    }
    if (any) ++sum.overlaps;
  }
  progress(4);

  // 5. Domains: the matrix, coverage per receiving domain and the summary.
  const auto send_domains = sending.domains();
  const auto recv_domains = receiving.domains();
  std::unordered_map<Vertex, std::size_t> send_pos, recv_pos;
  for (std::size_t i = 0; i < send_domains.size(); ++i) send_pos[send_domains[i]] = i;
  for (std::size_t i = 0; i < recv_domains.size(); ++i) recv_pos[recv_domains[i]] = i;
  const std::size_t nr = recv_domains.size();
  out.domain_matrix.resize(send_domains.size() * nr);
  for (std::size_t a = 0; a < send_domains.size(); ++a)
    for (std::size_t b = 0; b < nr; ++b) {
      out.domain_matrix[a * nr + b].sending_domain = send_domains[a];
      out.domain_matrix[a * nr + b].receiving_domain = recv_domains[b];
    }
  std::vector<std::size_t> recv_leaves(nr, 0);
  for (const auto& r : out.receiving) {
    // Links of goals outside every leaf's domain (e.g. a programme root) stay out of the matrix.
    auto rd = recv_pos.find(r.domain);
    if (rd == recv_pos.end()) continue;
    if (r.leaf) ++recv_leaves[rd->second];
    // Best score per sending domain on this goal.
    std::unordered_map<std::size_t, double> best;
    for (const auto& s : r.support) {
      auto sd = send_pos.find(sending.find(s.sending)->domain);
      if (sd == send_pos.end()) continue;
      const std::size_t a = sd->second;
      DomainPair& cell = out.domain_matrix[a * nr + rd->second];
      ++cell.links;
      cell.mean_score += s.score;  // a sum until divided below
      cell.max_score = std::max(cell.max_score, s.score);
      best[a] = std::max(best[a], s.score);
    }
    if (r.leaf)
      for (const auto& [a, score] : best) out.domain_matrix[a * nr + rd->second].coverage += score;
  }
  for (auto& cell : out.domain_matrix) {
    if (cell.links > 0) cell.mean_score /= static_cast<double>(cell.links);
    const std::size_t n = recv_leaves[recv_pos.at(cell.receiving_domain)];
    cell.coverage = n > 0 ? cell.coverage / static_cast<double>(n) : 0.0;
  }

  out.receiving_domains.resize(nr);
  for (std::size_t b = 0; b < nr; ++b) out.receiving_domains[b].domain = recv_domains[b];
  double coverage_total = 0.0;
  for (std::size_t i = 0; i < out.receiving.size(); ++i) {
    const auto& r = out.receiving[i];
    if (!r.leaf) continue;
    DomainCoverage& d = out.receiving_domains[recv_pos.at(r.domain)];
    ++d.leaves;
    d.mean_coverage += r.coverage;
    coverage_total += r.coverage;
    ++sum.receiving_leaves;
    switch (r.status) {
      case Status::Covered: ++d.covered; ++sum.covered; break;
      case Status::Partly: ++d.partly; ++sum.partly; break;
      case Status::Gap: {
        ++d.gaps;
        ++sum.gaps;
        const ExamFlags& e = r.exam;
        sum.gaps_ce += e.ce;
        sum.gaps_se += e.se;
        sum.gaps_no_exam += !e.ce && !e.se;
        sum.gaps_kern += e.kern;
        sum.gaps_keuze += e.keuze;
        break;
      }
    }
  }
  for (auto& d : out.receiving_domains) {
    if (d.leaves == 0) continue;
    d.mean_coverage /= static_cast<double>(d.leaves);
    d.coverage_share = static_cast<double>(d.covered) / static_cast<double>(d.leaves);
  }
  if (sum.receiving_leaves > 0) {
    sum.coverage_share = static_cast<double>(sum.covered) / static_cast<double>(sum.receiving_leaves);
    sum.mean_coverage = coverage_total / static_cast<double>(sum.receiving_leaves);
  }
  progress(5);
  return out;
}

std::vector<SendingTotal> sending_totals(std::span<const TransitionAnalysis* const> analyses) {
  std::vector<SendingTotal> out;
  std::unordered_map<Vertex, std::size_t> at;  // goal -> index in out
  for (const TransitionAnalysis* a : analyses) {
    if (!a) continue;
    for (const auto& s : a->sending) {
      auto [it, fresh] = at.try_emplace(s.goal, out.size());
      if (fresh) {
        out.push_back(SendingTotal{s.goal, s.domain, s.root, s.leaf, s.leads_nowhere, s.best_score, s.best_receiving});
        continue;
      }
      SendingTotal& t = out[it->second];
      t.leaf = t.leaf || s.leaf;
      t.leads_nowhere = t.leads_nowhere && s.leads_nowhere;
      if (s.best_score > t.best_score) {
        t.best_score = s.best_score;
        t.best_receiving = s.best_receiving;
      }
    }
  }
  return out;
}

Summary total_summary(std::span<const TransitionAnalysis* const> analyses) {
  struct Receiving {
    double coverage = 0.0;
    Status status = Status::Gap;
    ExamFlags exam;
    bool overlap = false;
    bool shared = false;
  };
  // Ordered maps: the mean is summed in goal order, the same for any pair order.
  std::map<Vertex, Receiving> receiving;
  std::set<std::pair<Vertex, Vertex>> used, confirmed, rejected;
  std::set<Vertex> placeholders;
  for (const TransitionAnalysis* a : analyses) {
    if (!a) continue;
    for (const auto& r : a->receiving) {
      for (const auto& s : r.support) {
        used.emplace(s.sending, r.goal);
        if (s.origin == match::Origin::Confirmed) confirmed.emplace(s.sending, r.goal);
      }
      if (!r.leaf) continue;
      const bool shared = std::any_of(r.support.begin(), r.support.end(),
                                      [&](const Support& s) { return s.sending == r.goal; });
      auto [it, fresh] = receiving.try_emplace(r.goal, Receiving{r.coverage, r.status, r.exam, false, shared});
      if (fresh) continue;
      Receiving& t = it->second;
      t.shared = t.shared || shared;
      t.coverage = std::max(t.coverage, r.coverage);
      t.status = std::min(t.status, r.status);  // Covered < Partly < Gap
      // A leaf reached through several programmes may inherit different flags; it is, e.g., CE if any says so.
      t.exam = ExamFlags{t.exam.ce || r.exam.ce, t.exam.se || r.exam.se, t.exam.kern || r.exam.kern,
                         t.exam.keuze || r.exam.keuze};
    }
    for (const auto& o : a->overlaps)
      if (auto it = receiving.find(o.receiving); it != receiving.end()) it->second.overlap = true;
    rejected.insert(a->rejected.begin(), a->rejected.end());
    placeholders.insert(a->placeholders.begin(), a->placeholders.end());
  }

  Summary sum;
  double coverage_total = 0.0;
  for (const auto& [goal, r] : receiving) {
    ++sum.receiving_leaves;
    coverage_total += r.coverage;
    sum.overlaps += r.overlap;
    sum.shared += r.shared;
    switch (r.status) {
      case Status::Covered: ++sum.covered; break;
      case Status::Partly: ++sum.partly; break;
      case Status::Gap:
        ++sum.gaps;
        sum.gaps_ce += r.exam.ce;
        sum.gaps_se += r.exam.se;
        sum.gaps_no_exam += !r.exam.ce && !r.exam.se;
        sum.gaps_kern += r.exam.kern;
        sum.gaps_keuze += r.exam.keuze;
        break;
    }
  }
  if (sum.receiving_leaves > 0) {
    sum.coverage_share = static_cast<double>(sum.covered) / static_cast<double>(sum.receiving_leaves);
    sum.mean_coverage = coverage_total / static_cast<double>(sum.receiving_leaves);
  }
  for (const SendingTotal& s : sending_totals(analyses)) {
    if (!s.leaf) continue;
    ++sum.sending_leaves;
    sum.sending_nowhere += s.leads_nowhere;
  }
  sum.links_used = used.size();
  sum.links_confirmed = confirmed.size();
  sum.links_rejected = rejected.size();
  sum.placeholders = placeholders.size();
  return sum;
}

}  // namespace aansluiting::analysis
