#pragma once
// Curated decisions on links: a curator confirms or rejects a link between a
// sending and a receiving goal; decisions live in an SSSOM file and override
// the matcher on every run. Semantics: docs/analysis.md.

#include <optional>
#include <string>
#include <string_view>
#include <span>
#include <vector>

#include "aansluiting/analysis/selection.hpp"
#include "aansluiting/analysis/sssom.hpp"
#include "aansluiting/catalogue.hpp"
#include "aansluiting/match/alignment.hpp"

namespace aansluiting::analysis {

// The project's CURIE prefixes: slo (SLO open data UUIDs, including CvTE
// syllabi), sbb (SBB qualification files), csv (authored programmes), plus
// skos, semapv and orcid.
std::vector<std::pair<std::string, std::string>> default_curie_map();
// An empty set with the project's metadata: id, title, license (CC0), curie_map.
// default_mapping_set() is a curator's decisions, alignment_mapping_set() the
// links of an alignment (mostly automatic); they differ in id and title only.
MappingSet default_mapping_set();
MappingSet alignment_mapping_set();

// CURIE of a goal: its source_id with the prefix of its source (publisher SLO
// or CvTE -> slo, SBB -> sbb, otherwise by file type: .json -> slo, .xml -> sbb,
// else csv). Characters outside [A-Za-z0-9-._~/:] are percent-encoded.
std::string goal_curie(const Catalogue& catalogue, Vertex v);
// The goal a CURIE names (inverse of goal_curie; the prefix itself is not
// checked against the goal's source, so a renamed prefix still resolves).
std::optional<Vertex> resolve_curie(const Catalogue& catalogue, std::string_view curie);
// The goal a curator names: its id as in every table (and the Excel Id column)
// or its CURIE as in a curation file (white space around it ignored). The id
// is tried first.
std::optional<Vertex> find_goal(const Catalogue& catalogue, std::string_view id_or_curie);

struct CurationReport {
  std::size_t confirmed = 0;         // confirmations applied
  std::size_t confirmed_added = 0;   // ... of links the matcher had not produced
  std::size_t rejected = 0;          // rejections applied
  std::size_t rejected_removed = 0;  // ... of links the matcher had produced
  std::size_t ignored_uncurated = 0; // rows that are suggestions, not decisions
  std::vector<Warning> unresolved;   // decisions naming goals that are not loaded, rows that look like decisions but are not
  // Decisions about loaded goals that are not a (sending, receiving) pair of the
  // run, one per row (a transition reports those outside all of its runs).
  std::vector<Warning> outside;
  // What the reader accepted from the file but noted (MappingSet::warnings: a
  // decimal comma read as a point, an unreadable confidence of a suggestion).
  std::vector<Warning> notes;
};

// Applies the curated rows of `decisions` to an alignment. A decision is about
// a pair (sending, receiving), whatever predicate the matcher chose:
//  - confirmed: one link with origin Confirmed, the curator's predicate and
//    score = confidence (1.0 if none); added when the matcher did not produce it;
//  - rejected (predicate_modifier Not): every link of the pair becomes one link
//    with origin Rejected and the curator's predicate (kept for display, ignored
//    by the analysis; an export says "Not <that predicate>" as the file did);
//    the matcher's score, or 0 when the matcher did not produce it.
// When a pair has several decisions, the last row wins. Non-curated rows
// (e.g. semapv:LexicalMatching) are ignored. The result is sorted by source,
// then by descending score.
match::Alignment apply_curation(const Catalogue& catalogue, const match::Alignment& alignment,
                                const MappingSet& decisions, CurationReport* report = nullptr);
// The same for an alignment of `sources` to `targets` (align::align's lists): a
// decision about loaded goals that are not a (source, target) pair of it changes
// nothing and is reported in `outside` (a user test: a Wiskunde confirmation was
// added to a Biologie alignment that shared the team's file).
match::Alignment apply_curation(const Catalogue& catalogue, const match::Alignment& alignment,
                                const MappingSet& decisions, std::span<const Vertex> sources,
                                std::span<const Vertex> targets, CurationReport* report = nullptr);

// The rows of `decisions` split by one run's goals, each row's CURIEs resolved once.
//  - within: the rows that can matter for the run. A decision about a goal pair
//    of another run (another subject pair of a transition) would otherwise add
//    its link there. Rows that are no decision, or name goals that are not
//    loaded, stay: apply_curation reports them.
//  - outside: a warning per decision about loaded goals that are not a goal of
//    `sending` and one of `receiving` (a goal of another dossier that shares the
//    code, subject and object swapped): it changes nothing in this run.
struct ScopedDecisions {
  MappingSet within;
  std::vector<Warning> outside;
};
ScopedDecisions scope_decisions(const Catalogue& catalogue, const MappingSet& decisions,
                                const GoalSelection& sending, const GoalSelection& receiving);

// The relation as a curator types it: "closeMatch", "skos:closeMatch" or the
// full SKOS IRI, in any letter case.
std::optional<match::Predicate> parse_decision_predicate(std::string_view text);

// Whether `author` names an id (a CURIE such as orcid:0000-0002-1825-0097, or an
// IRI): one word with a prefix. "J. de Vries: docent wiskunde" is a name.
bool is_author_id(std::string_view author);

struct Decision {
  Vertex sending = 0;
  Vertex receiving = 0;
  bool confirmed = true;  // false: rejected
  // relatedMatch: "this link is right" (it counts for coverage). Only a curator
  // who says the goals are the same (exactMatch, closeMatch) makes an overlap.
  match::Predicate predicate = match::Predicate::RelatedMatch;
  std::optional<double> confidence;  // 0..1; empty = 1 when applied
  std::string author_id;     // CURIE, e.g. orcid:0000-0002-...; may be empty
  std::string author_label;  // a name, when there is no id
  std::string mapping_date;  // YYYY-MM-DD; empty = today
  std::string comment;
};

// Records a decision in `set`, replacing an earlier decision on the same pair.
// Throws std::invalid_argument for a confidence outside [0, 1] (or NaN), which
// could not be read back.
void record_decision(MappingSet& set, const Catalogue& catalogue, const Decision& decision);
// Removes the decisions about one pair, named as a curator names goals (find_goal:
// an id or a CURIE; a CURIE that names no loaded goal, such as a typo in the
// file, is matched as written). Returns how many rows were removed (a user test:
// a wrong decision could only be undone by editing the file by hand).
std::size_t forget_decisions(MappingSet& set, const Catalogue& catalogue, std::string_view subject,
                             std::string_view object);

// Exports an alignment: automatic links as semapv:LexicalMatching with
// confidence = score, confirmed/rejected ones as manual curation (rejected with
// predicate_modifier Not).
MappingSet to_mapping_set(const Catalogue& catalogue, const match::Alignment& alignment,
                          MappingSet metadata = alignment_mapping_set());

// Whether `path` is a file a curator keeps: an SSSOM file whose set is the
// curated one (default_mapping_set's id, as Curation.save writes it) or whose
// rows are all decisions. An export of an alignment holds automatic links. A
// file that does not parse counts as one when it has SSSOM's subject_id column
// and names the curated set or holds a decision anywhere (a curator's file
// broken by an editor), unless it is markup (an HTML report that lists
// decisions); a missing or unreadable file is none.
bool is_curation_file(const std::string& path);

// Fills in what a curation file needs and an edited one may have lost (the
// '#' block dropped by a spreadsheet or pandas): the project's CURIE
// prefixes, the curated set's id and the licence. Values that are there stay.
void complete_metadata(MappingSet& set);
// Writes an export (to_mapping_set) atomically, but never over a curation
// file: the export holds every link, mostly the matcher's, and would replace
// the curator's decisions and comments. Throws InputError (SssomExportOntoCuration).
void write_export(const std::string& path, const MappingSet& links);

}  // namespace aansluiting::analysis
