// Curated decisions: SSSOM reading/writing, atomic writes, and precedence of
// curator decisions over the matcher.

#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/transition.hpp"
#include "aansluiting/importers/importers.hpp"
#include "analysis_fixture.hpp"
#include "test_support.hpp"

namespace aansluiting::analysis {
namespace {

using testing::ScratchDir;
using testing::SmallTransition;
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const char* kHeader = "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\n";

std::string minimal(const std::string& rows) {
  return "#curie_map:\n#  slo: \"https://opendata.slo.nl/curriculum/uuid/\"\n"
         "#mapping_set_id: \"urn:x\"\n#license: \"https://creativecommons.org/publicdomain/zero/1.0/\"\n" +
         std::string(kHeader) + rows;
}

TEST(Sssom, ParsesMetadataAndRows) {
  std::string text =
      "\xEF\xBB\xBF#curie_map:\n"
      "#  slo: https://opendata.slo.nl/curriculum/uuid/\n"
      "#  skos: \"http://www.w3.org/2004/02/skos/core#\"\n"
      "#mapping_set_id: urn:aansluiting:test\n"
      "#license: https://creativecommons.org/publicdomain/zero/1.0/\n"
      "#creator_id:\n#  - orcid:0000-0001-2345-6789\n"
      "#mapping_tool: aansluiting\n"
      "subject_id\tsubject_label\tpredicate_id\tpredicate_modifier\tobject_id\tobject_label\tmapping_justification\t"
      "confidence\tcomment\tnote\r\n"
      "slo:s1\t\"Een \"\"citaat\"\"\"\tskos:closeMatch\t\tslo:r1\tDoel\tsemapv:ManualMappingCuration\t0.8\tgoed\tx\r\n"
      "\n"
      "slo:s2\tA\tskos:exactMatch\tNot\tslo:r2\tB\tsemapv:ManualMappingCuration\t\t\t\n"
      "slo:s3\tA\tskos:relatedMatch\t\tslo:r3\tB\tsemapv:LexicalMatching\n";
  MappingSet set = parse_sssom(text, "t.sssom.tsv");
  EXPECT_EQ(set.mapping_set_id, "urn:aansluiting:test");
  EXPECT_EQ(set.expand_prefix("skos"), "http://www.w3.org/2004/02/skos/core#");
  ASSERT_EQ(set.other_metadata.size(), 2u);
  EXPECT_TRUE(set.other_metadata[0].is_list);
  EXPECT_EQ(set.other_metadata[0].values.at(0), "orcid:0000-0001-2345-6789");
  EXPECT_EQ(set.extra_columns, std::vector<std::string>{"note"});
  ASSERT_EQ(set.mappings.size(), 3u);
  const MappingRow& a = set.mappings[0];
  EXPECT_EQ(a.subject_label, "Een \"citaat\"");
  EXPECT_EQ(a.predicate, match::Predicate::CloseMatch);
  EXPECT_FALSE(a.negated);
  EXPECT_DOUBLE_EQ(a.confidence.value(), 0.8);
  EXPECT_EQ(a.comment, "goed");
  EXPECT_EQ(a.extra.at(0).second, "x");
  EXPECT_EQ(a.line, 10u);
  EXPECT_TRUE(set.mappings[1].negated);
  EXPECT_FALSE(set.mappings[1].confidence);
  EXPECT_EQ(set.mappings[1].line, 12u);
  EXPECT_FALSE(set.mappings[2].curated());  // short row, a suggestion
}

void expect_error_at(const std::string& text, std::size_t line, std::size_t column, const std::string& words) {
  try {
    parse_sssom(text, "bad.sssom.tsv");
    ADD_FAILURE() << "no error for:\n" << text;
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "bad.sssom.tsv");
    EXPECT_EQ(e.where().line, line) << e.what();
    if (column) {
      EXPECT_EQ(e.where().column, column) << e.what();
    }
    EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
  }
}

TEST(Sssom, BadFilesNameFileLineAndColumn) {
  expect_error_at(minimal("slo:a\tskos:sameAs\tslo:b\tsemapv:ManualMappingCuration\t1\n"), 6, 7, "predicate_id");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1.5\n"), 6, 0, "confidence");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\tveel\n"), 6, 0, "confidence");
  // A spreadsheet saved as CSV: the separator is named.
  expect_error_at("#license: x\nsubject_id;predicate_id;object_id;mapping_justification\n", 2, 1,
                  "the header is separated by ';', not by tabs");
  expect_error_at("#license: x\npredicate_id,object_id,mapping_justification,subject_id\n", 2, 1,
                  "the header is separated by ',', not by tabs");  // the column looked for is the last cell
  // A Dutch spreadsheet's decimal comma gets the value to write instead.
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t0,8\n"), 6, 0,
                  "confidence '0,8' has a decimal comma; SSSOM needs a point: 0.8");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1,5\n"), 6, 0,
                  "confidence '1,5' is not a number from 0 to 1");
  expect_error_at(minimal("a b\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1\n"), 6, 1, "CURIE");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1\textra\n"), 6, 0, "header");
  expect_error_at(minimal("slo:a\tskos:closeMatch\n"), 6, 0, "object_id");
  expect_error_at(minimal("slo:a\t\"skos:closeMatch\tslo:b\n"), 6, 7, "never closed");
  expect_error_at("#curie_map:\n#  slo: \"unclosed\n" + std::string(kHeader), 3, 0, "YAML");
  expect_error_at("#license: x\n#extension_definitions:\n#  a: b\n" + std::string(kHeader), 3, 0, "not supported");
  expect_error_at("#license: x\nsubject_id\tobject_id\n", 2, 0, "predicate_id");
  expect_error_at("#license: x\n", 2, 0, "header");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t\xff\n"), 6, 0, "UTF-8");
  EXPECT_THROW(read_sssom("/nonexistent/file.sssom.tsv"), InputError);
}

TEST(Sssom, WriteThenReadRoundTrips) {
  SmallTransition t;
  MappingSet set = default_mapping_set();
  record_decision(set, t.cat, Decision{t.s1, t.r1, true, match::Predicate::ExactMatch, 0.95, "orcid:0000-0001-2345-6789",
                                       "", "2025-01-31", "zelfde \"doel\"\tmet tab"});
  record_decision(set, t.cat, Decision{t.s2, t.r2, false, match::Predicate::CloseMatch, std::nullopt, "", "Jan",
                                       "", "niet hetzelfde"});
  ScratchDir dir;
  const std::string path = (dir.path() / "beslissingen.sssom.tsv").string();
  write_sssom(path, set);
  MappingSet back = read_sssom(path);
  EXPECT_EQ(back.mapping_set_id, set.mapping_set_id);
  EXPECT_EQ(back.license, set.license);
  EXPECT_EQ(back.curie_map, set.curie_map);
  ASSERT_EQ(back.mappings.size(), 2u);
  EXPECT_EQ(back.mappings[0].subject_id, "slo:s1");
  EXPECT_EQ(back.mappings[0].object_label, "WB/1 Doel WB/1");
  EXPECT_EQ(back.mappings[0].comment, "zelfde \"doel\" met tab");
  EXPECT_DOUBLE_EQ(back.mappings[0].confidence.value(), 0.95);
  EXPECT_EQ(back.mappings[0].author_id, "orcid:0000-0001-2345-6789");
  EXPECT_EQ(back.mappings[0].mapping_date, "2025-01-31");
  EXPECT_TRUE(back.mappings[1].negated);
  EXPECT_EQ(back.mappings[1].author_label, "Jan");
  EXPECT_EQ(back.mappings[1].mapping_date.size(), 10u);  // today
  EXPECT_EQ(format_sssom(back), format_sssom(set));

  // A second decision on the same pair replaces the first.
  record_decision(back, t.cat, Decision{t.s2, t.r2, true, match::Predicate::RelatedMatch, 0.5, "", "", "", ""});
  ASSERT_EQ(back.mappings.size(), 2u);
  EXPECT_FALSE(back.mappings[1].negated);
}

TEST(Curie, GoalIdsWithPrefixesResolveBack) {
  Catalogue cat;
  auto add = [&](const std::string& id, const std::string& file, const std::string& publisher) {
    Goal g;
    g.source_id = id;
    g.source = cat.add_source(Source{file, "", "", "", "", publisher});
    return cat.graph().add_goal(std::move(g));
  };
  Vertex slo = add("a9b12666-fe43-41f3-a85a-680a7486c3f6", "eindtermen.json", "SLO");
  Vertex sbb = add("sbb:2755/B1-K1-W2 (oud)", "2755.xml", "SBB");
  Vertex csv = add("csv:mijn-programma/1.2", "p.csv", "School X");
  EXPECT_EQ(goal_curie(cat, slo), "slo:a9b12666-fe43-41f3-a85a-680a7486c3f6");
  EXPECT_EQ(goal_curie(cat, sbb), "sbb:2755/B1-K1-W2%20%28oud%29");
  EXPECT_EQ(goal_curie(cat, csv), "csv:mijn-programma/1.2");
  for (Vertex v : {slo, sbb, csv}) EXPECT_EQ(resolve_curie(cat, goal_curie(cat, v)), v);
  EXPECT_FALSE(resolve_curie(cat, "slo:onbekend"));
}

SelectionOptions tl_only() {
  SelectionOptions o;
  o.level = Level::VmboTL;
  return o;
}

class Curation : public ::testing::Test {
 protected:
  SmallTransition t;
  GoalSelection send = select_goals(t.cat.graph(), {t.wi}, tl_only());
  GoalSelection recv = select_goals(t.cat.graph(), {t.wb});

  // The whole cycle as the application runs it: match, read decisions, apply, analyse.
  TransitionAnalysis rerun(const std::string& path, CurationReport* report = nullptr) {
    auto curated = apply_curation(t.cat, t.alignment(), read_sssom(path), report);
    return analyse(t.cat.graph(), send, recv, curated);
  }
};

TEST_F(Curation, RejectedNeverReturnsConfirmedAlwaysStays) {
  MappingSet set = default_mapping_set();
  record_decision(set, t.cat, Decision{t.s1, t.r1, false, match::Predicate::ExactMatch, {}, "", "", "", "te algemeen"});
  record_decision(set, t.cat, Decision{t.s5, t.r4, true, match::Predicate::CloseMatch, 0.7, "", "", "", ""});
  ScratchDir dir;
  const std::string path = (dir.path() / "d.sssom.tsv").string();
  write_sssom(path, set);

  for (int run = 0; run < 2; ++run) {  // a second run with a fresh matcher output changes nothing
    CurationReport rep;
    auto a = rerun(path, &rep);
    EXPECT_EQ(rep.rejected, 1u);
    EXPECT_EQ(rep.rejected_removed, 1u);
    EXPECT_EQ(rep.confirmed, 1u);
    EXPECT_EQ(rep.confirmed_added, 1u);
    EXPECT_EQ(a.find_receiving(t.r1)->status, Status::Gap);
    EXPECT_TRUE(a.overlaps.empty());
    EXPECT_EQ(a.summary.links_rejected, 1u);
    EXPECT_EQ(a.summary.links_confirmed, 1u);
    const auto* r4 = a.find_receiving(t.r4);
    ASSERT_EQ(r4->support.size(), 1u);
    EXPECT_EQ(r4->support[0].origin, match::Origin::Confirmed);
    EXPECT_DOUBLE_EQ(r4->coverage, 0.7);
    EXPECT_FALSE(a.find_sending(t.s5)->leads_nowhere);
  }

  // The curated alignment keeps the rejected link visible, marked as such.
  auto curated = apply_curation(t.cat, t.alignment(), read_sssom(path));
  auto it = std::find_if(curated.links.begin(), curated.links.end(),
                         [&](const match::Link& l) { return l.source == t.s1 && l.target == t.r1; });
  ASSERT_NE(it, curated.links.end());
  EXPECT_EQ(it->origin, match::Origin::Rejected);
  EXPECT_NE(it->explanation.find("te algemeen"), std::string::npos);
  EXPECT_EQ(std::count_if(curated.links.begin(), curated.links.end(),
                          [&](const match::Link& l) { return l.source == t.s1 && l.target == t.r1; }),
            1);
  EXPECT_TRUE(std::is_sorted(curated.links.begin(), curated.links.end(), [](const auto& a, const auto& b) {
    return a.source != b.source ? a.source < b.source : a.score > b.score;
  }));
}

TEST_F(Curation, LastRowWinsSuggestionsIgnoredUnknownGoalsReported) {
  ScratchDir dir;
  const std::string path = dir.write("d.sssom.tsv", minimal(
      "slo:s2\tskos:closeMatch\tslo:r3\tsemapv:ManualMappingCuration\t0.9\n"
      "slo:s2\tskos:closeMatch\tslo:r3\tsemapv:ManualMappingCuration\t0.3\n"
      "slo:s5\tskos:closeMatch\tslo:r5\tsemapv:LexicalMatching\t0.99\n"
      "slo:weg\tskos:closeMatch\tslo:r5\tsemapv:ManualMappingCuration\t1\n"));
  CurationReport rep;
  auto a = rerun(path, &rep);
  EXPECT_EQ(rep.ignored_uncurated, 1u);
  ASSERT_EQ(rep.unresolved.size(), 1u);
  EXPECT_EQ(rep.unresolved[0].where.line, 9u);
  EXPECT_EQ(rep.unresolved[0].where.record, "slo:weg");
  EXPECT_EQ(a.find_receiving(t.r5)->status, Status::Gap);  // the suggestion does not count
  const auto* r3 = a.find_receiving(t.r3);
  ASSERT_EQ(r3->support.size(), 2u);
  EXPECT_EQ(r3->support[0].sending, t.s2);
  EXPECT_DOUBLE_EQ(r3->support[0].score, 0.3);
}

// A curator confirming a link says it is right; that the goals are the same
// only when the predicate says so.
TEST_F(Curation, ConfirmationDefaultsToRelatedMatch) {
  MappingSet set = default_mapping_set();
  Decision d;
  d.sending = t.s5;
  d.receiving = t.r4;
  record_decision(set, t.cat, d);
  ASSERT_EQ(set.mappings.size(), 1u);
  EXPECT_EQ(set.mappings[0].predicate, match::Predicate::RelatedMatch);
  EXPECT_NE(format_sssom(set).find("\tskos:relatedMatch\t"), std::string::npos);
}

// A confidence the reader would refuse is refused when the decision is made,
// before the curator saves (and loses) the file.
TEST_F(Curation, ConfidenceOutsideZeroToOneIsRefusedWhenRecorded) {
  MappingSet set = default_mapping_set();
  for (double bad : {5.0, -0.1, 1.0000001, std::numeric_limits<double>::quiet_NaN(),
                     std::numeric_limits<double>::infinity()}) {
    Decision d{t.s5, t.r4, true, match::Predicate::CloseMatch, bad, "", "", "", ""};
    try {
      record_decision(set, t.cat, d);
      ADD_FAILURE() << "accepted confidence " << bad;
    } catch (const std::invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find("confidence must be a number from 0 to 1"), std::string::npos) << e.what();
    }
  }
  EXPECT_TRUE(set.mappings.empty());
  for (double good : {0.0, 1.0}) record_decision(set, t.cat, Decision{t.s5, t.r4, true, match::Predicate::CloseMatch,
                                                                       good, "", "", "", ""});
  ASSERT_EQ(set.mappings.size(), 1u);
  // What was recorded reads back.
  EXPECT_DOUBLE_EQ(parse_sssom(format_sssom(set), "x").mappings.at(0).confidence.value(), 1.0);
}

TEST_F(Curation, ExportedAlignmentMarksOrigins) {
  auto al = t.alignment();
  al.links.push_back(SmallTransition::link(t.s5, t.r5, 0.0, match::Predicate::CloseMatch, match::Origin::Rejected));
  MappingSet set = to_mapping_set(t.cat, al);
  ASSERT_EQ(set.mappings.size(), al.links.size());
  // Named as an alignment, not as a curator's decisions.
  EXPECT_EQ(set.mapping_set_id, "urn:aansluiting:mappings:alignment");
  EXPECT_NE(set.mapping_set_title, default_mapping_set().mapping_set_title);
  EXPECT_EQ(set.mappings[0].justification, kLexicalMatching);
  EXPECT_DOUBLE_EQ(set.mappings[0].confidence.value(), 0.9);
  EXPECT_TRUE(set.mappings.back().negated);
  EXPECT_TRUE(set.mappings.back().curated());
  // Reading the export back as decisions applies only the rejection.
  CurationReport rep;
  apply_curation(t.cat, t.alignment(), parse_sssom(format_sssom(set), "export"), &rep);
  EXPECT_EQ(rep.rejected, 1u);
  EXPECT_EQ(rep.ignored_uncurated, al.links.size() - 1);
}

// An export used as the next round's decisions keeps the curator's words as they
// are: the explanation ("Bevestigd door curator: ... — <matcher>") written back as
// the comment grew by a prefix and an explanation on every round.
// ... and who decided, and when (a user test: an export dropped author and date).
TEST_F(Curation, ExportedDecisionsKeepTheCuratorsCommentThroughRounds) {
  MappingSet decisions = default_mapping_set();
  record_decision(decisions, t.cat, Decision{t.s5, t.r4, true, match::Predicate::CloseMatch, std::nullopt,
                                             "orcid:0000-0002-1825-0097", "", "2026-03-01", "klopt, gecontroleerd"});
  record_decision(decisions, t.cat, Decision{t.s5, t.r5, false, match::Predicate::RelatedMatch, std::nullopt, "",
                                             "J. de Vries", "2026-03-02", "alleen dezelfde woorden"});
  for (int round = 0; round < 3; ++round) {
    const match::Alignment curated = apply_curation(t.cat, t.alignment(), decisions);
    decisions = parse_sssom(format_sssom(to_mapping_set(t.cat, curated)), "ronde");
  }
  std::vector<std::string> rows;
  for (const auto& row : decisions.mappings)
    if (row.curated())
      rows.push_back(row.comment + "|" + row.author_id + "|" + row.author_label + "|" + row.mapping_date + "|" +
                     std::string(sssom_predicate_id(row.predicate)) + (row.negated ? " Not" : ""));
  std::sort(rows.begin(), rows.end());
  // A rejection keeps the relation the curator denied, not the matcher's.
  EXPECT_EQ(rows, (std::vector<std::string>{"alleen dezelfde woorden||J. de Vries|2026-03-02|skos:relatedMatch Not",
                                            "klopt, gecontroleerd|orcid:0000-0002-1825-0097||2026-03-01|skos:closeMatch"}));
}

// A rejection says which relation the curator denies; an export writes that back, not
// the matcher's relation for the pair (a user test: "Not relatedMatch" became "Not closeMatch").
TEST_F(Curation, AnExportedRejectionKeepsTheCuratorsRelation) {
  const match::Alignment automatic = t.alignment();
  ASSERT_FALSE(automatic.links.empty());
  const match::Link& matched = automatic.links.front();
  const match::Predicate denied = matched.predicate == match::Predicate::NarrowMatch ? match::Predicate::BroadMatch
                                                                                     : match::Predicate::NarrowMatch;
  MappingSet decisions = default_mapping_set();
  record_decision(decisions, t.cat, Decision{matched.source, matched.target, false, denied, std::nullopt, "", "", "",
                                             "niet smaller"});
  const MappingSet exported = parse_sssom(format_sssom(to_mapping_set(t.cat, apply_curation(t.cat, automatic, decisions))),
                                          "export");
  std::size_t found = 0;
  for (const auto& row : exported.mappings)
    if (row.curated()) {
      ++found;
      EXPECT_TRUE(row.negated);
      EXPECT_EQ(row.predicate, denied);
    }
  EXPECT_EQ(found, 1u);
}

// A transition's pairs as one alignment: each (source, target) once, the first
// met kept, and the Alignment order (by source, then by descending score) restored.
TEST(Alignment, JoinKeepsEachPairOnceInAlignmentOrder) {
  auto link = [](Vertex s, Vertex t, double score) {
    match::Link l;
    l.source = s;
    l.target = t;
    l.score = score;
    return l;
  };
  match::Alignment a, b;
  a.links = {link(3, 7, 0.9), link(5, 7, 0.4)};
  b.links = {link(1, 8, 0.2), link(3, 7, 0.1), link(3, 8, 0.95), link(5, 9, 0.4)};
  const match::Alignment joined = match::join_alignments({&a, &b});
  ASSERT_EQ(joined.links.size(), 5u);
  const std::vector<std::tuple<Vertex, Vertex, double>> expected = {
      {1, 8, 0.2}, {3, 8, 0.95}, {3, 7, 0.9}, {5, 7, 0.4}, {5, 9, 0.4}};  // equal scores keep their order
  for (std::size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(joined.links[k].source, std::get<0>(expected[k])) << k;
    EXPECT_EQ(joined.links[k].target, std::get<1>(expected[k])) << k;
    EXPECT_DOUBLE_EQ(joined.links[k].score, std::get<2>(expected[k])) << k;
  }
}

TEST(Curie, EveryRealGoalRoundTrips) {
  Catalogue cat;
  importers::load_slo(cat, testing::slo_dir());
  importers::load_sbb(cat, testing::sbb_dir());
  const auto& g = cat.graph();
  std::size_t slo = 0, sbb = 0;
  for (Vertex v = 0; v < g.num_vertices(); ++v) {
    if (g.goal(v).kind == GoalKind::LevelNode) continue;
    const std::string curie = goal_curie(cat, v);
    slo += curie.rfind("slo:", 0) == 0;
    sbb += curie.rfind("sbb:", 0) == 0;
    ASSERT_EQ(resolve_curie(cat, curie), v) << curie;
    ASSERT_EQ(curie.find_first_of(" \t\n\"|"), std::string::npos) << curie;
  }
  EXPECT_GT(slo, 1000u);
  EXPECT_GT(sbb, 100u);
}

// ---- atomic writes ----

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

TEST(AtomicWrite, ReplacesContentAndKeepsPermissions) {
  ScratchDir dir;
  const auto path = dir.write("f.tsv", "oud\n");
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  write_file_atomically(path, "nieuw\n");
  EXPECT_EQ(slurp(path), "nieuw\n");
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  EXPECT_EQ(files_in(dir.path()), 1u);  // no temporary file left
}

TEST(AtomicWrite, FailedWriteLeavesOldFileIntact) {
  ScratchDir dir;
  const auto path = dir.write("f.tsv", "oud\n");
  // A full disk, simulated with a file size limit (works for root too).
  rlimit old{};
  ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &old), 0);
  auto old_handler = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = old;
  small.rlim_cur = 64;
  ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
  bool threw = false;
  try {
    write_file_atomically(path, std::string(4096, 'x'));
  } catch (const std::system_error&) {
    threw = true;
  }
  setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, old_handler);
  EXPECT_TRUE(threw);
  EXPECT_EQ(slurp(path), "oud\n");
  EXPECT_EQ(files_in(dir.path()), 1u);
}

// A curator's file may go to a folder that does not exist yet.
TEST(AtomicWrite, MakesMissingFoldersWhenAsked) {
  ScratchDir dir;
  const fs::path path = dir.path() / "curation" / "nieuw" / "d.sssom.tsv";
  EXPECT_THROW(write_file_atomically(path.string(), "x\n"), std::system_error);
  EXPECT_FALSE(fs::exists(path.parent_path()));
  write_file_atomically(path.string(), "inhoud\n", MissingFolders::Create);
  EXPECT_EQ(slurp(path), "inhoud\n");
  EXPECT_EQ(files_in(path.parent_path()), 1u);  // no temporary file left
  write_sssom(path.string(), default_mapping_set(), MissingFolders::Create);  // existing folders are fine
  EXPECT_TRUE(read_sssom(path.string()).mappings.empty());
  // A file where a folder should be: an error naming the file, nothing written.
  const auto blocker = dir.write("bestand", "");
  try {
    write_file_atomically(blocker + "/sub/d.tsv", "x", MissingFolders::Create);
    ADD_FAILURE() << "no error";
  } catch (const fs::filesystem_error& e) {
    EXPECT_EQ(e.path1(), fs::path(blocker + "/sub/d.tsv"));
  }
  EXPECT_EQ(slurp(blocker), "");
}

TEST(AtomicWrite, UnwritableOrMissingFolder) {
  EXPECT_THROW(write_file_atomically("/nonexistent-folder/f.tsv", "x"), std::system_error);
  if (geteuid() == 0) GTEST_SKIP() << "root ignores folder permissions";
  ScratchDir dir;
  const auto path = dir.write("f.tsv", "oud\n");
  fs::permissions(dir.path(), fs::perms::owner_read | fs::perms::owner_exec);
  EXPECT_THROW(write_file_atomically(path, "nieuw\n"), std::system_error);
  fs::permissions(dir.path(), fs::perms::owner_all);
  EXPECT_EQ(slurp(path), "oud\n");
}

}  // namespace
}  // namespace aansluiting::analysis
