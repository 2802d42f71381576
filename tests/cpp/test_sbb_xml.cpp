// SBB kwalificatiedossier import, checked against counts taken from the same
// XML files with pugixml XPath (independent of the importer's walk).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include "aansluiting/importers/importers.hpp"
#include "test_support.hpp"

using namespace aansluiting;
namespace at = aansluiting::testing;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> sbb_files() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(at::sbb_dir()))
    if (e.path().extension() == ".xml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t xpath_count(const pugi::xml_document& doc, const char* query) {
  return doc.select_nodes(query).size();
}

std::set<std::string> codes_in(const Catalogue& cat, const std::vector<Vertex>& vs, GoalKind kind) {
  std::set<std::string> out;
  for (Vertex v : vs)
    if (cat.graph().goal(v).kind == kind) out.insert(cat.graph().goal(v).code);
  return out;
}

std::size_t count_kind(const Catalogue& cat, const std::vector<Vertex>& vs, GoalKind kind) {
  return static_cast<std::size_t>(
      std::count_if(vs.begin(), vs.end(), [&](Vertex v) { return cat.graph().goal(v).kind == kind; }));
}

Vertex by_id(const Catalogue& cat, const std::string& id) {
  auto v = cat.graph().find_id(id);
  EXPECT_TRUE(v.has_value()) << id;
  return v.value_or(0);
}

}  // namespace

TEST(SbbXml, EveryFileLoadsWithTheCountsOfItsXml) {
  auto files = sbb_files();
  ASSERT_EQ(files.size(), 4u) << "expected the four dossiers in " << at::sbb_dir();
  for (const auto& file : files) {
    SCOPED_TRACE(file);
    Catalogue cat;
    ASSERT_NO_THROW(importers::load_sbb(cat, file));
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(file.c_str()));
    const auto& g = cat.graph();
    EXPECT_EQ(g.count(GoalKind::Dossier), xpath_count(doc, "/sbb/dossiers/dossier"));
    EXPECT_EQ(g.count(GoalKind::Qualification), xpath_count(doc, "/sbb/dossiers/dossier/profielen/profiel"));
    EXPECT_EQ(g.count(GoalKind::Kerntaak),
              xpath_count(doc, "//basis/basistaken/basiskerntaken/kerntaak | //profiel/profielkerntaken/kerntaak"));
    EXPECT_EQ(g.count(GoalKind::Werkproces),
              xpath_count(doc, "//basiskerntaken/kerntaak/basiswerkprocessen/werkproces | "
                               "//profielkerntaken/kerntaak/profielwerkprocessen/werkproces"));
    EXPECT_GT(g.count(GoalKind::KnowledgeSkill), 0u);
    // One programme per qualification plus the dossier itself.
    EXPECT_EQ(cat.programmes().size(), g.count(GoalKind::Qualification) + g.count(GoalKind::Dossier));
    ASSERT_EQ(cat.sources().size(), 1u);
    EXPECT_EQ(cat.sources()[0].publisher, "SBB");
    EXPECT_EQ(cat.sources()[0].start_date, "2015-08-01");
    EXPECT_NE(cat.sources()[0].version.find("vastgesteld 2015-11-26"), std::string::npos);
    for (const auto& w : cat.warnings()) ADD_FAILURE() << "unexpected warning: " << w.to_string();
  }
}

TEST(SbbXml, FolderLoadsAllDossiersWithUniqueIds) {
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir());
  const auto& g = cat.graph();
  EXPECT_EQ(g.count(GoalKind::Dossier), 4u);
  EXPECT_EQ(g.count(GoalKind::Qualification), 14u);  // 3 + 3 + 6 + 2, as the data README lists
  EXPECT_TRUE(cat.warnings().empty());
  std::set<std::string> ids;
  std::size_t goals = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.boost_graph()))) {
    if (g.goal(v).kind == GoalKind::LevelNode) continue;
    ++goals;
    ids.insert(g.goal(v).source_id);
    EXPECT_EQ(g.goal(v).source_id.rfind("sbb:", 0), 0u) << g.goal(v).source_id;
  }
  EXPECT_EQ(ids.size(), goals);
}

TEST(SbbXml, HelpendeZorgEnWelzijnIsAnMbo2QualificationWithItsWholeContent) {
  const std::string file = at::sbb_dir() + "/2755_Dienstverlening.xml";
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir());
  Programme p = cat.find_programme("Helpende Zorg en Welzijn", Level::Mbo2);
  const auto& g = cat.graph();
  const Goal& q = g.goal(p.root);
  EXPECT_EQ(q.kind, GoalKind::Qualification);
  EXPECT_EQ(q.title, "Helpende Zorg en Welzijn");
  EXPECT_EQ(q.levels, LevelSet({Level::Mbo2}));
  EXPECT_FALSE(q.description.empty());

  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(file.c_str()));
  pugi::xml_node profiel = doc.select_node("//profiel[@titel='Helpende Zorg en Welzijn']").node();
  ASSERT_TRUE(profiel);
  EXPECT_EQ(q.code, std::string(profiel.select_node("creboinformatie/crebo").node().child_value()));
  EXPECT_EQ(q.code, "25498");

  // Basis part (shared) + this profile's part, and nothing of the other profiles.
  auto sub = g.subtree(p.root);
  const std::size_t basis_wp = xpath_count(doc, "//basiswerkprocessen/werkproces");
  const std::size_t own_wp = profiel.select_nodes("profielkerntaken/kerntaak/profielwerkprocessen/werkproces").size();
  EXPECT_EQ(count_kind(cat, sub, GoalKind::Werkproces), basis_wp + own_wp);
  EXPECT_EQ(count_kind(cat, sub, GoalKind::Kerntaak),
            xpath_count(doc, "//basiskerntaken/kerntaak") + profiel.select_nodes("profielkerntaken/kerntaak").size());
  auto kerntaken = codes_in(cat, sub, GoalKind::Kerntaak);
  EXPECT_TRUE(kerntaken.count("B1-K1"));
  EXPECT_TRUE(kerntaken.count("P2-K1"));
  EXPECT_FALSE(kerntaken.count("P1-K1"));
  auto processes = codes_in(cat, sub, GoalKind::Werkproces);
  EXPECT_TRUE(processes.count("B1-K1-W1"));
  EXPECT_TRUE(processes.count("P2-K1-W3"));

  // Profile parts carry the qualification's level; basis parts all levels of the dossier.
  Vertex p2k1 = by_id(cat, "sbb:2755/P2-K1");
  EXPECT_EQ(g.goal(p2k1).levels, LevelSet({Level::Mbo2}));
  EXPECT_EQ(g.path_to_root(p2k1).size(), 3u);  // P2-K1 -> qualification -> dossier
  EXPECT_EQ(g.goal(g.parents(p2k1).front()).kind, GoalKind::Qualification);
  EXPECT_EQ(g.goal(g.path_to_root(p2k1).back()).kind, GoalKind::Dossier);
  EXPECT_EQ(g.targets(p2k1, EdgeKind::AtLevel), std::vector<Vertex>{g.level_vertex(Level::Mbo2)});

  // A werkproces keeps its description, result and behaviour, labelled.
  const Goal& wp = g.goal(by_id(cat, "sbb:2755/P2-K1-W1"));
  EXPECT_EQ(wp.title, "Ondersteunt bij wonen en huishouden");
  EXPECT_EQ(wp.description.rfind("De helpende zorg en welzijn ondersteunt", 0), 0u) << wp.description;
  EXPECT_NE(wp.description.find("\n\nResultaat: De cliënt is volgens gemaakte afspraken"), std::string::npos);
  EXPECT_NE(wp.description.find("\n\nGedrag: De helpende zorg en welzijn:"), std::string::npos);
  // Titles are tidied ("Ondersteunt bij  dagelijkse ... welzijn " in the file).
  EXPECT_EQ(g.goal(p2k1).title, "Ondersteunt bij dagelijkse activiteiten in zorg en welzijn");
}

TEST(SbbXml, BasisPartsCarryEveryLevelOfTheDossier) {
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir() + "/2635_Pedagogisch_Werk.xml");
  const auto& g = cat.graph();
  Vertex b1k1 = by_id(cat, "sbb:2635/B1-K1");
  EXPECT_EQ(g.goal(b1k1).levels, LevelSet({Level::Mbo3, Level::Mbo4}));
  EXPECT_EQ(g.goal(by_id(cat, "sbb:2635")).levels, LevelSet({Level::Mbo3, Level::Mbo4}));
  // The shared kerntaak is contained by the dossier (its primary parent) and every qualification.
  auto parents = g.parents(b1k1);
  EXPECT_EQ(parents.size(), 1u + 3u);
  EXPECT_EQ(g.goal(parents.front()).kind, GoalKind::Dossier);
  Programme oa = cat.find_programme("Onderwijsassistent", Level::Mbo4);
  EXPECT_EQ(g.goal(oa.root).levels, LevelSet({Level::Mbo4}));
}

TEST(SbbXml, KnowledgeForOneProfileBelongsToThatQualificationOnly) {
  const std::string file = at::sbb_dir() + "/2635_Pedagogisch_Werk.xml";
  Catalogue cat;
  importers::load_sbb(cat, file);
  const auto& g = cat.graph();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(file.c_str()));
  // Distinct extra items per profile, straight from the XML.
  for (const auto& profiel : doc.select_nodes("//profielen/profiel")) {
    std::string nr = profiel.node().attribute("nr").value();
    std::string title = profiel.node().attribute("titel").value();
    std::set<std::string> refs;
    std::string query = "//basiskerntaken/kerntaak/vakkennisenvaardigheden/vakkennisenvaardighedenperprofiel/"
                        "aanvullend[profiel/@referentie='" + nr + "']/vakkennisenvaardighedenonderdelen/"
                        "vakkennisenvaardigheden";
    for (const auto& ref : doc.select_nodes(query.c_str()))
      refs.insert(std::string(ref.node().parent().parent().parent().parent().attribute("hoofdstuk").value()) + "/" +
                  ref.node().attribute("referentie").value());
    Programme p = cat.find_programme(title, std::nullopt, {GoalKind::Qualification});
    std::size_t extra = 0;
    for (Vertex child : g.children(p.root)) {
      const Goal& c = g.goal(child);
      if (c.kind != GoalKind::KnowledgeSkill) continue;
      ++extra;
      EXPECT_TRUE(c.levels.contains(g.goal(p.root).levels.to_vector().front()));
      // Nothing but the item's own words: the matcher reads descriptions, and "Aanvullend bij
      // B1-K1 <kerntaak> voor <profiel>" linked items on the kerntaak's words (a user test).
      EXPECT_TRUE(c.description.empty()) << c.description;
    }
    EXPECT_EQ(extra, refs.size()) << title;
  }
  // ... and is reachable from another qualification only when that one asks for it too
  // (the item is one goal of the dossier: sbb:<nr>/kv/<ref>).
  Programme pmk = cat.find_programme("Pedagogisch medewerker kinderopvang");
  Programme oa = cat.find_programme("Onderwijsassistent");
  const auto in_oa = g.subtree(oa.root);
  std::string oa_nr;
  for (const auto& profiel : doc.select_nodes("//profielen/profiel"))
    if (std::string(profiel.node().attribute("titel").value()) == "Onderwijsassistent")
      oa_nr = profiel.node().attribute("nr").value();
  ASSERT_FALSE(oa_nr.empty());
  std::set<std::string> oa_refs;
  for (const auto& ref : doc.select_nodes(("//profiel[@nr='" + oa_nr + "']//vakkennisenvaardigheden[@referentie] | "
                                           "//basiskerntaken/kerntaak/vakkennisenvaardigheden/vakkennisenvaardigheden | "
                                           "//aanvullend[profiel/@referentie='" + oa_nr + "']//vakkennisenvaardigheden"
                                           "[@referentie]").c_str()))
    oa_refs.insert(ref.node().attribute("referentie").value());
  std::size_t not_asked = 0;
  for (Vertex child : g.children(pmk.root)) {
    if (g.goal(child).kind != GoalKind::KnowledgeSkill) continue;
    const std::string id = g.goal(child).source_id;
    const bool asked = oa_refs.count(id.substr(id.rfind('/') + 1)) != 0;
    not_asked += !asked;
    EXPECT_EQ(std::find(in_oa.begin(), in_oa.end(), child) != in_oa.end(), asked) << id;
  }
  EXPECT_GT(not_asked, 0u);
  // Profile-specific additions to a shared werkproces stay findable in its description.
  bool found = false;
  for (auto v : boost::make_iterator_range(boost::vertices(g.boost_graph())))
    if (g.goal(v).kind == GoalKind::Werkproces &&
        g.goal(v).description.find("Resultaat aanvullend voor Gespecialiseerd pedagogisch medewerker (P2): ") !=
            std::string::npos)
      found = true;
  EXPECT_TRUE(found);
}

// A knowledge item several kerntaken list is one goal of the dossier: the item the XML
// lists once under <kennisenvaardigheden> is one requirement, however often it is referred to.
TEST(SbbXml, AKnowledgeItemOfSeveralKerntakenIsOneGoal) {
  const std::string file = at::sbb_dir() + "/2755_Dienstverlening.xml";
  Catalogue cat;
  importers::load_sbb(cat, file);
  const auto& g = cat.graph();
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_file(file.c_str()));
  // Every item a kerntaak refers to (not the one-profile additions), once.
  std::set<std::string> refs;
  for (const auto& ref : doc.select_nodes("//kerntaak/vakkennisenvaardigheden/vakkennisenvaardigheden"))
    refs.insert(ref.node().attribute("referentie").value());
  std::size_t shared = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g.boost_graph()))) {
    if (g.goal(v).kind != GoalKind::KnowledgeSkill) continue;
    const auto parents = g.parents(v);
    shared += std::any_of(parents.begin(), parents.end(), [&](Vertex p) { return g.goal(p).kind == GoalKind::Kerntaak; });
  }
  EXPECT_EQ(shared, refs.size());
  // "kan communiceren met klanten ..." is asked by the basis kerntaak and by the HZW profile kerntaak.
  Vertex item = by_id(cat, "sbb:2755/kv/986500");
  std::set<std::string> parents;
  for (Vertex p : g.parents(item)) parents.insert(g.goal(p).code);
  EXPECT_TRUE(parents.count("B1-K1") && parents.count("P2-K1")) << parents.size();
  Programme hzw = cat.find_programme("Helpende Zorg en Welzijn", Level::Mbo2);
  auto below = g.subtree(hzw.root);
  EXPECT_EQ(std::count(below.begin(), below.end(), item), 1);
  EXPECT_TRUE(g.goal(item).levels.contains(Level::Mbo2));
}

// A dossier copied into the folder twice: one warning per file that names the earlier
// file, not one per goal (there were 77 for Dienstverlening).
TEST(SbbXml, ADossierLoadedTwiceIsOneWarningNamingBothFiles) {
  const std::string text = at::read_text(at::sbb_dir() + "/2755_Dienstverlening.xml");
  at::ScratchDir dir;
  const std::string first = dir.write("a.xml", text);
  const std::string second = dir.write("b.xml", text);
  Catalogue once, twice;
  importers::load_sbb(once, first);
  importers::load_sbb(twice, dir.path().string());
  EXPECT_EQ(twice.graph().num_vertices(), once.graph().num_vertices());
  ASSERT_EQ(twice.warnings().size(), 1u);
  const Warning& w = twice.warnings().front();
  EXPECT_EQ(w.where.file, second);
  EXPECT_EQ(w.what.code(), "goals_already_loaded");
  EXPECT_NE(w.to_string().find("already loaded from " + first + ";"), std::string::npos) << w.to_string();
  EXPECT_NE(w.to_string().find(std::to_string(once.graph().num_vertices() - kLevelCount) + " goals"), std::string::npos)
      << w.to_string();
}

TEST(SbbXml, ByteOrderMarkIsOptional) {
  const std::string file = at::sbb_dir() + "/2637_Sociaal_werk.xml";
  std::string text = at::read_text(file);
  ASSERT_EQ(text.substr(0, 3), "\xEF\xBB\xBF");
  at::ScratchDir dir;
  std::string without = dir.write("no_bom.xml", text.substr(3));
  Catalogue a, b;
  importers::load_sbb(a, file);
  importers::load_sbb(b, without);
  EXPECT_EQ(a.graph().num_vertices(), b.graph().num_vertices());
  EXPECT_EQ(a.graph().num_edges(), b.graph().num_edges());
  EXPECT_EQ(a.graph().goal(*a.graph().find_id("sbb:2637")).title, "Sociaal werk");
}

TEST(SbbXml, TruncatedFileNamesLineAndColumn) {
  std::string text = at::read_text(at::sbb_dir() + "/2755_Dienstverlening.xml");
  at::ScratchDir dir;
  std::string cut = text.substr(0, text.size() / 2);
  std::string path = dir.write("truncated.xml", cut);
  try {
    Catalogue cat;
    importers::load_sbb(cat, path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    std::size_t lines = static_cast<std::size_t>(std::count(cut.begin(), cut.end(), '\n')) + 1;
    EXPECT_EQ(e.where().file, path);
    EXPECT_EQ(e.where().line, lines);
    EXPECT_GT(e.where().column, 0u);
    std::string where = path + ":" + std::to_string(lines) + ":" + std::to_string(e.where().column);
    EXPECT_NE(std::string(e.what()).find(where), std::string::npos) << e.what();
  }
}

// pugixml's reasons are English only; each gets a Dutch text of its own (the
// command line and the report show the Dutch one). Cuts of a real dossier file.
TEST(SbbXml, EveryXmlMistakeHasADutchReason) {
  const std::string text = at::read_text(at::sbb_dir() + "/2755_Dienstverlening.xml");
  at::ScratchDir dir;
  std::set<std::string> codes;
  auto dutch = [&](const std::string& name, const std::string& content) {
    try {
      Catalogue cat;
      importers::load_sbb(cat, dir.write(name, content));
    } catch (const InputError& e) {
      codes.insert(std::string(e.message().code()));
      return e.message().dutch();
    }
    ADD_FAILURE() << name << " loaded";
    return std::string();
  };
  for (std::size_t cut : {std::size_t{1000}, std::size_t{20000}, std::size_t{90000}, text.size() / 2}) {
    const std::string nl = dutch("cut" + std::to_string(cut) + ".xml", text.substr(0, cut));
    EXPECT_EQ(nl.find("Error"), std::string::npos) << nl;  // no English left inside the Dutch text
    EXPECT_EQ(nl.rfind("ongeldige XML: ", 0), 0u) << nl;
  }
  EXPECT_EQ(dutch("leeg.xml", ""), "de XML heeft geen hoofdelement (is het bestand leeg?)");
  EXPECT_GE(codes.size(), 3u);  // the cuts land in different places: attribute, start tag, CDATA, ...
}

TEST(SbbXml, MalformedXmlNamesTheBadTag) {
  at::ScratchDir dir;
  std::string path = dir.write("bad.xml", "\xEF\xBB\xBF<sbb>\n  <dossiers>\n    <dossier nr=\"1\" titel=\"x\">\n  </dossiers>\n</sbb>\n");
  try {
    Catalogue cat;
    importers::load_sbb(cat, path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 4u) << e.what();
  }
}

TEST(SbbXml, WrongRootElementIsRefused) {
  at::ScratchDir dir;
  std::string path = dir.write("other.xml", "<?xml version=\"1.0\"?>\n<kwalificaties><dossier/></kwalificaties>\n");
  Catalogue cat;
  try {
    importers::load_sbb(cat, path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("<sbb>"), std::string::npos) << e.what();
    EXPECT_EQ(e.where().line, 2u);
  }
}

TEST(SbbXml, InvalidUtf8IsRefusedWithItsPosition) {
  std::string text = at::read_text(at::sbb_dir() + "/2637_Sociaal_werk.xml");
  // Break the byte after the 10th line break (a Latin-1 'é' in a UTF-8 file).
  std::size_t pos = 0;
  for (int i = 0; i < 10; ++i) pos = text.find('\n', pos) + 1;
  text.insert(pos + 4, "caf\xE9 ");
  at::ScratchDir dir;
  std::string path = dir.write("latin1.xml", text);
  try {
    Catalogue cat;
    importers::load_sbb(cat, path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 11u);
    EXPECT_EQ(e.where().column, 8u);
    EXPECT_NE(std::string(e.what()).find("UTF-8"), std::string::npos);
  }
}

TEST(SbbXml, MissingFileIsAnInputError) {
  Catalogue cat;
  EXPECT_THROW(importers::load_sbb(cat, at::sbb_dir() + "/does_not_exist.xml"), InputError);
}

TEST(SbbXml, FailedLoadLeavesTheCatalogueUnchanged) {
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir() + "/2637_Sociaal_werk.xml");
  const auto vertices = cat.graph().num_vertices();
  const auto edges = cat.graph().num_edges();
  const auto programmes = cat.programmes().size();
  const auto sources = cat.sources().size();
  // A folder whose first file is fine and whose second is broken.
  at::ScratchDir dir;
  fs::copy_file(at::sbb_dir() + "/2755_Dienstverlening.xml", dir.path() / "a.xml");
  dir.write("b.xml", "<sbb><dossiers>");
  EXPECT_THROW(importers::load_sbb(cat, dir.path().string()), InputError);
  EXPECT_EQ(cat.graph().num_vertices(), vertices);
  EXPECT_EQ(cat.graph().num_edges(), edges);
  EXPECT_EQ(cat.programmes().size(), programmes);
  EXPECT_EQ(cat.sources().size(), sources);
  EXPECT_TRUE(cat.warnings().empty());
}

TEST(SbbXml, MissingOptionalPartsAreWarningsNamingTheElement) {
  at::ScratchDir dir;
  std::string path = dir.write("small.xml", R"(<sbb><dossiers>
<dossier nr="9" titel="Proef">
  <kennisenvaardigheden><kennisofvaardigheid nr="1" titel="kent iets" /></kennisenvaardigheden>
  <basis><basistaken><basiskerntaken>
    <kerntaak nr="10" titel="Doet iets" hoofdstuk="1">
      <vakkennisenvaardigheden><vakkennisenvaardigheden referentie="1" /><vakkennisenvaardigheden referentie="77" /></vakkennisenvaardigheden>
      <basiswerkprocessen>
        <werkproces nr="11" titel="Bereidt voor" hoofdstuk="1">
          <werkprocesomschrijving>Hij bereidt voor.</werkprocesomschrijving>
          <werkprocesgedrag>zorgvuldig</werkprocesgedrag>
        </werkproces>
      </basiswerkprocessen>
    </kerntaak>
  </basiskerntaken></basistaken></basis>
  <profielen>
    <profiel nr="20" titel="Proefmedewerker" hoofdstuk="1" niveau="3">
      <profielkerntaken />
    </profiel>
  </profielen>
</dossier></dossiers></sbb>)");
  Catalogue cat;
  importers::load_sbb(cat, path);
  auto has = [&](const std::string& text, std::size_t line) {
    for (const auto& w : cat.warnings())
      if (w.message().find(text) != std::string::npos && w.where.line == line && w.where.file == path) return true;
    return false;
  };
  EXPECT_TRUE(has("<werkprocesresultaat> is missing", 8));
  EXPECT_TRUE(has("<creboinformatie>/<crebo> is missing", 16));
  EXPECT_TRUE(has("kennisofvaardigheid '77'", 6));
  EXPECT_EQ(cat.graph().count(GoalKind::Werkproces), 1u);
  EXPECT_EQ(cat.graph().count(GoalKind::KnowledgeSkill), 1u);
  Programme p = cat.find_programme("Proefmedewerker", Level::Mbo3);
  EXPECT_EQ(cat.graph().goal(p.root).code, "");
  EXPECT_EQ(cat.graph().subtree(p.root).size(), 4u);  // qualification, B1-K1, its knowledge item, B1-K1-W1
}

// A user test: receiving = ["25498"] (a crebo number, as SBB and schools write it) was "not found".
TEST(SbbXml, AQualificationIsFoundByItsCrebo) {
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir());
  const Programme pmk = cat.find_programme("Pedagogisch medewerker kinderopvang", Level::Mbo3);
  const std::string crebo = cat.graph().goal(pmk.root).code;
  ASSERT_EQ(crebo.size(), 5u);
  EXPECT_EQ(cat.find_programme(crebo, Level::Mbo3).root, pmk.root);
  EXPECT_EQ(cat.find_programme(" " + crebo + " ", std::nullopt).root, pmk.root);
  EXPECT_THROW(cat.find_programme(crebo, Level::Mbo4), NotFoundError);  // a qualification of level 3
}

// A user test: a mistyped crebo number was pointed to an overview that only counts programmes.
TEST(SbbXml, AMistypedCreboGetsTheNearestNumbers) {
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir());
  const std::string crebo = cat.graph().goal(cat.find_programme("Thuisbegeleider", Level::Mbo4).root).code;
  auto message = [&](const std::string& number, Level level) {
    try {
      cat.find_programme(number, level);
    } catch (const NotFoundError& e) {
      return e.message();
    }
    return Message{MessageId::NoGoalWithId};  // found: not what any line below expects
  };
  std::string swapped = crebo;
  std::swap(swapped[3], swapped[4]);  // two digits swapped
  const Message near = message(swapped, Level::Mbo4);
  EXPECT_EQ(near.id, MessageId::CreboNotAtLevelSimilar);
  EXPECT_NE(near.args.at(2).find(crebo + " (Thuisbegeleider)"), std::string::npos) << near.args.at(2);
  // Its own number at another level: which qualification that is.
  const Message other = message(crebo, Level::Mbo2);
  EXPECT_TRUE(other.id == MessageId::CreboAtOtherLevel || other.id == MessageId::CreboAtOtherLevelSimilar);
  EXPECT_EQ(other.args.at(2), "Thuisbegeleider, mbo 4");
  // Nothing near: the level's numbers.
  EXPECT_EQ(message("11111", Level::Mbo4).id, MessageId::CreboNotAtLevel);
}

// A user test: in a folder, a directory or a dangling link named *.xml was skipped without a
// word, and its dossier was missing later ("geen programma").
TEST(SbbXml, AFolderEntryThatIsNoFileIsNamed) {
  at::ScratchDir dir;
  dir.write("2637_Sociaal_werk.xml", at::read_text(at::sbb_dir() + "/2637_Sociaal_werk.xml"));
  std::filesystem::create_directory(dir.path() / "oud.xml");
  Catalogue cat;
  // Loading the folder fails on `entry`, for `why`.
  auto expect_error = [&](const char* entry, MessageId why) {
    try {
      importers::load_sbb(cat, dir.path().string());
      ADD_FAILURE() << "no error for " << entry;
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().file, (dir.path() / entry).string());
      EXPECT_EQ(e.message().id, why);
    }
  };
  expect_error("oud.xml", MessageId::IsAFolder);
  std::filesystem::remove(dir.path() / "oud.xml");
  std::filesystem::create_symlink(dir.path() / "weg.xml", dir.path() / "link.xml");
  expect_error("link.xml", MessageId::DanglingLink);
  EXPECT_EQ(cat.graph().num_vertices(), kLevelCount);  // nothing loaded from a folder that failed
}
