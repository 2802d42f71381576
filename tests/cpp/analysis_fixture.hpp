#pragma once
// A small hand-made transition (vmbo wiskunde -> havo wiskunde B, plus a T&T
// programme and a little mbo qualification) whose expected analysis can be
// worked out by hand; shared by test_analysis.cpp and test_curation.cpp.

#include <string>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/match/alignment.hpp"

namespace aansluiting::testing {

struct SmallTransition {
  Catalogue cat;
  // sending: vmbo wiskunde (domains A, B) and T&T (domain T)
  Vertex wi = 0, dA = 0, dB = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
  Vertex tt = 0, dT = 0, t1 = 0;
  // receiving: havo wiskunde B (domain X; domain Y > subdomain Y1)
  Vertex wb = 0, dX = 0, dY = 0, y1 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0;

  Vertex add(Vertex parent, GoalKind kind, const std::string& id, const std::string& code, LevelSet levels = {},
             ExamFlags exam = {}, bool root = false) {
    Goal g;
    g.source_id = id;
    g.code = code;
    g.title = "Doel " + code;
    g.kind = kind;
    g.levels = levels;
    g.exam = exam;
    g.source = source;
    Vertex v = cat.graph().add_goal(std::move(g));
    if (!root) cat.graph().add_edge(parent, v, EdgeKind::Contains);
    return v;
  }

  SourceIndex source = kNoSource;

  SmallTransition() {
    source = cat.add_source(Source{"examenprogramma.json", "test", "2020", "", "", "SLO"});
    const LevelSet gltl{Level::VmboGL, Level::VmboTL};
    wi = add(0, GoalKind::Programme, "wi", "WI", gltl, {}, true);
    dA = add(wi, GoalKind::Domain, "dA", "WI/K/A");
    s1 = add(dA, GoalKind::Eindterm, "s1", "WI/1", gltl, {true, false, false, false});
    s2 = add(dA, GoalKind::Eindterm, "s2", "WI/2", {Level::VmboTL}, {true, false, false, false});
    s3 = add(dA, GoalKind::Eindterm, "s3", "WI/3", {Level::VmboGL}, {true, false, false, false});
    dB = add(wi, GoalKind::Domain, "dB", "WI/K/B");
    s4 = add(dB, GoalKind::Eindterm, "s4", "WI/4", gltl, {false, true, false, false});
    s5 = add(dB, GoalKind::Eindterm, "s5", "WI/5", gltl, {false, true, false, false});
    tt = add(0, GoalKind::Programme, "tt", "TT", gltl, {}, true);
    dT = add(tt, GoalKind::Domain, "dT", "TT/A");
    t1 = add(dT, GoalKind::Eindterm, "t1", "TT/1", {}, {false, true, false, false});

    wb = add(0, GoalKind::Programme, "wb", "WB", {Level::Havo}, {}, true);
    dX = add(wb, GoalKind::Domain, "dX", "WB/X");
    r1 = add(dX, GoalKind::Eindterm, "r1", "WB/1", {}, {true, false, false, false});
    r2 = add(dX, GoalKind::Eindterm, "r2", "WB/2", {}, {false, true, false, false});
    r3 = add(dX, GoalKind::Eindterm, "r3", "WB/3", {}, {true, false, true, false});
    dY = add(wb, GoalKind::Domain, "dY", "WB/Y");
    // r4 has no flags of its own and inherits SE from its subdomain.
    y1 = add(dY, GoalKind::Subdomain, "y1", "WB/Y1", {}, {false, true, false, false});
    r4 = add(y1, GoalKind::Eindterm, "r4", "WB/4");
    r5 = add(y1, GoalKind::Eindterm, "r5", "WB/5", {}, {true, false, false, true});
  }

  static match::Link link(Vertex s, Vertex t, double score, match::Predicate p = match::Predicate::RelatedMatch,
                          match::Origin o = match::Origin::Automatic) {
    match::Link l;
    l.source = s;
    l.target = t;
    l.score = score;
    l.predicate = p;
    l.origin = o;
    l.explanation = "gedeelde termen";
    return l;
  }

  // What a matcher might have produced.
  match::Alignment alignment() const {
    match::Alignment a;
    a.links = {
        link(s1, r1, 0.9, match::Predicate::ExactMatch),
        link(s1, r3, 0.2),
        link(s2, r2, 0.3),
        link(s3, r4, 0.6, match::Predicate::CloseMatch),
        link(s4, r2, 0.3),
        link(s4, r5, 0.1),  // below min_link_score: noise
        link(t1, r5, 0.4),
    };
    return a;
  }
};

}  // namespace aansluiting::testing
