#pragma once
// Transition analysis: given the goals a pupil leaves (sending side), the goals
// they enter (receiving side) and an alignment sending -> receiving, how well
// is each receiving goal prepared, where does each sending goal continue, what
// is repeated, and how do the domains connect. Definitions: docs/analysis.md.
//
// Results are plain rows (vertex ids and numbers) meant to become tables.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <optional>
#include <vector>

#include "aansluiting/analysis/selection.hpp"
#include "aansluiting/match/alignment.hpp"

namespace aansluiting::analysis {

enum class Status : std::uint8_t { Covered, Partly, Gap };
std::string_view status_name(Status s);   // "covered", "partly", "gap"
std::string_view status_label(Status s);  // for users: "gedekt", "deels gedekt", "hiaat"

struct AnalysisOptions {
  // Status of a receiving goal from its coverage c:
  //   covered if c >= covered_threshold, partly if c >= partial_threshold, else gap.
  double covered_threshold = 0.5;
  double partial_threshold = 0.25;
  // Links weaker than this are noise: they support nothing and continue nowhere.
  double min_link_score = 0.15;
  // Several supporting links combine as 1 - prod(1 - s) over the strongest
  // `max_combined` links, but the combination alone never exceeds
  // `combined_cap` (one strong link can): partial support from several sending
  // goals adds up, without many weak links faking a perfect match.
  std::size_t max_combined = 3;
  double combined_cap = 0.75;
  // A receiving leaf repeats a sending goal when an exactMatch/closeMatch
  // link has at least this score.
  double overlap_threshold = 0.8;
  // Receiving goals listed per sending goal; a sending goal "leads nowhere"
  // when no link reaches partial_threshold.
  std::size_t max_continuations = 3;
  Progress progress;
};

// One link that supports a receiving goal.
struct Support {
  Vertex sending = 0;
  double score = 0.0;
  match::Predicate predicate = match::Predicate::RelatedMatch;
  match::Origin origin = match::Origin::Automatic;
  std::string explanation;
  bool capped = false;  // match::Link::capped: the goals share only one distinctive word
  Vertex programme = 0;  // of the sending goal, as SendingResult::root
};

struct ReceivingResult {
  Vertex goal = 0;
  Vertex parent = 0;  // within the selection; == goal for a root
  Vertex domain = 0;
  bool leaf = false;
  // From the goal's own links: max(s1, min(cap, 1 - prod(1 - s_i))).
  double direct = 0.0;
  // Leaves: direct. Inner goals: max(direct, mean coverage of their selected children).
  double coverage = 0.0;
  Status status = Status::Gap;
  ExamFlags exam;                // effective flags in the receiving selection
  std::vector<Support> support;  // usable links, strongest first
  // Without usable links: the strongest automatic link below min_link_score, if
  // any (not rejected). It counts for nothing, but a curator looks there first: a
  // werkproces's right vmbo goal often scores 0.12-0.15 (a user test found most
  // werkproces gaps shown with "no goal found").
  std::optional<Support> candidate;
};

struct Continuation {
  Vertex receiving = 0;
  Vertex domain = 0;
  double score = 0.0;
  match::Predicate predicate = match::Predicate::RelatedMatch;
  match::Origin origin = match::Origin::Automatic;
};

struct SendingResult {
  Vertex goal = 0;
  Vertex domain = 0;
  // Its programme: the selection root it was reached from, a syllabus taken as the
  // exam programme it specifies (each leerweg may have a syllabus of its own).
  Vertex root = 0;
  bool leaf = false;
  double best_score = 0.0;    // strongest usable link, 0 if none
  // The receiving goal of that link: a goal that leads nowhere at 0.24 nearly
  // continues somewhere, and its author wants to see where (a user test).
  std::optional<Vertex> best_receiving;
  bool leads_nowhere = true;  // no link reaches partial_threshold
  std::vector<Continuation> continues;  // strongest first, at most max_continuations, >= partial_threshold
};

// A receiving leaf that repeats a sending goal almost unchanged.
struct Overlap {
  Vertex sending = 0;
  Vertex receiving = 0;
  double score = 0.0;
  match::Predicate predicate = match::Predicate::CloseMatch;
  match::Origin origin = match::Origin::Automatic;
};

// One cell of the domain matrix: every sending domain x every receiving
// domain (GoalSelection::domains: the domains of leaves). Links from or to a
// goal outside those domains (e.g. a programme root) are not in the matrix.
struct DomainPair {
  Vertex sending_domain = 0;
  Vertex receiving_domain = 0;
  std::size_t links = 0;      // usable links from goals of the one to goals of the other
  double mean_score = 0.0;    // mean score of those links (0 if none)
  double max_score = 0.0;
  // Mean over the receiving domain's leaves of the best score any goal of the
  // sending domain reaches on that leaf (0 for a leaf it does not reach):
  // how much of the receiving domain this sending domain prepares.
  double coverage = 0.0;
};

struct DomainCoverage {
  Vertex domain = 0;
  std::size_t leaves = 0;
  std::size_t covered = 0;
  std::size_t partly = 0;
  std::size_t gaps = 0;
  double coverage_share = 0.0;  // covered / leaves
  double mean_coverage = 0.0;   // mean leaf coverage
};

struct Summary {
  std::size_t receiving_leaves = 0;
  std::size_t covered = 0;
  std::size_t partly = 0;
  std::size_t gaps = 0;
  double coverage_share = 0.0;  // covered / receiving_leaves (0 when there are none)
  double mean_coverage = 0.0;
  // Gaps split by the effective exam flags of the receiving leaf (a leaf with
  // both CE and SE counts in both; a leaf with neither in neither).
  std::size_t gaps_ce = 0;
  std::size_t gaps_se = 0;
  std::size_t gaps_no_exam = 0;  // neither CE nor SE: with the two above they account for every gap
  std::size_t gaps_kern = 0;
  std::size_t gaps_keuze = 0;
  std::size_t overlaps = 0;  // receiving leaves with at least one Overlap
  // Receiving leaves that are sending goals too: one goal in both programmes
  // (the basis part two qualifications of a dossier share). Covered by itself,
  // and no overlap: the pupil does not learn it twice.
  std::size_t shared = 0;
  // Receiving goals left out because they only say there is no goal
  // ("n.v.t.", see is_placeholder): not in receiving_leaves, not a gap.
  std::size_t placeholders = 0;
  std::size_t sending_leaves = 0;
  std::size_t sending_nowhere = 0;  // sending leaves that lead nowhere
  std::size_t links_used = 0;       // usable links between the two selections
  std::size_t links_rejected = 0;   // rejected by a curator (ignored)
  std::size_t links_confirmed = 0;  // of links_used: confirmed by a curator
};

struct TransitionAnalysis {
  std::vector<ReceivingResult> receiving;  // in receiving-selection order
  std::vector<SendingResult> sending;      // in sending-selection order
  std::vector<Overlap> overlaps;           // by receiving order, then score
  std::vector<DomainPair> domain_matrix;   // sending-domain major, selection order
  std::vector<DomainCoverage> receiving_domains;
  Summary summary;
  AnalysisOptions options;                 // thresholds used (progress dropped)
  // Links between the selections a curator rejected, as (sending, receiving),
  // each pair once, sorted: what Summary::links_rejected counts.
  std::vector<std::pair<Vertex, Vertex>> rejected;
  // The receiving selection's placeholders (GoalSelection::placeholders).
  std::vector<Vertex> placeholders;

  const ReceivingResult* find_receiving(Vertex v) const;
  const SendingResult* find_sending(Vertex v) const;
};

// Links whose source is not in `sending` or whose target is not in
// `receiving` are ignored, so one alignment can serve several variants.
// Rejected links never count; a Confirmed link counts with its score.
TransitionAnalysis analyse(const GoalGraph& graph, const GoalSelection& sending, const GoalSelection& receiving,
                           const match::Alignment& alignment, const AnalysisOptions& options = {});

// Totals of several analyses (the subject pairs of one transition), each goal
// counted once: a goal shared by pairs (one sending programme in two pairs, an
// extra programme added to every pair, goals shared by several programmes) is
// not counted once per pair.
//  - A receiving leaf counts once, with its best status and best coverage over
//    the pairs it is in; shares and means are over these distinct leaves, gaps
//    by exam part are the distinct leaves that are a gap in every pair.
//  - A sending leaf leads nowhere only when it leads nowhere in every pair it is in.
//  - Overlaps: distinct receiving leaves that repeat a sending goal in some pair.
//  - Links (used, confirmed, rejected): distinct (sending, receiving) pairs.
//  - Placeholders: distinct receiving goals left out as "n.v.t." in any pair.
// For analyses that share no goal this is the plain sum of their summaries
// (shares and means recomputed over all receiving leaves). Null entries are skipped.
Summary total_summary(std::span<const TransitionAnalysis* const> analyses);

// A sending goal of several analyses, once: a leaf if it is one in any of
// them, leading nowhere only when it does so in every analysis it is in (the
// rule total_summary counts by), with its best score over them and the
// domain of the first analysis it is in.
struct SendingTotal {
  Vertex goal = 0;
  Vertex domain = 0;
  Vertex root = 0;  // SendingResult::root where first met
  bool leaf = false;
  bool leads_nowhere = true;
  double best_score = 0.0;
  std::optional<Vertex> best_receiving;  // of the strongest link over the analyses
};
// Every sending goal of `analyses` once, in the order first met.
std::vector<SendingTotal> sending_totals(std::span<const TransitionAnalysis* const> analyses);

// Coverage of one goal from the scores of its usable links (any order).
double combine_support(std::vector<double> scores, const AnalysisOptions& options);
Status status_of(double coverage, const AnalysisOptions& options);

}  // namespace aansluiting::analysis
