// Curated decisions: SSSOM reading/writing, atomic writes, and precedence of
// curator decisions over the matcher.

#include <csignal>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>
#include <vector>

#include <sys/resource.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

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

// predicate_modifier last: the rows below may leave it out (a short row), as most are confirmations.
const char* kHeader = "subject_id\tpredicate_id\tobject_id\tmapping_justification\tconfidence\tpredicate_modifier\n";

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
  // A spreadsheet saved as CSV: ';' (a Dutch Excel's) is read, with a warning (EveryExcelTextChoice...), another
  // separator is named.
  EXPECT_EQ(parse_sssom("#license: x\nsubject_id;predicate_id;object_id;mapping_justification\n", "bad.sssom.tsv")
                .warnings.at(0).what.id, MessageId::SssomReadWithSemicolons);
  expect_error_at("#license: x\npredicate_id,object_id,mapping_justification,subject_id\n", 2, 1,
                  "the header is separated by ',', not by tabs");  // the column looked for is the last cell
  // A Dutch spreadsheet's decimal comma is read (SpreadsheetEdits), not a number from 0 to 1 is not.
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1,5\n"), 6, 0,
                  "confidence '1,5' is not a number from 0 to 1");
  expect_error_at(minimal("a b\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1\n"), 6, 1, "CURIE");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\t\t1\n"), 6, 29, "mapping_justification is empty: write semapv:ManualMappingCuration");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1\t\textra\n"), 6, 0, "header");
  expect_error_at(minimal("slo:a\tskos:closeMatch\n"), 6, 0, "object_id");
  expect_error_at(minimal("slo:a\t\"skos:closeMatch\tslo:b\n"), 6, 7, "never closed");
  expect_error_at("#curie_map:\n#  slo: \"unclosed\n" + std::string(kHeader), 2, 9, "YAML");  // at the quote
  // In sssom-py's style ("# key"), too: the column is the file's.
  expect_error_at("# license: x\n# mapping_set_id: \"u\n" + std::string(kHeader), 2, 19, "YAML");
  expect_error_at("#license: x\nsubject_id\tobject_id\n", 2, 0, "predicate_id");
  expect_error_at("#license: x\n", 2, 0, "header");
  // A wrong byte in a UTF-8 file (its "é" is right); without a UTF-8 character it is Windows-1252, as Excel saves it.
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t\xff\tcaf\xC3\xA9\n"), 6, 0,
                  "UTF-8");
  expect_error_at(minimal("slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t\xff\n"), 6, 0,
                  "confidence '\xC3\xBF' is not a number from 0 to 1");
  EXPECT_THROW(read_sssom("/nonexistent/file.sssom.tsv"), InputError);
}

// SSSOM's extension_definitions is a list of slot definitions (mappings), as
// sssom-py writes it ("# " before each line, which is no comment here): kept
// as written, not refused.
TEST(Sssom, NestedMetadataSuchAsExtensionDefinitionsIsKeptAsWritten) {
  const std::string sssom_py =
      "# curie_map:\n"
      "#   slo: https://opendata.slo.nl/curriculum/uuid/\n"
      "# extension_definitions:\n"
      "# - property: urn:aansluiting:besluit\n"
      "#   slot_name: besluit\n"
      "#   type_hint: xsd:string\n"
      "# license: https://creativecommons.org/publicdomain/zero/1.0/\n"
      "# mapping_set_id: urn:x\n" +
      std::string(kHeader) + "slo:a\tskos:closeMatch\tslo:b\tsemapv:ManualMappingCuration\t1\n";
  const MappingSet set = parse_sssom(sssom_py, "py.sssom.tsv");
  EXPECT_EQ(set.license, "https://creativecommons.org/publicdomain/zero/1.0/");  // the key after it is read
  EXPECT_EQ(set.mapping_set_id, "urn:x");
  ASSERT_EQ(set.other_metadata.size(), 1u);
  const MetadataEntry& ext = set.other_metadata.front();
  EXPECT_EQ(ext.key, "extension_definitions");
  EXPECT_TRUE(ext.values.empty());
  EXPECT_EQ(ext.yaml, "- property: urn:aansluiting:besluit\n  slot_name: besluit\n  type_hint: xsd:string");
  // Written back as it was, and read back the same, over and over.
  const std::string written = format_sssom(set);
  EXPECT_NE(written.find("#extension_definitions:\n#- property: urn:aansluiting:besluit\n#  slot_name: besluit\n"),
            std::string::npos)
      << written;
  const MappingSet again = parse_sssom(written, "again.sssom.tsv");
  ASSERT_EQ(again.other_metadata.size(), 1u);
  EXPECT_EQ(again.other_metadata.front().yaml, ext.yaml);
  EXPECT_EQ(format_sssom(again), written);
  ASSERT_EQ(again.mappings.size(), 1u);

  // A flow value beside its key, a nested mapping, and a list with a mapping after a plain item.
  const std::string others =
      "#license: x\n"
      "#extension_definitions: [{slot_name: besluit, property: \"urn:aansluiting:besluit\"}]\n"
      "#mapping_tool:\n"
      "#  name: aansluiting\n"
      "#  version: \"1\"\n"
      "#see_also:\n"
      "#  - https://example.org\n"
      "#  - {a: b}\n"
      "#mapping_set_id: urn:y\n" +
      std::string(kHeader);
  const MappingSet o = parse_sssom(others, "o.sssom.tsv");
  EXPECT_EQ(o.mapping_set_id, "urn:y");
  ASSERT_EQ(o.other_metadata.size(), 3u);
  EXPECT_EQ(o.other_metadata[0].yaml, "[{slot_name: besluit, property: \"urn:aansluiting:besluit\"}]");
  EXPECT_FALSE(o.other_metadata[0].yaml_below_key);
  EXPECT_EQ(o.other_metadata[1].yaml, "  name: aansluiting\n  version: \"1\"");
  EXPECT_EQ(o.other_metadata[2].yaml, "  - https://example.org\n  - {a: b}");
  const std::string o_written = format_sssom(o);
  EXPECT_EQ(format_sssom(parse_sssom(o_written, "o2.sssom.tsv")), o_written);
  EXPECT_NE(o_written.find("#extension_definitions: [{slot_name: besluit"), std::string::npos) << o_written;
}

// A review: libyaml counts characters, and the nested value was cut by bytes, so a
// title with "één" before it shifted the cut, and every save cut the file further.
TEST(Sssom, NestedMetadataAfterATitleWithAccentsIsCutRight) {
  const std::string text =
      "#mapping_set_title: \"Aansluiting één — geïntegreerd, Müller\"\n"
      "#extension_definitions:\n"
      "#  - slot_name: besluit\n"
      "#    type_hint: xsd:string\n"
      "#license: x\n" +
      std::string(kHeader);
  const MappingSet set = parse_sssom(text, "a.sssom.tsv");
  ASSERT_EQ(set.other_metadata.size(), 1u);
  EXPECT_EQ(set.other_metadata[0].yaml, "  - slot_name: besluit\n    type_hint: xsd:string");
  const std::string written = format_sssom(set);
  EXPECT_EQ(format_sssom(parse_sssom(written, "b.sssom.tsv")), written);
}

// A review: read as sssom-py's "# key" style, a colleague's text between the keys
// became a key or stopped the load. Only SSSOM's own keys are keys there.
TEST(Sssom, AColleaguesTextInASssomPyBlockStaysAComment) {
  const std::string py_keys = "# license: https://example.org/cc0\n# mapping_set_id: urn:x\n";
  const std::string header = std::string(kHeader);
  struct Case {
    std::string block;
    std::vector<std::string> comments;
  };
  const std::vector<Case> cases = {
      {"# Curatie wiskunde B\n# besproken met Piet op 12 maart\n", {" Curatie wiskunde B", " besproken met Piet op 12 maart"}},
      {"# Curatie wiskunde B\n" + py_keys, {" Curatie wiskunde B"}},
      {py_keys + "# Piet heeft dit nagekeken\n", {" Piet heeft dit nagekeken"}},
      {py_keys + "# Let op: dit is: belangrijk\n", {" Let op: dit is: belangrijk"}},
      {"# Piet: besproken op 12 maart\n" + py_keys, {" Piet: besproken op 12 maart"}},
  };
  for (const Case& c : cases) {
    const MappingSet set = parse_sssom(c.block + header, "c.sssom.tsv");
    EXPECT_EQ(set.metadata_comments, c.comments) << c.block;
    EXPECT_TRUE(set.other_metadata.empty()) << c.block;
    if (c.block.find("mapping_set_id") != std::string::npos) {
      EXPECT_EQ(set.mapping_set_id, "urn:x") << c.block;
      EXPECT_EQ(set.license, "https://example.org/cc0") << c.block;
    }
  }
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
  // What the matcher said is marked as its own, not read as the curator's verdict (a user test:
  // "Bevestigd door curator — Geen gedeelde termen. Zwakke overeenkomst.").
  EXPECT_EQ(it->explanation.rfind("Afgewezen door curator: te algemeen — volgens de tekstvergelijking: ", 0), 0u)
      << it->explanation;
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

// A colleague adds a row that decides otherwise, and sorts the rows: the last
// row counts, as before, and the curator hears which rows disagree.
TEST_F(Curation, RowsThatDisagreeAboutALinkAreNamed) {
  ScratchDir dir;
  const std::string path = dir.write("d.sssom.tsv", minimal(
      "slo:s2\tskos:closeMatch\tslo:r3\tsemapv:ManualMappingCuration\t0.9\n"
      "slo:s1\tskos:closeMatch\tslo:r1\tsemapv:ManualMappingCuration\t\tNot\n"
      "slo:s2\tskos:closeMatch\tslo:r3\tsemapv:ManualMappingCuration\t0.5\n"  // the same decision: no note
      "slo:s1\tskos:closeMatch\tslo:r1\tsemapv:ManualMappingCuration\t0.8\n"));
  CurationReport rep;
  auto a = rerun(path, &rep);
  ASSERT_EQ(rep.notes.size(), 1u);
  EXPECT_EQ(rep.notes[0].what.id, MessageId::SssomConflictingDecisions);
  EXPECT_EQ(rep.notes[0].where.line, 9u);
  EXPECT_EQ(rep.notes[0].what.args.at(0), "7");  // the row it overrules
  EXPECT_EQ(rep.notes[0].what.args.at(1), "Not skos:closeMatch");
  EXPECT_EQ(rep.confirmed, 2u);
  EXPECT_EQ(rep.rejected, 0u);
  EXPECT_EQ(a.find_receiving(t.r1)->support.at(0).origin, match::Origin::Confirmed);
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

// ---- a real export, edited in a spreadsheet (user tests) ----

// The export `rapport --sssom` writes for real links: the CvTE syllabus wiskunde B
// specifications to the havo exam programme's eindtermen they specify, as automatic
// links with three-decimal scores, one confirmed and one rejected by a curator.
class SpreadsheetEdits : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cat_ = new Catalogue;
    importers::load_slo(*cat_, testing::slo_dir());
    const auto& g = cat_->graph();
    auto wb = cat_->find_programme("wiskunde b", Level::Havo, {GoalKind::Programme});
    auto syllabi = cat_->find_programmes("syllabus wiskunde b 2024", Level::Havo, {GoalKind::Syllabus});
    ASSERT_EQ(syllabi.size(), 1u);
    SelectionOptions specifications, eindtermen;
    specifications.leaf_kinds = {GoalKind::Specification};
    eindtermen.leaf_kinds = {GoalKind::Eindterm};
    auto send = select_goals(g, {syllabi[0].root}, specifications);
    auto recv = select_goals(g, {wb.root}, eindtermen);
    automatic_ = new match::Alignment;
    for (Vertex spec : send.leaves())
      for (Vertex target : g.targets(spec, EdgeKind::Specifies))
        if (recv.contains(target)) {
          const double score = 0.1 + 0.001 * static_cast<double>((automatic_->links.size() * 37 + 254) % 850);
          automatic_->links.push_back(SmallTransition::link(spec, target, score, match::Predicate::NarrowMatch));
        }
    ASSERT_GT(automatic_->links.size(), 20u);
    match::sort_links(automatic_->links);
    match::Alignment exported = *automatic_;
    exported.links[0].origin = match::Origin::Confirmed;
    exported.links[0].score = 0.9;
    exported.links[0].curator.comment = "klopt";
    exported.links[1].origin = match::Origin::Rejected;
    exported.links[1].curator.comment = "alleen dezelfde woorden";
    export_ = new std::string(format_sssom(to_mapping_set(*cat_, exported)));
  }
  static void TearDownTestSuite() {
    delete cat_;
    delete automatic_;
    delete export_;
  }
  static Catalogue* cat_;
  static match::Alignment* automatic_;
  static std::string* export_;

  // The export as a spreadsheet shows it: '#' lines, the header, rows of cells.
  struct Sheet {
    std::vector<std::string> meta, header;
    std::vector<std::vector<std::string>> rows;

    explicit Sheet(const std::string& text) {
      std::istringstream in(text);
      std::string line;
      while (std::getline(in, line)) {
        if (line.starts_with("#")) {
          meta.push_back(line);
          continue;
        }
        std::vector<std::string> cells;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
          cells.push_back(line.substr(start, tab - start));
        cells.push_back(line.substr(start));
        if (header.empty()) header = std::move(cells);
        else rows.push_back(std::move(cells));
      }
    }
    std::size_t col(std::string_view name) const {
      return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    }
    std::string& cell(std::size_t row, std::string_view name) { return rows.at(row).at(col(name)); }
    // A column deleted in the spreadsheet.
    void drop(std::string_view name) {
      const std::size_t c = col(name);
      header.erase(header.begin() + static_cast<std::ptrdiff_t>(c));
      for (auto& r : rows) r.erase(r.begin() + static_cast<std::ptrdiff_t>(c));
    }
    std::size_t line(std::size_t row) const { return meta.size() + 2 + row; }
    std::size_t column(std::size_t row, std::string_view name) const {
      std::size_t c = 1;
      // Characters, as an editor counts them ("ë" in a label is one column).
      for (std::size_t k = 0; k < col(name); ++k) c += column_after(rows[row][k]);
      return c;
    }
    std::vector<std::size_t> rows_with(std::string_view name, std::string_view value) const {
      std::vector<std::size_t> out;
      for (std::size_t r = 0; r < rows.size(); ++r)
        if (rows[r][col(name)] == value) out.push_back(r);
      return out;
    }
    bool decision(std::size_t row) const { return rows[row][col("mapping_justification")] == kManualCuration; }
    std::string text() const {
      std::string out;
      for (const auto& m : meta) out += m + "\n";
      auto add = [&](const std::vector<std::string>& cells) {
        for (std::size_t k = 0; k < cells.size(); ++k) out += (k ? "\t" : "") + cells[k];
        out += "\n";
      };
      add(header);
      for (const auto& r : rows) add(r);
      return out;
    }
  };

  // The row the curator confirmed, and the one rejected.
  static std::size_t confirmed(const Sheet& s) {
    for (std::size_t r : s.rows_with("mapping_justification", kManualCuration))
      if (s.rows[r][s.col("predicate_modifier")].empty()) return r;
    ADD_FAILURE() << "no confirmed row";
    return 0;
  }
  static std::size_t rejected(const Sheet& s) {
    for (std::size_t r : s.rows_with("mapping_justification", kManualCuration))
      if (s.rows[r][s.col("predicate_modifier")] == "Not") return r;
    ADD_FAILURE() << "no rejected row";
    return 0;
  }
};
Catalogue* SpreadsheetEdits::cat_ = nullptr;
match::Alignment* SpreadsheetEdits::automatic_ = nullptr;
std::string* SpreadsheetEdits::export_ = nullptr;

// A user test: "semapv:ManualMapingCuration" made the confirmation no decision, and
// it vanished without a word. A justification that is almost a decision's stops the
// load at its cell, with the right spelling in Dutch.
TEST_F(SpreadsheetEdits, AMisspelledDecisionStopsTheLoadWithTheRightSpelling) {
  const Sheet sheet(*export_);
  const std::size_t row = confirmed(sheet);
  const std::vector<std::pair<std::string, std::string_view>> typos = {
      {"semapv:ManualMapingCuration", kManualCuration},   // the user test
      {"semapv:ManaulMappingCuration", kManualCuration},  // two letters swapped
      {"semapv:manualMapingCuratoin", kManualCuration},   // and the case
      {"semapv:Manual Mapping Curation", kManualCuration},
      {"semapv:ManualCuration", kManualCuration},
      {"semapv:MappingCuration", kManualCuration},
      {"ManualMappingCuration", kManualCuration},  // no prefix: not "is not a CURIE"
      {"http://w3id.org/semapv/vocab/ManualMappingCuration", kManualCuration},
      {"https://w3id.org/semapv/vocab/ManualMapingCuration", kManualCuration},
      {"semapv:MappingReveiw", kMappingReview},
      {"semapv:Review", kMappingReview},
  };
  for (const auto& [typo, meant] : typos) {
    Sheet edited = sheet;
    edited.cell(row, "mapping_justification") = typo;
    try {
      parse_sssom(edited.text(), "besluiten.sssom.tsv");
      ADD_FAILURE() << typo << " was read";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, "besluiten.sssom.tsv");
      EXPECT_EQ(e.where().line, sheet.line(row)) << typo;
      EXPECT_EQ(e.where().column, sheet.column(row, "mapping_justification")) << typo;
      EXPECT_EQ(e.message().code(), "sssom.justification_misspelled") << e.what();
      EXPECT_NE(e.message().dutch().find("'" + typo + "' is bijna '" + std::string(meant) + "': schrijf precies"),
                std::string::npos) << e.message().dutch();
    }
  }
  // Not typos: the other SEMAPV matching processes, and a slip of letter case only,
  // which stays a row that is not a decision and is reported when applied (as before).
  for (const std::string other : {"semapv:LexicalMatching", "semapv:CompositeMatching", "semapv:UnspecifiedMatching",
                                  "semapv:LogicalReasoning", "semapv:MappingChaining", "semapv:MappingInversion",
                                  "semapv:StructuralMatching", "semapv:LexicalSimilarityThresholdMatching",
                                  "semapv:BackgroundKnowledgeBasedMatching", "semapv:manualMappingCuration"}) {
    Sheet edited = sheet;
    edited.cell(row, "mapping_justification") = other;
    const MappingSet set = parse_sssom(edited.text(), "besluiten.sssom.tsv");
    EXPECT_FALSE(set.mappings.at(row).curated()) << other;
    CurationReport rep;
    apply_curation(*cat_, *automatic_, set, &rep);
    EXPECT_EQ(rep.confirmed, 0u) << other;
    EXPECT_EQ(rep.unresolved.size(), other == "semapv:manualMappingCuration" ? 1u : 0u) << other;
  }
}

// A user test: "semapv:ManualMappingCuration " (a space a spreadsheet left) was "not a
// CURIE". Spaces around codes mean nothing; around labels and comments they are kept.
TEST_F(SpreadsheetEdits, SpacesAroundCodesAreNotPartOfThem) {
  const Sheet sheet(*export_);
  const MappingSet plain = parse_sssom(*export_, "export.sssom.tsv");
  Sheet edited = sheet;
  const std::size_t yes = confirmed(sheet), no = rejected(sheet);
  edited.cell(yes, "mapping_justification") += " ";
  edited.cell(yes, "subject_id") = " " + edited.cell(yes, "subject_id");
  edited.cell(yes, "object_id") += "\xC2\xA0";  // a no-break space
  edited.cell(yes, "predicate_id") = "  " + edited.cell(yes, "predicate_id") + " ";
  edited.cell(yes, "confidence") += " ";
  edited.cell(yes, "comment") = " klopt ";
  edited.cell(no, "predicate_modifier") += " ";
  edited.cell(no, "mapping_justification") = " " + edited.cell(no, "mapping_justification");
  edited.header[edited.col("comment")] += " ";
  const MappingSet set = parse_sssom(edited.text(), "besluiten.sssom.tsv");
  ASSERT_EQ(set.mappings.size(), plain.mappings.size());
  for (std::size_t r = 0; r < set.mappings.size(); ++r) {
    const MappingRow &a = set.mappings[r], &b = plain.mappings[r];
    EXPECT_EQ(std::tie(a.subject_id, a.object_id, a.predicate, a.negated, a.justification, a.confidence),
              std::tie(b.subject_id, b.object_id, b.predicate, b.negated, b.justification, b.confidence)) << r;
  }
  EXPECT_EQ(set.mappings[yes].comment, " klopt ");
  EXPECT_TRUE(set.extra_columns.empty());
  CurationReport rep;
  apply_curation(*cat_, *automatic_, set, &rep);
  EXPECT_EQ(rep.confirmed, 1u);
  EXPECT_EQ(rep.rejected, 1u);
  EXPECT_TRUE(rep.unresolved.empty());
}

// What Excel writes for a '#' line, one cell: quoted when it holds a quote (all text
// cells with `all`, as LibreOffice can), its quotes doubled; `pad` empty cells after it.
std::string spreadsheet_line(const std::string& line, bool all, std::size_t pad) {
  std::string out = line;
  if (all || line.find('"') != std::string::npos) {
    out = "\"";
    for (char c : line) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += "\"";
  }
  return out + std::string(pad, '\t');
}

// A user test: saved by Excel as UTF-8 text, the '#  slo: "..."' lines came back as
// '"#  slo: ""..."""' and the load failed with "curie_map must map prefixes to IRIs".
TEST_F(SpreadsheetEdits, MetadataLinesQuotedByASpreadsheetAreRead) {
  const MappingSet plain = parse_sssom(*export_, "export.sssom.tsv");
  ASSERT_EQ(plain.curie_map, default_curie_map());
  const Sheet sheet(*export_);
  for (const bool all : {false, true})
    for (const std::size_t pad : {0u, 3u}) {
      Sheet saved = sheet;
      std::size_t quoted = 0;
      for (auto& m : saved.meta) {
        m = spreadsheet_line(m, all, pad);
        quoted += m.starts_with("\"#");
      }
      EXPECT_GE(quoted, default_curie_map().size());
      const std::string text = "\xEF\xBB\xBF" + saved.text();  // Excel's UTF-8 has a BOM
      const MappingSet set = parse_sssom(text, "besluiten.sssom.tsv");
      EXPECT_EQ(set.curie_map, plain.curie_map);
      EXPECT_EQ(set.mapping_set_id, plain.mapping_set_id);
      EXPECT_EQ(set.mapping_set_title, plain.mapping_set_title);
      EXPECT_EQ(set.license, plain.license);
      EXPECT_EQ(set.mapping_date, plain.mapping_date);
      EXPECT_EQ(set.mappings.size(), plain.mappings.size());
      EXPECT_EQ(set.mappings.front().line, plain.mappings.front().line);
      EXPECT_EQ(format_sssom(set), format_sssom(plain));  // saved again, as it was exported
    }
  // Quotes that are not a spreadsheet's (the inner ones not doubled): an error that says what happened.
  Sheet broken = sheet;
  std::size_t at = 0;
  while (!broken.meta[at].starts_with("#  slo:")) ++at;
  broken.meta[at] = "\"" + broken.meta[at] + "\"";
  try {
    parse_sssom(broken.text(), "besluiten.sssom.tsv");
    ADD_FAILURE() << "read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, at + 1);
    EXPECT_EQ(e.where().column, 1u);
    EXPECT_NE(e.message().dutch().find("zoals een spreadsheetprogramma hem opslaat"), std::string::npos)
        << e.message().dutch();
  }
  // An error inside a quoted line names the column in the file, after the doubled quotes.
  broken = sheet;
  broken.meta[at] = spreadsheet_line("#  \"slo\": [\"https://opendata.slo.nl/\"]", false, 0);
  try {
    parse_sssom(broken.text(), "besluiten.sssom.tsv");
    ADD_FAILURE() << "read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message().code(), "sssom.curie_map_value") << e.what();
    EXPECT_EQ(e.where().line, at + 1) << e.what();
    EXPECT_EQ(e.where().column, broken.meta[at].find('[') + 1) << e.what();
  }
}

// A user test: after a Dutch Excel save the automatic rows' scores read 0,254, and the
// load stopped at the first one, one error per run, though those rows count for nothing.
// A decimal comma is read as meant (a confidence is 0..1, so a comma is never a thousands
// separator there), decisions' too, with one warning; an unreadable score of a row that
// is not a decision is ignored with one warning; a decision's is still an error.
TEST_F(SpreadsheetEdits, DecimalCommasAreReadAndSuggestionsNeverStopTheLoad) {
  const MappingSet plain = parse_sssom(*export_, "export.sssom.tsv");
  EXPECT_TRUE(plain.warnings.empty());
  const Sheet sheet(*export_);
  const std::size_t yes = confirmed(sheet);
  Sheet dutch = sheet;
  std::size_t commas = 0, first = dutch.rows.size();
  for (std::size_t r = 0; r < dutch.rows.size(); ++r) {
    std::string& c = dutch.cell(r, "confidence");
    if (c.find('.') == std::string::npos) continue;
    std::replace(c.begin(), c.end(), '.', ',');
    ++commas;
    first = std::min(first, r);
  }
  ASSERT_EQ(dutch.cell(yes, "confidence"), "0,9");
  ASSERT_GT(commas, 20u);
  const MappingSet set = parse_sssom(dutch.text(), "besluiten.sssom.tsv");
  ASSERT_EQ(set.mappings.size(), plain.mappings.size());
  for (std::size_t r = 0; r < set.mappings.size(); ++r) EXPECT_EQ(set.mappings[r].confidence, plain.mappings[r].confidence) << r;
  ASSERT_EQ(set.warnings.size(), 1u);
  const Warning& w = set.warnings[0];
  EXPECT_EQ(w.what.code(), "sssom.decimal_comma_read");
  EXPECT_EQ(w.where.file, "besluiten.sssom.tsv");
  EXPECT_EQ(w.where.line, sheet.line(first));
  EXPECT_EQ(w.where.column, sheet.column(first, "confidence"));
  EXPECT_NE(w.what.dutch().find("(rijen met een decimale komma: " + std::to_string(commas) + ")"), std::string::npos)
      << w.what.dutch();
  CurationReport rep;
  const auto curated = apply_curation(*cat_, *automatic_, set, &rep);
  EXPECT_EQ(rep.confirmed, 1u);
  EXPECT_EQ(rep.ignored_uncurated, set.mappings.size() - 2);
  const auto link = std::find_if(curated.links.begin(), curated.links.end(),
                                 [](const match::Link& l) { return l.origin == match::Origin::Confirmed; });
  ASSERT_NE(link, curated.links.end());
  EXPECT_DOUBLE_EQ(link->score, 0.9);

  // Scores of suggestions no program can read: ignored, told once; not so for a decision.
  Sheet odd = sheet;
  std::size_t unreadable = 0;
  for (std::size_t r = 0; r < odd.rows.size(); ++r)
    if (!odd.decision(r) && r % 3 == 0) {
      odd.cell(r, "confidence") = r % 2 ? "hoog" : "1,5";
      ++unreadable;
    }
  ASSERT_GT(unreadable, 5u);
  const MappingSet ignored = parse_sssom(odd.text(), "besluiten.sssom.tsv");
  ASSERT_EQ(ignored.warnings.size(), 1u);
  EXPECT_EQ(ignored.warnings[0].what.code(), "sssom.confidence_ignored");
  EXPECT_NE(ignored.warnings[0].what.dutch().find("genegeerd, want de rij is geen beslissing (zulke rijen: " +
                                                  std::to_string(unreadable) + ")"),
            std::string::npos) << ignored.warnings[0].what.dutch();
  odd.cell(yes, "confidence") = "hoog";
  try {
    parse_sssom(odd.text(), "besluiten.sssom.tsv");
    ADD_FAILURE() << "a decision's unreadable confidence was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, sheet.line(yes));
    EXPECT_EQ(e.where().column, sheet.column(yes, "confidence"));
    EXPECT_EQ(e.message().code(), "sssom.bad_confidence");
  }
}

// ---- comment lines a colleague types in a text editor ----

// A curator's file for real goals, as Curation.save() writes it: two of the export's
// links confirmed, one rejected.
std::string curators_file(const Catalogue& cat, const match::Alignment& automatic) {
  MappingSet set = default_mapping_set();
  const auto& l = automatic.links;
  record_decision(set, cat, Decision{l.at(0).source, l.at(0).target, true, match::Predicate::CloseMatch, 0.9, "",
                                     "J. de Vries", "2025-03-10", "klopt"});
  record_decision(set, cat, Decision{l.at(1).source, l.at(1).target, false, match::Predicate::NarrowMatch, std::nullopt,
                                     "orcid:0000-0001-2345-6789", "", "2025-03-11", "alleen dezelfde woorden"});
  record_decision(set, cat, Decision{l.at(2).source, l.at(2).target, true, match::Predicate::RelatedMatch, std::nullopt,
                                     "", "Piet", "2025-03-12", ""});
  return format_sssom(set);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::size_t line_starting(const std::vector<std::string>& lines, std::string_view start) {
  for (std::size_t k = 0; k < lines.size(); ++k)
    if (lines[k].starts_with(start)) return k;
  ADD_FAILURE() << "no line " << start;
  return 0;
}

void expect_same_decisions(const MappingSet& a, const MappingSet& b) {
  ASSERT_EQ(a.mappings.size(), b.mappings.size());
  for (std::size_t r = 0; r < a.mappings.size(); ++r) {
    const MappingRow &x = a.mappings[r], &y = b.mappings[r];
    EXPECT_EQ(std::tie(x.subject_id, x.object_id, x.predicate, x.negated, x.justification, x.confidence, x.author_id,
                       x.author_label, x.mapping_date, x.comment),
              std::tie(y.subject_id, y.object_id, y.predicate, y.negated, y.justification, y.confidence, y.author_id,
                       y.author_label, y.mapping_date, y.comment)) << r;
  }
}

void expect_same_metadata(const MappingSet& a, const MappingSet& b) {
  EXPECT_EQ(a.curie_map, b.curie_map);
  EXPECT_EQ(a.mapping_set_id, b.mapping_set_id);
  EXPECT_EQ(a.mapping_set_title, b.mapping_set_title);
  EXPECT_EQ(a.license, b.license);
  EXPECT_TRUE(a.other_metadata.empty());
}

// A user test: "# Piet: besproken op 12 maart" between two rows, or below the last,
// stopped the whole analysis with "subject_id '# Piet: …' is geen CURIE". A '#' line
// after the header is a comment, as sssom-py reads it, and a save writes it back.
TEST_F(SpreadsheetEdits, CommentLinesAmongTheRowsAreSkippedAndWrittenBack) {
  const std::string saved = curators_file(*cat_, *automatic_);
  const MappingSet plain = parse_sssom(saved, "besluiten.sssom.tsv");
  ASSERT_EQ(plain.mappings.size(), 3u);
  std::vector<std::string> lines = lines_of(saved);
  const std::size_t header = line_starting(lines, "subject_id\t");
  lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(header) + 2, "# Piet: besproken op 12 maart");
  lines.push_back("#nog navragen bij de sectie\t\t");  // tabs a spreadsheet adds
  const std::string edited = joined(lines);
  const MappingSet set = parse_sssom(edited, "besluiten.sssom.tsv");
  expect_same_decisions(set, plain);
  EXPECT_EQ(set.mappings[1].line, plain.mappings[1].line + 1);
  ASSERT_EQ(set.comments.size(), 2u);
  EXPECT_EQ(set.comments[0].text, " Piet: besproken op 12 maart");
  EXPECT_EQ(set.comments[0].before, 1u);  // above the rejection
  EXPECT_EQ(set.comments[0].line, header + 3);
  EXPECT_EQ(set.comments[1].text, "nog navragen bij de sectie");
  EXPECT_EQ(set.comments[1].before, CommentLine::kAtEnd);  // below the last row, also below rows added later
  EXPECT_TRUE(set.warnings.empty());
  CurationReport rep;
  apply_curation(*cat_, *automatic_, set, &rep);
  EXPECT_EQ(rep.confirmed, 2u);
  EXPECT_EQ(rep.rejected, 1u);
  EXPECT_TRUE(rep.unresolved.empty());

  // Saved again: each comment where the editor put it, and so on every later save,
  // also after a decision on the commented pair changed (as Curation.confirm does).
  lines.back() = "#nog navragen bij de sectie";
  EXPECT_EQ(format_sssom(set), joined(lines));
  MappingSet changed = set;
  const auto& l = automatic_->links;
  record_decision(changed, *cat_, Decision{l[1].source, l[1].target, true, match::Predicate::CloseMatch, 0.8, "",
                                           "Piet", "2025-03-12", "toch wel"});
  const MappingSet back = parse_sssom(format_sssom(changed), "besluiten.sssom.tsv");
  expect_same_metadata(back, plain);
  ASSERT_EQ(back.comments.size(), 2u);
  EXPECT_EQ(back.comments[0].before, 1u);
  EXPECT_EQ(back.comments[1].before, CommentLine::kAtEnd);
  ASSERT_EQ(back.mappings.size(), 3u);
  EXPECT_FALSE(back.mappings[1].negated);
  EXPECT_EQ(back.mappings[1].comment, "toch wel");
}

// A user test: the same comment in the metadata block stopped the load with a libyaml
// reason in English; as the file's first line it was read as a key one level down, and
// the mapping ended there: curie_map, id, title and license were dropped without a word,
// and the next save wrote only '#Piet: "besproken op 12 maart"'. A line '#' + space +
// text is a comment wherever it stands in the block; a save keeps it as a YAML comment.
TEST_F(SpreadsheetEdits, CommentLinesInTheMetadataKeepEveryKey) {
  const std::string saved = curators_file(*cat_, *automatic_);
  const MappingSet plain = parse_sssom(saved, "besluiten.sssom.tsv");
  ASSERT_EQ(plain.curie_map, default_curie_map());
  ASSERT_FALSE(plain.mapping_set_title.empty());
  const std::vector<std::string> lines = lines_of(saved);
  const std::size_t curie_map = line_starting(lines, "#curie_map:"), id = line_starting(lines, "#mapping_set_id:"),
                    header = line_starting(lines, "subject_id\t");
  ASSERT_GT(id, curie_map + 2);
  for (const std::string remark : {"# Piet: besproken op 12 maart", "# just a remark", "#   Piet: ingesprongen"})
    for (const std::size_t at : {std::size_t{0}, curie_map + 1, curie_map + 2, id, id + 1, header}) {
      std::vector<std::string> edited = lines;
      edited.insert(edited.begin() + static_cast<std::ptrdiff_t>(at), remark);
      SCOPED_TRACE(remark + " on line " + std::to_string(at + 1));
      if (remark.starts_with("#   ") && at > curie_map && at <= id) {
        // Indented deeper than a prefix: YAML of curie_map, wrongly indented. An error, not a loss.
        EXPECT_THROW(parse_sssom(joined(edited), "besluiten.sssom.tsv"), InputError);
        continue;
      }
      const MappingSet set = parse_sssom(joined(edited), "besluiten.sssom.tsv");
      expect_same_metadata(set, plain);
      expect_same_decisions(set, plain);
      EXPECT_EQ(set.metadata_comments, std::vector<std::string>{remark.substr(1)});
      // Load, save, load: every key, every decision, and the remark, now a YAML comment.
      const std::string again = format_sssom(set);
      EXPECT_EQ(lines_of(again).front(), "#" + remark);
      const MappingSet back = parse_sssom(again, "besluiten.sssom.tsv");
      expect_same_metadata(back, plain);
      expect_same_decisions(back, plain);
      EXPECT_EQ(back.metadata_comments, set.metadata_comments);
      EXPECT_EQ(format_sssom(back), again);
    }
}

// A review of the comment rules: a blank line inside the metadata block made the
// keys below it comments among the rows (gone from the metadata after a save); a
// long single-quoted value as PyYAML (sssom-py) wraps it was refused; a valid
// two-line quoted value was blamed for an error lines further on; and a comment
// below the last row moved above a row a decision added.
TEST_F(SpreadsheetEdits, BlankLinesWrappedQuotesAndTheLastCommentStayRight) {
  const std::string saved = curators_file(*cat_, *automatic_);
  const MappingSet plain = parse_sssom(saved, "besluiten.sssom.tsv");
  std::vector<std::string> lines = lines_of(saved);
  const std::size_t id = line_starting(lines, "#mapping_set_id:");

  std::vector<std::string> blank = lines;
  blank.insert(blank.begin() + static_cast<std::ptrdiff_t>(id), "");
  const MappingSet with_blank = parse_sssom(joined(blank), "besluiten.sssom.tsv");
  expect_same_metadata(with_blank, plain);
  expect_same_decisions(with_blank, plain);
  EXPECT_TRUE(with_blank.comments.empty());
  expect_same_metadata(parse_sssom(format_sssom(with_blank), "besluiten.sssom.tsv"), plain);

  std::vector<std::string> wrapped = lines;  // yaml.safe_dump of a description with ": " in it
  wrapped.insert(wrapped.begin() + static_cast<std::ptrdiff_t>(id),
                 {"#mapping_set_description: 'Beslissingen: curated by the maths section in spring, after",
                  "#  a long discussion about what covers what in the new ''programme'''"});
  const MappingSet read = parse_sssom(joined(wrapped), "besluiten.sssom.tsv");
  EXPECT_EQ(read.mapping_set_description,
            "Beslissingen: curated by the maths section in spring, after a long discussion about what covers what in "
            "the new 'programme'");
  EXPECT_TRUE(read.metadata_comments.empty());
  expect_same_decisions(read, plain);

  std::vector<std::string> later = lines;  // a valid two-line value, and a key without ':' two lines below it
  later.insert(later.begin() + static_cast<std::ptrdiff_t>(id), {"#mapping_set_description: \"Een lange", "#  tekst\""});
  later[id + 2] = "#mapping_set_id urn:aansluiting:mappings:curated";
  try {
    parse_sssom(joined(later), "besluiten.sssom.tsv");
    ADD_FAILURE() << "a key without ':' was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message().code(), "sssom.yaml_no_colon") << e.what();
    EXPECT_EQ(e.where().line, id + 3) << e.what();
  }

  lines.push_back("#nog navragen");
  MappingSet set = parse_sssom(joined(lines), "besluiten.sssom.tsv");
  const auto& l = automatic_->links;
  const std::size_t before = set.mappings.size();
  record_decision(set, *cat_, Decision{l[3].source, l[3].target, false, match::Predicate::CloseMatch, 0.9, "", "Piet",
                                       "2025-03-12", ""});
  ASSERT_EQ(set.mappings.size(), before + 1);
  EXPECT_EQ(lines_of(format_sssom(set)).back(), "#nog navragen");
}

// A metadata block that is broken, not commented, is still an error: at its line, in Dutch.
TEST_F(SpreadsheetEdits, ABrokenMetadataBlockIsAnErrorInDutch) {
  const std::vector<std::string> lines = lines_of(curators_file(*cat_, *automatic_));
  const std::size_t slo = line_starting(lines, "#  slo:"), id = line_starting(lines, "#mapping_set_id:");
  ASSERT_TRUE(lines.at(slo + 1).starts_with("#  ")) << "slo is not the last prefix";
  struct Broken {
    std::size_t line;
    std::string text;
    std::string_view code, dutch;
  };
  const std::vector<Broken> cases = {
      {slo, "#  slo: \"https://opendata.slo.nl/curriculum/uuid/", "sssom.yaml_unclosed", "wordt niet gesloten"},
      {slo + 1, "#" + std::string(" ") + lines[slo + 1].substr(1), "sssom.yaml_expected_key",
       "even ver ingesprongen als de sleutels erboven"},
      {id, "#mapping_set_id urn:aansluiting:mappings:curated", "sssom.yaml_no_colon", "geen 'naam: waarde'"},
      {id, "#mapping_set_id: urn:x: y", "sssom.yaml_colon_in_value", "tussen dubbele aanhalingstekens"},
      {id, "#mapping_set_id: \"urn:x\\y\"", "sssom.yaml_bad_escape", "onbekende code na '\\'"},
  };
  for (const Broken& b : cases) {
    std::vector<std::string> edited = lines;
    edited[b.line] = b.text;
    try {
      parse_sssom(joined(edited), "besluiten.sssom.tsv");
      ADD_FAILURE() << b.text << " was read";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, "besluiten.sssom.tsv");
      EXPECT_EQ(e.where().line, b.line + 1) << e.what();
      EXPECT_EQ(e.message().code(), b.code) << e.what();
      const std::string dutch = e.message().dutch();
      EXPECT_NE(dutch.find("het metadatablok is geen geldige YAML: "), std::string::npos) << dutch;
      EXPECT_NE(dutch.find(b.dutch), std::string::npos) << dutch;
      EXPECT_EQ(dutch.find("found"), std::string::npos) << dutch;  // no English left
      EXPECT_NE(std::string(e.what()).find("YAML"), std::string::npos);
    }
  }
}

// ---- atomic writes ----

std::size_t files_in(const fs::path& dir) {
  return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// A user test: with the predicate_modifier column deleted (or renamed) in a
// spreadsheet, every rejection became a confirmation, without a word, and the
// next save made it so for good. A curation file of ours always has the
// column, so there it was deleted: refused. Another tool's file of
// confirmations may leave it out: read, and said.
TEST_F(SpreadsheetEdits, ALostModifierColumnStopsTheLoad) {
  const auto error = [](const std::string& text) {
    try {
      parse_sssom(text, "s.sssom.tsv");
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "read without an error";
    return InputError({}, {MessageId::FileNotFound});
  };
  // The export as a curator keeps it: the curated set's id.
  Sheet ours(*export_);
  for (auto& line : ours.meta)
    if (line.starts_with("#mapping_set_id:")) line = "#mapping_set_id: \"" + std::string(kCuratedSetId) + "\"";
  Sheet lost = ours;
  lost.drop("predicate_modifier");
  InputError e = error(lost.text());
  EXPECT_EQ(e.message().id, MessageId::SssomNoModifierColumn) << e.what();
  EXPECT_EQ(e.where().line, lost.meta.size() + 1);  // the header
  EXPECT_EQ(e.message().args.at(0), "2");            // the decisions in the file

  // Renamed: refused in any file, the name it has now given.
  for (const std::string name : {"Predicate_Modifier", "predicate_modifer", "modifier"}) {
    Sheet renamed(*export_);
    renamed.header[renamed.col("predicate_modifier")] = name;
    e = error(renamed.text());
    EXPECT_EQ(e.message().id, MessageId::SssomModifierColumnMisnamed) << name;
    EXPECT_EQ(e.message().args.at(1), name);
  }
  Sheet dutch = ours;
  dutch.header[dutch.col("predicate_modifier")] = "afgewezen";
  EXPECT_EQ(error(dutch.text()).message().id, MessageId::SssomNoModifierColumn);

  // Another set without the column: every decision a confirmation, and a note that says so.
  Sheet other(*export_);
  other.drop("predicate_modifier");
  const MappingSet read = parse_sssom(other.text(), "s.sssom.tsv");
  ASSERT_EQ(read.warnings.size(), 1u);
  EXPECT_EQ(read.warnings[0].what.id, MessageId::SssomNoModifierNote);
  EXPECT_EQ(read.warnings[0].what.args.at(0), "2");
  EXPECT_TRUE(std::none_of(read.mappings.begin(), read.mappings.end(), [](const MappingRow& m) { return m.negated; }));

  // Without decisions the column may be left out: nothing in the file could be a rejection.
  Sheet suggestions = lost;
  std::erase_if(suggestions.rows, [&](const auto& r) { return r[suggestions.col("mapping_justification")] == kManualCuration; });
  const MappingSet plain = parse_sssom(suggestions.text(), "s.sssom.tsv");
  EXPECT_EQ(plain.mappings.size(), automatic_->links.size() - 2);
  EXPECT_TRUE(plain.warnings.empty());
}

// A user test: 'Not' typed on rows of an exported links file (their
// justification still semapv:LexicalMatching) was ignored without a word. Such
// a row still does not count (SSSOM allows a negated suggestion), but is said.
TEST_F(SpreadsheetEdits, ARejectionTypedOnASuggestionIsSaid) {
  Sheet sheet(*export_);
  const auto rows = sheet.rows_with("mapping_justification", "semapv:LexicalMatching");
  sheet.cell(rows.at(3), "predicate_modifier") = "Not";
  sheet.cell(rows.at(5), "predicate_modifier") = "Not";
  MappingSet set = parse_sssom(sheet.text(), "s.sssom.tsv");
  ASSERT_EQ(set.warnings.size(), 1u);
  const Warning& w = set.warnings[0];
  EXPECT_EQ(w.what.id, MessageId::SssomNotOnSuggestion);
  EXPECT_EQ(w.where.line, sheet.line(rows.at(3)));
  EXPECT_EQ(w.where.column, sheet.column(rows.at(3), "predicate_modifier"));
  EXPECT_EQ(w.what.args, (std::vector<std::string>{"semapv:LexicalMatching", "2"}));
  EXPECT_NE(w.what.dutch().find("semapv:ManualMappingCuration"), std::string::npos) << w.what.dutch();
  sheet.cell(rows.at(3), "mapping_justification") = std::string(kManualCuration);  // as the message says
  set = parse_sssom(sheet.text(), "s.sssom.tsv");
  EXPECT_TRUE(set.mappings.at(rows.at(3)).negated);
  EXPECT_TRUE(set.mappings.at(rows.at(3)).curated());
}

// What else a spreadsheet or pandas does to the columns and dates.
TEST_F(SpreadsheetEdits, LostColumnsUnnamedColumnsAndDatesAreSaidAndMended) {
  const auto ids = [](const MappingSet& set) {
    std::vector<MessageId> out;
    for (const auto& w : set.warnings) out.push_back(w.what.id);
    return out;
  };
  // Without confidence, the confirmation (0.9) counts as certain: said.
  Sheet no_confidence(*export_);
  no_confidence.drop("confidence");
  MappingSet set = parse_sssom(no_confidence.text(), "s.sssom.tsv");
  ASSERT_EQ(ids(set), std::vector<MessageId>{MessageId::SssomNoConfidenceColumn});
  EXPECT_EQ(set.warnings[0].what.args.at(0), "1");

  // A tab after every line: an empty column without a name, left out without a word.
  std::string tabbed;
  std::istringstream in(*export_);
  for (std::string line; std::getline(in, line);) tabbed += line + (line.starts_with("#") ? "" : "\t") + "\n";
  set = parse_sssom(tabbed, "s.sssom.tsv");
  EXPECT_TRUE(ids(set).empty());
  EXPECT_TRUE(set.extra_columns.empty());
  EXPECT_EQ(format_sssom(set), format_sssom(parse_sssom(*export_, "s.sssom.tsv")));

  // pandas' to_csv without index=False: a first column without a name, holding 0, 1, 2, ...
  Sheet indexed(*export_);
  indexed.header.insert(indexed.header.begin(), "");
  for (std::size_t r = 0; r < indexed.rows.size(); ++r) indexed.rows[r].insert(indexed.rows[r].begin(), std::to_string(r));
  set = parse_sssom(indexed.text(), "s.sssom.tsv");
  ASSERT_EQ(ids(set), std::vector<MessageId>{MessageId::SssomUnnamedColumn});
  EXPECT_EQ(set.warnings[0].what.args, (std::vector<std::string>{"1", std::to_string(indexed.rows.size())}));
  EXPECT_EQ(format_sssom(set), format_sssom(parse_sssom(*export_, "s.sssom.tsv")));

  // A date as a Dutch (or American) spreadsheet shows it: read as meant, written as SSSOM wants.
  Sheet dated(*export_);
  dated.header.push_back("mapping_date");  // the export has none: its curated links have no date
  for (auto& r : dated.rows) r.push_back("");
  const std::size_t yes = confirmed(dated), no = rejected(dated);
  dated.cell(yes, "mapping_date") = "29-11-2026";
  dated.cell(no, "mapping_date") = "11/28/2026";
  set = parse_sssom(dated.text(), "s.sssom.tsv");
  ASSERT_EQ(ids(set), std::vector<MessageId>{MessageId::SssomDateRead});
  EXPECT_EQ(set.warnings[0].what.args, (std::vector<std::string>{"29-11-2026", "2026-11-29", "2"}));
  EXPECT_EQ(set.mappings.at(yes).mapping_date, "2026-11-29");
  EXPECT_EQ(set.mappings.at(no).mapping_date, "2026-11-28");
  // What other tools write: a time after the date, the year first, a two-digit year.
  for (const auto& [written, iso] : std::vector<std::pair<std::string, std::string>>{
           {"2026-11-29T10:00:00", "2026-11-29"}, {"2026/11/29", "2026-11-29"}, {"2026-1-5", "2026-01-05"},
           {"29-11-26", "2026-11-29"}, {"29-11-2026 10:00", "2026-11-29"}}) {
    dated.cell(yes, "mapping_date") = written;
    EXPECT_EQ(parse_sssom(dated.text(), "s.sssom.tsv").mappings.at(yes).mapping_date, iso) << written;
  }
  // No date at all: kept as written (the analysis needs none), and said.
  dated.cell(yes, "mapping_date") = "gisteren";
  set = parse_sssom(dated.text(), "s.sssom.tsv");
  EXPECT_EQ(set.mappings.at(yes).mapping_date, "gisteren");
  ASSERT_EQ(ids(set), (std::vector<MessageId>{MessageId::SssomDateRead, MessageId::SssomBadDate}));
  EXPECT_EQ(set.warnings[1].where.line, dated.line(yes));
  EXPECT_EQ(set.warnings[1].where.column, dated.column(yes, "mapping_date"));
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

// A user test: a curation file shared through a link lost the link, and the shared file
// never got the new decision.
TEST(AtomicWrite, ALinkIsWrittenThroughAndStays) {
  ScratchDir dir;
  const auto shared = dir.write("gedeeld/c.tsv", "oud\n");
  fs::create_directories(dir.path() / "eigen");
  const fs::path link = dir.path() / "eigen" / "c.tsv";
  fs::create_symlink("../gedeeld/c.tsv", link);
  write_file_atomically(link.string(), "nieuw\n");
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(slurp(shared), "nieuw\n");
  EXPECT_EQ(files_in(dir.path() / "gedeeld"), 1u);  // no temporary file left
  // A link to nothing is replaced by the file.
  const fs::path dangling = dir.path() / "eigen" / "weg.tsv";
  fs::create_symlink("nergens.tsv", dangling);
  write_file_atomically(dangling.string(), "x\n");
  EXPECT_FALSE(fs::is_symlink(dangling));
  EXPECT_EQ(slurp(dangling), "x\n");
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

// A user test: confirm(..., predicate="closematch") was refused, and an author
// "J. de Vries: docent wiskunde" was written into author_id (a column for CURIEs).
TEST(Decisions, WhatACuratorTypesIsReadAsMeant) {
  EXPECT_EQ(parse_decision_predicate("closematch"), match::Predicate::CloseMatch);
  EXPECT_EQ(parse_decision_predicate(" skos:narrowMatch "), match::Predicate::NarrowMatch);
  EXPECT_EQ(parse_decision_predicate("SKOS:RelatedMatch"), match::Predicate::RelatedMatch);
  EXPECT_EQ(parse_decision_predicate("http://www.w3.org/2004/02/skos/core#exactMatch"), match::Predicate::ExactMatch);
  EXPECT_EQ(parse_decision_predicate("owl:sameAs"), std::nullopt);
  EXPECT_EQ(parse_decision_predicate("close"), std::nullopt);
  EXPECT_TRUE(is_author_id("orcid:0000-0002-1825-0097"));
  EXPECT_TRUE(is_author_id("https://orcid.org/0000-0002-1825-0097"));
  EXPECT_FALSE(is_author_id("J. de Vries: docent wiskunde"));
  EXPECT_FALSE(is_author_id("Jan"));
  EXPECT_FALSE(is_author_id(":x"));
}

TEST(Decisions, TheCurationFileTakesARelationAsTyped) {
  const MappingSet set =
      parse_sssom(minimal("slo:a\tskos:closematch\tslo:b\tsemapv:ManualMappingCuration\t\n"), "x.sssom.tsv");
  ASSERT_EQ(set.mappings.size(), 1u);
  EXPECT_EQ(set.mappings[0].predicate, match::Predicate::CloseMatch);
  // Written back as SSSOM spells it.
  EXPECT_NE(format_sssom(set).find("\tskos:closeMatch\t"), std::string::npos);
}

TEST(Decisions, AGoalIsNotLinkedToItself) {
  Catalogue cat;
  importers::load_csv(cat, testing::source_dir() + "/curricula/programmes");
  MappingSet set = default_mapping_set();
  Decision d;
  d.sending = d.receiving = cat.programmes().front().root;
  EXPECT_THROW(record_decision(set, cat, d), std::invalid_argument);
  EXPECT_TRUE(set.mappings.empty());
}


// ---- Excel's save choices (a user test: Excel could not save a curation file the tool reads) ----

namespace {

// `utf8` as Excel saves it in `charset`: a character Windows-1252 lacks becomes '?'.
std::string excel_encoded(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(charset, &status);
  if (std::string_view(charset) == "windows-1252") ucnv_setSubstChars(cnv, "?", 1, &status);
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<std::size_t>(text.length()) * 4 + 4, '\0');
  const int32_t n = ucnv_fromUChars(cnv, out.data(), static_cast<int32_t>(out.size()), text.getBuffer(),
                                    text.length(), &status);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(status)) << u_errorName(status);
  out.resize(static_cast<std::size_t>(std::max(n, 0)));
  return out;
}

// A file of ours as Excel saves it after opening it: each line a row of cells (a '#' line is
// one cell), every row as wide as the widest (`;;;;` after a '#' line), a cell quoted when it
// holds the separator or a quote, and lines ending in CR LF. With ';' as a Dutch Excel saves
// "CSV": a decimal comma in the confidences, and an empty row the curator left.
std::string excel_saved(const std::string& tsv, char separator) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(tsv);
  std::size_t width = 0;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    if (line.starts_with('#')) {
      cells.push_back(line);
    } else {
      std::size_t start = 0;
      for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        cells.push_back(line.substr(start, tab - start));
      cells.push_back(line.substr(start));
      for (std::string& c : cells)  // as Excel reads a quoted cell
        if (c.size() >= 2 && c.front() == '"' && c.back() == '"') {
          std::string v;
          for (std::size_t k = 1; k + 1 < c.size(); ++k) {
            v += c[k];
            if (c[k] == '"') ++k;
          }
          c = v;
        }
    }
    width = std::max(width, cells.size());
    rows.push_back(std::move(cells));
  }
  std::string out;
  std::size_t confidence = std::string::npos, data_rows = 0;
  for (auto& cells : rows) {
    const bool data = !cells.front().starts_with('#');
    if (data && confidence == std::string::npos) {
      confidence = static_cast<std::size_t>(std::find(cells.begin(), cells.end(), "confidence") - cells.begin());
    } else if (data && separator == ';' && confidence < cells.size()) {
      std::replace(cells[confidence].begin(), cells[confidence].end(), '.', ',');
    }
    cells.resize(width);
    for (std::size_t k = 0; k < width; ++k) {
      const std::string& c = cells[k];
      std::string cell = c;
      if (c.find(separator) != std::string::npos || c.find('"') != std::string::npos) {
        cell = "\"";
        for (char ch : c) cell += ch == '"' ? std::string("\"\"") : std::string(1, ch);
        cell += "\"";
      }
      out += (k ? std::string(1, separator) : std::string()) + cell;
    }
    out += "\r\n";
    if (data && separator == ';' && ++data_rows == 2) out += std::string(width - 1, ';') + "\r\n";
  }
  return out;
}

std::vector<std::string> codes(const std::vector<Warning>& warnings) {
  std::vector<std::string> out;
  for (const Warning& w : warnings) out.emplace_back(w.what.code());
  return out;
}

}  // namespace

// A user test: a curation file opened in Excel could not be saved in a form the tool read.
// "Unicode-tekst" (UTF-16LE with a byte order mark), "Tekst (tab is scheidingsteken)"
// (Windows-1252) and the "CSV" choices (';', with '#' lines padded by ';' and quoted) were
// refused. Each is read with the decisions of the file it was made from, and a warning that
// names the file; saved again it is the tab-separated UTF-8 file.
TEST_F(SpreadsheetEdits, EveryExcelTextChoiceReadsAsTheFileItWasMadeFrom) {
  MappingSet original = parse_sssom(*export_, "export.sssom.tsv");
  const Sheet sheet(*export_);
  original.mappings.at(confirmed(sheet)).comment = "coördinaten; \"formules\" hanteren";
  const std::string tsv = format_sssom(original);
  const MappingSet plain = parse_sssom(tsv, "besluiten.sssom.tsv");
  ASSERT_TRUE(plain.warnings.empty());
  const std::string utf16le = "\xFF\xFE" + excel_encoded(excel_saved(tsv, '\t'), "UTF-16LE");
  const std::string utf16be = "\xFE\xFF" + excel_encoded(excel_saved(tsv, '\t'), "UTF-16BE");
  const std::string ansi = excel_encoded(excel_saved(tsv, '\t'), "windows-1252");
  const std::string csv_utf8 = "\xEF\xBB\xBF" + excel_saved(tsv, ';');
  const std::string csv_ansi = excel_encoded(excel_saved(tsv, ';'), "windows-1252");
  ASSERT_EQ(csv_utf8.find("#curie_map:;;;"), 3u);
  ASSERT_NE(csv_utf8.find("\r\n\"#  slo: \"\"https://opendata.slo.nl/curriculum/uuid/\"\"\";;;"), std::string::npos);
  ASSERT_NE(csv_utf8.find(";\"coördinaten; \"\"formules\"\" hanteren\""), std::string::npos);
  const std::string comma = "sssom.decimal_comma_read";
  const std::vector<std::tuple<std::string, std::string, std::vector<std::string>>> choices = {
      {"Unicode-tekst", utf16le, {"sssom.read_as_utf16"}},
      {"Unicode-tekst, big-endian", utf16be, {"sssom.read_as_utf16"}},
      {"Tekst (tab is scheidingsteken)", ansi, {"sssom.read_as_windows1252"}},
      {"CSV UTF-8", csv_utf8, {"sssom.read_with_semicolons", comma}},
      {"CSV (puntkomma's gescheiden)", csv_ansi, {"sssom.read_as_windows1252", "sssom.read_with_semicolons", comma}},
  };
  for (const auto& [choice, bytes, expected] : choices) {
    MappingSet set;
    try {
      set = parse_sssom(bytes, "besluiten.sssom.tsv");
    } catch (const InputError& e) {
      ADD_FAILURE() << choice << ": " << e.what();
      continue;
    }
    EXPECT_EQ(codes(set.warnings), expected) << choice;
    ASSERT_EQ(set.mappings.size(), plain.mappings.size()) << choice;
    for (std::size_t r = 0; r < set.mappings.size(); ++r) {
      const MappingRow &a = set.mappings[r], &b = plain.mappings[r];
      EXPECT_EQ(std::tie(a.subject_id, a.object_id, a.predicate, a.negated, a.justification, a.confidence, a.comment),
                std::tie(b.subject_id, b.object_id, b.predicate, b.negated, b.justification, b.confidence, b.comment))
          << choice << ", row " << r;
    }
    EXPECT_EQ(set.curie_map, plain.curie_map) << choice;
    EXPECT_EQ(set.mapping_set_id, plain.mapping_set_id) << choice;
    EXPECT_EQ(set.license, plain.license) << choice;
    // Saved again: tabs and UTF-8, as it was (labels with a character Windows-1252 lacks aside).
    if (bytes == utf16le || bytes == utf16be || bytes == csv_utf8) {
      EXPECT_EQ(format_sssom(set), tsv) << choice;
    }
    const std::string dutch = set.warnings.front().what.dutch();
    EXPECT_EQ(dutch.rfind("besluiten.sssom.tsv is ", 0), 0u) << dutch;
    EXPECT_NE(dutch.find("'Unicode-tekst (*.txt)'"), std::string::npos) << dutch;
  }
  const MappingSet le = parse_sssom(utf16le, "besluiten.sssom.tsv");
  EXPECT_EQ(le.warnings.front().what.dutch(),
            "besluiten.sssom.tsv is opgeslagen als UTF-16LE (Excel: 'Unicode-tekst (*.txt)'), niet als UTF-8 zoals "
            "SSSOM vraagt, en is zo gelezen: er gaat niets verloren. Bij opslaan schrijft aansluiting het weer als "
            "UTF-8; tot dan lezen andere SSSOM-programma's het misschien niet");
  // Positions stay those of the file as an editor shows it: the header's line, a row's line.
  const MappingSet semicolons = parse_sssom(csv_utf8, "besluiten.sssom.tsv");
  EXPECT_EQ(semicolons.warnings.front().where.line, sheet.meta.size() + 1);
  EXPECT_EQ(semicolons.mappings.front().line, plain.mappings.front().line);
  EXPECT_EQ(le.mappings.back().line, plain.mappings.back().line);
}

// A ';'-separated file is told by its header, with an empty row Excel wrote left out: one
// that names no SSSOM column between its ';'s is no such file (the columns are missing), and
// a ',' header is still refused with the separator named.
TEST(Sssom, OnlyAHeaderWithSssomColumnsMakesASemicolonFile) {
  const std::string meta = "#curie_map:;;\r\n#  slo: https://opendata.slo.nl/curriculum/uuid/;;\r\n";
  const MappingSet set = parse_sssom(meta + "subject_id;predicate_id;object_id;mapping_justification;"
                                            "predicate_modifier\r\nslo:a;skos:closeMatch;slo:b;"
                                            "semapv:ManualMappingCuration;Not\r\n;;;;\r\n",
                                     "b.sssom.tsv");
  ASSERT_EQ(set.mappings.size(), 1u);
  EXPECT_TRUE(set.mappings[0].negated);
  EXPECT_EQ(set.expand_prefix("slo"), "https://opendata.slo.nl/curriculum/uuid/");
  for (const auto& [header, code] : {std::pair<std::string, std::string>{"a;b;c\r\n", "sssom.missing_column"},
                                     {"subject_id,predicate_id,object_id\r\n", "sssom.not_tab_separated"}}) {
    try {
      parse_sssom("#curie_map:\r\n#  slo: https://opendata.slo.nl/curriculum/uuid/\r\n" + header, "b.sssom.tsv");
      ADD_FAILURE() << header;
    } catch (const InputError& e) {
      EXPECT_EQ(e.message().code(), code) << e.what();
      EXPECT_EQ(e.where().line, 3u) << e.what();
    }
  }
}

// A user test: a curation file saved as a workbook was refused with "ongeldige UTF-8-byte
// 0xF2", as if one character were wrong. It is named as a workbook, at its start.
TEST(Sssom, AWorkbookIsNamedAsOne) {
  using namespace std::string_literals;
  const std::string workbook = "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xF2\x8E\x1B\x7A"s +
                               "[Content_Types].xml\xAC\x94\xCB\x4E\xC3\x30"s;
  ScratchDir dir;
  const std::string path = dir.write("besluiten.xlsx", workbook);
  try {
    read_sssom(path);
    ADD_FAILURE() << "read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message().code(), "saved_as_workbook") << e.what();
    EXPECT_EQ(e.where().file, path);
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_EQ(e.where().column, 1u);
    EXPECT_NE(e.message().dutch().find("een curatiebestand als 'Unicode-tekst (*.txt)'"), std::string::npos)
        << e.message().dutch();
  }
  EXPECT_FALSE(is_curation_file(path));
}

}  // namespace aansluiting::analysis
