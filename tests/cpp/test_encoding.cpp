// Files that are not UTF-8: what a spreadsheet or an older export writes.
// A CSV or JSON file in another encoding is refused with the encoding named;
// an XML file that declares its encoding is read in it.
#include <algorithm>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include <gtest/gtest.h>
#include <unicode/unistr.h>

#include "aansluiting/encoding.hpp"
#include "aansluiting/importers/importers.hpp"
#include "test_support.hpp"

using namespace aansluiting;
namespace at = aansluiting::testing;

namespace {

// `utf8` in another encoding, the way another program would have saved it.
std::string encode(const std::string& utf8, const char* charset) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  const int32_t size = text.extract(0, text.length(), nullptr, 0, charset);
  std::string out(static_cast<std::size_t>(size), '\0');
  text.extract(0, text.length(), out.data(), static_cast<uint32_t>(out.size()), charset);
  return out;
}

InputError csv_error(const at::ScratchDir& dir, const std::string& content) {
  const std::string path = dir.write("uit_excel.csv", content);
  Catalogue cat;
  try {
    importers::load_csv(cat, path);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError({}, {MessageId::FileNotFound});
}

const std::string kTandT = "/curricula/programmes/technologie_en_toepassing.csv";

// Every goal of a dossier, by id: what two loads of one dossier must agree on.
std::map<std::string, std::string> goal_texts(const Catalogue& cat) {
  std::map<std::string, std::string> out;
  const GoalGraph& g = cat.graph();
  for (Vertex v = 0; v < g.num_vertices(); ++v)
    out[g.goal(v).source_id] = g.goal(v).code + "|" + g.goal(v).title + "|" + g.goal(v).description;
  return out;
}

Catalogue load_sbb_text(const at::ScratchDir& dir, const std::string& content) {
  Catalogue cat;
  importers::load_sbb(cat, dir.write("dossier.xml", content));
  return cat;
}

const std::string kDossier = "/2637_Sociaal_werk.xml";

// The dossier's text with another encoding in its XML declaration.
std::string declaring(std::string text, const std::string& encoding) {
  const std::string from = "encoding=\"utf-8\"";
  const std::size_t at = text.find(from);
  EXPECT_LT(at, 40u);
  return text.replace(at, from.size(), "encoding=\"" + encoding + "\"");
}

}  // namespace

// A user test (blocker): Excel's "CSV (puntkomma's gescheiden)" on a Dutch Windows saves
// Windows-1252, and the file was refused. A CSV file is read as such, with a warning that
// names the file and says how Excel saves UTF-8; it loads as the UTF-8 file does.
TEST(Encoding, ACsvSavedAsWindows1252LoadsAsTheUtf8OneWithAWarning) {
  const std::string utf8 = at::read_text(at::source_dir() + kTandT);
  ASSERT_NE(utf8.find("\xC3\xAB"), std::string::npos);  // an ë
  at::ScratchDir dir;
  Catalogue as_utf8, as_ansi;
  importers::load_csv(as_utf8, dir.write("tt.csv", utf8));
  const std::string ansi_path = dir.write("uit_excel.csv", encode(utf8, "windows-1252"));
  importers::load_csv(as_ansi, ansi_path);
  EXPECT_EQ(goal_texts(as_ansi), goal_texts(as_utf8));
  ASSERT_EQ(as_ansi.warnings().size(), as_utf8.warnings().size() + 1);
  const Warning& w = as_ansi.warnings().front();
  EXPECT_EQ(w.what.code(), "csv.read_as_windows1252");
  EXPECT_EQ(w.where.file, ansi_path);
  EXPECT_EQ(w.what.dutch(), "uit_excel.csv is niet opgeslagen als UTF-8 en is gelezen als windows-1252 (zoals Excel "
                            "'CSV (puntkomma's gescheiden)' opslaat); controleer letters als 'ë' en 'é'. Sla het "
                            "bestand in Excel op als 'CSV UTF-8 (door komma's gescheiden)' om dit te voorkomen");
  EXPECT_NE(w.message().find("'CSV UTF-8"), std::string::npos) << w.message();
}

// Positions in later messages are those of the file as an editor shows it: a "ë" or "€"
// is one character in Windows-1252 as in UTF-8, and a quoted text over lines keeps its lines.
TEST(Encoding, MessagesOnAWindows1252CsvKeepTheirPositions) {
  const std::string utf8 = "# titel: Café\n# niveaus: vmbo tl\ncode;ouder;soort;titel;omschrijving;examen;deel\n"
                           "A;;domein;Oriëntatie – één;\"Eerste regel\nmet ë, tweede € regel\";SE;kern\n"
                           "A1;A;eindterm;Financiële zaken;Idee’s;SE;Keuzedeel\n"
                           "A2;A;eindterm;Coördinatie;;Praktijkexamen;kern\n";
  at::ScratchDir dir;
  auto said = [&](const std::string& name, const std::string& text) {
    Catalogue cat;
    std::vector<std::string> out;
    try {
      importers::load_csv(cat, dir.write(name, text));
    } catch (const InputError& e) {
      out.push_back("error " + std::to_string(e.where().line) + ":" + std::to_string(e.where().column) + " " +
                    e.message().dutch());
    }
    for (const Warning& w : cat.warnings())
      if (w.what.id != MessageId::CsvReadAsWindows1252)
        out.push_back(std::to_string(w.where.line) + ":" + std::to_string(w.where.column) + " " + w.what.dutch());
    return out;
  };
  const std::vector<std::string> expected = said("utf8.csv", utf8);
  EXPECT_EQ(expected, (std::vector<std::string>{
                          "6:42 rij 5 in Excel, kolom 'deel': onbekend deel 'Keuzedeel' (genegeerd); gebruik kern of "
                          "keuze",
                          "7:28 rij 6 in Excel, kolom 'examen': onbekend examen 'Praktijkexamen': het doel krijgt het "
                          "examen van zijn ouder (SE); gebruik CE, SE of beide als 'CE, SE' (of centraal examen, "
                          "schoolexamen)"}));
  EXPECT_EQ(said("ansi.csv", encode(utf8, "windows-1252")), expected);
  const std::string wrong_parent = utf8 + "A3;a;eindterm;Één doel;;;\n";
  const std::vector<std::string> error = said("utf8.csv", wrong_parent);
  ASSERT_EQ(error.size(), 1u);
  EXPECT_EQ(error[0].rfind("error 8:4 rij 7 in Excel, kolom 'ouder': ouder 'a' is geen code in dit bestand", 0), 0u)
      << error[0];
  EXPECT_EQ(said("ansi.csv", encode(wrong_parent, "windows-1252")), error);
}

// What is not UTF-8 and no Windows-1252 text stays an error: UTF-16, bytes that are no
// text (a workbook renamed to .csv), a byte Windows-1252 leaves unused, a UTF-8 file with a
// wrong byte. JSON and XML files stay strict: only a CSV file is read as Windows-1252.
TEST(Encoding, OnlyACsvThatIsWindows1252TextIsReadAsSuch) {
  at::ScratchDir dir;
  const std::string csv = "# title: T\ncode,parent,kind,title,levels\nA,,domain,Ori\xEBntatie,havo\n";
  EXPECT_EQ(windows1252_as_utf8(csv), std::optional<std::string>(
                                          "# title: T\ncode,parent,kind,title,levels\nA,,domain,Oriëntatie,havo\n"));
  EXPECT_EQ(windows1252_as_utf8("caf\xC3\xA9"), std::nullopt);  // UTF-8 already
  EXPECT_EQ(csv_error(dir, "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xC2\x8E\xEB" + csv).message().id,
            MessageId::SavedAsWorkbook);  // a workbook is named as one (AWorkbookIsNamedWhereverTextIsRead)
  EXPECT_EQ(csv_error(dir, csv + "B,,domain,\x81,havo\n").message().id, MessageId::InvalidUtf8In);
  EXPECT_EQ(csv_error(dir, encode(csv, "UTF-16LE")).message().id, MessageId::SavedAsUtf16);
  // A correct "ë" after the wrong byte: a slip in a UTF-8 file, not an encoding ("save as UTF-8" would spoil it).
  const InputError stray = csv_error(dir, csv + "B,,domain,Financi\xC3\xABle zaken,havo\n");
  EXPECT_EQ(stray.message().id, MessageId::InvalidUtf8Byte);
  EXPECT_EQ(stray.where().line, 3u);
  // What the JSON and XML loaders check: a Windows-1252 text is named, with the character, and refused.
  const std::string utf8 = at::read_text(at::source_dir() + kTandT);
  const std::size_t first = utf8.find_first_of("\xC3");  // the first ê or ë
  ASSERT_NE(first, std::string::npos);
  try {
    require_utf8("eindtermen.json", encode(utf8, "windows-1252"));
    FAIL() << "no error";
  } catch (const InputError& e) {
    const std::size_t line = 1 + static_cast<std::size_t>(std::count(utf8.begin(), utf8.begin() + first, '\n'));
    EXPECT_EQ(e.where().line, line) << e.what();
    const std::string dutch = e.message().dutch();
    EXPECT_NE(dutch.find("het bestand lijkt opgeslagen als windows-1252"), std::string::npos) << dutch;
    EXPECT_NE(dutch.find("waarin dit '" + utf8.substr(first, 2) + "' is"), std::string::npos) << dutch;
  }
}

// On a short text ICU's guess is little more than chance: "Café" came out as ISO-8859-2,
// which reads it as Windows-1252 does. Such a file is read, and named, as Windows-1252.
TEST(Encoding, AShortCsvIsReadAsWindows1252WhenTheGuessReadsItTheSame) {
  at::ScratchDir dir;
  Catalogue cat;
  importers::load_csv(cat, dir.write("kort.csv", "code;kind;title;levels\nA;domain;Caf\xE9;havo\n"));
  EXPECT_EQ(cat.graph().goal(*cat.graph().find_id("csv:kort/A")).title, "Café");
  ASSERT_FALSE(cat.warnings().empty());
  EXPECT_EQ(cat.warnings().front().what.id, MessageId::CsvReadAsWindows1252);
  try {
    require_utf8("kort.json", "[{\"title\": \"Caf\xE9\"}]");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_NE(e.message().dutch().find("opgeslagen als windows-1252, waarin dit 'é' is"), std::string::npos)
        << e.message().dutch();
  }
}

TEST(Encoding, ACsvSavedAsUtf16IsNamedAtItsStart) {
  const std::string utf8 = at::read_text(at::source_dir() + kTandT);
  at::ScratchDir dir;
  for (const std::string& content : {"\xFF\xFE" + encode(utf8, "UTF-16LE"), encode(utf8, "UTF-16LE"),
                                     "\xFE\xFF" + encode(utf8, "UTF-16BE")}) {
    const InputError e = csv_error(dir, content);
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_EQ(e.where().column, 1u);
    const bool big = content[0] == '\xFE';
    EXPECT_EQ(e.message().dutch(), std::string("het bestand is opgeslagen als ") + (big ? "UTF-16BE" : "UTF-16LE") +
                                       ", niet als UTF-8 (sla het op als UTF-8)");
  }
}

TEST(Encoding, AnXmlDossierDeclaredAsWindows1252LoadsAsTheUtf8One) {
  const std::string utf8 = at::read_text(at::sbb_dir() + kDossier);
  const Catalogue original = load_sbb_text(at::ScratchDir(), utf8);
  // No byte order mark: that one would say UTF-8.
  const std::string declared = declaring(utf8.substr(3), "windows-1252");
  at::ScratchDir dir;
  const Catalogue converted = load_sbb_text(dir, encode(declared, "windows-1252"));
  EXPECT_TRUE(converted.warnings().empty());
  EXPECT_EQ(goal_texts(converted), goal_texts(original));
  EXPECT_EQ(converted.graph().num_edges(), original.graph().num_edges());
}

// A user test: Windows programs write "’" and "–" (0x92, 0x96) under an ISO-8859-1 label;
// read as Latin-1 they became control characters.
TEST(Encoding, AnXmlDossierLabelledLatin1IsReadAsWindows1252) {
  const std::string utf8 = at::read_text(at::sbb_dir() + kDossier);
  ASSERT_NE(utf8.find("\xE2\x80\x99"), std::string::npos);  // ’, which Latin-1 does not have
  const Catalogue original = load_sbb_text(at::ScratchDir(), utf8);
  at::ScratchDir dir;
  const Catalogue converted = load_sbb_text(dir, encode(declaring(utf8.substr(3), "ISO-8859-1"), "windows-1252"));
  EXPECT_EQ(goal_texts(converted), goal_texts(original));
}

TEST(Encoding, AnXmlDossierInUtf16LoadsAsTheUtf8One) {
  const std::string utf8 = at::read_text(at::sbb_dir() + kDossier);
  const Catalogue original = load_sbb_text(at::ScratchDir(), utf8);
  const std::string declared = declaring(utf8.substr(3), "utf-16");
  at::ScratchDir dir;
  EXPECT_EQ(goal_texts(load_sbb_text(dir, "\xFF\xFE" + encode(declared, "UTF-16LE"))), goal_texts(original));
  EXPECT_EQ(goal_texts(load_sbb_text(dir, encode(declared, "UTF-16BE"))), goal_texts(original));
}

// Many exports say Latin-1 over UTF-8 bytes; the bytes win, or every ë would be "Ã«".
TEST(Encoding, AnXmlDeclarationThatDoesNotFitItsUtf8BytesIsOverruled) {
  // Without the byte order mark, which would say UTF-8 by itself.
  const std::string text = declaring(at::read_text(at::sbb_dir() + kDossier).substr(3), "ISO-8859-1");
  at::ScratchDir dir;
  EXPECT_EQ(goal_texts(load_sbb_text(dir, text)), goal_texts(load_sbb_text(dir, at::read_text(at::sbb_dir() + kDossier))));
}

TEST(Encoding, AnUnknownDeclaredEncodingIsNamed) {
  const std::string text = declaring(at::read_text(at::sbb_dir() + kDossier).substr(3), "klingon-8");
  at::ScratchDir dir;
  const std::string path = dir.write("dossier.xml", encode(text, "windows-1252"));
  Catalogue cat;
  try {
    importers::load_sbb(cat, path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, path);
    EXPECT_EQ(e.message().dutch(), "het bestand noemt een tekenset die dit programma niet kent: klingon-8");
  }
}

TEST(Encoding, Utf16IsToldFromItsZeroBytesAndPlainTextIsNot) {
  EXPECT_EQ(xml_encoding(encode("<?xml version=\"1.0\"?><sbb/>", "UTF-16LE")), "UTF-16LE");
  EXPECT_EQ(xml_encoding(encode("<?xml version=\"1.0\"?><sbb/>", "UTF-16BE")), "UTF-16BE");
  EXPECT_EQ(xml_encoding("<?xml version=\"1.0\" encoding='UTF-8'?><sbb/>"), "");
  EXPECT_EQ(xml_encoding("<?xml version=\"1.0\"?><sbb encoding=\"x\"/>"), "");
  EXPECT_EQ(xml_encoding("<sbb/>"), "");
  EXPECT_EQ(xml_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><sbb/>"), "windows-1252");
  EXPECT_EQ(xml_encoding("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><sbb/>"), "ISO-8859-15");
  EXPECT_EQ(first_invalid_utf8("caf\xC3\xA9"), std::string_view::npos);
  EXPECT_EQ(first_invalid_utf8("caf\xE9!"), 3u);
}

// A user test: every "ë" before an error moved its column one to the right, every "–" two;
// an editor counts characters.
TEST(Encoding, ColumnsCountCharactersAsAnEditorDoes) {
  const std::string line = "  {\"title\": \"Ori\xC3\xABntatie \xE2\x80\x93 caf";  // Oriëntatie – caf
  at::ScratchDir dir;
  const std::string path = dir.write("eindtermen.json", "[\n" + line + "\xE9\"}\n]\n");
  const std::size_t characters = 29;  // before the bad byte: 2 + 11 + 12 ("Oriëntatie –" ) + 4
  ASSERT_EQ(line.size(), characters + 3);  // ë is two bytes, – three
  EXPECT_EQ(column_after(line), characters + 1);
  try {
    require_utf8(path, at::read_text(path));
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2u);
    EXPECT_EQ(e.where().column, characters + 1);
  }
}

// A review: UTF-16 of ASCII text is valid UTF-8 (its zero bytes are NUL), so a CSV saved as
// UTF-16 without a byte order mark passed as UTF-8 and failed later on a missing column.
TEST(Encoding, Utf16WithoutAByteOrderMarkIsNamedEvenInAscii) {
  at::ScratchDir dir;
  const InputError e = csv_error(dir, encode("# title: T\ncode,parent,kind,title,levels\nA,,domain,Domein,havo\n",
                                             "UTF-16LE"));
  EXPECT_EQ(e.message().id, MessageId::SavedAsUtf16) << e.what();
  EXPECT_EQ(e.where().line, 1u);
}

// A stray byte in a file whose "ë" are right is no Latin-1 file: saving it "as UTF-8"
// from Latin-1 would spoil the rest. And a byte order mark is no column.
TEST(Encoding, AStrayByteInUtf8IsNotBlamedOnAnEncoding) {
  try {
    require_utf8("f.csv", "Ori\xC3\xABntatie \xE9");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.message().id, MessageId::InvalidUtf8Byte);
    EXPECT_EQ(e.message().dutch(), "ongeldige UTF-8-byte 0xE9 in een bestand dat verder UTF-8 is (verbeter het teken "
                                   "op deze plek)");
    EXPECT_EQ(e.where().column, 12u);
  }
  for (const std::string& text : {std::string("ab\xE9"), std::string("\xEF\xBB\xBF" "ab\xE9")}) {
    try {
      require_utf8("f.csv", text);
      FAIL() << "no error";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().column, 3u) << e.what();
    }
  }
}

// A review: a UTF-8 dossier whose declaration says UTF-16 was converted from UTF-16 and refused.
TEST(Encoding, AUtf16DeclarationOverAsciiBytesIsOverruled) {
  const std::string utf8 = at::read_text(at::sbb_dir() + kDossier);
  at::ScratchDir dir;
  EXPECT_EQ(goal_texts(load_sbb_text(dir, declaring(utf8.substr(3), "UTF-16"))),
            goal_texts(load_sbb_text(dir, utf8)));
}

// The start of a workbook Excel saves as .xlsx: a ZIP archive's first entry, then compressed bytes.
const std::string kWorkbook = [] {
  using namespace std::string_literals;
  return "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xF2\x8E\x1B\x7A"s +
         "\x6F\x01\x00\x00\x13\x05\x00\x00\x13\x00\x08\x02"s + "[Content_Types].xml \xA2\x04\x02(\xA0\x00\x02\x00\x00\x00\x00\x00\x00\xAC\x94\xCB\x4E\xC3\x30"s;
}();

// A user test: a curation file or programme saved as an Excel workbook (.xlsx) was refused with
// "ongeldige UTF-8-byte 0xF2", as if one character were wrong. Wherever a text file is read
// (CSV, JSON, XML; the curation file in test_curation.cpp), a ZIP archive is named as one, at
// its start, with the choice in Excel that saves text.
TEST(Encoding, AWorkbookIsNamedWhereverTextIsRead) {
  EXPECT_TRUE(is_zip(kWorkbook));
  EXPECT_FALSE(is_zip("PK;code;title\n"));
  EXPECT_EQ(spreadsheet_text_as_utf8(kWorkbook), std::nullopt);
  EXPECT_EQ(windows1252_as_utf8(kWorkbook), std::nullopt);
  EXPECT_EQ(xml_encoding(kWorkbook), "");
  at::ScratchDir dir;
  std::vector<InputError> errors{csv_error(dir, kWorkbook)};
  try {
    require_utf8("eindtermen.json", kWorkbook);
  } catch (const InputError& e) {
    errors.push_back(e);
  }
  try {
    load_sbb_text(dir, kWorkbook);
  } catch (const InputError& e) {
    errors.push_back(e);
  }
  ASSERT_EQ(errors.size(), 3u);
  for (const InputError& e : errors) {
    EXPECT_EQ(e.message().id, MessageId::SavedAsWorkbook) << e.what();
    EXPECT_EQ(e.where().line, 1u);
    EXPECT_EQ(e.where().column, 1u);
    EXPECT_NE(e.message().dutch().find("dit is een Excel-werkmap (.xlsx) of een ander ZIP-archief, geen "
                                       "tekstbestand: open het in Excel en sla het met 'Opslaan als' op als tekst"),
              std::string::npos) << e.message().dutch();
  }
  EXPECT_EQ(errors[0].where().file, (dir.path() / "uit_excel.csv").string());
  EXPECT_EQ(errors[1].where().file, "eindtermen.json");
  EXPECT_EQ(errors[2].where().file, (dir.path() / "dossier.xml").string());
}

// What a spreadsheet saves instead of UTF-8, for a reader that takes it (the curation file):
// UTF-16 with its byte order mark (Excel's "Unicode-tekst") and Windows-1252, as UTF-8, with
// the encoding named. UTF-8 itself, UTF-16 without a byte order mark and binary are not.
TEST(Encoding, SpreadsheetTextIsConvertedFromUtf16AndWindows1252) {
  const std::string utf8 = "#titel: Oriëntatie – één\r\nsubject_id\tcomment\r\nslo:a\tCoördinatie €\r\n";
  const std::string bom = "\xEF\xBB\xBF";
  const auto converted = [](const std::string& text) {
    const auto c = spreadsheet_text_as_utf8(text);
    return c ? c->encoding + ": " + c->text : std::string("nothing");
  };
  EXPECT_EQ(converted("\xFF\xFE" + encode(utf8, "UTF-16LE")), "UTF-16LE: " + bom + utf8);
  EXPECT_EQ(converted("\xFE\xFF" + encode(utf8, "UTF-16BE")), "UTF-16BE: " + bom + utf8);
  EXPECT_EQ(converted(encode(utf8, "windows-1252")), "windows-1252: " + utf8);
  EXPECT_EQ(converted(utf8), "nothing");
  EXPECT_EQ(converted(bom + utf8), "nothing");
  EXPECT_EQ(converted(encode(utf8, "UTF-16LE")), "nothing");  // no byte order mark: refused, as before
  EXPECT_EQ(converted("\xFF\xFE" + encode(utf8, "UTF-16LE") + "x"), "nothing");  // an odd byte
  EXPECT_EQ(converted("\xFF\xFE" + encode("a\x01b", "UTF-16LE")), "nothing");     // no text
  EXPECT_EQ(converted(kWorkbook), "nothing");
}
