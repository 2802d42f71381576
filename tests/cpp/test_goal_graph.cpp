#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "aansluiting/catalogue.hpp"

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
