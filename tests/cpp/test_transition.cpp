// A whole transition run on the real data: select, align both ways, analyse.
#include <gtest/gtest.h>

#include <atomic>
#include <memory>

#include "aansluiting/importers/importers.hpp"
#include "aansluiting/transition/run.hpp"
#include "test_support.hpp"

using namespace aansluiting;

namespace {

class TransitionRun : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cat_ = std::make_unique<Catalogue>();
    importers::load_slo(*cat_, aansluiting::testing::slo_dir());
    importers::load_csv(*cat_, aansluiting::testing::source_dir() + "/curricula/programmes");
    analyser_ = transition::corpus_analyser(*cat_);
  }
  static void TearDownTestSuite() {
    analyser_.reset();
    cat_.reset();
  }

  static transition::Side side(std::vector<Vertex> roots, Level level, bool syllabus) {
    transition::Side s;
    s.roots = std::move(roots);
    s.with_syllabus = syllabus;
    s.selection.level = level;
    return s;
  }

  static std::unique_ptr<Catalogue> cat_;
  static std::shared_ptr<const text::Analyser> analyser_;
};

std::unique_ptr<Catalogue> TransitionRun::cat_;
std::shared_ptr<const text::Analyser> TransitionRun::analyser_;

}  // namespace

// Source: havo wiskunde B domein D (de afgeleide functie) has no counterpart in vmbo wiskunde.
TEST_F(TransitionRun, DerivativesAreGapsFromVmboTl) {
  auto vmbo = cat_->find_programme("wiskunde", Level::VmboTL, {GoalKind::Programme});
  auto havo = cat_->find_programme("wiskunde B", Level::Havo, {GoalKind::Programme});
  auto run = transition::run(*cat_, *analyser_, side({vmbo.root}, Level::VmboTL, true),
                             side({havo.root}, Level::Havo, false));
  // The newest vmbo tl syllabus joined the sending side.
  ASSERT_EQ(run.sending.roots.size(), 2u);
  EXPECT_EQ(cat_->graph().goal(run.sending.roots[1]).kind, GoalKind::Syllabus);
  std::size_t derivatives = 0;
  for (const auto& r : run.result.receiving) {
    if (!r.leaf || cat_->graph().goal(r.goal).title.find("afgeleide functie") == std::string::npos) continue;
    ++derivatives;
    EXPECT_EQ(r.status, analysis::Status::Gap) << cat_->graph().goal(r.goal).code;
  }
  EXPECT_GE(derivatives, 2u);
  // Links exist in both directions' sense: every receiving goal with support names a sending goal.
  for (const auto& link : run.alignment.links) {
    EXPECT_TRUE(run.sending.contains(link.source));
    EXPECT_TRUE(run.receiving.contains(link.target));
  }
}

// What-if: adding a programme to the sending side never lowers a receiving goal's coverage.
TEST_F(TransitionRun, AddingAPracticalComponentOnlyAdds) {
  auto vmbo = cat_->find_programme("Natuur- en scheikunde I", Level::VmboTL, {GoalKind::Programme});
  auto tt = cat_->find_programme("Technologie & Toepassing", Level::VmboTL, {GoalKind::Programme});
  auto havo = cat_->find_programme("natuurkunde", Level::Havo, {GoalKind::Programme});
  auto base = transition::run(*cat_, *analyser_, side({vmbo.root}, Level::VmboTL, true),
                              side({havo.root}, Level::Havo, false));
  auto with = transition::run(*cat_, *analyser_, side({vmbo.root, tt.root}, Level::VmboTL, true),
                              side({havo.root}, Level::Havo, false));
  ASSERT_EQ(base.result.receiving.size(), with.result.receiving.size());
  for (std::size_t i = 0; i < base.result.receiving.size(); ++i) {
    EXPECT_GE(with.result.receiving[i].coverage + 1e-12, base.result.receiving[i].coverage)
        << cat_->graph().goal(base.result.receiving[i].goal).code;
  }
  EXPECT_GE(with.result.summary.covered, base.result.summary.covered);
}

TEST_F(TransitionRun, ProgressCountsProgrammePairsAndCancelStops) {
  auto vmbo = cat_->find_programme("economie", Level::VmboTL, {GoalKind::Programme});
  auto havo = cat_->find_programme("economie", Level::Havo, {GoalKind::Programme});
  transition::RunOptions options;
  std::vector<std::pair<std::size_t, std::size_t>> seen;
  options.progress = [&](std::size_t d, std::size_t t) { seen.emplace_back(d, t); };
  transition::run(*cat_, *analyser_, side({vmbo.root}, Level::VmboTL, true), side({havo.root}, Level::Havo, false),
                  options);
  ASSERT_FALSE(seen.empty());
  EXPECT_EQ(seen.back().first, seen.back().second);
  std::atomic<bool> cancel{true};
  options.cancel = &cancel;
  EXPECT_THROW(transition::run(*cat_, *analyser_, side({vmbo.root}, Level::VmboTL, true),
                               side({havo.root}, Level::Havo, false), options),
               match::Cancelled);
}

// Every goal of both programmes opens with "De kandidaat kan". Those words keep a
// small corpus weight, so almost every pair shares them, but they carry under 5%
// of what the strongest shared term carries and must not be offered to a reader
// as the reason for a link.
TEST_F(TransitionRun, ExplanationsNameOnlyTermsThatCarriedTheScore) {
  auto vmbo = cat_->find_programme("economie", Level::VmboTL, {GoalKind::Programme});
  auto havo = cat_->find_programme("economie", Level::Havo, {GoalKind::Programme});
  auto run = transition::run(*cat_, *analyser_, side({vmbo.root}, Level::VmboTL, true),
                             side({havo.root}, Level::Havo, false));
  std::size_t used = 0, explained = 0;
  for (const auto& r : run.result.receiving)
    for (const auto& s : r.support) {
      ++used;
      explained += s.explanation.rfind("Gedeelde termen: ", 0) == 0;
      for (const char* boilerplate : {" kan,", " kan ", "kandidaat"})
        EXPECT_EQ(s.explanation.find(boilerplate), std::string::npos) << s.explanation;
    }
  EXPECT_GT(used, 30u);
  EXPECT_GT(explained, used * 9 / 10);
}

// The words of the report agree: a goal covered by its best link is explained
// by a relation (close, broad, narrow, exact), a partly covered one as weak.
TEST_F(TransitionRun, CoveredGoalsAreNotExplainedAsWeakLinks) {
  std::size_t covered = 0, partly = 0;
  const std::pair<const char*, const char*> pairs[] = {
      {"biologie", "biologie"}, {"economie", "economie"}, {"nederlandse taal", "nederlandse taal en literatuur"},
      {"wiskunde", "wiskunde A"}};
  for (const auto& [from, to] : pairs) {
    auto vmbo = cat_->find_programme(from, Level::VmboTL, {GoalKind::Programme});
    auto havo = cat_->find_programme(to, Level::Havo, {GoalKind::Programme});
    auto run = transition::run(*cat_, *analyser_, side({vmbo.root}, Level::VmboTL, true),
                               side({havo.root}, Level::Havo, false));
    for (const auto& r : run.result.receiving) {
      if (!r.leaf || r.support.empty()) continue;
      const auto& best = r.support.front();
      if (r.status == analysis::Status::Covered) {
        ++covered;
        EXPECT_NE(best.predicate, match::Predicate::RelatedMatch) << best.explanation;
        EXPECT_EQ(best.explanation.find("Zwakke overeenkomst"), std::string::npos) << best.explanation;
      } else if (r.status == analysis::Status::Partly) {
        ++partly;
        EXPECT_EQ(best.predicate, match::Predicate::RelatedMatch) << best.explanation;
      }
    }
  }
  EXPECT_GT(covered, 3u);
  EXPECT_GT(partly, 3u);
}
