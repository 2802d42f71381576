// A curation file kept by several people: a save merges what others saved in
// the meantime instead of replacing it (a user test lost a colleague's decision).

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/curation_file.hpp"
#include "analysis_fixture.hpp"
#include "test_support.hpp"

namespace aansluiting::analysis {
namespace {

using testing::ScratchDir;
using testing::SmallTransition;

Decision decide(Vertex s, Vertex r, bool confirmed, const std::string& author) {
  Decision d;
  d.sending = s;
  d.receiving = r;
  d.confirmed = confirmed;
  d.author_label = author;
  d.mapping_date = "2026-11-30";
  return d;
}

// Two sessions that opened the same file, as two notebooks do.
struct TwoCurators : ::testing::Test {
  SmallTransition t;
  ScratchDir dir;
  std::string path = (dir.path() / "besluiten.sssom.tsv").string();
  CurationSnapshot anna_file, piet_file;
  MappingSet anna, piet;

  void SetUp() override {
    MappingSet start = default_mapping_set();
    record_decision(start, t.cat, decide(t.s1, t.r1, true, "Kees"));
    CurationSnapshot none;
    save_curation(path, start, none);
    open(anna_file, anna);
    open(piet_file, piet);
  }
  void open(CurationSnapshot& file, MappingSet& set) {
    file = read_curation_snapshot(path);
    set = file.set;
  }
  std::string stance_of(Vertex s, Vertex r) {
    const MappingSet now = read_sssom(path);
    std::string out = "none";
    for (const MappingRow& row : now.mappings)
      if (row.subject_id == goal_curie(t.cat, s) && row.object_id == goal_curie(t.cat, r))
        out = (row.negated ? "rejected by " : "confirmed by ") + row.author_label;
    return out;
  }
};

TEST_F(TwoCurators, ASaveKeepsWhatAColleagueSavedMeanwhile) {
  record_decision(anna, t.cat, decide(t.s2, t.r2, true, "Anna"));
  EXPECT_FALSE(save_curation(path, anna, anna_file).merged);  // nobody else saved: written as it is
  record_decision(piet, t.cat, decide(t.s3, t.r3, false, "Piet"));
  const SaveResult r = save_curation(path, piet, piet_file);
  EXPECT_TRUE(r.merged);
  EXPECT_EQ(r.kept_from_others, 1u);
  EXPECT_TRUE(r.overridden.empty());
  EXPECT_EQ(stance_of(t.s1, t.r1), "confirmed by Kees");
  EXPECT_EQ(stance_of(t.s2, t.r2), "confirmed by Anna");
  EXPECT_EQ(stance_of(t.s3, t.r3), "rejected by Piet");
  EXPECT_EQ(piet.mappings.size(), 3u);  // Piet's session now holds what it wrote
  // A second save of Piet's, with nothing new from others, merges nothing.
  record_decision(piet, t.cat, decide(t.s4, t.r4, true, "Piet"));
  EXPECT_FALSE(save_curation(path, piet, piet_file).merged);
  EXPECT_EQ(read_sssom(path).mappings.size(), 4u);
}

TEST_F(TwoCurators, OpposingDecisionsOnOneLinkStopTheSaveAndWriteNothing) {
  record_decision(anna, t.cat, decide(t.s2, t.r2, true, "Anna"));
  save_curation(path, anna, anna_file);
  const std::string annas_file = testing::read_text(path);
  record_decision(piet, t.cat, decide(t.s2, t.r2, false, "Piet"));
  try {
    save_curation(path, piet, piet_file);
    FAIL() << "a conflict must stop the save";
  } catch (const ArgumentError& e) {
    EXPECT_EQ(e.message().id, MessageId::CurationConflict);
    EXPECT_NE(std::string(e.what()).find(goal_curie(t.cat, t.r2)), std::string::npos) << e.what();
    EXPECT_NE(e.message().dutch().find("er is niets opgeslagen"), std::string::npos);
  }
  EXPECT_EQ(testing::read_text(path), annas_file);
  // Keeping one's own decisions writes them, and says what they replaced.
  const SaveResult r = save_curation(path, piet, piet_file, OnConflict::KeepMine);
  ASSERT_EQ(r.overridden.size(), 1u);
  EXPECT_EQ(r.overridden[0].mine, "rejected skos:relatedMatch");
  EXPECT_EQ(r.overridden[0].theirs, "confirmed skos:relatedMatch");
  EXPECT_EQ(stance_of(t.s2, t.r2), "rejected by Piet");
}

TEST_F(TwoCurators, TheSameDecisionByBothIsNoConflict) {
  record_decision(anna, t.cat, decide(t.s2, t.r2, false, "Anna"));
  save_curation(path, anna, anna_file);
  record_decision(piet, t.cat, decide(t.s2, t.r2, false, "Piet"));
  const SaveResult r = save_curation(path, piet, piet_file);
  EXPECT_TRUE(r.merged);
  EXPECT_TRUE(r.overridden.empty());
  EXPECT_EQ(stance_of(t.s2, t.r2), "rejected by Piet");
}

TEST_F(TwoCurators, ARemovalIsKeptAndAColleaguesRemovalToo) {
  EXPECT_EQ(forget_decisions(anna, t.cat, goal_curie(t.cat, t.s1), goal_curie(t.cat, t.r1)), 1u);
  save_curation(path, anna, anna_file);
  record_decision(piet, t.cat, decide(t.s5, t.r5, true, "Piet"));  // Piet still has Kees's row
  save_curation(path, piet, piet_file);
  EXPECT_EQ(stance_of(t.s1, t.r1), "none");
  EXPECT_EQ(stance_of(t.s5, t.r5), "confirmed by Piet");
}

TEST_F(TwoCurators, AFileAColleagueBrokeMeanwhileIsNotReplaced) {
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << "#mapping_set_id: \"x\n"; }
  record_decision(piet, t.cat, decide(t.s2, t.r2, true, "Piet"));
  EXPECT_THROW(save_curation(path, piet, piet_file), InputError);
  EXPECT_EQ(testing::read_text(path), "#mapping_set_id: \"x\n");
}

TEST(CurationFile, CommentLinesStayAboveTheRowsTheyWereWrittenAbove) {
  SmallTransition t;
  ScratchDir dir;
  const std::string path = (dir.path() / "c.tsv").string();
  MappingSet start = default_mapping_set();
  record_decision(start, t.cat, decide(t.s1, t.r1, true, "Kees"));
  record_decision(start, t.cat, decide(t.s2, t.r2, true, "Kees"));
  CurationSnapshot none;
  save_curation(path, start, none);
  CurationSnapshot mine = read_curation_snapshot(path);
  MappingSet ours = mine.set;
  // A colleague types a note above the second row in an editor.
  std::string text = testing::read_text(path);
  const std::string second = goal_curie(t.cat, t.s2);
  text.insert(text.rfind("\n" + second) + 1, "# Kees: besproken op 12 maart\n");
  { std::ofstream(path, std::ios::binary | std::ios::trunc) << text; }
  record_decision(ours, t.cat, decide(t.s3, t.r3, false, "Anna"));
  forget_decisions(ours, t.cat, goal_curie(t.cat, t.s1), goal_curie(t.cat, t.r1));
  save_curation(path, ours, mine);
  const std::string saved = testing::read_text(path);
  const auto note = saved.find("# Kees: besproken op 12 maart\n" + second);
  EXPECT_NE(note, std::string::npos) << saved;
  EXPECT_EQ(saved.find(goal_curie(t.cat, t.s1) + "\t"), std::string::npos) << saved;
}

TEST(CurationFile, AFileSomeoneElseCreatedAfterItWasOpenedIsMergedWith) {
  SmallTransition t;
  ScratchDir dir;
  const std::string path = (dir.path() / "nieuw.tsv").string();
  CurationSnapshot mine = read_curation_snapshot(path);  // not there yet
  EXPECT_FALSE(mine.existed);
  MappingSet ours = default_mapping_set();
  MappingSet theirs = default_mapping_set();
  record_decision(theirs, t.cat, decide(t.s1, t.r1, true, "Kees"));
  CurationSnapshot their_file = read_curation_snapshot(path);
  save_curation(path, theirs, their_file);
  record_decision(ours, t.cat, decide(t.s2, t.r2, true, "Anna"));
  const SaveResult r = save_curation(path, ours, mine);
  EXPECT_TRUE(r.merged);
  EXPECT_EQ(read_sssom(path).mappings.size(), 2u);
}

// A save killed before its rename leaves its temporary file; the next save of that
// file removes it once it is old, but never a colleague's running save's.
TEST(AtomicWrite, OldTemporariesOfAKilledSaveAreRemoved) {
  namespace fs = std::filesystem;
  ScratchDir dir;
  auto touch = [&](const std::string& name, std::chrono::minutes age) {
    const fs::path p = dir.path() / name;
    std::ofstream(p) << "half a file";
    fs::last_write_time(p, fs::file_time_type::clock::now() - age);
    return p;
  };
  const fs::path stale = touch(".c.tsv.tmp-Ab3xYz", std::chrono::minutes(60));
  const fs::path running = touch(".c.tsv.tmp-Qw7rTy", std::chrono::minutes(0));
  const fs::path other_file = touch(".d.tsv.tmp-Zx9cVb", std::chrono::minutes(60));
  const fs::path not_ours = touch(".c.tsv.tmp-kept-by-hand", std::chrono::minutes(60));
  write_file_atomically((dir.path() / "c.tsv").string(), "x\n");
  EXPECT_FALSE(fs::exists(stale));
  EXPECT_TRUE(fs::exists(running));
  EXPECT_TRUE(fs::exists(other_file));
  EXPECT_TRUE(fs::exists(not_ours));
  EXPECT_EQ(testing::read_text((dir.path() / "c.tsv").string()), "x\n");
}

}  // namespace
}  // namespace aansluiting::analysis
