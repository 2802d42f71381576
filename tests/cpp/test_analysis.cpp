// Transition analysis: selection, coverage arithmetic, statuses, domain
// matrix, comparison of variants; on a hand-made transition and on real SLO data.

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "aansluiting/analysis/compare.hpp"
#include "aansluiting/analysis/placeholder.hpp"
#include "aansluiting/analysis/transition.hpp"
#include "aansluiting/importers/importers.hpp"
#include "analysis_fixture.hpp"
#include "test_support.hpp"

namespace aansluiting::analysis {
namespace {

using testing::SmallTransition;

SelectionOptions at(Level level) {
  SelectionOptions o;
  o.level = level;
  return o;
}

SelectionOptions leaves_of(GoalKind kind) {
  SelectionOptions o;
  o.leaf_kinds = {kind};
  return o;
}

TEST(CombineSupport, StrongestLinkOrCappedCombination) {
  AnalysisOptions o;  // cap 0.75, 3 links
  EXPECT_DOUBLE_EQ(combine_support({}, o), 0.0);
  EXPECT_DOUBLE_EQ(combine_support({0.4}, o), 0.4);
  EXPECT_NEAR(combine_support({0.3, 0.3}, o), 0.51, 1e-12);
  EXPECT_NEAR(combine_support({0.2, 0.2, 0.2, 0.2}, o), 1 - 0.8 * 0.8 * 0.8, 1e-12);  // only the strongest 3
  EXPECT_DOUBLE_EQ(combine_support({0.5, 0.5, 0.5, 0.5}, o), 0.75);                 // capped
  EXPECT_DOUBLE_EQ(combine_support({0.5, 0.9}, o), 0.9);                            // one strong link passes the cap
  EXPECT_DOUBLE_EQ(combine_support({1.7}, o), 1.0);                                 // clamped
  EXPECT_EQ(status_of(0.5, o), Status::Covered);
  EXPECT_EQ(status_of(0.49, o), Status::Partly);
  EXPECT_EQ(status_of(0.25, o), Status::Partly);
  EXPECT_EQ(status_of(0.24, o), Status::Gap);
}

TEST(Selection, LevelFilterLeavesAndDomains) {
  SmallTransition t;
  auto tl = select_goals(t.cat.graph(), {t.wi}, at(Level::VmboTL));
  EXPECT_EQ(tl.leaves(), (std::vector<Vertex>{t.s1, t.s2, t.s4, t.s5}));
  EXPECT_EQ(tl.domains(), (std::vector<Vertex>{t.dA, t.dB}));  // the root holds no leaf itself
  EXPECT_EQ(tl.find(t.s2)->domain, t.dA);
  EXPECT_EQ(tl.find(t.s4)->parent, t.dB);
  EXPECT_EQ(tl.find(t.s4)->depth, 2u);
  EXPECT_FALSE(tl.contains(t.s3));

  auto gl = select_goals(t.cat.graph(), {t.wi}, at(Level::VmboGL));
  EXPECT_EQ(gl.leaves(), (std::vector<Vertex>{t.s1, t.s3, t.s4, t.s5}));

  // Nothing applies to havo: only the root remains.
  auto havo = select_goals(t.cat.graph(), {t.wi}, at(Level::Havo));
  EXPECT_EQ(havo.leaf_count(), 0u);

  // t1 has no levels of its own and inherits gl/tl from the programme.
  auto both = select_goals(t.cat.graph(), {t.wi, t.tt, t.wi}, at(Level::VmboTL));
  EXPECT_EQ(both.roots.size(), 2u);
  EXPECT_TRUE(both.find(t.t1) && both.find(t.t1)->leaf);
  EXPECT_EQ(both.find(t.t1)->root, t.tt);

  EXPECT_THROW(select_goals(t.cat.graph(), {t.cat.graph().num_vertices() + 5}), std::out_of_range);
}

TEST(Selection, ExamFilterWithInheritedFlags) {
  SmallTransition t;
  SelectionOptions ce;
  ce.exam.ce = true;
  auto sel = select_goals(t.cat.graph(), {t.wb}, ce);
  EXPECT_EQ(sel.leaves(), (std::vector<Vertex>{t.r1, t.r3, t.r5}));

  SelectionOptions se;
  se.exam.se = true;
  sel = select_goals(t.cat.graph(), {t.wb}, se);
  EXPECT_EQ(sel.leaves(), (std::vector<Vertex>{t.r2, t.r4}));  // r4 inherits SE from y1
  EXPECT_TRUE(sel.find(t.r4)->exam.se);

  // kern/keuze: goals without either flag pass; r5 is keuze only.
  SelectionOptions kern;
  kern.exam.kern = true;
  sel = select_goals(t.cat.graph(), {t.wb}, kern);
  EXPECT_EQ(sel.leaves(), (std::vector<Vertex>{t.r1, t.r2, t.r3, t.r4}));
}

TEST(Selection, DomainsOfQualificationsAndFrameworks) {
  Catalogue cat;
  auto add = [&](Vertex parent, GoalKind kind, const std::string& id, bool root = false) {
    Goal g;
    g.source_id = id;
    g.title = id;
    g.kind = kind;
    Vertex v = cat.graph().add_goal(std::move(g));
    if (!root) cat.graph().add_edge(parent, v, EdgeKind::Contains);
    return v;
  };
  Vertex q = add(0, GoalKind::Qualification, "q", true);
  Vertex k1 = add(q, GoalKind::Kerntaak, "k1");
  Vertex w1 = add(k1, GoalKind::Werkproces, "w1");
  Vertex ks = add(q, GoalKind::KnowledgeSkill, "ks");
  Vertex f = add(0, GoalKind::Framework, "f", true);
  Vertex top = add(f, GoalKind::Topic, "top");
  Vertex sub = add(top, GoalKind::Topic, "sub");
  Vertex g1 = add(sub, GoalKind::Goal, "g1");
  Vertex g2 = add(g1, GoalKind::Goal, "g2");  // deeper goal: g1 is not a leaf

  auto sel = select_goals(cat.graph(), {q, f});
  EXPECT_EQ(sel.find(w1)->domain, k1);
  EXPECT_EQ(sel.find(ks)->domain, q);   // no domain on the path: the root
  EXPECT_EQ(sel.find(g2)->domain, top);  // outermost topic
  EXPECT_EQ(sel.leaves(), (std::vector<Vertex>{w1, ks, g2}));
  EXPECT_FALSE(sel.find(g1)->leaf);
}

TEST(Analysis, CoverageStatusesAndSupport) {
  SmallTransition t;
  auto send = select_goals(t.cat.graph(), {t.wi}, at(Level::VmboTL));
  auto recv = select_goals(t.cat.graph(), {t.wb});
  std::vector<std::pair<std::size_t, std::size_t>> steps;
  AnalysisOptions options;
  options.progress = [&](std::size_t d, std::size_t n) { steps.emplace_back(d, n); };
  auto a = analyse(t.cat.graph(), send, recv, t.alignment(), options);
  ASSERT_FALSE(steps.empty());
  EXPECT_EQ(steps.back().first, steps.back().second);

  const auto* r1 = a.find_receiving(t.r1);
  ASSERT_TRUE(r1);
  EXPECT_DOUBLE_EQ(r1->coverage, 0.9);
  EXPECT_EQ(r1->status, Status::Covered);
  ASSERT_EQ(r1->support.size(), 1u);
  EXPECT_EQ(r1->support[0].sending, t.s1);
  EXPECT_EQ(r1->support[0].explanation, "gedeelde termen");

  const auto* r2 = a.find_receiving(t.r2);  // two partial links combine
  EXPECT_NEAR(r2->coverage, 0.51, 1e-12);
  EXPECT_EQ(r2->status, Status::Covered);
  EXPECT_EQ(r2->support.size(), 2u);
  EXPECT_EQ(a.find_receiving(t.r3)->status, Status::Gap);  // 0.2 < 0.25
  EXPECT_DOUBLE_EQ(a.find_receiving(t.r3)->coverage, 0.2);
  EXPECT_EQ(a.find_receiving(t.r4)->status, Status::Gap);  // s3 is gl only
  EXPECT_TRUE(a.find_receiving(t.r5)->support.empty());   // 0.1 is noise; T&T not selected

  // Inner goals: max(direct, mean of children).
  EXPECT_NEAR(a.find_receiving(t.dX)->coverage, (0.9 + 0.51 + 0.2) / 3, 1e-12);
  EXPECT_FALSE(a.find_receiving(t.dX)->leaf);
  EXPECT_DOUBLE_EQ(a.find_receiving(t.dY)->coverage, 0.0);
  EXPECT_NEAR(a.find_receiving(t.wb)->coverage, ((0.9 + 0.51 + 0.2) / 3 + 0.0) / 2, 1e-12);

  // Sending side.
  const auto* s1 = a.find_sending(t.s1);
  ASSERT_EQ(s1->continues.size(), 1u);  // r3 at 0.2 does not count as continuing
  EXPECT_EQ(s1->continues[0].receiving, t.r1);
  EXPECT_EQ(s1->continues[0].domain, t.dX);
  EXPECT_FALSE(s1->leads_nowhere);
  EXPECT_TRUE(a.find_sending(t.s5)->leads_nowhere);
  EXPECT_DOUBLE_EQ(a.find_sending(t.s4)->best_score, 0.3);

  // Overlap: only the exact match above 0.8.
  ASSERT_EQ(a.overlaps.size(), 1u);
  EXPECT_EQ(a.overlaps[0].sending, t.s1);
  EXPECT_EQ(a.overlaps[0].receiving, t.r1);

  const Summary& s = a.summary;
  EXPECT_EQ(s.receiving_leaves, 5u);
  EXPECT_EQ(s.covered, 2u);
  EXPECT_EQ(s.partly, 0u);
  EXPECT_EQ(s.gaps, 3u);
  EXPECT_DOUBLE_EQ(s.coverage_share, 0.4);
  EXPECT_NEAR(s.mean_coverage, (0.9 + 0.51 + 0.2) / 5, 1e-12);
  EXPECT_EQ(s.gaps_ce, 2u);  // r3, r5
  EXPECT_EQ(s.gaps_se, 1u);  // r4 (inherited)
  EXPECT_EQ(s.gaps_no_exam, 0u);  // every gap is CE or SE
  EXPECT_EQ(s.gaps_kern, 1u);
  EXPECT_EQ(s.gaps_keuze, 1u);
  EXPECT_EQ(s.overlaps, 1u);
  EXPECT_EQ(s.sending_leaves, 4u);
  EXPECT_EQ(s.sending_nowhere, 1u);
  EXPECT_EQ(s.links_used, 4u);  // s1-r1, s1-r3, s2-r2, s4-r2
  EXPECT_EQ(s.links_rejected, 0u);
  EXPECT_EQ(s.links_confirmed, 0u);
}

TEST(Analysis, DomainMatrixAndDomainCoverage) {
  SmallTransition t;
  auto send = select_goals(t.cat.graph(), {t.wi}, at(Level::VmboTL));
  auto recv = select_goals(t.cat.graph(), {t.wb});
  auto a = analyse(t.cat.graph(), send, recv, t.alignment());
  // sending domains: dA, dB; receiving: dX, dY (the roots hold no leaves themselves)
  ASSERT_EQ(a.domain_matrix.size(), 4u);
  EXPECT_EQ(a.domain_matrix[1].sending_domain, t.dA);
  EXPECT_EQ(a.domain_matrix[1].receiving_domain, t.dY);
  auto cell = [&](Vertex sd, Vertex rd) {
    auto it = std::find_if(a.domain_matrix.begin(), a.domain_matrix.end(),
                           [&](const DomainPair& p) { return p.sending_domain == sd && p.receiving_domain == rd; });
    EXPECT_NE(it, a.domain_matrix.end());
    return *it;
  };
  DomainPair ax = cell(t.dA, t.dX);
  EXPECT_EQ(ax.links, 3u);
  EXPECT_NEAR(ax.mean_score, (0.9 + 0.2 + 0.3) / 3, 1e-12);
  EXPECT_DOUBLE_EQ(ax.max_score, 0.9);
  EXPECT_NEAR(ax.coverage, (0.9 + 0.3 + 0.2) / 3, 1e-12);
  DomainPair bx = cell(t.dB, t.dX);
  EXPECT_EQ(bx.links, 1u);
  EXPECT_NEAR(bx.coverage, 0.3 / 3, 1e-12);
  EXPECT_EQ(cell(t.dA, t.dY).links, 0u);
  EXPECT_DOUBLE_EQ(cell(t.dB, t.dY).coverage, 0.0);

  ASSERT_EQ(a.receiving_domains.size(), 2u);
  const auto& x = *std::find_if(a.receiving_domains.begin(), a.receiving_domains.end(),
                                [&](const DomainCoverage& d) { return d.domain == t.dX; });
  EXPECT_EQ(x.leaves, 3u);
  EXPECT_EQ(x.covered, 2u);
  EXPECT_EQ(x.gaps, 1u);
  EXPECT_NEAR(x.coverage_share, 2.0 / 3, 1e-12);
  EXPECT_NEAR(x.mean_coverage, (0.9 + 0.51 + 0.2) / 3, 1e-12);
  const auto& y = *std::find_if(a.receiving_domains.begin(), a.receiving_domains.end(),
                                [&](const DomainCoverage& d) { return d.domain == t.dY; });
  EXPECT_EQ(y.leaves, 2u);
  EXPECT_EQ(y.gaps, 2u);
}

TEST(Analysis, RejectedLinksNeverCountConfirmedAlwaysDo) {
  SmallTransition t;
  auto send = select_goals(t.cat.graph(), {t.wi}, at(Level::VmboTL));
  auto recv = select_goals(t.cat.graph(), {t.wb});
  auto al = t.alignment();
  al.links.push_back(SmallTransition::link(t.s1, t.r1, 0.9, match::Predicate::ExactMatch, match::Origin::Rejected));
  al.links.push_back(SmallTransition::link(t.s5, t.r3, 0.05, match::Predicate::CloseMatch, match::Origin::Confirmed));
  al.links.push_back(SmallTransition::link(t.s4, t.wb, 0.5));  // to the root: outside every domain
  auto a = analyse(t.cat.graph(), send, recv, al);
  EXPECT_DOUBLE_EQ(a.find_receiving(t.wb)->direct, 0.5);
  EXPECT_EQ(a.find_receiving(t.r1)->status, Status::Gap);
  EXPECT_TRUE(a.find_receiving(t.r1)->support.empty());
  EXPECT_TRUE(a.overlaps.empty());
  EXPECT_EQ(a.summary.links_rejected, 1u);
  EXPECT_EQ(a.summary.links_confirmed, 1u);
  // A confirmed link counts even below min_link_score, with its own score.
  const auto* r3 = a.find_receiving(t.r3);
  ASSERT_EQ(r3->support.size(), 2u);
  EXPECT_EQ(r3->support[1].origin, match::Origin::Confirmed);
}

TEST(Compare, TechnologieEnToepassingClosesAGap) {
  SmallTransition t;
  auto recv = select_goals(t.cat.graph(), {t.wb});
  auto al = t.alignment();
  auto without = analyse(t.cat.graph(), select_goals(t.cat.graph(), {t.wi}, at(Level::VmboTL)), recv, al);
  auto with = analyse(t.cat.graph(), select_goals(t.cat.graph(), {t.wi, t.tt}, at(Level::VmboTL)), recv, al);
  auto c = compare(without, with);
  ASSERT_EQ(c.closed.size(), 1u);
  EXPECT_EQ(c.closed[0].goal, t.r5);
  EXPECT_EQ(c.closed[0].after, Status::Partly);
  EXPECT_DOUBLE_EQ(c.closed[0].coverage_after, 0.4);
  // The change names the link that closes the gap (a T&T goal), and that there was none before.
  ASSERT_TRUE(c.closed[0].gained.has_value());
  EXPECT_EQ(c.closed[0].gained->sending, t.t1);
  EXPECT_DOUBLE_EQ(c.closed[0].gained->score, 0.4);
  EXPECT_FALSE(c.closed[0].lost.has_value());
  EXPECT_TRUE(c.opened.empty());
  EXPECT_EQ(c.changed.size(), 1u);
  EXPECT_EQ(c.only_before + c.only_after, 0u);
  auto y = std::find_if(c.domains.begin(), c.domains.end(), [&](const DomainChange& d) { return d.domain == t.dY; });
  ASSERT_NE(y, c.domains.end());
  EXPECT_NEAR(y->mean_delta(), 0.2, 1e-12);
  EXPECT_DOUBLE_EQ(y->share_delta(), 0.0);  // partly, not covered
  EXPECT_EQ(c.after.gaps, c.before.gaps - 1);
}

// An author who adds a programme asks which of its goals lead nowhere: the goals
// only the variant has, nowhere in every pair (as the totals count them).
TEST(Compare, TheAddedProgrammesGoalsThatLeadNowhereAreListedOnce) {
  SmallTransition t;
  auto recv = select_goals(t.cat.graph(), {t.wb});
  auto tl = select_goals(t.cat.graph(), {t.wi}, at(Level::VmboTL));
  auto with_tt = select_goals(t.cat.graph(), {t.wi, t.tt}, at(Level::VmboTL));
  auto linked = t.alignment();
  auto unlinked = linked;
  std::erase_if(unlinked.links, [&](const match::Link& l) { return l.source == t.t1; });
  auto without = analyse(t.cat.graph(), tl, recv, linked);
  auto nowhere = analyse(t.cat.graph(), with_tt, recv, unlinked);
  auto somewhere = analyse(t.cat.graph(), with_tt, recv, linked);

  auto c = compare(without, nowhere);
  ASSERT_EQ(c.new_nowhere.size(), 1u);  // t1, and none of the goals the base has too
  EXPECT_EQ(c.new_nowhere[0].goal, t.t1);
  EXPECT_EQ(c.new_nowhere[0].domain, t.dT);
  EXPECT_TRUE(c.new_nowhere[0].leaf);
  EXPECT_DOUBLE_EQ(c.new_nowhere[0].best_score, 0.0);
  EXPECT_TRUE(compare(without, somewhere).new_nowhere.empty());  // t1 prepares r5
  // Over two pairs: t1 leads nowhere in one and somewhere in the other, so somewhere.
  const TransitionAnalysis* before[] = {&without, &without};
  const TransitionAnalysis* mixed[] = {&nowhere, &somewhere};
  EXPECT_TRUE(compare(before, mixed).new_nowhere.empty());
  const TransitionAnalysis* neither[] = {&nowhere, &nowhere};
  EXPECT_EQ(compare(before, neither).new_nowhere.size(), 1u);  // once, not once per pair
  // The counts agree: the variant's goals without continuation are the base's plus these.
  EXPECT_EQ(c.after.sending_nowhere, c.before.sending_nowhere + c.new_nowhere.size());
}

namespace {
// vmbo wiskunde of one leerweg against havo wiskunde B, on the fixture's links.
TransitionAnalysis wiskunde_at(const SmallTransition& t, Level level) {
  return analyse(t.cat.graph(), select_goals(t.cat.graph(), {t.wi}, at(level)), select_goals(t.cat.graph(), {t.wb}),
                 t.alignment());
}
}  // namespace

TEST(Compare, GemengdeVersusTheoretischeLeerweg) {
  SmallTransition t;
  auto tl = wiskunde_at(t, Level::VmboTL);
  auto gl = wiskunde_at(t, Level::VmboGL);
  auto c = compare(tl, gl);
  ASSERT_EQ(c.closed.size(), 1u);  // r4 through the gl-only s3
  EXPECT_EQ(c.closed[0].goal, t.r4);
  EXPECT_EQ(c.closed[0].after, Status::Covered);
  EXPECT_TRUE(c.opened.empty());
  ASSERT_EQ(c.changed.size(), 2u);  // r2 loses s2 (tl only): covered -> partly
  auto r2 = std::find_if(c.changed.begin(), c.changed.end(), [&](const StatusChange& s) { return s.goal == t.r2; });
  ASSERT_NE(r2, c.changed.end());
  EXPECT_EQ(r2->before, Status::Covered);
  EXPECT_EQ(r2->after, Status::Partly);
  // Reversed, the gap opens again.
  auto back = compare(gl, tl);
  ASSERT_EQ(back.opened.size(), 1u);
  EXPECT_EQ(back.opened[0].goal, t.r4);
  ASSERT_TRUE(back.opened[0].lost.has_value());  // the gl-only link
  EXPECT_EQ(back.opened[0].lost->sending, t.s3);
  EXPECT_FALSE(back.opened[0].gained.has_value());
}

// A goal that stays prepared, but less well (covered -> partly), is neither a closed
// nor an opened gap: without its own list a reader sees only the count change.
TEST(Compare, CoveredToPartlyIsWorsenedAndBackIsImproved) {
  SmallTransition t;
  auto tl = wiskunde_at(t, Level::VmboTL);
  auto gl = wiskunde_at(t, Level::VmboGL);
  auto c = compare(tl, gl);
  EXPECT_TRUE(c.improved.empty());  // r4 goes from gap to covered: closed, not improved
  ASSERT_EQ(c.worsened.size(), 1u);
  EXPECT_EQ(c.worsened[0].goal, t.r2);
  EXPECT_EQ(c.worsened[0].before, Status::Covered);
  EXPECT_EQ(c.worsened[0].after, Status::Partly);
  ASSERT_TRUE(c.worsened[0].lost.has_value());  // the tl-only s2 it no longer has
  EXPECT_EQ(c.worsened[0].lost->sending, t.s2);
  EXPECT_FALSE(c.worsened[0].gained.has_value());
  EXPECT_EQ(c.closed.size() + c.opened.size() + c.improved.size() + c.worsened.size(), c.changed.size());
  auto back = compare(gl, tl);
  EXPECT_TRUE(back.worsened.empty());
  ASSERT_EQ(back.improved.size(), 1u);
  EXPECT_EQ(back.improved[0].goal, t.r2);
  EXPECT_EQ(back.improved[0].before, Status::Partly);
  EXPECT_EQ(back.improved[0].after, Status::Covered);
  ASSERT_TRUE(back.improved[0].gained.has_value());
  EXPECT_EQ(back.improved[0].gained->sending, t.s2);
}

// A transition whose pairs share a receiving goal: each goal changes once, with its best
// status over the pairs, so the lists add up to the change of the totals.
TEST(Compare, OverSeveralPairsEachGoalCountsOnceWithItsBestStatus) {
  SmallTransition t;
  auto tl = wiskunde_at(t, Level::VmboTL);
  auto gl = wiskunde_at(t, Level::VmboGL);
  // Both pairs change: r4 closes in both, but is one closed goal.
  const TransitionAnalysis* before[] = {&tl, &tl};
  const TransitionAnalysis* both_after[] = {&gl, &gl};
  auto c = compare(before, both_after);
  ASSERT_EQ(c.closed.size(), 1u);
  EXPECT_EQ(c.closed[0].goal, t.r4);
  ASSERT_EQ(c.worsened.size(), 1u);
  EXPECT_EQ(c.worsened[0].goal, t.r2);
  EXPECT_EQ(static_cast<long>(c.after.gaps) - static_cast<long>(c.before.gaps),
            static_cast<long>(c.opened.size()) - static_cast<long>(c.closed.size()));
  EXPECT_EQ(c.domains.size(), 2 * compare(tl, gl).domains.size());  // per pair
  // Only the second pair changes: r4 closes there (pair 1); r2 stays covered through the first.
  const TransitionAnalysis* one_after[] = {&tl, &gl};
  auto d = compare(before, one_after);
  ASSERT_EQ(d.closed.size(), 1u);
  EXPECT_EQ(d.closed[0].pair, 1u);
  EXPECT_TRUE(d.worsened.empty());
  EXPECT_EQ(d.after.covered, d.before.covered + 1);
  const TransitionAnalysis* one[] = {&tl};
  EXPECT_THROW(compare(before, one), std::invalid_argument);
}

// ---- real data ----

class RealSlo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cat_ = new Catalogue;
    importers::load_slo(*cat_, testing::slo_dir());
  }
  static void TearDownTestSuite() {
    delete cat_;
    cat_ = nullptr;
  }
  static Catalogue* cat_;
};
Catalogue* RealSlo::cat_ = nullptr;

TEST_F(RealSlo, VmboTlSelectionKeepsOnlyTlEindtermen) {
  const auto& g = cat_->graph();
  auto wi = cat_->find_programme("wiskunde", Level::VmboTL, {GoalKind::Programme});
  SelectionOptions o;
  o.level = Level::VmboTL;
  o.leaf_kinds = {GoalKind::Eindterm};
  auto sel = select_goals(g, {wi.root}, o);
  ASSERT_GT(sel.leaf_count(), 10u);
  auto all = select_goals(g, {wi.root}, leaves_of(GoalKind::Eindterm));
  EXPECT_LT(sel.leaf_count(), all.leaf_count());  // the vmbo programme also holds bb/kb-only eindtermen
  // Counted independently: eindtermen below the programme whose own (or
  // nearest ancestor's) levels include tl, outside the general preamble that
  // every vmbo programme shares.
  auto general = [&](Vertex v) {
    std::size_t programmes = 0;
    for (Vertex p : g.parents(v)) programmes += g.goal(p).kind == GoalKind::Programme;
    return programmes >= 3;
  };
  std::size_t expected = 0, preamble = 0;
  for (Vertex v : g.subtree(wi.root)) {
    if (g.goal(v).kind != GoalKind::Eindterm) continue;
    auto path = g.path_to_root(v);
    if (std::any_of(path.begin(), path.end(), general)) {
      ++preamble;
      continue;
    }
    LevelSet levels;
    for (Vertex p : g.path_to_root(v))
      if (levels.empty()) levels = g.goal(p).levels;
    expected += levels.empty() || levels.contains(Level::VmboTL);
  }
  EXPECT_EQ(sel.leaf_count(), expected);
  EXPECT_GT(preamble, 10u);  // the shared preamble exists and was left out
  for (const auto& s : sel.goals) {
    if (!s.leaf) continue;
    EXPECT_EQ(g.goal(s.goal).kind, GoalKind::Eindterm);
    EXPECT_TRUE(g.goal(s.goal).levels.contains(Level::VmboTL)) << g.goal(s.goal).code;
    EXPECT_EQ(g.goal(s.domain).kind, GoalKind::Domain) << g.goal(s.goal).code;
  }
}

TEST(Placeholder, OnlyATextThatSaysThereIsNoGoal) {
  auto goal = [](std::string title, std::string description = "") {
    Goal g;
    g.title = std::move(title);
    g.description = std::move(description);
    return g;
  };
  EXPECT_TRUE(is_placeholder(goal("n.v.t.")));
  EXPECT_TRUE(is_placeholder(goal(" N.v.t ")));
  EXPECT_TRUE(is_placeholder(goal("Niet van toepassing")));
  EXPECT_TRUE(is_placeholder(goal("Bij dit (sub)domein is geen wettelijke eindterm gedefinieerd, de invulling ...")));
  EXPECT_FALSE(is_placeholder(goal("n.v.t.", "De kandidaat kan ...")));  // it says more than that
  EXPECT_FALSE(is_placeholder(goal("De kandidaat kan aangeven wanneer een regel niet van toepassing is.")));
  EXPECT_FALSE(is_placeholder(goal("")));
}

// Duits havo has a domain "Oriëntatie op studie en beroep" whose only
// eindterm reads "n.v.t.": it is left out of the selection and named, and its
// domain, with nothing left to count, is no domain of the selection.
TEST_F(RealSlo, AnEindtermThatSaysNotApplicableIsNoLeaf) {
  const auto& g = cat_->graph();
  auto duits = cat_->find_programme("Moderne vreemde talen Duits", Level::Havo, {GoalKind::Programme});
  auto sel = select_goals(g, {duits.root}, at(Level::Havo));
  ASSERT_EQ(sel.placeholders.size(), 1u);
  const Vertex nvt = sel.placeholders.front();
  EXPECT_EQ(g.goal(nvt).title, "n.v.t.");
  EXPECT_EQ(g.goal(nvt).kind, GoalKind::Eindterm);
  EXPECT_FALSE(sel.contains(nvt));
  const Vertex domain = g.parents(nvt).front();
  EXPECT_EQ(g.goal(domain).kind, GoalKind::Domain);
  const auto domains = sel.domains();
  EXPECT_EQ(std::count(domains.begin(), domains.end(), domain), 0);
  // Counted independently: every eindterm below the programme but the one.
  std::size_t eindtermen = 0;
  for (Vertex v : g.subtree(duits.root)) eindtermen += g.goal(v).kind == GoalKind::Eindterm;
  EXPECT_EQ(sel.leaf_count(), eindtermen - 1);

  // The analysis reports it apart: no gap, no receiving leaf.
  auto tl = cat_->find_programme("Moderne vreemde talen Duits", Level::VmboTL, {GoalKind::Programme});
  auto sending = select_goals(g, {tl.root}, at(Level::VmboTL));
  const auto a = analyse(g, sending, sel, match::Alignment{});
  EXPECT_EQ(a.summary.placeholders, 1u);
  EXPECT_EQ(a.summary.receiving_leaves, sel.leaf_count());
  EXPECT_EQ(a.summary.gaps, sel.leaf_count());  // no links: every counted goal is a gap, the "n.v.t." is not
  EXPECT_EQ(a.find_receiving(nvt), nullptr);
  const TransitionAnalysis* both[] = {&a, &a};
  EXPECT_EQ(total_summary(both).placeholders, 1u);  // one goal, counted once
}

// The CvTE syllabus links its specifications to eindtermen: used as a
// perfect alignment, every eindterm with a specification is covered and the
// gaps are exactly the eindtermen without one, mostly SE-only ones.
TEST_F(RealSlo, SyllabusLinksCoverTheCentralExam) {
  const auto& g = cat_->graph();
  auto wb = cat_->find_programme("wiskunde b", Level::Havo, {GoalKind::Programme});
  auto syllabi = cat_->find_programmes("syllabus wiskunde b 2024", Level::Havo, {GoalKind::Syllabus});
  ASSERT_EQ(syllabi.size(), 1u);
  std::vector<Vertex> syllabus_roots;
  for (const auto& p : syllabi) syllabus_roots.push_back(p.root);

  auto send = select_goals(g, syllabus_roots, leaves_of(GoalKind::Specification));
  auto recv = select_goals(g, {wb.root}, leaves_of(GoalKind::Eindterm));
  ASSERT_GT(send.leaf_count(), 0u);
  ASSERT_GT(recv.leaf_count(), 0u);

  match::Alignment al;
  std::set<Vertex> specified;
  for (Vertex spec : send.leaves())
    for (Vertex target : g.targets(spec, EdgeKind::Specifies))
      if (recv.contains(target)) {
        al.links.push_back(SmallTransition::link(spec, target, 1.0, match::Predicate::NarrowMatch));
        if (recv.find(target)->leaf) specified.insert(target);
      }
  ASSERT_FALSE(specified.empty());
  auto a = analyse(g, send, recv, al);
  EXPECT_EQ(a.summary.covered, specified.size());
  EXPECT_EQ(a.summary.covered + a.summary.gaps, a.summary.receiving_leaves);

  std::size_t ce = 0, ce_covered = 0, se_only = 0, se_only_covered = 0;
  for (const auto& r : a.receiving) {
    if (!r.leaf) continue;
    EXPECT_EQ(r.status == Status::Covered, specified.count(r.goal) == 1) << g.goal(r.goal).code;
    const ExamFlags& e = recv.find(r.goal)->exam;
    if (e.ce) {
      ++ce;
      ce_covered += r.status == Status::Covered;
    } else if (e.se) {
      ++se_only;
      se_only_covered += r.status == Status::Covered;
    }
  }
  ASSERT_GT(ce, 0u);
  // The syllabus specifies the central exam, not the school exam.
  EXPECT_GT(static_cast<double>(ce_covered) / ce, se_only ? static_cast<double>(se_only_covered) / se_only : 0.0);
  // Every receiving domain shows up in the matrix with the syllabus.
  EXPECT_EQ(a.domain_matrix.size(), send.domains().size() * recv.domains().size());
}

TEST(RealSbb, WerkprocessenBelongToTheirKerntaak) {
  Catalogue cat;
  importers::load_sbb(cat, testing::sbb_dir());
  auto q = cat.find_programme("helpende zorg en welzijn", Level::Mbo2, {GoalKind::Qualification});
  auto sel = select_goals(cat.graph(), {q.root});
  std::size_t werkprocessen = 0;
  for (const auto& s : sel.goals) {
    if (!s.leaf) continue;
    const Goal& g = cat.graph().goal(s.goal);
    EXPECT_TRUE(g.kind == GoalKind::Werkproces || g.kind == GoalKind::KnowledgeSkill) << g.source_id;
    if (g.kind != GoalKind::Werkproces) continue;
    ++werkprocessen;
    EXPECT_EQ(cat.graph().goal(s.domain).kind, GoalKind::Kerntaak) << g.source_id;
    // The werkproces code starts with its kerntaak's code (B1-K1-W2 in B1-K1).
    EXPECT_EQ(g.code.rfind(cat.graph().goal(s.domain).code, 0), 0u) << g.code;
  }
  EXPECT_GT(werkprocessen, 3u);
  for (Vertex d : sel.domains()) {
    auto kind = cat.graph().goal(d).kind;
    EXPECT_TRUE(kind == GoalKind::Kerntaak || d == q.root) << kind_name(kind);
  }
}

}  // namespace
}  // namespace aansluiting::analysis
