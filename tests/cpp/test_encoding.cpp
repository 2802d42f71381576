// Files that are not UTF-8: what a spreadsheet or an older export writes.
// A CSV or JSON file in another encoding is refused with the encoding named;
// an XML file that declares its encoding is read in it.
#include <algorithm>
#include <fstream>
#include <map>
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

TEST(Encoding, ACsvSavedAsWindows1252NamesItAndTheCharacter) {
  const std::string utf8 = at::read_text(at::source_dir() + kTandT);
  const std::size_t first = utf8.find_first_of("\xC3");  // the first ê or ë
  ASSERT_NE(first, std::string::npos);
  at::ScratchDir dir;
  const InputError e = csv_error(dir, encode(utf8, "windows-1252"));
  const std::size_t line = 1 + static_cast<std::size_t>(std::count(utf8.begin(), utf8.begin() + first, '\n'));
  EXPECT_EQ(e.where().line, line) << e.what();
  const std::string dutch = e.message().dutch();
  EXPECT_NE(dutch.find("het bestand lijkt opgeslagen als windows-1252"), std::string::npos) << dutch;
  const std::string shown = "waarin dit '" + utf8.substr(first, 2) + "' is";
  EXPECT_NE(dutch.find(shown), std::string::npos) << dutch;
  EXPECT_NE(dutch.find("sla het bestand op als UTF-8"), std::string::npos) << dutch;
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
