#pragma once
// SSSOM/TSV mapping files (https://mapping-commons.github.io/sssom/): a YAML
// metadata block in '#' lines, then a tab-separated table of mappings. Used
// for curated decisions (and to export alignments). Format notes: docs/analysis.md.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/match/alignment.hpp"

namespace aansluiting::analysis {

inline constexpr std::string_view kManualCuration = "semapv:ManualMappingCuration";
inline constexpr std::string_view kMappingReview = "semapv:MappingReview";
inline constexpr std::string_view kLexicalMatching = "semapv:LexicalMatching";
inline constexpr std::string_view kSemapvIri = "https://w3id.org/semapv/vocab/";
// The set id of a curation file this library writes (default_mapping_set).
inline constexpr std::string_view kCuratedSetId = "urn:aansluiting:mappings:curated";
// SSSOM's licence for a set that states none (as sssom-py fills it in).
inline constexpr std::string_view kUnspecifiedLicense = "https://w3id.org/sssom/license/unspecified";

// The SKOS CURIE of a predicate ("skos:closeMatch") and back; the analysis
// keeps its own copy so it does not depend on the matcher library.
std::string_view sssom_predicate_id(match::Predicate p);
std::optional<match::Predicate> parse_sssom_predicate(std::string_view curie);

struct MappingRow {
  std::string subject_id;  // CURIE of the sending goal
  std::string subject_label;
  match::Predicate predicate = match::Predicate::CloseMatch;
  bool negated = false;    // predicate_modifier "Not": subject is NOT predicate object
  std::string object_id;   // CURIE of the receiving goal
  std::string object_label;
  std::string justification{kManualCuration};  // mapping_justification CURIE
  std::optional<double> confidence;             // 0..1
  std::string author_id;    // CURIEs (e.g. orcid:...), may be empty
  std::string author_label;
  std::string reviewer_id;
  std::string reviewer_label;
  std::string mapping_date;  // YYYY-MM-DD
  std::string comment;
  // Columns this library does not interpret, kept for round trips (name, value).
  std::vector<std::pair<std::string, std::string>> extra;
  std::size_t line = 0;  // line in the file it was read from (0 if not read)

  // A curator's decision (manual curation or review), not a matcher's suggestion.
  bool curated() const { return justification == kManualCuration || justification == kMappingReview; }
};

// A metadata key this library does not interpret, kept for round trips.
struct MetadataEntry {
  std::string key;
  std::vector<std::string> values;  // one value for a scalar
  bool is_list = false;
  // A value of nested mappings or lists (SSSOM's extension_definitions) as
  // the YAML text it was read from, without the '#'s; `values` is then empty.
  std::string yaml;
  bool yaml_below_key = false;  // a block on the lines below the key, not a flow value beside it
};

// A line of its own starting with '#' among the rows, typed in an editor
// ("# Piet: besproken op 12 maart"): no mapping, but the curator's words, so a
// save writes it back above the same row.
struct CommentLine {
  static constexpr std::size_t kAtEnd = static_cast<std::size_t>(-1);
  std::string text;        // after the '#', as written
  std::size_t before = 0;  // index in `mappings` of the row below it; kAtEnd: below the last row, also rows added later
  std::size_t line = 0;    // line in the file it was read from (0 if not read)
};

struct MappingSet {
  std::string mapping_set_id;  // an IRI
  std::string mapping_set_title;
  std::string mapping_set_description;
  std::string mapping_set_version;
  std::string license;  // an IRI; required by SSSOM
  std::string mapping_date;
  std::vector<std::pair<std::string, std::string>> curie_map;  // prefix -> IRI prefix, in order
  std::vector<MetadataEntry> other_metadata;
  // Free-text lines of the metadata block that are no YAML ("# Piet: ...", see
  // parse_sssom), and YAML comments ("## ..."), the text after the '#'s. Written
  // back as YAML comments ("## Piet: ...") at the top of the block, which every
  // SSSOM reader skips.
  std::vector<std::string> metadata_comments;
  std::vector<CommentLine> comments;  // among the rows, in file order
  std::vector<std::string> extra_columns;  // names of uninterpreted columns, in file order
  std::vector<MappingRow> mappings;
  std::string file;  // the file it was read from (for messages), empty if not read
  // What the reader accepted but the user should hear about, each kind once with
  // the number of rows (a decimal comma read as a point, an unreadable confidence
  // of a row that is not a decision, ignored). For the caller to show.
  std::vector<Warning> warnings;

  // IRI prefix of `prefix`, or empty.
  std::string expand_prefix(std::string_view prefix) const;
};

// Parses SSSOM/TSV text; throws InputError naming file:line:column. Forgives
// what a spreadsheet does to a file: spaces around codes (ids, predicate,
// modifier, justification, confidence, date), quoted '#' lines, a decimal comma
// (noted in `warnings`). What Excel's text choices save is read, and noted in
// `warnings`: UTF-16 with a byte order mark ("Unicode-tekst"), Windows-1252
// ("Tekst (tab is scheidingsteken)"), ';' between the cells and after the '#'
// lines ("CSV"). A workbook (.xlsx, a ZIP) is an error that says so. A justification that is almost a decision's
// (semapv:ManualMapingCuration) is an error: the decision would vanish silently.
// Comments an editor adds are kept, not read as data: a '#' line after the
// header (as sssom-py skips it) goes to `comments`; in the metadata block, a
// line '#' + one space + text that does not continue the key above it (whose
// indented lines use two spaces, as every SSSOM writer does) goes to
// `metadata_comments`, as does a YAML comment ("## ...").
MappingSet parse_sssom(std::string_view text, const std::string& file);
// A cell's value without the spaces a spreadsheet leaves around it (no-break
// spaces and a line break too): what the reader compares codes and ids by.
std::string_view trim_cell(std::string_view value);
// Reads and parses a file; throws InputError when missing, unreadable or malformed.
MappingSet read_sssom(const std::string& path);

// What a write does when the folder of the file does not exist yet.
enum class MissingFolders { Fail, Create };

// Serialises in the SSSOM column order. Tabs and line breaks inside values
// become spaces; values with a double quote are quoted as in CSV. Comment lines
// are written back (see MappingSet::metadata_comments and comments).
std::string format_sssom(const MappingSet& set);
// Writes atomically (temporary file in the same folder, fsync, rename): after a
// crash or an error the old file is intact. Throws std::filesystem::filesystem_error
// (a std::system_error that names the file) on failure.
void write_sssom(const std::string& path, const MappingSet& set, MissingFolders folders = MissingFolders::Fail);

// Replaces `path` with `content` atomically (see write_sssom). With
// MissingFolders::Create the missing parent folders are made first (and left
// in place when the write then fails).
void write_file_atomically(const std::string& path, std::string_view content,
                           MissingFolders folders = MissingFolders::Fail);

}  // namespace aansluiting::analysis
