#include "aansluiting/transition/run.hpp"

#include <iterator>
#include <map>
#include <unordered_set>
#include <utility>

#include "aansluiting/align/goal_text.hpp"

namespace aansluiting::transition {
namespace {

std::vector<Vertex> leaves_under(const analysis::GoalSelection& selection, Vertex root) {
  std::vector<Vertex> out;
  for (const auto& g : selection.goals)
    if (g.leaf && g.root == root) out.push_back(g.goal);
  return out;
}

match::Predicate reversed(match::Predicate p) {
  if (p == match::Predicate::BroadMatch) return match::Predicate::NarrowMatch;
  if (p == match::Predicate::NarrowMatch) return match::Predicate::BroadMatch;
  return p;
}

// Links between two lists in both directions: each sending goal's best
// receiving goals (where it continues) and each receiving goal's best sending
// goals (what prepares it; without this a receiving goal that no sending goal
// ranks first would look like a gap). A pair found both ways is kept once,
// with its higher score.
std::vector<match::Link> align_both_ways(const Catalogue& catalogue, const std::vector<Vertex>& sending,
                                         const std::vector<Vertex>& receiving, const align::AlignOptions& options,
                                         align::AlignDiagnostics& diagnostics) {
  auto forward = align::align(catalogue, sending, receiving, options, diagnostics);
  align::AlignDiagnostics backward_diagnostics;
  auto backward = align::align(catalogue, receiving, sending, options, backward_diagnostics);
  diagnostics.candidates += backward_diagnostics.candidates;

  std::map<std::pair<Vertex, Vertex>, match::Link> by_pair;
  for (auto& link : forward.links) by_pair.emplace(std::make_pair(link.source, link.target), std::move(link));
  for (auto& link : backward.links) {
    std::swap(link.source, link.target);
    link.predicate = reversed(link.predicate);
    auto [it, fresh] = by_pair.emplace(std::make_pair(link.source, link.target), link);
    if (!fresh && link.score > it->second.score) it->second = std::move(link);
  }
  std::vector<match::Link> out;
  out.reserve(by_pair.size());
  for (auto& [pair, link] : by_pair) out.push_back(std::move(link));
  return out;
}

std::vector<Vertex> with_syllabi(const Catalogue& catalogue, const Side& side) {
  std::vector<Vertex> roots = side.roots;
  if (!side.with_syllabus) return roots;
  for (Vertex root : side.roots)
    if (auto syllabus = newest_syllabus(catalogue, root, side.selection.level)) roots.push_back(*syllabus);
  return roots;
}

}  // namespace

analysis::AnalysisOptions cross_programme_thresholds() {
  analysis::AnalysisOptions o;
  o.covered_threshold = 0.35;
  o.partial_threshold = 0.25;
  o.min_link_score = 0.15;
  o.max_combined = 1;  // as well prepared as by its best-preparing sending goal
  o.overlap_threshold = 0.8;
  return o;
}

std::optional<Vertex> newest_syllabus(const Catalogue& catalogue, Vertex programme, std::optional<Level> level) {
  const GoalGraph& g = catalogue.graph();
  std::optional<Vertex> best;
  auto key = [&](Vertex v) {
    const Goal& goal = g.goal(v);
    std::string version = goal.source == kNoSource ? std::string() : catalogue.source(goal.source).version;
    return std::make_pair(version, goal.title);
  };
  for (Vertex s : g.sources(programme, EdgeKind::Specifies)) {
    const Goal& goal = g.goal(s);
    if (goal.kind != GoalKind::Syllabus) continue;
    if (level && !goal.levels.empty() && !goal.levels.contains(*level)) continue;
    if (!best || key(s) > key(*best)) best = s;
  }
  return best;
}

std::shared_ptr<const text::Analyser> corpus_analyser(const Catalogue& catalogue) {
  return std::make_shared<const text::Analyser>(align::build_analyser(catalogue));
}

Run run(const Catalogue& catalogue, const text::Analyser& analyser, const Side& sending, const Side& receiving) {
  static const RunOptions defaults;
  return run(catalogue, analyser, sending, receiving, defaults);
}

Run run(const Catalogue& catalogue, const text::Analyser& analyser, const Side& sending, const Side& receiving,
        const RunOptions& options) {
  Run out;
  out.thresholds = options.analysis;
  out.sending = analysis::select_goals(catalogue.graph(), with_syllabi(catalogue, sending), sending.selection);
  out.receiving = analysis::select_goals(catalogue.graph(), with_syllabi(catalogue, receiving), receiving.selection);

  align::AlignOptions align_options = options.align;
  align_options.analyser = &analyser;
  align_options.cancel = options.cancel;
  // Progress counts aligned programme pairs; each join is short, and the
  // callback between them is also where a cancel request is noticed.
  align_options.progress = nullptr;
  // Between programmes of different school types the order of the lists says
  // little (data README: it correlates far less than within a syllabus), and a
  // gated order model can still lock onto one broad goal; only text and
  // hierarchy count here.
  align_options.structure.order.enabled = false;
  // List weights silence words that every goal of a list repeats: right for a
  // syllabus against its own programme (boilerplate), wrong between a vmbo
  // and a havo programme of one subject, where the shared subject words are
  // the evidence.
  align_options.vectors.list_idf = 0.0;
  // A link strong enough to cover a goal is not called weak: the relation
  // (close, broad, narrow) starts where "gedekt" starts, so a covered goal is
  // never explained as "Zwakke overeenkomst" and a partly covered one always is.
  align_options.predicates.close = options.analysis.covered_threshold;
  // ... but "vrijwel gelijk" (closeMatch) is what an overlap needs: below that a
  // strong link of two goals of one granularity is related, not the same content.
  align_options.predicates.same = options.analysis.overlap_threshold;
  // One shared word makes a goal at most partly covered ("deels gedekt"):
  // a user test found ITTL "covering" ten mbo goals on "werkzaamheden" alone.
  align_options.single_term_cap = std::min(align_options.single_term_cap, options.analysis.partial_threshold);
  // Leaves carry the content; their ancestors enter through the vectors' context.
  // Each pair of roots (one sending programme, one receiving programme) is
  // aligned on its own: the order model is estimated per pair of lists, and
  // adding a programme to the sending side (what-if) only adds links, it never
  // changes the links of the others.
  // The receiving side is aligned without its exam filter, and links to the goals
  // the filter leaves out are dropped afterwards. Which words are a programme's stock
  // phrase (AlignOptions::stock_share) is counted over the aligned goals, and a
  // transition restricted to the central exam capped a link that the whole
  // programme did not (a user test): a goal's status must not depend on which other
  // goals are shown.
  const bool receiving_filtered = !receiving.selection.exam.empty();
  analysis::GoalSelection receiving_unfiltered;
  if (receiving_filtered) {
    analysis::SelectionOptions all = receiving.selection;
    all.exam = {};
    receiving_unfiltered = analysis::select_goals(catalogue.graph(), with_syllabi(catalogue, receiving), all);
  }
  auto aligned_receiving = [&](Vertex r_root, const std::vector<Vertex>& shown) {
    if (!receiving_filtered) return shown;
    std::vector<Vertex> out_leaves = leaves_under(receiving_unfiltered, r_root);
    // A goal that the filter made a leaf (its own children left out) is aligned too.
    const std::unordered_set<Vertex> have(out_leaves.begin(), out_leaves.end());
    for (Vertex v : shown)
      if (!have.count(v)) out_leaves.push_back(v);
    return out_leaves;
  };
  auto shown_receiving = [&](const match::Link& link) {
    const auto it = out.receiving.index.find(link.target);
    return it != out.receiving.index.end() && out.receiving.goals[it->second].leaf;
  };
  match::Alignment automatic;
  const std::size_t steps = out.sending.roots.size() * out.receiving.roots.size() + 1;
  std::size_t done = 0;
  auto step = [&] {
    ++done;
    if (options.progress) options.progress(done, steps);
    if (options.cancel && options.cancel->load()) throw match::Cancelled();
  };
  for (Vertex s_root : out.sending.roots) {
    auto s_leaves = leaves_under(out.sending, s_root);
    if (s_leaves.empty()) continue;
    for (Vertex r_root : out.receiving.roots) {
      auto r_leaves = leaves_under(out.receiving, r_root);
      if (r_leaves.empty()) {
        step();
        continue;
      }
      align::AlignDiagnostics diagnostics;
      auto part = align_both_ways(catalogue, s_leaves, aligned_receiving(r_root, r_leaves), align_options, diagnostics);
      if (receiving_filtered) std::erase_if(part, [&](const match::Link& l) { return !shown_receiving(l); });
      out.diagnostics.candidates += diagnostics.candidates;
      if (diagnostics.order.pairs > out.diagnostics.order.pairs) out.diagnostics.order = diagnostics.order;
      automatic.links.insert(automatic.links.end(), std::make_move_iterator(part.begin()),
                             std::make_move_iterator(part.end()));
      step();
    }
  }
  match::sort_links(automatic.links);
  if (options.curation) {
    analysis::ScopedDecisions scoped =
        analysis::scope_decisions(catalogue, *options.curation, out.sending, out.receiving);
    out.alignment = analysis::apply_curation(catalogue, automatic, scoped.within, &out.curation);
    out.curation.outside = std::move(scoped.outside);  // after: apply_curation starts a fresh report
  } else {
    out.alignment = std::move(automatic);
  }

  analysis::AnalysisOptions analysis_options = options.analysis;
  out.result = analysis::analyse(catalogue.graph(), out.sending, out.receiving, out.alignment, analysis_options);
  if (options.progress) options.progress(steps, steps);
  return out;
}

}  // namespace aansluiting::transition
