// SLO open-data importer: the real data set (counts, hierarchy, levels, exam
// flags, syllabus links, provenance, warnings) and bad input in a scratch folder.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include <sys/stat.h>

#include <gtest/gtest.h>
#include <simdjson.h>

#include "aansluiting/importers/importers.hpp"
#include "test_support.hpp"

namespace aansluiting {
namespace {

using importers::load_slo;
using testing::ScratchDir;

// The real data is loaded once; every test reads it.
class SloData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    catalogue_ = new Catalogue();
    load_slo(*catalogue_, testing::slo_dir());
  }
  static void TearDownTestSuite() {
    delete catalogue_;
    catalogue_ = nullptr;
  }
  static const Catalogue& cat() { return *catalogue_; }
  static const GoalGraph& graph() { return catalogue_->graph(); }

  static std::vector<std::string> titles(const std::vector<Vertex>& vs) {
    std::vector<std::string> out;
    for (Vertex v : vs) out.push_back(graph().goal(v).title);
    return out;
  }
  static std::size_t count_kind(const std::vector<Vertex>& vs, GoalKind kind) {
    return static_cast<std::size_t>(
        std::count_if(vs.begin(), vs.end(), [&](Vertex v) { return graph().goal(v).kind == kind; }));
  }

 private:
  static Catalogue* catalogue_;
};
Catalogue* SloData::catalogue_ = nullptr;

// Independent read of a data file, to compare the import with.
simdjson::dom::element read_json(simdjson::dom::parser& parser, const std::string& path) {
  return parser.load(path).value();
}

TEST_F(SloData, CountsMatchTheIssue) {
  EXPECT_EQ(graph().count(GoalKind::Programme), 107u);
  EXPECT_EQ(graph().count(GoalKind::Eindterm), 2784u);
  EXPECT_EQ(graph().count(GoalKind::Specification), 3608u);
  EXPECT_EQ(graph().count(GoalKind::Domain), 763u);
  EXPECT_EQ(graph().count(GoalKind::Subdomain), 1000u);
  EXPECT_EQ(graph().count(GoalKind::Syllabus), 280u);
  EXPECT_EQ(graph().count(GoalKind::Explanation), 2100u);
  EXPECT_EQ(graph().count(GoalKind::Concept), 1085u);
  EXPECT_EQ(graph().count(GoalKind::Framework), 2u);
  EXPECT_EQ(graph().count(GoalKind::Goal), 0u) << "basis/doelen.json is only read on request";
  // Programmes, syllabi and frameworks are all selectable.
  EXPECT_EQ(cat().programmes().size(), 107u + 280u + 2u);
}

TEST_F(SloData, VmboWiskundeAppliesToTlThroughItsEindtermen) {
  const Programme p = cat().find_programme("wiskunde", Level::VmboTL);
  const Goal& root = graph().goal(p.root);
  EXPECT_EQ(root.kind, GoalKind::Programme);
  EXPECT_EQ(root.title, "Examenprogramma Wiskunde vmbo");
  EXPECT_EQ(p.subject, "Wiskunde");
  EXPECT_EQ(root.code, "WI/vmbo");
  // The programme record itself names only bb; the levels come from below.
  EXPECT_FALSE(root.levels.contains(Level::VmboTL));
  EXPECT_TRUE(p.levels.contains(Level::VmboTL));
  EXPECT_TRUE(p.levels.contains(Level::VmboBB));
  EXPECT_FALSE(p.levels.contains(Level::Havo));

  const auto domains = graph().children(p.root);
  ASSERT_EQ(domains.size(), 13u);
  const auto names = titles(domains);
  EXPECT_NE(std::find(names.begin(), names.end(), "Algebraïsche verbanden"), names.end());
  EXPECT_EQ(names[1], "Oriëntatie op leren en werken");  // source order is kept
  const auto tree = graph().subtree(p.root);
  EXPECT_GT(count_kind(tree, GoalKind::Eindterm), 40u);
  for (Vertex v : tree) {
    const GoalKind k = graph().goal(v).kind;
    EXPECT_TRUE(k == GoalKind::Programme || k == GoalKind::Domain || k == GoalKind::Subdomain || k == GoalKind::Eindterm)
        << "a " << kind_name(k) << " entered a programme subtree";
  }
}

// A programme of a level is one whose own record names that school type: the havo
// and vwo programmes share goals, so their subtrees reach both levels.
TEST_F(SloData, FindProgrammeTakesTheProgrammeOfTheLevel) {
  EXPECT_EQ(graph().goal(cat().find_programme("Aardrijkskunde", Level::Havo).root).title,
            "Examenprogramma Aardrijkskunde havo");
  EXPECT_EQ(graph().goal(cat().find_programme("Aardrijkskunde", Level::Vwo).root).title,
            "Examenprogramma Aardrijkskunde vwo");
  // A full title ranks first, at its own level only; elsewhere the error suggests similar names.
  EXPECT_EQ(graph().goal(cat().find_programme("Examenprogramma Wiskunde B vwo", Level::Vwo).root).title,
            "Examenprogramma Wiskunde B vwo");
  auto refusal = [&](std::string_view subject, Level level) {
    try {
      cat().find_programme(subject, level);
    } catch (const NotFoundError& e) {
      return e.message();
    }
    ADD_FAILURE() << subject << " was found";
    return Message{MessageId::NoProgramme, {}};
  };
  const Message vwo_at_havo = refusal("Examenprogramma Wiskunde B vwo", Level::Havo);
  EXPECT_EQ(vwo_at_havo.code(), "no_programme_at_level_similar");
  EXPECT_NE(vwo_at_havo.dutch().find("bedoelt u een van deze? Examenprogramma Wiskunde B havo"), std::string::npos);
  // Within vmbo the record's leerwegen are incomplete: the school type is what counts.
  EXPECT_EQ(graph().goal(cat().find_programme("Examenprogramma Wiskunde vmbo", Level::VmboTL).root).title,
            "Examenprogramma Wiskunde vmbo");
  const Message filosofie = refusal("filosofie", Level::VmboTL);
  EXPECT_EQ(filosofie.code(), "no_programme_at_other_levels");
  EXPECT_EQ(filosofie.english(), "no programme for subject 'filosofie' at level 'vmbo tl'; it exists at: havo, vwo");
}

TEST_F(SloData, HavoWiskundeAAndB) {
  const Programme a = cat().find_programme("wiskunde A", Level::Havo);
  EXPECT_EQ(graph().goal(a.root).title, "Examenprogramma Wiskunde A havo");
  EXPECT_EQ(titles(graph().children(a.root)),
            (std::vector<std::string>{"Domein A: Vaardigheden", "Domein B: Algebra en tellen", "Domein C: Verbanden",
                                      "Domein D: Verandering", "Domein E: Statistiek"}));
  const Programme b = cat().find_programme("Wiskunde B", Level::Havo);
  EXPECT_EQ(graph().goal(b.root).title, "Examenprogramma Wiskunde B havo");
  const auto b_domains = titles(graph().children(b.root));
  ASSERT_EQ(b_domains.size(), 4u);
  EXPECT_EQ(b_domains[3], "Domein D: Toegepaste analyse");
  EXPECT_FALSE(b.levels.contains(Level::Vwo));
  EXPECT_NE(a.root, cat().find_programme("wiskunde A", Level::Vwo).root);
}

TEST_F(SloData, SubjectsAreReadable) {
  std::set<std::string> subjects;
  for (const auto& p : cat().programmes()) subjects.insert(p.subject);
  for (const char* s : {"Wiskunde B", "Wiskunde", "Natuur- en scheikunde I", "Moderne vreemde talen Engels",
                        "Lichamelijke opvoeding 2", "Muziek", "Syllabus Wiskunde A 2024", "Referentiekader Rekenen"})
    EXPECT_TRUE(subjects.count(s)) << s;
}

TEST_F(SloData, EindtermLevelsAndExamFlagsEqualTheJson) {
  simdjson::dom::parser niveaus_parser, parser;
  std::map<std::string, std::optional<Level>> niveau;
  for (auto r : read_json(niveaus_parser, testing::slo_dir() + "/basis/niveaus.json").get_array())
    niveau[std::string(r["id"].get_string().value())] = parse_level(r["title"].get_string().value());
  std::size_t checked = 0, with_ce = 0;
  for (auto r : read_json(parser, testing::slo_dir() + "/examenprogramma/eindtermen.json").get_array()) {
    const std::string id(r["id"].get_string().value());
    auto v = graph().find_id(id);
    ASSERT_TRUE(v) << id;
    const Goal& g = graph().goal(*v);
    LevelSet expected;
    for (auto n : r["niveau_id"].get_array())
      if (auto l = niveau.at(std::string(n.get_string().value()))) expected.add(*l);
    EXPECT_EQ(g.levels, expected) << id;
    EXPECT_FALSE(g.levels.empty()) << id;
    auto flag = [&](const char* name) {
      int64_t value = 0;
      return r[name].get_int64().get(value) == simdjson::SUCCESS && value != 0;
    };
    EXPECT_EQ(g.exam, (ExamFlags{flag("ce"), flag("se"), flag("kern"), flag("keuze")})) << id;
    // at-level edges mirror the levels
    EXPECT_EQ(graph().targets(*v, EdgeKind::AtLevel).size(), g.levels.size()) << id;
    with_ce += g.exam.ce;
    ++checked;
  }
  EXPECT_EQ(checked, 2784u);
  EXPECT_GT(with_ce, 1000u);

  // One spot check written out: WI/K/1/1a applies to all four leerwegen, school exam only.
  const Goal& e = graph().goal(*graph().find_id("a9b12666-fe43-41f3-a85a-680a7486c3f6"));
  EXPECT_EQ(e.code, "WI/K/1/1a");
  EXPECT_EQ(e.levels, (LevelSet{Level::VmboBB, Level::VmboKB, Level::VmboGL, Level::VmboTL}));
  EXPECT_EQ(e.exam, (ExamFlags{false, true, false, false}));
}

TEST_F(SloData, SpecificationsSpecifyEindtermen) {
  simdjson::dom::parser parser;
  std::size_t linked_in_json = 0, linked = 0, exact = 0;
  for (auto r : read_json(parser, testing::slo_dir() + "/syllabus/specifieke_eindtermen.json").get_array()) {
    simdjson::dom::array ids;
    if (r["examenprogramma_eindterm_id"].get_array().get(ids) != simdjson::SUCCESS || ids.size() == 0) continue;
    ++linked_in_json;
    const Vertex spec = *graph().find_id(r["id"].get_string().value());
    std::set<Vertex> want, got;
    for (auto id : ids) want.insert(*graph().find_id(id.get_string().value()));
    for (Vertex t : graph().targets(spec, EdgeKind::Specifies))
      if (graph().goal(t).kind == GoalKind::Eindterm) got.insert(t);
    linked += !got.empty();
    exact += got == want;
  }
  EXPECT_GT(linked_in_json, 3200u);
  EXPECT_EQ(linked, linked_in_json);
  EXPECT_EQ(exact, linked_in_json);
}

TEST_F(SloData, SyllabusContainsItsSpecificationsAndSpecifiesItsProgramme) {
  const Programme s = cat().find_programme("Syllabus Wiskunde A 2024", Level::Havo, {GoalKind::Syllabus});
  const Goal& root = graph().goal(s.root);
  EXPECT_EQ(root.title, "Syllabus Wiskunde A havo 2024");
  const auto specs = graph().children(s.root);
  ASSERT_GT(specs.size(), 20u);
  EXPECT_EQ(count_kind(specs, GoalKind::Specification), specs.size());
  for (Vertex v : specs) EXPECT_TRUE(graph().goal(v).levels.contains(Level::Havo));
  const auto programmes = graph().targets(s.root, EdgeKind::Specifies);
  ASSERT_EQ(programmes.size(), 1u);
  EXPECT_EQ(programmes[0], cat().find_programme("wiskunde A", Level::Havo).root);
  EXPECT_EQ(cat().source(root.source).publisher, "CvTE");
  EXPECT_EQ(cat().source(root.source).version, "2024");

  // Explanations and concepts explain something and sit in no hierarchy.
  for (GoalKind kind : {GoalKind::Explanation, GoalKind::Concept}) {
    std::size_t n = 0, linked = 0;
    for (auto v : boost::make_iterator_range(boost::vertices(graph().boost_graph()))) {
      if (graph().goal(v).kind != kind) continue;
      ++n;
      EXPECT_TRUE(graph().parents(v).empty());
      linked += !graph().targets(v, EdgeKind::Specifies).empty();
    }
    EXPECT_GT(linked, n / 2) << kind_name(kind);
  }
}

TEST_F(SloData, SharedPreambleIsOneDomainOfManyProgrammes) {
  std::size_t shared = 0;
  for (Vertex d : graph().children(cat().find_programme("wiskunde", Level::VmboTL).root)) {
    const auto parents = graph().parents(d);
    if (parents.size() > 1) {
      ++shared;
      EXPECT_EQ(graph().goal(d).code, "PREAMBULE");
      EXPECT_EQ(parents.size(), 24u);
    }
  }
  EXPECT_EQ(shared, 1u);
}

TEST_F(SloData, ProvenanceIsSet) {
  const Programme p = cat().find_programme("wiskunde B", Level::Havo);
  const Goal& root = graph().goal(p.root);
  ASSERT_NE(root.source, kNoSource);
  const Source& s = cat().source(root.source);
  EXPECT_EQ(s.version, "2020");
  EXPECT_EQ(s.publisher, "SLO");
  EXPECT_EQ(s.title, "Examenprogramma Wiskunde B havo");
  EXPECT_TRUE(s.url.starts_with("https://www.examenblad.nl/"));
  EXPECT_TRUE(s.file.ends_with("examenprogramma.json"));
  for (Vertex v : graph().subtree(p.root)) EXPECT_NE(graph().goal(v).source, kNoSource);
  for (auto v : boost::make_iterator_range(boost::vertices(graph().boost_graph()))) {
    const Goal& g = graph().goal(v);
    if (g.kind != GoalKind::LevelNode) {
      EXPECT_NE(g.source, kNoSource) << g.source_id;
    }
  }
}

TEST_F(SloData, WarningsAreSummarisedWhereTheTargetIsAbsent) {
  std::size_t doelniveau = 0, dangling_programme = 0;
  for (const Warning& w : cat().warnings()) {
    EXPECT_EQ(w.message().find("replaces"), std::string::npos) << w.to_string();
    if (w.message().find("doelniveau_id") != std::string::npos) {
      ++doelniveau;
      EXPECT_NE(w.message().find("point to records not in this data set"), std::string::npos);
    }
    if (w.message().find("field examenprogramma_id") != std::string::npos) {
      ++dangling_programme;
      EXPECT_TRUE(w.where.file.ends_with("syllabus.json"));
      EXPECT_FALSE(w.where.record.empty());
      EXPECT_GT(w.where.line, 1u);
    }
  }
  EXPECT_EQ(doelniveau, 4u);  // one per referentiekader file that uses the field
  // Some syllabi belong to programme versions that are not in the data set.
  EXPECT_GT(dangling_programme, 0u);
  EXPECT_LT(cat().warnings().size(), 150u);
}

TEST(SloBasis, BasisGoalsOnRequest) {
  Catalogue cat;
  importers::SloOptions options;
  options.exam_programmes = false;
  options.syllabi = false;
  options.reference_framework = false;
  options.basis_goals = true;
  load_slo(cat, testing::slo_dir(), options);
  EXPECT_EQ(cat.graph().count(GoalKind::Goal), 17113u);
  EXPECT_EQ(cat.graph().count(EdgeKind::Contains), 0u);
}

// --- bad input -------------------------------------------------------------

// A small valid SLO folder; tests overwrite one file to break it.
struct MiniSlo {
  ScratchDir dir;
  MiniSlo() {
    dir.write("basis/niveaus.json",
              R"([{"id": "n-tl", "title": "bb vmbo tl"}, {"id": "n-gl", "title": "bb vmbo gl"}])");
    dir.write("examenprogramma/examenprogramma.json",
              R"([{"id": "p1", "title": "Examenprogramma Rekenkunde vmbo", "prefix": "RK/vmbo", "versie": "2021",
                   "url": "https://example.org/rk.pdf", "niveau_id": ["n-tl"],
                   "examenprogramma_domein_id": ["d1"], "examenprogramma_vakleergebied_id": []}])");
    dir.write("examenprogramma/domeinen.json",
              R"([{"id": "d1", "title": "Domein A", "prefix": "RK/K/1", "examenprogramma_eindterm_id": ["e1", "e2"]}])");
    dir.write("examenprogramma/subdomeinen.json", "[]");
    write_eindtermen("[\n"
                     "  {\"id\": \"e1\", \"title\": \"Rekenen\", \"niveau_id\": [\"n-tl\"], \"ce\": 1},\n"
                     "  {\"id\": \"e2\", \"title\": \"Meten\", \"niveau_id\": [\"n-gl\"], \"se\": 1}\n"
                     "]\n");
  }
  void write_eindtermen(const std::string& text) { dir.write("examenprogramma/eindtermen.json", text); }
  std::string folder() const { return dir.path().string(); }
};

InputError load_error(const std::string& folder) {
  Catalogue cat;
  try {
    load_slo(cat, folder);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError for " << folder;
  return InputError({}, {MessageId::FileNotFound});
}

TEST(SloBadInput, MiniFolderLoads) {
  MiniSlo mini;
  Catalogue cat;
  load_slo(cat, mini.folder());
  EXPECT_EQ(cat.graph().count(GoalKind::Eindterm), 2u);
  const Programme p = cat.find_programme("rekenkunde", Level::VmboGL);
  EXPECT_EQ(p.subject, "Rekenkunde");
  EXPECT_EQ(cat.graph().subtree(p.root).size(), 4u);
  EXPECT_TRUE(cat.warnings().empty()) << cat.warnings().front().to_string();
}

TEST(SloBadInput, MalformedJsonNamesLineAndColumn) {
  MiniSlo mini;
  mini.write_eindtermen("[\n"
                        "  {\"id\": \"e1\", \"title\": \"Rekenen\"},\n"
                        "  {\"id\": \"e2\" \"title\": \"Meten\"}\n"
                        "]\n");
  const InputError e = load_error(mini.folder());
  EXPECT_TRUE(e.where().file.ends_with("eindtermen.json")) << e.what();
  EXPECT_EQ(e.where().line, 3u) << e.what();
  EXPECT_EQ(e.where().column, 15u) << e.what();  // the key that should follow a comma
  EXPECT_NE(std::string(e.what()).find("malformed JSON"), std::string::npos) << e.what();
}

TEST(SloBadInput, UnclosedStringPointsAtItsStart) {
  MiniSlo mini;
  mini.write_eindtermen("[\n  {\"id\": \"e1\", \"title\": \"Rekenen}\n]\n");
  const InputError e = load_error(mini.folder());
  EXPECT_EQ(e.where().line, 2u) << e.what();
  EXPECT_EQ(e.where().column, 25u) << e.what();
}

// A user test: a missing closing quote made the rest of the file one string turned
// inside out, and the error was reported 8,800 lines further on; the string ran past
// its own line, which no JSON string may.
TEST(SloBadInput, AMissingClosingQuoteIsFoundOnItsLine) {
  MiniSlo mini;
  std::string text = "[\n  {\"id\": \"e1\", \"title\": \"Rekenen},\n";
  for (int i = 2; i < 400; ++i)
    text += "  {\"id\": \"e" + std::to_string(i) + "\", \"title\": \"Meten " + std::to_string(i) + "\"},\n";
  text += "  {\"id\": \"e400\", \"title\": \"Wegen\"}\n]\n";
  mini.write_eindtermen(text);
  const InputError e = load_error(mini.folder());
  EXPECT_EQ(e.where().line, 2u) << e.what();
  EXPECT_NE(std::string(e.what()).find("runs on past the end of its line"), std::string::npos) << e.what();
}

// A user test: 200,000 nested brackets overflowed the stack of the error locator.
TEST(SloBadInput, DeepNestingIsAnErrorNotACrash) {
  MiniSlo mini;
  mini.write_eindtermen(std::string(200000, '[') + std::string(200000, ']'));
  const InputError e = load_error(mini.folder());
  EXPECT_TRUE(e.where().file.ends_with("eindtermen.json")) << e.what();
  EXPECT_NE(std::string(e.what()).find("nested too deeply"), std::string::npos) << e.what();
}

TEST(SloBadInput, InvalidUtf8NamesTheByte) {
  MiniSlo mini;
  mini.write_eindtermen("[\n  {\"id\": \"e1\", \"title\": \"caf\xE9\"}\n]\n");
  const InputError e = load_error(mini.folder());
  EXPECT_TRUE(e.where().file.ends_with("eindtermen.json"));
  EXPECT_EQ(e.where().line, 2u) << e.what();
  EXPECT_EQ(e.where().column, 29u) << e.what();
  EXPECT_EQ(e.message().dutch(),
            "ongeldige UTF-8-byte 0xE9: het bestand lijkt opgeslagen als windows-1252, waarin dit 'é' is (sla het "
            "bestand op als UTF-8)");
}

TEST(SloBadInput, ObjectInsteadOfArray) {
  MiniSlo mini;
  mini.write_eindtermen("\n  {\"eindtermen\": []}\n");
  const InputError e = load_error(mini.folder());
  EXPECT_EQ(e.where().line, 2u) << e.what();
  EXPECT_EQ(e.where().column, 3u) << e.what();
  EXPECT_NE(std::string(e.what()).find("expected a JSON array"), std::string::npos) << e.what();
}

TEST(SloBadInput, MissingFileAndFolder) {
  MiniSlo mini;
  std::filesystem::remove(mini.dir.path() / "examenprogramma" / "subdomeinen.json");
  InputError e = load_error(mini.folder());
  EXPECT_TRUE(e.where().file.ends_with("subdomeinen.json")) << e.what();
  EXPECT_NE(std::string(e.what()).find("not found"), std::string::npos);

  e = load_error((mini.dir.path() / "nowhere").string());
  EXPECT_NE(std::string(e.what()).find("folder not found"), std::string::npos);

  ScratchDir empty;
  e = load_error(empty.path().string());
  EXPECT_NE(std::string(e.what()).find("no SLO data"), std::string::npos);
}

TEST(SloBadInput, TrailingContentAndEmptyFile) {
  MiniSlo mini;
  mini.write_eindtermen("[]\n]");
  InputError e = load_error(mini.folder());
  EXPECT_EQ(e.where().line, 2u) << e.what();
  EXPECT_EQ(e.where().column, 1u) << e.what();
  mini.write_eindtermen("");
  e = load_error(mini.folder());
  EXPECT_NE(std::string(e.what()).find("no JSON value"), std::string::npos) << e.what();
}

TEST(SloBadInput, FailedLoadLeavesCatalogueUnchanged) {
  MiniSlo good;
  Catalogue into;
  load_slo(into, good.folder());
  const auto vertices = into.graph().num_vertices(), edges = into.graph().num_edges();
  const auto warnings = into.warnings().size(), programmes = into.programmes().size(), sources = into.sources().size();

  MiniSlo bad;
  bad.dir.write("examenprogramma/domeinen.json", "[{\"id\": \"d1\", \"title\": \"Domein A\",,}]");
  EXPECT_THROW(load_slo(into, bad.folder()), InputError);
  EXPECT_EQ(into.graph().num_vertices(), vertices);
  EXPECT_EQ(into.graph().num_edges(), edges);
  EXPECT_EQ(into.warnings().size(), warnings);
  EXPECT_EQ(into.programmes().size(), programmes);
  EXPECT_EQ(into.sources().size(), sources);
}

TEST(SloBadInput, DanglingReferenceAndBadRecordsBecomeWarnings) {
  MiniSlo mini;
  mini.dir.write("examenprogramma/domeinen.json",
                 R"([{"id": "d1", "title": "Domein A", "examenprogramma_eindterm_id": ["e1", "e-missing", "e2"]}])");
  mini.write_eindtermen("[\n"
                        "  {\"id\": \"e1\", \"title\": \"Rekenen\", \"niveau_id\": [\"n-tl\", 7]},\n"
                        "  {\"title\": \"no id\"},\n"
                        "  \"not an object\",\n"
                        "  {\"id\": \"e1\", \"title\": \"duplicate\"},\n"
                        "  {\"id\": \"e2\", \"title\": 42, \"ce\": \"yes\", \"replaces\": [\"older\"]}\n"
                        "]\n");
  Catalogue cat;
  ASSERT_NO_THROW(load_slo(cat, mini.folder()));
  EXPECT_EQ(cat.graph().count(GoalKind::Eindterm), 2u);
  EXPECT_EQ(cat.graph().children(*cat.graph().find_id("d1")).size(), 2u);
  EXPECT_EQ(cat.graph().goal(*cat.graph().find_id("e1")).title, "Rekenen");

  auto find = [&](const std::string& text) -> const Warning* {
    for (const Warning& w : cat.warnings())
      if (w.to_string().find(text) != std::string::npos) return &w;
    return nullptr;
  };
  const Warning* dangling = find("e-missing");
  ASSERT_TRUE(dangling);
  EXPECT_EQ(dangling->where.record, "d1");
  EXPECT_TRUE(dangling->where.file.ends_with("domeinen.json"));
  EXPECT_NE(dangling->message().find("examenprogramma_eindterm_id"), std::string::npos);
  // The same warning for Dutch readers, built from the same arguments.
  EXPECT_EQ(dangling->what.code(), "slo.dangling_reference");
  EXPECT_EQ(dangling->what.dutch(),
            "veld examenprogramma_eindterm_id: id e-missing verwijst naar geen enkel record van "
            "examenprogramma/eindtermen.json");

  const Warning* no_id = find("without an \"id\"");
  ASSERT_TRUE(no_id);
  EXPECT_EQ(no_id->where.line, 3u);
  EXPECT_EQ(no_id->where.column, 3u);  // the record's '{'
  const Warning* not_object = find("not an object");
  ASSERT_TRUE(not_object);
  EXPECT_EQ(not_object->where.line, 4u);
  EXPECT_EQ(not_object->what.dutch(), "het record is een JSON-string, geen object; overgeslagen");
  const Warning* duplicate = find("duplicate id");
  ASSERT_TRUE(duplicate);
  EXPECT_EQ(duplicate->where.line, 5u);
  EXPECT_EQ(duplicate->where.record, "e1");
  // Located after later records were: positions do not depend on the order they are asked for.
  EXPECT_NE(duplicate->message().find("eindtermen.json:2)"), std::string::npos) << duplicate->message();
  ASSERT_TRUE(find("field niveau_id holds a JSON number"));
  ASSERT_TRUE(find("field title should be a string"));
  ASSERT_TRUE(find("field ce should be 0 or 1"));
  EXPECT_FALSE(find("older")) << "replaces pointing at versions not in the data is normal";
  EXPECT_EQ(cat.warnings().size(), 7u);
}


// A user test: a data file that is a pipe made the command line hang (fopen waits for a writer).
TEST(SloBadInput, APipeIsNamedNotWaitedFor) {
  MiniSlo mini;
  const std::string path = (mini.dir.path() / "examenprogramma" / "eindtermen.json").string();
  std::filesystem::remove(path);
  ASSERT_EQ(::mkfifo(path.c_str(), 0600), 0);
  const InputError e = load_error(mini.folder());
  EXPECT_EQ(e.where().file, path);
  EXPECT_EQ(e.message().id, MessageId::NotARegularFile) << e.what();
  // An optional file too (a review: read without a stat first, it was opened and waited for).
  MiniSlo other;
  const std::string kop3 = (other.dir.path() / "examenprogramma" / "kop3.json").string();
  ASSERT_EQ(::mkfifo(kop3.c_str(), 0600), 0);
  const InputError optional = load_error(other.folder());
  EXPECT_EQ(optional.where().file, kop3);
  EXPECT_EQ(optional.message().id, MessageId::NotARegularFile) << optional.what();
}

}  // namespace
}  // namespace aansluiting
