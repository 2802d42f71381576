#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/goal_rows.hpp"
#include "aansluiting/joined.hpp"

using namespace aansluiting;

namespace {

// programme -> {domain A -> {e1, e2}, domain B -> {e3}}; a shared preamble under both programmes.
struct SmallCatalogue {
  Catalogue cat;
  Vertex prog, prog2, dom_a, dom_b, e1, e2, e3, pre;
  SmallCatalogue() {
    auto& g = cat.graph();
    auto add = [&](std::string id, std::string code, GoalKind kind, LevelSet levels) {
      Goal goal;
      goal.source_id = std::move(id);
      goal.code = std::move(code);
      goal.title = goal.source_id;
      goal.kind = kind;
      goal.levels = levels;
      Vertex v = g.add_goal(std::move(goal));
      g.link_levels(v);
      return v;
    };
    prog = add("p", "WI/vmbo", GoalKind::Programme, {Level::VmboBB});
    prog2 = add("p2", "WI/B/havo", GoalKind::Programme, {Level::Havo});
    dom_a = add("a", "WI/K/1", GoalKind::Domain, {});
    dom_b = add("b", "WI/K/2", GoalKind::Domain, {});
    e1 = add("e1", "WI/K/1/1", GoalKind::Eindterm, {Level::VmboGL, Level::VmboTL});
    e2 = add("e2", "WI/K/1/2", GoalKind::Eindterm, {Level::VmboBB});
    e3 = add("e3", "X", GoalKind::Eindterm, {Level::VmboTL});
    pre = add("pre", "PREAMBULE", GoalKind::Domain, {});
    g.add_edge(prog, pre, EdgeKind::Contains);
    g.add_edge(prog, dom_a, EdgeKind::Contains);
    g.add_edge(prog, dom_b, EdgeKind::Contains);
    g.add_edge(dom_a, e1, EdgeKind::Contains);
    g.add_edge(dom_a, e2, EdgeKind::Contains);
    g.add_edge(dom_b, e3, EdgeKind::Contains);
    g.add_edge(prog2, pre, EdgeKind::Contains);
    g.add_edge(e3, e1, EdgeKind::Prerequisite);
    cat.add_programme(prog, "Wiskunde");
    cat.add_programme(prog2, "Wiskunde B");
  }
};

}  // namespace

TEST(GoalGraph, ChildrenKeepSourceOrder) {
  SmallCatalogue s;
  auto& g = s.cat.graph();
  EXPECT_EQ(g.children(s.prog), (std::vector<Vertex>{s.pre, s.dom_a, s.dom_b}));
  EXPECT_EQ(g.children(s.dom_a), (std::vector<Vertex>{s.e1, s.e2}));
  EXPECT_EQ(g.position(s.e2), 1u);
}

TEST(GoalGraph, SubtreeIsPreorderAndFollowsOnlyContains) {
  SmallCatalogue s;
  auto sub = s.cat.graph().subtree(s.prog);
  EXPECT_EQ(sub, (std::vector<Vertex>{s.prog, s.pre, s.dom_a, s.e1, s.e2, s.dom_b, s.e3}));
}

TEST(GoalGraph, WalkEntersInPreorderLeavesInPostorderAndPrunes) {
  SmallCatalogue s;
  struct Log : HierarchyWalker {
    Vertex skip;
    std::vector<std::string> events;
    const GoalGraph* g;
    bool enter(Vertex v, Vertex parent, std::size_t depth) override {
      events.push_back("+" + g->goal(v).source_id + "<" + g->goal(parent).source_id + "@" + std::to_string(depth));
      return v != skip;
    }
    void leave(Vertex v) override { events.push_back("-" + g->goal(v).source_id); }
  } log;
  log.g = &s.cat.graph();
  log.skip = s.dom_a;  // its eindtermen are never reached
  const std::vector<Vertex> roots{s.prog, s.prog2};
  s.cat.graph().walk(roots, log);
  // The preamble under both programmes is entered once; prog2 is then a root
  // without new children. Only Contains edges are followed (not e3 -> e1).
  EXPECT_EQ(log.events, (std::vector<std::string>{"+p<p@0", "+pre<p@1", "-pre", "+a<p@1", "+b<p@1", "+e3<b@2", "-e3",
                                                  "-b", "-p", "+p2<p2@0", "-p2"}));
  EXPECT_THROW(s.cat.graph().walk(std::vector<Vertex>{99999}, log), std::out_of_range);
}

TEST(GoalGraph, AncestorsAndPathToRoot) {
  SmallCatalogue s;
  auto& g = s.cat.graph();
  EXPECT_EQ(g.ancestors(s.e1), (std::vector<Vertex>{s.dom_a, s.prog}));
  EXPECT_EQ(g.path_to_root(s.e3), (std::vector<Vertex>{s.e3, s.dom_b, s.prog}));
  // A shared node has both programmes as ancestors; the primary parent is the first.
  auto anc = g.ancestors(s.pre);
  EXPECT_EQ(anc.size(), 2u);
  EXPECT_EQ(g.path_to_root(s.pre).back(), s.prog);
}

TEST(GoalGraph, LookupByIdAndCode) {
  SmallCatalogue s;
  auto& g = s.cat.graph();
  EXPECT_EQ(g.find_id("e2"), s.e2);
  EXPECT_FALSE(g.find_id("nope").has_value());
  EXPECT_EQ(g.find_code("WI/K/1/2"), (std::vector<Vertex>{s.e2}));
  EXPECT_TRUE(g.find_code("nope").empty());
}

TEST(GoalGraph, TypedEdges) {
  SmallCatalogue s;
  auto& g = s.cat.graph();
  EXPECT_EQ(g.targets(s.e3, EdgeKind::Prerequisite), (std::vector<Vertex>{s.e1}));
  EXPECT_EQ(g.sources(g.level_vertex(Level::VmboTL), EdgeKind::AtLevel), (std::vector<Vertex>{s.e1, s.e3}));
  EXPECT_EQ(g.count(EdgeKind::Contains), 7u);
}

TEST(Catalogue, ProgrammeLevelsComeFromTheSubtree) {
  SmallCatalogue s;
  auto found = s.cat.find_programmes("wiskunde", Level::VmboTL);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].root, s.prog);
  EXPECT_EQ(s.cat.find_programme("WISKUNDE B", Level::Havo).root, s.prog2);
  // "wiskunde" without level: the exact subject wins over "Wiskunde B".
  EXPECT_EQ(s.cat.find_programme("wiskunde").root, s.prog);
  EXPECT_THROW(s.cat.find_programme("wiskunde", Level::Vwo), NotFoundError);
}

TEST(Catalogue, MergeRemapsAndKeepsDuplicatesOnce) {
  SmallCatalogue a, b;
  std::size_t before = a.cat.graph().num_vertices();
  a.cat.merge(std::move(b.cat));
  EXPECT_EQ(a.cat.graph().num_vertices(), before);
  EXPECT_EQ(a.cat.programmes().size(), 2u);
  EXPECT_FALSE(a.cat.warnings().empty());
}

// Catalogue.count_edges and the goal_kinds list of the Python package.
TEST(GoalGraph, EdgeAndGoalKindNamesRoundTrip) {
  for (EdgeKind k : {EdgeKind::Contains, EdgeKind::Specifies, EdgeKind::Replaces, EdgeKind::AtLevel,
                     EdgeKind::Aligned, EdgeKind::Prerequisite})
    EXPECT_EQ(parse_edge_kind(edge_kind_name(k)), k);
  EXPECT_EQ(parse_edge_kind("at_level"), EdgeKind::AtLevel);
  EXPECT_EQ(parse_edge_kind("Contains"), std::nullopt);
  EXPECT_EQ(parse_edge_kind(""), std::nullopt);
  const auto names = kind_names();
  ASSERT_EQ(names.size(), static_cast<std::size_t>(GoalKind::LevelNode) + 1);
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_EQ(names[i], kind_name(static_cast<GoalKind>(i)));
    EXPECT_EQ(parse_kind(names[i]), static_cast<GoalKind>(i));
  }
  EXPECT_EQ(names.front(), "programme");
  EXPECT_EQ(names.back(), "level");
}

// Shared terms and continuation titles as one table cell.
TEST(GoalGraph, JoinedListsAndTitles) {
  SmallCatalogue s;
  EXPECT_EQ(joined({}), "");
  EXPECT_EQ(joined({"breuk"}), "breuk");
  EXPECT_EQ(joined({"breuk", "procent", "verhouding"}), "breuk, procent, verhouding");
  EXPECT_EQ(joined({"a", "b"}, "; "), "a; b");
  const std::vector<Vertex> goals{s.e3, s.dom_a, s.e1};
  EXPECT_EQ(joined_titles(s.cat.graph(), goals), "e3; a; e1");
  EXPECT_EQ(joined_titles(s.cat.graph(), goals, " | "), "e3 | a | e1");
  EXPECT_EQ(joined_titles(s.cat.graph(), {}), "");
}

// The goals tables: a programme's rows place the shared preamble under it; the
// catalogue's under the programme that lists it first. A root shows its programme's levels.
TEST(GoalGraph, GoalRowsOfAProgrammeAndOfTheCatalogue) {
  SmallCatalogue s;
  const auto rows = programme_rows(s.cat, s.prog2);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].v, s.prog2);
  EXPECT_FALSE(rows[0].parent.has_value());
  EXPECT_EQ(rows[1].v, s.pre);
  EXPECT_EQ(rows[1].parent, s.prog2);
  EXPECT_EQ(rows[1].root, s.prog2);
  EXPECT_EQ(rows[1].position, 0u);

  const auto first = programme_rows(s.cat, s.prog);
  ASSERT_EQ(first.size(), 7u);
  EXPECT_EQ(first[5].v, s.dom_b);
  EXPECT_EQ(first[5].position, 2u);
  // Programme levels: the union of its subtree's, more than the root's own vmbo bb.
  EXPECT_EQ(first[0].levels, (LevelSet{Level::VmboBB, Level::VmboGL, Level::VmboTL}));
  EXPECT_EQ(first[4].levels, LevelSet{Level::VmboBB});  // e2's own

  const auto all = catalogue_rows(s.cat);
  ASSERT_EQ(all.size(), 8u);  // the level vertices are no rows
  for (const GoalRow& row : all) {
    if (row.v != s.pre) continue;
    EXPECT_EQ(row.parent, s.prog);
    EXPECT_EQ(row.root, s.prog);
  }
}
