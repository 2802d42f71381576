#pragma once
// A curation file that several people keep: each has it open in a notebook,
// decides, and saves. A save must not drop what a colleague saved in the
// meantime (a user test lost a colleague's confirmation that way), so it
// merges: the decisions this session changed since it read the file go over
// the file as it is now, and a pair that both changed differently is a
// conflict that stops the save unless the caller keeps its own decisions.

#include <optional>
#include <string>
#include <vector>

#include "aansluiting/analysis/sssom.hpp"

namespace aansluiting::analysis {

// The file as this session last read or wrote it: the base of a merge.
struct CurationSnapshot {
  std::string path;        // empty: nothing read or written yet
  bool existed = false;    // the file was there
  std::string bytes;       // its content then
  MappingSet set;          // parsed
};

// Reads `path` (when it exists) into a snapshot; throws InputError as read_sssom does.
CurationSnapshot read_curation_snapshot(const std::string& path);

// A pair (subject, object) that this session and someone else both decided on
// since the snapshot, differently: one confirmed and one rejected, another
// predicate, or one removed the decision (not: the same decision by another author).
struct DecisionConflict {
  std::string subject_id, object_id;
  std::string mine, theirs;  // "confirmed" / "rejected" / "removed", with the predicate
};

struct MergeResult {
  MappingSet merged;
  std::size_t kept_from_others = 0;   // pairs only the other version changed, kept
  std::vector<DecisionConflict> conflicts;
};

// Three-way merge by pair (subject_id, object_id as written, spaces trimmed):
// a pair whose rows `ours` changed since `base` takes ours' rows, any other
// pair keeps theirs'. Rows keep theirs' order; pairs only ours has come last.
// The metadata and the comment lines are theirs' (a notebook changes neither).
// On a conflict ours wins in `merged`; `conflicts` lists them.
MergeResult merge_decisions(const MappingSet& base, const MappingSet& ours, const MappingSet& theirs);

enum class OnConflict { Refuse, KeepMine };

struct SaveResult {
  bool merged = false;                     // the file had changed since the snapshot
  std::size_t kept_from_others = 0;
  std::vector<DecisionConflict> overridden;  // conflicts decided for `ours` (KeepMine)
};

// Saves `ours` to `path` atomically (folders made as needed). When the file
// changed since `snapshot` was taken of that same path, merges (merge_decisions)
// first; with conflicts and OnConflict::Refuse nothing is written and
// ArgumentError (CurationConflict) names them. On success `ours` is the set
// written and `snapshot` what is now on disk. Saving to another path than the
// snapshot's replaces that file, as before ("save as").
SaveResult save_curation(const std::string& path, MappingSet& ours, CurationSnapshot& snapshot,
                         OnConflict on_conflict = OnConflict::Refuse);

}  // namespace aansluiting::analysis
