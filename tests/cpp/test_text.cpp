// Dutch text engine on the real SLO texts: folding, word breaks, stems,
// compounds learned from the corpus, and corpus term weights.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "aansluiting/text/analyser.hpp"
#include "aansluiting/text/char_grams.hpp"
#include "aansluiting/text/normalise.hpp"
#include "aansluiting/text/stemmer.hpp"
#include "aansluiting/text/words.hpp"
#include "test_support.hpp"

using namespace aansluiting;
using namespace aansluiting::text;

namespace {

// Titles and descriptions of every record of some SLO files: the corpus.
const std::vector<std::string>& slo_corpus() {
  static const std::vector<std::string> corpus = [] {
    std::vector<std::string> texts;
    simdjson::ondemand::parser parser;
    for (const char* file : {"/examenprogramma/eindtermen.json", "/examenprogramma/domeinen.json",
                             "/examenprogramma/subdomeinen.json", "/syllabus/specifieke_eindtermen.json"}) {
      auto json = simdjson::padded_string::load(aansluiting::testing::slo_dir() + file);
      EXPECT_EQ(json.error(), simdjson::SUCCESS) << file;
      simdjson::ondemand::document doc = parser.iterate(json.value());
      for (auto record : doc.get_array()) {
        std::string text;
        for (const char* key : {"title", "description"}) {
          std::string_view v;
          if (record[key].get_string().get(v) == simdjson::SUCCESS) text.append(v).append(" ");
        }
        texts.push_back(std::move(text));
      }
    }
    return texts;
  }();
  return corpus;
}

const Analyser& slo_analyser() {
  static const Analyser a(slo_corpus());
  return a;
}

// The SLO corpus plus the lines of the authored programmes in curricula/programmes:
// "vergaderen" occurs only there ("Overleggen en vergaderen", Technologie & Toepassing).
const Analyser& slo_and_curricula_analyser() {
  static const Analyser a = [] {
    std::vector<std::string> corpus = slo_corpus();
    for (const char* file : {"/curricula/programmes/technologie_en_toepassing.csv",
                             "/curricula/programmes/zorg_en_welzijn_vmbo.csv"}) {
      std::ifstream in(aansluiting::testing::source_dir() + file);
      EXPECT_TRUE(in) << file;
      for (std::string line; std::getline(in, line);) corpus.push_back(line);
    }
    AnalyserOptions options;
    options.char_grams = false;
    return Analyser(corpus, options);
  }();
  return a;
}

std::vector<std::string> originals(std::string_view text) {
  std::vector<std::string> out;
  for (auto& w : split_words(text)) out.push_back(w.original);
  return out;
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

double idf_of(const Analyser& a, std::string_view stem) {
  auto id = a.vocabulary().find(stem);
  return id ? a.vocabulary().idf(*id) : a.vocabulary().unseen_idf();
}

}  // namespace

TEST(Normalise, FoldsCaseAndAccents) {
  EXPECT_EQ(fold("Loopbaanoriëntatie"), "loopbaanorientatie");
  EXPECT_EQ(fold("CAFÉ"), "cafe");
  EXPECT_EQ(fold("ﬁnanciële"), "financiele");  // NFKC expands the ligature
}

TEST(Words, PunctuationApostrophesHyphensNumbers) {
  EXPECT_EQ(originals("De kandidaat kan (in contexten) uitleggen: vraag, aanbod!"),
            (std::vector<std::string>{"De", "kandidaat", "kan", "in", "contexten", "uitleggen", "vraag", "aanbod"}));
  auto w = split_words("auto's en foto’s");
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].original, "auto's");
  EXPECT_EQ(w[0].folded, "auto");
  EXPECT_EQ(w[2].folded, "foto");
  auto h = split_words("natuur- en scheikunde");
  ASSERT_EQ(h.size(), 3u);
  EXPECT_TRUE(h[0].elided_head);
  EXPECT_FALSE(h[2].elided_head);
  EXPECT_EQ(originals("sociaal-economische"), (std::vector<std::string>{"sociaal", "economische"}));
  auto n = split_words("in 2024 werd 3,5 procent");
  ASSERT_EQ(n.size(), 5u);
  EXPECT_TRUE(n[1].is_number);
  EXPECT_EQ(n[3].original, "3,5");
  EXPECT_TRUE(n[3].is_number);
  // Byte offsets point into the input, also after multi-byte characters.
  std::string s = "oriëntatie op beroepen";
  auto o = split_words(s);
  ASSERT_EQ(o.size(), 3u);
  EXPECT_EQ(s.substr(o[2].begin, o[2].end - o[2].begin), "beroepen");
  EXPECT_TRUE(split_words("  ... !? ").empty());
}

TEST(Stemmer, DutchSnowball) {
  Stemmer& s = Stemmer::for_this_thread();
  EXPECT_EQ(s.stem("leerlingen"), s.stem("leerling"));
  EXPECT_EQ(s.stem("beroepen"), s.stem("beroep"));
  EXPECT_EQ(s.stem("vaardigheden"), s.stem("vaardigheid"));
  EXPECT_NE(s.stem("prijs"), s.stem("prijzen") + "x");
}

TEST(Compounds, SplitsAgainstTheCorpusVocabulary) {
  const CompoundSplitter& c = slo_analyser().compounds();
  EXPECT_EQ(c.split("beroepsonderwijs"), (std::vector<std::string>{"beroep", "onderwijs"}));
  EXPECT_EQ(c.split("loopbaanorientatie"), (std::vector<std::string>{"loopbaan", "orientatie"}));
  EXPECT_EQ(c.split("leesvaardigheid"), (std::vector<std::string>{"lees", "vaardigheid"}));
  // Ordinary words are not cut into pieces, however the letters fall.
  EXPECT_TRUE(c.split("kandidaat").empty());
  EXPECT_TRUE(c.split("leerling").empty());
  EXPECT_TRUE(c.split("verklaren").empty());
  // A word made of parts the corpus does not know stays whole.
  EXPECT_TRUE(c.split("xyzqonderwijs").empty());
}

TEST(Compounds, LinkingMorphemesAndSmallVocabulary) {
  CompoundSplitter c({{"beroep", 5}, {"onderwijs", 9}, {"boek", 3}, {"kast", 4}, {"zorg", 6}, {"gezondheid", 4}});
  EXPECT_EQ(c.split("beroepsonderwijs"), (std::vector<std::string>{"beroep", "onderwijs"}));
  EXPECT_EQ(c.split("boekenkast"), (std::vector<std::string>{"boek", "kast"}));
  EXPECT_EQ(c.split("gezondheidszorg"), (std::vector<std::string>{"gezondheid", "zorg"}));
  EXPECT_EQ(c.split("beroepsonderwijsboek"), (std::vector<std::string>{"beroep", "onderwijs", "boek"}));
  // Parts seen fewer than min_part_count times do not count.
  CompoundSplitter rare({{"beroep", 1}, {"onderwijs", 9}});
  EXPECT_TRUE(rare.split("beroepsonderwijs").empty());
}

// A modifier may be a verb stem (werkwoordstam) that is no word of the corpus while
// its infinitive is: "vergader-" of "vergadertechnieken" (vergaderen), "programmeer-"
// of "programmeertechnieken" (programmeren). The part is given as the infinitive, so
// the compound meets the verb.
TEST(Compounds, VerbStemModifiers) {
  Stemmer& s = Stemmer::for_this_thread();
  const Analyser& a = slo_and_curricula_analyser();
  EXPECT_EQ(a.compounds().split("vergadertechnieken"), (std::vector<std::string>{"vergaderen", "technieken"}));
  EXPECT_TRUE(contains(a.terms("kan vergadertechnieken toepassen"), s.stem("vergaderen")));
  const CompoundSplitter& c = slo_analyser().compounds();
  EXPECT_EQ(c.split("programmeertechnieken"), (std::vector<std::string>{"programmeren", "technieken"}));
  EXPECT_EQ(c.split("programmeertaal"), (std::vector<std::string>{"programmeren", "taal"}));
  EXPECT_TRUE(contains(slo_analyser().terms("programmeertechnieken"), s.stem("programmeren")));
  // A part that is a word keeps its own reading ("lees" occurs as a word).
  EXPECT_EQ(c.split("leesvaardigheid"), (std::vector<std::string>{"lees", "vaardigheid"}));
  // No stem has a stressed short vowel before one consonant: "gevallen" is not
  // "gev" (geven, whose stem is "geef") + "allen", "delicten" not "del" (delen) + "icten".
  for (std::string_view word : {"gevallen", "delicten"}) EXPECT_TRUE(c.split(word).empty()) << word;
  // Nor is a stem read inside a longer corpus word: "onderwijs", not "onder" + "wijzen".
  EXPECT_EQ(c.split("onderwijsdoelen"), (std::vector<std::string>{"onderwijs", "doelen"}));
}

// The spelling changes between stem and infinitive, on a small vocabulary.
TEST(Compounds, VerbStemSpelling) {
  CompoundSplitter c({{"meten", 3}, {"lezen", 4}, {"schrijven", 5}, {"rekenen", 3}, {"zoeken", 2}, {"geven", 9},
                      {"delen", 9}, {"instrument", 3}, {"vaardigheid", 6}, {"strategie", 2}, {"lijst", 4}});
  EXPECT_EQ(c.split("meetinstrument"), (std::vector<std::string>{"meten", "instrument"}));       // ee -> e
  EXPECT_EQ(c.split("leesvaardigheid"), (std::vector<std::string>{"lezen", "vaardigheid"}));     // ee -> e, s -> z
  EXPECT_EQ(c.split("schrijfvaardigheid"), (std::vector<std::string>{"schrijven", "vaardigheid"}));  // f -> v
  EXPECT_EQ(c.split("rekenvaardigheid"), (std::vector<std::string>{"rekenen", "vaardigheid"}));  // unstressed -en
  EXPECT_EQ(c.split("zoekstrategie"), (std::vector<std::string>{"zoeken", "strategie"}));
  // A verb stem takes no linking morpheme, and "gev"/"del" are no stems (geef, deel).
  EXPECT_TRUE(c.split("zoekslijst").empty());
  EXPECT_TRUE(c.split("gevlijst").empty());
  EXPECT_TRUE(c.split("dellijst").empty());
  // A stem never ends in a doubled consonant ("pass" is no stem of "passen"), nor is
  // it read inside a longer word ("volg" of "volgorde").
  CompoundSplitter guards({{"passen", 9}, {"lijst", 4}, {"bas", 5}, {"volgen", 50}, {"orde", 50}, {"volgorde", 3}});
  EXPECT_TRUE(guards.split("passlijst").empty());
  EXPECT_EQ(guards.split("basvolgorde"), (std::vector<std::string>{"bas", "volgorde"}));
  // The infinitive must occur at least once; its count must reach min_part_count.
  CompoundSplitter rare({{"zoeken", 1}, {"strategie", 2}});
  EXPECT_TRUE(rare.split("zoekstrategie").empty());
}

TEST(Analyser, TermsAddCompoundPartsAndElidedHeads) {
  const Analyser& a = slo_analyser();
  Stemmer& s = Stemmer::for_this_thread();
  auto t = a.terms("De loopbaanoriëntatie in het beroepsonderwijs");
  EXPECT_TRUE(contains(t, s.stem("loopbaanorientatie")));
  EXPECT_TRUE(contains(t, s.stem("loopbaan")));
  EXPECT_TRUE(contains(t, s.stem("orientatie")));
  EXPECT_TRUE(contains(t, s.stem("onderwijs")));
  EXPECT_FALSE(contains(t, "de"));  // function word
  auto e = a.terms("natuur- en scheikunde");
  EXPECT_TRUE(contains(e, s.stem("natuurkunde")));
  auto l = a.terms("lees-, schrijf- en luistervaardigheden");
  EXPECT_TRUE(contains(l, s.stem("leesvaardigheden")));
}

// A function word inside a compound is no content term either: "hierboven" and
// "hierover" share "hier", "onderzoeken" and "waaronder" share "onder", and the
// explanations named those links "gedeelde termen".
TEST(Analyser, CompoundPartsThatAreFunctionWordsAreDropped) {
  const Analyser& a = slo_analyser();
  Stemmer& s = Stemmer::for_this_thread();
  for (std::string_view word : {"hierboven", "hierover", "waaronder", "onderzoeken"}) {
    auto t = a.terms(word);
    EXPECT_TRUE(contains(t, s.stem(word))) << word;  // the whole word stays
    for (std::string_view part : {"hier", "over", "onder", "waar"}) EXPECT_FALSE(contains(t, s.stem(part))) << word;
  }
  // Content parts stay: "onderzoeksresultaten" still shares "resultaten" with "meetresultaten".
  EXPECT_TRUE(contains(a.terms("onderzoeksresultaten"), s.stem("resultaten")));
  EXPECT_TRUE(contains(a.terms("meetresultaten"), s.stem("resultaten")));
}

TEST(Analyser, BoilerplateGetsLowWeight) {
  const Analyser& a = slo_analyser();
  Stemmer& s = Stemmer::for_this_thread();
  // "De kandidaat kan ..." and "in contexten" open thousands of goals.
  double kandidaat = idf_of(a, s.stem("kandidaat"));
  double contexten = idf_of(a, s.stem("contexten"));
  for (const char* content : {"inflatie", "fotosynthese", "parlementaire", "grafiek", "klimaat"}) {
    double w = idf_of(a, s.stem(content));
    EXPECT_GT(w, 3 * kandidaat) << content;
    EXPECT_GT(w, 1.5 * contexten) << content;
  }
  EXPECT_LT(kandidaat, 1.0);
  // Display forms are real words of the corpus.
  auto id = a.vocabulary().find(s.stem("vaardigheden"));
  ASSERT_TRUE(id);
  EXPECT_NE(a.vocabulary().display(*id).find("vaardighe"), std::string::npos);
}

TEST(CharGrams, WordBoundariesAndCodePoints) {
  auto g = char_grams("ritme");
  // Padded with a space at both ends, 3..5 code points, as char_wb.
  for (const char* gram : {" ri", "rit", "tme", "me ", " ritm", "ritme", "itme "}) EXPECT_TRUE(contains(g, gram)) << gram;
  EXPECT_EQ(g.size(), 5u + 4u + 3u);  // 7 characters padded: 5 trigrams, 4 four-grams, 3 five-grams
  EXPECT_EQ(char_grams("a"), std::vector<std::string>{" a "});
  // Multi-byte characters are never cut ("€" is three bytes).
  for (const std::string& gram : char_grams("x€yz")) {
    EXPECT_EQ(gram.find('\xE2') == std::string::npos, gram.find('\xAC') == std::string::npos) << gram;
  }
  EXPECT_TRUE(contains(char_grams("x€yz"), " x€"));
}

TEST(Analyser, GramsOfContentWordsWithCorpusWeights) {
  const Analyser& a = slo_analyser();
  auto g = a.grams("De kandidaat kan het ritme herkennen");
  EXPECT_TRUE(contains(g, " rit"));
  EXPECT_FALSE(contains(g, " de "));  // stopwords give no grams
  const Vocabulary& v = a.gram_vocabulary();
  EXPECT_EQ(v.documents(), a.vocabulary().documents());
  auto common = v.find("kan "), rare = v.find("ritm");
  ASSERT_TRUE(common);
  ASSERT_TRUE(rare);
  EXPECT_GT(v.idf(*rare), 3 * v.idf(*common));  // boilerplate grams weigh little too
}
