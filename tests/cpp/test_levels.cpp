#include <gtest/gtest.h>

#include "aansluiting/levels.hpp"
#include "aansluiting/text/normalise.hpp"

using namespace aansluiting;

TEST(Levels, ParsesSloVocabulary) {
  EXPECT_EQ(parse_level("bb vmbo tl"), Level::VmboTL);
  EXPECT_EQ(parse_level("vmbo gl, 3"), Level::VmboGL);
  EXPECT_EQ(parse_level("bb havo"), Level::Havo);
  EXPECT_EQ(parse_level("havo 4"), Level::Havo);
  EXPECT_EQ(parse_level("mavo"), Level::VmboTL);
  EXPECT_EQ(parse_level("MBO 2"), Level::Mbo2);
  EXPECT_EQ(parse_level("2F"), Level::Ref2F);
  EXPECT_EQ(parse_level("B1+"), Level::CefrB1);
  EXPECT_FALSE(parse_level("groep 7").has_value());
}

TEST(Levels, SetParsesListsAndReportsUnknown) {
  std::vector<std::string> unknown;
  LevelSet s = LevelSet::parse("vmbo gl; vmbo tl, havo | onzin", &unknown);
  EXPECT_EQ(s.size(), 3u);
  EXPECT_TRUE(s.contains(Level::VmboGL));
  EXPECT_FALSE(s.contains(Level::VmboBB));
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0], " onzin");
  EXPECT_EQ(s.to_string(), "vmbo gl, vmbo tl, havo");
}

// The notation of SLO's own titles ("Muziek vmbo gl/tl"): a user's CSV with
// "# niveaus: vmbo gl/tl" had no level, and its programme none of the analyses.
TEST(Levels, SlashListsShareTheirSchoolType) {
  std::vector<std::string> unknown;
  EXPECT_EQ(LevelSet::parse("vmbo gl/tl", &unknown).to_string(), "vmbo gl, vmbo tl");
  EXPECT_EQ(LevelSet::parse("mbo 2/3; havo/vwo", &unknown).to_string(), "havo, vwo, mbo 2, mbo 3");
  EXPECT_EQ(LevelSet::parse("VMBO-BB/KB", &unknown).to_string(), "vmbo bb, vmbo kb");
  EXPECT_TRUE(unknown.empty());
  EXPECT_TRUE(LevelSet::parse("vmbo gl/onzin", &unknown).empty());  // all parts or none
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0], "vmbo gl/onzin");
}

TEST(Normalise, FoldsCaseAccentsAndCompatibilityForms) {
  EXPECT_EQ(text::fold("Loopbaanoriëntatie"), "loopbaanorientatie");
  EXPECT_EQ(text::fold("ÉÉN ﬁets"), "een fiets");  // ligature fi (NFKC)
  EXPECT_EQ(text::fold("Straße"), "strasse");      // full case folding
}

TEST(Levels, SchoolTypes) {
  EXPECT_EQ(school_type(Level::VmboBB), SchoolType::Vmbo);
  EXPECT_EQ(school_type(Level::VmboTL), SchoolType::Vmbo);
  EXPECT_EQ(school_type(Level::Havo), SchoolType::Havo);
  EXPECT_EQ(school_type(Level::Vwo), SchoolType::Vwo);
  EXPECT_EQ(school_type(Level::Mbo1), SchoolType::Mbo);
  EXPECT_EQ(school_type(Level::Mbo4), SchoolType::Mbo);
  EXPECT_EQ(school_type(Level::Ref2F), SchoolType::None);
  EXPECT_EQ(school_type(Level::CefrB1), SchoolType::None);
}

// User tests: "niveau 2", "vmbo kader" and "havo4" got the list of levels, not the one meant.
TEST(Levels, LikelyLevelsForWhatParseLevelDoesNotRead) {
  using L = std::vector<Level>;
  EXPECT_EQ(likely_levels("niveau 2"), L{Level::Mbo2});
  EXPECT_EQ(likely_levels("MBO-niveau 4"), L{Level::Mbo4});
  EXPECT_EQ(likely_levels("niveau 2F"), L{Level::Ref2F});
  EXPECT_EQ(likely_levels("vmbo kader"), L{Level::VmboKB});
  EXPECT_EQ(likely_levels("kaderberoepsgerichte leerweg"), L{Level::VmboKB});
  EXPECT_EQ(likely_levels("vmbo-kbl"), L{Level::VmboKB});
  EXPECT_EQ(likely_levels("vmbo gt"), (L{Level::VmboGL, Level::VmboTL}));
  EXPECT_EQ(likely_levels("havo4"), L{Level::Havo});
  EXPECT_EQ(likely_levels("vmbo tll"), L{Level::VmboTL});  // a slip of a letter
  EXPECT_TRUE(likely_levels("groep 9").empty());             // nothing like a level
  EXPECT_TRUE(likely_levels("havo").empty());                // read already: no guess needed
  EXPECT_TRUE(likely_levels("").empty());
}
