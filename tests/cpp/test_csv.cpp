// Authored programmes in CSV: the reader (RFC 4180 details), the format's
// checks, and the programmes the project ships in curricula/programmes.
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "aansluiting/importers/importers.hpp"
#include "test_support.hpp"

using namespace aansluiting;
namespace at = aansluiting::testing;

namespace {

const char* kSmall =
    "\xEF\xBB\xBF# title: Proefvak, versie B\n"
    "# subject: Proefvak\n"
    "# levels: vmbo gl; vmbo tl\n"
    "# exam: SE\n"
    "# Vrije opmerking zonder dubbelepunt\n"
    "code;parent;kind;title;description;levels;exam;part\r\n"
    "A;;domein;Domein A;\"Eerste regel;\n"
    "tweede regel met \"\"aanhalingstekens\"\"\";;\"CE;SE\";kern\r\n"
    "A1;A;eindterm;De kandidaat kan iets;;vmbo tl;;\r\n"
    "A2;A;eindterm;De kandidaat kan meer;;;;keuze\r\n"
    ";;;;;;;\r\n"
    "B;;domain;Domein B;;;;\r\n";

Catalogue load_text(const at::ScratchDir& dir, const std::string& name, const std::string& text) {
  Catalogue cat;
  importers::load_csv(cat, dir.write(name, text));
  return cat;
}

// Loads `text` and returns the InputError it must raise.
InputError error_of(const std::string& text) {
  at::ScratchDir dir;
  std::string path = dir.write("bad.csv", text);
  Catalogue cat;
  try {
    importers::load_csv(cat, path);
  } catch (const InputError& e) {
    EXPECT_EQ(cat.graph().count(GoalKind::Programme), 0u);
    return e;
  }
  ADD_FAILURE() << "no InputError for:\n" << text;
  return InputError({}, {MessageId::FileNotFound});
}

const std::string kHeader = "# title: T\ncode,parent,kind,title,levels\n";

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// A shipped programme, as a user's spreadsheet would export it after an edit.
std::string shipped(const std::string& name) {
  const std::string text = read_text(at::source_dir() + "/curricula/programmes/" + name);
  EXPECT_FALSE(text.empty()) << name;
  return text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  std::size_t n = 0;
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()), ++n)
    text.replace(at, from.size(), to);
  EXPECT_GT(n, 0u) << "not in the text: " << from;
  return text;
}

std::vector<std::string> dutch_warnings(const Catalogue& cat) {
  std::vector<std::string> out;
  for (const auto& w : cat.warnings())
    out.push_back(std::to_string(w.where.line) + ":" + std::to_string(w.where.column) + ": " + w.what.dutch());
  return out;
}

const std::string kZorg = "zorg_en_welzijn_vmbo.csv";

// "line:column" of the cell after the delimiter that starts `needle`, on the line that
// starts with `row`; the column counts characters, as messages do.
std::string position_of(const std::string& text, const std::string& row, const std::string& needle) {
  const std::size_t start = text.find("\n" + row) + 1;
  const std::size_t at = text.find(needle, start);
  const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(start), '\n') + 1;
  // One past `at`: the needle starts with the delimiter before the cell.
  const auto column = std::count_if(text.begin() + static_cast<std::ptrdiff_t>(start),
                                    text.begin() + static_cast<std::ptrdiff_t>(at) + 1,
                                    [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }) + 1;
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

TEST(Csv, ReadsQuotedFieldsNewlinesEscapesBomAndSemicolons) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "proefvak.csv", kSmall);
  for (const auto& w : cat.warnings()) ADD_FAILURE() << w.to_string();
  const auto& g = cat.graph();
  Programme p = cat.find_programme("Proefvak", Level::VmboGL);
  const Goal& root = g.goal(p.root);
  EXPECT_EQ(root.kind, GoalKind::Programme);
  EXPECT_EQ(root.title, "Proefvak, versie B");
  EXPECT_EQ(root.source_id, "csv:proefvak");
  auto top = g.children(p.root);
  ASSERT_EQ(top.size(), 2u);
  const Goal& a = g.goal(top[0]);
  EXPECT_EQ(a.kind, GoalKind::Domain);
  EXPECT_EQ(a.description, "Eerste regel;\ntweede regel met \"aanhalingstekens\"");
  EXPECT_TRUE(a.exam.ce && a.exam.se && a.exam.kern);
  auto under_a = g.children(top[0]);
  ASSERT_EQ(under_a.size(), 2u);
  const Goal& a1 = g.goal(under_a[0]);
  EXPECT_EQ(a1.source_id, "csv:proefvak/A1");
  EXPECT_EQ(a1.levels, LevelSet({Level::VmboTL}));     // its own cell
  EXPECT_TRUE(a1.exam.ce && a1.exam.se && a1.exam.kern);  // inherited from A
  const Goal& a2 = g.goal(under_a[1]);
  EXPECT_EQ(a2.levels, LevelSet({Level::VmboGL, Level::VmboTL}));  // inherited from the metadata
  EXPECT_TRUE(a2.exam.keuze && !a2.exam.kern);
  const Goal& b = g.goal(top[1]);
  EXPECT_TRUE(b.exam.se && !b.exam.ce);  // the programme default
  EXPECT_EQ(g.targets(under_a[0], EdgeKind::AtLevel), std::vector<Vertex>{g.level_vertex(Level::VmboTL)});
}

TEST(Csv, CommaFilesWithoutBomAndCrLfWork) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "komma.csv", "# title: Komma\r\n# levels: havo\r\ncode,kind,title\r\nX,goal,\"Een, twee\"\r\n");
  EXPECT_TRUE(cat.warnings().empty());
  EXPECT_EQ(cat.graph().goal(*cat.graph().find_id("csv:komma/X")).title, "Een, twee");
}

TEST(Csv, UnknownParentIsAnErrorWithLineAndColumn) {
  InputError e = error_of(kHeader + "A,,domain,Domein,havo\nA1,Z,eindterm,Doel,havo\n");
  EXPECT_EQ(e.where().line, 4u);
  EXPECT_EQ(e.where().column, 4u);
  EXPECT_NE(std::string(e.what()).find("parent 'Z'"), std::string::npos) << e.what();
  EXPECT_NE(std::string(e.what()).find(":4:4"), std::string::npos) << e.what();
}

TEST(Csv, ParentBelowItsChildIsExplained) {
  InputError e = error_of(kHeader + "A1,A,eindterm,Doel,havo\nA,,domain,Domein,havo\n");
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_NE(std::string(e.what()).find("line 4"), std::string::npos) << e.what();
}

TEST(Csv, UnterminatedQuoteNamesWhereItOpened) {
  InputError e = error_of(kHeader + "A,,domain,Domein,havo\nA1,A,eindterm,\"Doel zonder einde,havo\nA2,A,eindterm,x,havo\n");
  EXPECT_EQ(e.where().line, 4u);
  EXPECT_EQ(e.where().column, 15u);
  EXPECT_NE(std::string(e.what()).find("never closed"), std::string::npos);
}

TEST(Csv, TextAfterAClosingQuoteIsAnError) {
  InputError e = error_of(kHeader + "A,,domain,\"Domein\"x,havo\n");
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.where().column, 19u);
}

TEST(Csv, DuplicateCodeEmptyTitleAndMissingColumnsAreErrors) {
  EXPECT_EQ(error_of(kHeader + "A,,domain,Een,havo\nA,,domain,Twee,havo\n").where().line, 4u);
  EXPECT_EQ(error_of(kHeader + "A,,domain,,havo\n").where().line, 3u);
  InputError e = error_of("# title: T\ncode,parent,titel\nA,,x\n");
  EXPECT_EQ(e.where().line, 2u);
  EXPECT_NE(std::string(e.what()).find("kind"), std::string::npos) << e.what();
  EXPECT_NE(std::string(error_of("# title: leeg\n").what()).find("header"), std::string::npos);
}

TEST(Csv, BadLevelKindAndExamAreWarningsOnTheirCell) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "w.csv",
                            "# title: W\ncode,parent,kind,title,levels,exam\n"
                            "A,,domain,Domein,havo; vmbo xl,\n"
                            "A1,A,doelstelling,Doel,,CE;PO\n");
  auto has = [&](const std::string& text, std::size_t line, std::size_t column) {
    for (const auto& w : cat.warnings())
      if (w.message().find(text) != std::string::npos && w.where.line == line && w.where.column == column) return true;
    return false;
  };
  EXPECT_TRUE(has("unknown level 'vmbo xl'", 3, 18)) << (cat.warnings().empty() ? "" : cat.warnings()[0].to_string());
  EXPECT_TRUE(has("unknown kind 'doelstelling'", 4, 6));
  EXPECT_TRUE(has("unknown exam 'PO'", 4, 25));  // as the user wrote it
  const Goal& a = cat.graph().goal(*cat.graph().find_id("csv:w/A"));
  EXPECT_EQ(a.levels, LevelSet({Level::Havo}));
  const Goal& a1 = cat.graph().goal(*cat.graph().find_id("csv:w/A1"));
  EXPECT_EQ(a1.kind, GoalKind::Goal);
  EXPECT_TRUE(a1.exam.ce);
}

// A levels cell with no known name counts as empty: the goal takes its parent's
// levels (before, it had none and silently dropped out of every analysis).
TEST(Csv, ALevelsCellWithNoKnownNameInheritsAndSaysSo) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "l.csv",
                            "# title: L\ncode,parent,kind,title,levels\n"
                            "A,,domain,Domein,VMBO-TL\n"
                            "A1,A,eindterm,Doel,vmbo t\n"
                            "B,,domain,Domein zonder niveau,\n"
                            "B1,B,eindterm,Doel,vmbo x\n");
  const Goal& a1 = cat.graph().goal(*cat.graph().find_id("csv:l/A1"));
  EXPECT_EQ(a1.levels, LevelSet({Level::VmboTL}));
  const Goal& b1 = cat.graph().goal(*cat.graph().find_id("csv:l/B1"));
  EXPECT_TRUE(b1.levels.empty());
  std::vector<std::string> texts;
  for (const auto& w : cat.warnings()) texts.push_back(w.what.dutch());
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "rij 4 in Excel, kolom 'levels': onbekend niveau 'vmbo t': het doel krijgt de niveaus van zijn "
                       "ouder (vmbo tl); gebruik namen als 'vmbo gl', 'havo', 'mbo 2'",
                       "rij 6 in Excel, kolom 'levels': onbekend niveau 'vmbo x': het doel heeft geen niveau en telt in "
                       "geen analyse mee; gebruik namen als 'vmbo gl', 'havo', 'mbo 2'"}));
}

TEST(Csv, InvalidUtf8AndMissingFileAreErrors) {
  // A stray byte in a file whose other letters are UTF-8 ("Oriëntatie"): no other encoding.
  InputError e = error_of(kHeader + "A,,domain,Ori\xC3\xABntatie,havo\nB,,domain,Caf\xE9,havo\n");
  EXPECT_EQ(e.where().line, 4u);
  EXPECT_EQ(e.message().id, MessageId::InvalidUtf8Byte);
  Catalogue cat;
  EXPECT_THROW(importers::load_csv(cat, at::source_dir() + "/curricula/programmes/nope.csv"), InputError);
}

TEST(Csv, FailedFolderLoadLeavesTheCatalogueUnchanged) {
  at::ScratchDir dir;
  dir.write("a_good.csv", kSmall);
  dir.write("b_bad.csv", kHeader + "A,,domain,\"open,havo\n");
  Catalogue cat;
  importers::load_sbb(cat, at::sbb_dir() + "/2637_Sociaal_werk.xml");
  const auto vertices = cat.graph().num_vertices();
  const auto edges = cat.graph().num_edges();
  const auto programmes = cat.programmes().size();
  EXPECT_THROW(importers::load_csv(cat, dir.path().string()), InputError);
  EXPECT_EQ(cat.graph().num_vertices(), vertices);
  EXPECT_EQ(cat.graph().num_edges(), edges);
  EXPECT_EQ(cat.programmes().size(), programmes);
  EXPECT_TRUE(cat.warnings().empty());
}

// A user test: a programme copied as a template kept its "# id:", and the copy loaded
// first silently replaced the original ("al geladen" per goal, then "no programme").
TEST(Csv, TwoFilesWithOneProgrammeIdAreAnErrorNamingBoth) {
  at::ScratchDir dir;
  const std::string first = dir.write("a_mijn_vak.csv", "# id: tt\n# title: Mijn vak\n" + kHeader.substr(11) +
                                                        "A,,domain,Domein A,vmbo tl\n");
  const std::string second = dir.write("b_origineel.csv", "# title: Origineel\n# id: tt\n" + kHeader.substr(11) +
                                                           "A,,domain,Domein A,vmbo tl\n");
  Catalogue cat;
  try {
    importers::load_csv(cat, dir.path().string());
    ADD_FAILURE() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, second);
    EXPECT_EQ(e.where().line, 2u);  // the "# id:" line
    EXPECT_NE(std::string(e.what()).find("programme id 'tt' is already used by " + first), std::string::npos) << e.what();
  }
  EXPECT_EQ(cat.graph().count(GoalKind::Programme), 0u);
}

TEST(Csv, AuthoredProgrammesLoadCleanly) {
  Catalogue cat;
  importers::load_csv(cat, at::source_dir() + "/curricula/programmes");
  for (const auto& w : cat.warnings()) ADD_FAILURE() << w.to_string();
  const auto& g = cat.graph();

  Programme tt = cat.find_programme("Technologie & Toepassing", Level::VmboTL);
  EXPECT_EQ(tt.levels, LevelSet({Level::VmboGL, Level::VmboTL}));
  EXPECT_THROW(cat.find_programme("Technologie & Toepassing", Level::VmboBB), NotFoundError);
  auto domains = g.children(tt.root);
  EXPECT_GE(domains.size(), 5u);
  EXPECT_LE(domains.size(), 7u);
  std::size_t goals = 0;
  for (Vertex v : g.subtree(tt.root)) {
    const Goal& goal = g.goal(v);
    if (goal.kind != GoalKind::Eindterm) continue;
    ++goals;
    EXPECT_EQ(goal.description.rfind("De kandidaat kan ", 0), 0u) << goal.code;
    EXPECT_TRUE(goal.exam.se && !goal.exam.ce) << goal.code;
    EXPECT_EQ(g.goal(g.parents(v).front()).kind, GoalKind::Domain) << goal.code;
  }
  EXPECT_GE(goals, 25u);
  EXPECT_LE(goals, 40u);
  const Source& tt_source = cat.source(g.goal(tt.root).source);
  EXPECT_NE(tt_source.url.find("slo.nl"), std::string::npos);
  EXPECT_FALSE(tt_source.publisher.empty());

  Programme zw = cat.find_programme("Zorg en welzijn", Level::VmboKB);
  EXPECT_EQ(zw.levels, LevelSet({Level::VmboBB, Level::VmboKB, Level::VmboGL}));
  std::set<std::string> titles;
  for (Vertex d : g.children(zw.root)) titles.insert(g.goal(d).title);
  for (const char* t : {"Mens en gezondheid", "Mens en omgeving", "Mens en activiteit", "Mens en zorg",
                        "Oriëntatie op leren en werken"})
    EXPECT_TRUE(titles.count(t)) << t;
  // The profile part is examined centrally (cspe) and in the school exam; the general part only in the school exam.
  for (Vertex v : g.subtree(zw.root)) {
    const Goal& goal = g.goal(v);
    if (goal.kind != GoalKind::Eindterm) continue;
    const bool profile_part = goal.code.rfind("P/ZW/", 0) == 0;
    EXPECT_EQ(goal.exam.ce, profile_part) << goal.code;
    EXPECT_TRUE(goal.exam.se) << goal.code;
    EXPECT_EQ(goal.description.rfind("De kandidaat kan ", 0), 0u) << goal.code;
  }
}

// A user test: "# niveau:" (singular) was an unknown key, every goal was left without
// levels, and nothing said so until a transition found "no programme at 'vmbo tl'".
TEST(Csv, DutchMetadataKeysInSingularAndPluralWork) {
  at::ScratchDir dir;
  const std::string text = replaced(shipped(kZorg), "# levels:", "# niveau:");
  Catalogue cat = load_text(dir, kZorg, text);
  EXPECT_EQ(dutch_warnings(cat), std::vector<std::string>{});
  EXPECT_EQ(cat.find_programme("Zorg en welzijn", Level::VmboKB).levels,
            LevelSet({Level::VmboBB, Level::VmboKB, Level::VmboGL}));

  Catalogue dutch = load_text(dir, "eigen.csv",
                              "# naam: Eigen vak\n# vaknaam: Eigen\n# versie: 1\n# begindatum: 2025-08-01\n"
                              "# bronnen: werkgroep\n# website: https://example.org\n# auteurs: A; B\n"
                              "# beschrijving: Over het vak\n# leerweg: vmbo tl\n# examens: SE\n"
                              "code;ouder;soort;titel\nA;;domein;Domein A\n");
  EXPECT_EQ(dutch_warnings(dutch), std::vector<std::string>{});
  Programme p = dutch.find_programme("Eigen", Level::VmboTL);
  const Goal& root = dutch.graph().goal(p.root);
  EXPECT_EQ(root.title, "Eigen vak");
  EXPECT_EQ(root.description, "Over het vak\nBron: werkgroep");
  EXPECT_TRUE(root.exam.se && !root.exam.ce);
  const Source& source = dutch.source(root.source);
  EXPECT_EQ(source.version, "1");
  EXPECT_EQ(source.start_date, "2025-08-01");
  EXPECT_EQ(source.url, "https://example.org");
  EXPECT_EQ(source.publisher, "A; B");
}

// When no goal has a level, the programme takes part in no analysis: one warning on
// the header row says so and names the key, besides the one on the misspelt key.
TEST(Csv, AProgrammeWithoutAnyLevelIsNamedOnce) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, kZorg, replaced(shipped(kZorg), "# levels:", "# nivo:"));
  const std::vector<std::string> texts = dutch_warnings(cat);
  ASSERT_EQ(texts.size(), 2u) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts[0].rfind("6:1: rij 6 in Excel: onbekend gegeven 'nivo' in de kop (genegeerd); bekend zijn titel, "
                           "vak, ", 0), 0u)
      << texts[0];
  EXPECT_EQ(texts[1], "11:1: rij 11 in Excel: het programma 'Zorg en welzijn vmbo (profielvak)' heeft geen niveaus en telt in geen "
                      "analyse mee; geef ze boven de kopregel op, bijvoorbeeld '# niveaus: vmbo gl; vmbo tl', of in "
                      "een kolom 'niveaus'");
  EXPECT_EQ(cat.warnings()[1].where.file, (dir.path() / kZorg).string());
  // A programme with levels on some goals only is not warned about as a whole.
  Catalogue some =
      load_text(dir, "deels.csv", "# title: Deels\ncode,kind,title,levels\nA,domain,A,havo\nB,domain,B,\n");
  EXPECT_EQ(dutch_warnings(some), std::vector<std::string>{});
}

// A user test: an unquoted CE;SE in a ';' file spilt into the part column: the domain
// became CE only, lost kern, and the warnings ("unknown part 'se'") did not say why.
TEST(Csv, AnExamListSplitAtTheDelimiterIsJoinedWithAHint) {
  at::ScratchDir dir;
  const std::string text = replaced(shipped(kZorg), ";\"CE;SE\";", ";CE;SE;");
  Catalogue cat = load_text(dir, kZorg, text);
  const GoalGraph& g = cat.graph();
  for (const char* code : {"P/ZW/1", "P/ZW/4"}) {
    const Goal& domain = g.goal(*g.find_id(std::string("csv:zorg_en_welzijn_vmbo/") + code));
    EXPECT_TRUE(domain.exam.ce && domain.exam.se && domain.exam.kern && !domain.exam.keuze) << code;
  }
  const std::string hint = "meer cellen dan kolommen in de kopregel: kolom 'exam' lijkt 'CE;SE' te bevatten, gesplitst "
                           "bij het scheidingsteken; gelezen als 'CE;SE'. Zet de cel tussen aanhalingstekens "
                           "(\"CE;SE\") of schrijf 'CE, SE' of 'CE/SE'";
  std::vector<std::string> expected;
  for (const char* domain : {"P/ZW/1;", "P/ZW/2;", "P/ZW/3;", "P/ZW/4;"}) {
    // No quoted text in this file spans lines: each row is on the line of its number.
    const std::string at = position_of(text, domain, ";CE;SE;kern");
    expected.push_back(at + ": rij " + at.substr(0, at.find(':')) + " in Excel: " + hint);
  }
  EXPECT_EQ(expected.front().rfind("21:", 0), 0u);
  EXPECT_EQ(dutch_warnings(cat), expected);
  EXPECT_EQ(cat.warnings()[0].where.record, "csv:zorg_en_welzijn_vmbo/P/ZW/1");

  // The spellings the hint suggests work as they are.
  for (const char* spelling : {"CE, SE", "CE/SE"}) {
    Catalogue ok = load_text(dir, kZorg, replaced(shipped(kZorg), "\"CE;SE\"", spelling));
    EXPECT_EQ(dutch_warnings(ok), std::vector<std::string>{}) << spelling;
    const Goal& domain = ok.graph().goal(*ok.graph().find_id("csv:zorg_en_welzijn_vmbo/P/ZW/1"));
    EXPECT_TRUE(domain.exam.ce && domain.exam.se && domain.exam.kern) << spelling;
  }
}

TEST(Csv, ALevelsListSplitAtTheDelimiterIsJoinedAndOtherExtraCellsAreNot) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "s.csv",
                            "# title: S\ncode;kind;title;levels;exam;part\n"
                            "A;domain;Domein;vmbo gl;vmbo tl;SE;Kern\n"
                            "B;domain;Domein;havo;SE;keuze;iets anders\n");
  const Goal& a = cat.graph().goal(*cat.graph().find_id("csv:s/A"));
  EXPECT_EQ(a.levels, LevelSet({Level::VmboGL, Level::VmboTL}));
  EXPECT_TRUE(a.exam.se && a.exam.kern);
  const Goal& b = cat.graph().goal(*cat.graph().find_id("csv:s/B"));
  EXPECT_TRUE(b.exam.se && b.exam.keuze);
  const std::vector<std::string> texts = dutch_warnings(cat);
  ASSERT_EQ(texts.size(), 2u) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts[0], "3:17: rij 3 in Excel: meer cellen dan kolommen in de kopregel: kolom 'levels' lijkt 'vmbo gl;vmbo tl' te "
                      "bevatten, gesplitst bij het scheidingsteken; gelezen als 'vmbo gl;vmbo tl'. Zet de cel tussen "
                      "aanhalingstekens (\"vmbo gl;vmbo tl\") of schrijf 'vmbo gl, vmbo tl' of 'vmbo gl/vmbo tl'");
  // A cell right of the header's columns has no name there: its letter.
  EXPECT_EQ(texts[1].rfind("4:31: rij 4 in Excel, kolom G: meer cellen dan kolommen in de kopregel; de extra cellen "
                           "worden genegeerd", 0), 0u)
      << texts[1];
  // In a ',' file the hint suggests no spelling with a comma.
  Catalogue comma =
      load_text(dir, "k.csv", "# title: K\n# levels: havo\ncode,kind,title,exam\nA,domain,Domein,CE,SE\n");
  ASSERT_EQ(comma.warnings().size(), 1u);
  EXPECT_NE(comma.warnings()[0].what.dutch().find("schrijf 'CE; SE' of 'CE/SE'"), std::string::npos)
      << comma.warnings()[0].what.dutch();
}

// A user test: a Dutch header (code;ouder;soort;titel) that lacked the kind column was
// told to add "kind", and an unknown kind was told to use English names.
TEST(Csv, MessagesAboutColumnsAndKindsNameTheDutchNames) {
  InputError e = error_of(replaced(shipped(kZorg), "code;parent;kind;title;description;levels;exam;part",
                                   "code;ouder;sort;titel;omschrijving;niveaus;examen;deel"));
  EXPECT_EQ(e.where().line, 11u);
  EXPECT_EQ(e.message().dutch(),
            "rij 11 in Excel: de kopregel mist verplichte kolom(men): kind (soort, type); nodig zijn code, soort en "
            "titel (of in het Engels: code, kind en title)");
  EXPECT_NE(error_of("# title: T\ncode\nA\n").message().dutch().find(": kind (soort, type), title (titel);"),
            std::string::npos);

  at::ScratchDir dir;
  Catalogue cat = load_text(dir, kZorg, replaced(shipped(kZorg), "K/ZW/1;;domain;", "K/ZW/1;;Domeinen;"));
  ASSERT_EQ(cat.warnings().size(), 1u);
  EXPECT_EQ(cat.warnings()[0].what.dutch(), "rij 12 in Excel, kolom 'kind': onbekende soort 'Domeinen'; gelezen "
                                            "als 'doel' (gebruik domein, "
                                            "subdomein, eindterm, doel, leerdoel, onderwerp, specificatie, kerntaak, "
                                            "werkproces of vakkennis)");
}

// Messages show a value as the user wrote it, not lower-cased.
TEST(Csv, UnknownPartAndMetadataKeepTheUsersSpelling) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "p.csv",
                            "# title: P\n# Niveau_X: havo\ncode;kind;title;levels;part\nA;domain;A;havo;Keuzedeel\n");
  const std::vector<std::string> texts = dutch_warnings(cat);
  ASSERT_EQ(texts.size(), 2u) << ::testing::PrintToString(texts);
  EXPECT_EQ(texts[0].rfind("2:1: rij 2 in Excel: onbekend gegeven 'Niveau_X' in de kop", 0), 0u) << texts[0];
  EXPECT_EQ(texts[1], "4:17: rij 4 in Excel, kolom 'part': onbekend deel 'Keuzedeel' (genegeerd); gebruik kern of keuze");
}

// A user test: a copy of a programme beside the original (its "# id" line left
// out) made "Praktijkgericht programma Techniek; Praktijkgericht programma
// Techniek" an ambiguity a user could not resolve: the files tell them apart.
TEST(Csv, TwoProgrammesWithOneTitleAreToldApartByTheirFiles) {
  std::string text = at::read_text(at::source_dir() + "/curricula/programmes/technologie_en_toepassing.csv");
  const std::string id_line = "# id: technologie_en_toepassing\n";
  ASSERT_NE(text.find(id_line), std::string::npos);
  text.erase(text.find(id_line), id_line.size());
  at::ScratchDir dir;
  dir.write("tt.csv", text);
  dir.write("tt - kopie.csv", text);
  Catalogue cat;
  importers::load_csv(cat, dir.path().string());
  try {
    cat.find_programme("Technologie & Toepassing", Level::VmboTL);
    FAIL() << "no ambiguity";
  } catch (const NotFoundError& e) {
    const std::string dutch = e.message().dutch();
    EXPECT_NE(dutch.find("Technologie & Toepassing (vmbo gl/tl) (tt - kopie.csv)"), std::string::npos) << dutch;
    EXPECT_NE(dutch.find("Technologie & Toepassing (vmbo gl/tl) (tt.csv)"), std::string::npos) << dutch;
    // A user test: the advice to give the full title could not help, as both have it.
    EXPECT_EQ(e.message().id, MessageId::AmbiguousSameTitle);
    EXPECT_NE(dutch.find("haal de kopie uit de map"), std::string::npos) << dutch;
  }
  // Said when the folder is loaded, before any transition trips over it: once, at the later file.
  std::vector<const Warning*> same;
  for (const Warning& w : cat.warnings())
    if (w.what.id == MessageId::CsvSameTitle) same.push_back(&w);
  ASSERT_EQ(same.size(), 1u);
  EXPECT_TRUE(same[0]->where.file.ends_with("tt.csv")) << same[0]->where.file;  // files load in name order
  EXPECT_TRUE(same[0]->what.args.at(1).ends_with("tt - kopie.csv")) << same[0]->what.args.at(1);

  // The same title at other levels, or loaded on top of the shipped copy: only the overlap counts.
  Catalogue shipped;
  importers::load_csv(shipped, at::source_dir() + "/curricula/programmes");
  std::size_t before = 0;
  for (const Warning& w : shipped.warnings()) before += w.what.id == MessageId::CsvSameTitle;
  EXPECT_EQ(before, 0u) << "the shipped programmes have titles of their own";
  importers::load_csv(shipped, dir.path().string() + "/tt.csv");
  std::size_t after = 0;
  for (const Warning& w : shipped.warnings()) after += w.what.id == MessageId::CsvSameTitle;
  EXPECT_EQ(after, 1u);
}

// A user test: "schoolexamen" was an unknown exam, and the goal then had neither CE nor SE
// although its parent is SE. The Dutch words work, in any case; a value that stays unknown
// inherits the parent's exam, as an unknown level does, and the warning says so.
TEST(Csv, AnExamInDutchWordsIsReadAndAnUnknownOneInherits) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "e.csv",
                            "# titel: E\n# niveaus: vmbo tl\n# examen: Schoolexamen\n"
                            "code;ouder;soort;titel;examen\n"
                            "A;;domein;se;\n"  // from "# examen:"
                            "A1;A;eindterm;se;schoolexamen\n"
                            "A2;A;eindterm;ce;Centraal Examen\n"
                            "A3;A;eindterm;both;SE/CE\n"
                            "A4;A;eindterm;both;se + ce\n"
                            "A5;A;eindterm;both;CE en SE\n"
                            "A6;A;eindterm;ce;centraal schriftelijk en praktisch examen\n"
                            "A7;A;eindterm;se;School-examen\n"
                            "A8;A;eindterm;both;\"centraal examen, schoolexamen\"\n"
                            "A9;A;eindterm;ce;CSPE\n"
                            "B;A;eindterm;se;praktijkexamen\n"
                            "C;;domein;both;CE, SE\n"
                            "C1;C;eindterm;both;PO\n"
                            "D;;domein;ce;CE\n"
                            "D1;D;eindterm;ce;CE en PO\n"
                            "E;;domein;se;schoolexamen;\n"
                            // No exam, said in so many words: not the parent's SE (a review).
                            "E1;E;eindterm;none;-\n"
                            "E2;E;eindterm;none;geen\n"
                            "E3;E;eindterm;none;n.v.t.\n"
                            "E4;E;eindterm;none;geen examen\n"
                            "E5;E;eindterm;se;alleen SE, geen CE\n");
  const GoalGraph& g = cat.graph();
  for (const char* code : {"A", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9", "B", "C", "C1", "D", "D1", "E",
                           "E1", "E2", "E3", "E4", "E5"}) {
    const Goal& goal = g.goal(*g.find_id(std::string("csv:e/") + code));
    const std::string& want = goal.title;  // the exam the row must have
    EXPECT_EQ(goal.exam.ce, want == "ce" || want == "both") << code;
    EXPECT_EQ(goal.exam.se, want == "se" || want == "both") << code;
  }
  EXPECT_EQ(dutch_warnings(cat), (std::vector<std::string>{
                                     "15:17: rij 15 in Excel, kolom 'examen': onbekend examen 'praktijkexamen': het "
                                     "doel krijgt het examen van zijn ouder (SE); gebruik CE, SE of beide als 'CE, SE' "
                                     "(of centraal examen, schoolexamen)",
                                     "17:20: rij 17 in Excel, kolom 'examen': onbekend examen 'PO': het doel krijgt het "
                                     "examen van zijn ouder (CE, SE); gebruik CE, SE of beide als 'CE, SE' (of centraal "
                                     "examen, schoolexamen)",
                                     "19:18: rij 19 in Excel, kolom 'examen': onbekend examen 'PO' (genegeerd); gebruik "
                                     "CE, SE of beide als 'CE, SE' (of centraal examen, schoolexamen)",
                                     "25:18: rij 25 in Excel, kolom 'examen': onbekend examen 'alleen' (genegeerd); "
                                     "gebruik CE, SE of beide als 'CE, SE' (of centraal examen, schoolexamen)"}));

  // Without an exam above it, an unknown value leaves the goal without one, and says so.
  Catalogue none = load_text(dir, "n.csv", "# title: N\n# levels: havo\ncode,kind,title,exam\nA,domain,A,praktijk examen\n");
  ASSERT_EQ(none.warnings().size(), 1u);
  EXPECT_EQ(none.warnings()[0].what.english(),
            "row 4 in Excel, column 'exam': unknown exam 'praktijk examen' (ignored); use CE, SE or both as 'CE, SE' "
            "(or centraal examen, schoolexamen)");

  // Unquoted in a ';' file, two Dutch names split into two cells: joined again, as 'CE;SE' is.
  Catalogue split = load_text(dir, "s.csv", "# title: S\n# levels: havo\ncode;kind;title;exam;part\n"
                                            "A;domain;A;schoolexamen;centraal examen;kern\n");
  const Goal& a = split.graph().goal(*split.graph().find_id("csv:s/A"));
  EXPECT_TRUE(a.exam.ce && a.exam.se && a.exam.kern);
  ASSERT_EQ(split.warnings().size(), 1u);
  EXPECT_EQ(split.warnings()[0].what.id, MessageId::CsvListCellSplit);
}

// A user test: after a quoted description over three lines, "regel 31" was the file's line
// while Excel shows the row as 28. Messages name the spreadsheet's row, and the column by its
// name in the header row; the location keeps the file's line and column for an editor.
TEST(Csv, MessagesNameTheRowAndColumnAsASpreadsheetShowsThem) {
  const std::string head = "# titel: R\n# niveaus: vmbo tl\ncode;ouder;soort;titel;omschrijving;leerwegen\n"
                           "A;;domein;Domein;\"Een\nbeschrijving\nover vier\nregels\";vmbo tl\n";
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "r.csv", head + "A1;A;eindterm;Doel;;vmbo t\n");
  ASSERT_EQ(cat.warnings().size(), 1u);
  const Warning& w = cat.warnings()[0];
  EXPECT_EQ(w.where.line, 8u);  // the file's line, for an editor
  EXPECT_EQ(w.where.column, 21u);
  EXPECT_EQ(w.what.dutch().rfind("rij 5 in Excel, kolom 'leerwegen': onbekend niveau 'vmbo t'", 0), 0u)
      << w.what.dutch();
  EXPECT_EQ(w.what.english().rfind("row 5 in Excel, column 'leerwegen': unknown level 'vmbo t'", 0), 0u)
      << w.what.english();
  EXPECT_EQ(w.what.code(), "csv.unknown_levels_inherited");  // the code is that of the message, not the place

  // Errors: the row, and a line or row they name besides.
  InputError twice = error_of(head + "A1;A;eindterm;Doel;;\nA1;A;eindterm;Nog een doel;;\n");
  EXPECT_EQ(twice.where().line, 9u);
  EXPECT_EQ(twice.message().dutch(), "rij 6 in Excel, kolom 'code': code 'A1' is al gebruikt op regel 8 (rij 5 in "
                                     "Excel)");
  InputError below = error_of(head + "B1;B;eindterm;Doel;;\nB;;domein;Domein B;;\n");
  EXPECT_EQ(below.message().dutch(), "rij 5 in Excel, kolom 'ouder': ouder 'B' staat onder deze rij (regel 9, rij 6 in "
                                     "Excel); zet ouders boven hun kinderen");
  // A quote that is never closed: its row and column, with the header's name for it.
  InputError open = error_of(head + "A1;A;eindterm;\"Doel;;\nA2;A;eindterm;x;;\n");
  EXPECT_EQ(open.where().line, 8u);
  EXPECT_EQ(open.message().dutch().rfind("rij 5 in Excel, kolom 'titel': een veld tussen aanhalingstekens", 0), 0u)
      << open.message().dutch();
  // Before the header row there is no name: the column's letter.
  InputError early = error_of("# titel: R\ncode;\"soort\"x;titel\n");
  EXPECT_EQ(early.message().dutch().rfind("rij 2 in Excel, kolom B: onverwachte tekst", 0), 0u)
      << early.message().dutch();
  EXPECT_EQ(early.what(), early.where().to_string() + ": " + early.message().english());
}

// A user test: parent "o" for the code "O" was "not a code in this file".
TEST(Csv, AParentThatDiffersOnlyInCaseIsSuggested) {
  InputError e = error_of("# title: T\n# levels: havo\ncode,parent,kind,title\nO,,domain,Onderzoek\nO1,o,goal,Doel\n");
  EXPECT_EQ(e.where().line, 5u);
  EXPECT_EQ(e.message().code(), "csv.unknown_parent_case");
  EXPECT_EQ(e.message().dutch(), "rij 5 in Excel, kolom 'parent': ouder 'o' is geen code in dit bestand; bedoelt u "
                                 "'O'? (hoofdletters en kleine letters verschillen in codes)");
  // Not for a code that is no other code in any case.
  EXPECT_EQ(error_of("# title: T\ncode,parent,kind,title\nO,,domain,O\nO1,p,goal,Doel\n").message().code(),
            "csv.unknown_parent");
}

// A user test: the metadata lines lacked their '#' ("titel: ..." in A1), and the message
// only said that the header lacked code, kind and title.
TEST(Csv, AHeaderThatLooksLikeAMetadataLineSaysToBeginItWithAHash) {
  InputError e = error_of("titel: Robotica;;;\nniveaus: vmbo tl;;;\ncode;ouder;soort;titel\nA;;domein;Programmeren\n");
  EXPECT_EQ(e.where().line, 1u);
  EXPECT_EQ(e.message().code(), "csv.missing_columns_metadata");
  EXPECT_EQ(e.message().dutch(),
            "rij 1 in Excel: de kopregel mist verplichte kolom(men): code, kind (soort, type), title (titel); de eerste "
            "cel lijkt een metadataregel ('titel: ...'): begin metadataregels met #, zoals '# titel: ...', en zet de "
            "kopregel (code, soort, titel, ...) eronder");
  // A header without that look keeps the message it had, in Dutch.
  InputError plain = error_of("# titel: T\ncode;ouder;titel\nA;;x\n");
  EXPECT_EQ(plain.message().code(), "csv.missing_columns");
  EXPECT_EQ(plain.message().dutch(), "rij 2 in Excel: de kopregel mist verplichte kolom(men): kind (soort, type); "
                                     "nodig zijn code, soort en titel (of in het Engels: code, kind en title)");
}

// A file with a header and nothing below it loaded silently as a programme without goals;
// a transition said only later that it has none at the level (a review).
TEST(Csv, AProgrammeWithoutRowsIsSaidToHaveNoGoals) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "leeg.csv", "# titel: Leeg\n# niveaus: vmbo tl\ncode;soort;titel\n");
  ASSERT_EQ(cat.warnings().size(), 1u);
  EXPECT_EQ(cat.warnings()[0].what.code(), "csv.programme_without_goals");
  EXPECT_NE(cat.warnings()[0].what.dutch().find("het programma 'Leeg' heeft geen rijen onder de kopregel"),
            std::string::npos);
}

// Excel users put "# titel:" in column A and the title in column B: the title is "Robotica",
// not ",Robotica" (a user test).
TEST(Csv, AMetadataValueInTheNextColumnIsTheValue) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "r.csv",
                            "# titel:;Robotica (concept)\n# vak:;Robotica\n# niveaus:;vmbo gl, vmbo tl\n"
                            "code;soort;titel\nR1;domein;Bouwen\n");
  const Programme p = cat.find_programme("Robotica", Level::VmboTL);
  EXPECT_EQ(cat.graph().goal(p.root).title, "Robotica (concept)");
  EXPECT_EQ(p.subject, "Robotica");
  EXPECT_TRUE(cat.warnings().empty());
}

// An unknown column names the columns there are, with their other names: "onderdeel" is
// "deel" (a user test had to look them up in docs/csv-format.md).
TEST(Csv, AnUnknownColumnNamesTheColumnsThereAre) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "k.csv", "# titel: K\n# niveaus: vmbo tl\ncode;soort;titel;onderdeel\nK1;domein;K;kern\n");
  ASSERT_EQ(cat.warnings().size(), 1u);
  const std::string dutch = cat.warnings()[0].what.dutch();
  EXPECT_NE(dutch.find("onbekende kolom 'onderdeel' (genegeerd); de kolommen heten code"), std::string::npos) << dutch;
  for (const char* name : {"ouder", "soort", "titel", "omschrijving", "niveaus", "examen", "deel"})
    EXPECT_NE(dutch.find(name), std::string::npos) << name << " in " << dutch;
}

// "# vak:" written below the header is a comment there: said, not silently ignored (a user test).
TEST(Csv, AMetadataLineBelowTheHeaderIsSaidToBeIgnored) {
  at::ScratchDir dir;
  Catalogue cat = load_text(dir, "m.csv",
                            "# titel: M\n# niveaus: vmbo tl\ncode;soort;titel\nM1;domein;M\n# vak: Maken\n#: leeg\n"
                            "# een opmerking\n");
  ASSERT_EQ(cat.warnings().size(), 1u);
  EXPECT_EQ(cat.warnings()[0].what.code(), "csv.metadata_below_header");
  EXPECT_NE(cat.warnings()[0].what.dutch().find("rij 5 in Excel: de regel '# vak: ...' staat onder de kopregel"),
            std::string::npos)
      << cat.warnings()[0].what.dutch();
}
