#pragma once
// The SLO data set as read from one folder: every file the importer knows,
// one id index over all of them, and the fresh catalogue being filled.
// The per-dataset builders (slo_examenprogramma.cpp, slo_syllabus.cpp,
// slo_referentiekader.cpp, slo_basis.cpp) turn records into goals and edges.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "aansluiting/catalogue.hpp"
#include "aansluiting/parallel.hpp"
#include "aansluiting/importers/importers.hpp"
#include "slo_records.hpp"

namespace aansluiting::importers::slo {

enum class FileId : std::uint8_t {
  // basis/
  Niveaus, Subjects, BasisGoals,
  // examenprogramma/
  Programmes, Domains, Subdomains, Eindtermen, Kop1, Kop2, Kop3, Kop4, Body, ProgrammeSubjects,
  // syllabus/
  Syllabi, Specifications, Explanations, Concepts, SyllabusSubjects,
  // referentiekader/
  Frameworks, RefDomains, RefSubdomains, RefTopics, RefSubtopics, RefTextFeatures,
  Count
};
constexpr std::size_t kFileCount = static_cast<std::size_t>(FileId::Count);

struct FileSpec {
  std::string_view folder;  // dataset folder below the SLO folder
  std::string_view name;
  bool required;            // required when its dataset folder is loaded
};
const FileSpec& file_spec(FileId file);

// The file a `*_id` field points into, or nullopt when the field names a
// dataset this importer does not know (e.g. doelniveau_id).
std::optional<FileId> reference_target(std::string_view field);

// What the importer does with a field name; worked out once per name and file.
enum class Role : std::uint8_t { Other, Title, Prefix, Description, Ce, Se, Kern, Keuze, Levels };
struct FieldInfo {
  Role role = Role::Other;
  bool reference = false;        // `*_id` or `replaces`: a list of ids
  bool replaces = false;
  bool flag = false;             // ce/se/kern/keuze: 0 or 1
  bool text = false;             // id/title/...: a string
  std::optional<FileId> target;  // the file a reference points into
};

// One record of the index: where it is and, once built, its goal.
struct Entry {
  FileId file;
  std::uint32_t record;
  std::optional<Vertex> vertex;
  std::string_view id;
};

// SLO ids are random UUIDs: their first and last 8 bytes are hash enough.
struct IdHash {
  std::size_t operator()(std::string_view id) const noexcept;
};

// Every record id of the data set, first record first. One flat
// open-addressing array of (hash, entry) pairs over a vector of entries:
// a lookup costs a probe and one string comparison, and building it
// allocates twice (node-based maps allocate per id).
class IdIndex {
 public:
  void reserve(std::size_t ids);  // before the first insert; entries then stay in place
  // The entry of `id` (whose IdHash is `hash`), added (fresh = true) when it is new.
  std::pair<Entry*, bool> insert(std::string_view id, std::size_t hash, FileId file, std::uint32_t record);
  const Entry* find(std::string_view id, std::size_t hash) const;
  const Entry* find(std::string_view id) const { return find(id, IdHash{}(id)); }
  // Fetches the slot `hash` starts at into the cache ahead of insert/find.
  void prefetch(std::size_t hash) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[home(hash)]);
  }
  // fn(k, hash) for k in [0, n), with id_of(k) the k-th id. A lookup is
  // mostly a cache miss, so the slot of the id a few places ahead is
  // fetched meanwhile; each id is hashed once.
  template <class IdOf, class Fn>
  void walk(std::size_t n, IdOf&& id_of, Fn&& fn) const {
    constexpr std::size_t kAhead = 8;
    std::array<std::size_t, kAhead> ahead{};  // hashes of ids k..k+7, at k % kAhead
    auto fetch = [&](std::size_t k) { prefetch(ahead[k % kAhead] = IdHash{}(id_of(k))); };
    for (std::size_t k = 0; k < n && k < kAhead; ++k) fetch(k);
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t hash = ahead[k % kAhead];
      if (k + kAhead < n) fetch(k + kAhead);
      fn(k, hash);
    }
  }

 private:
  struct Slot {
    std::uint32_t hash = 0;
    std::uint32_t entry = 0;  // index + 1; 0 = empty
  };
  std::size_t home(std::size_t h) const { return (h * 0x9E3779B97F4A7C15ull) >> shift_; }
  std::vector<Entry> entries_;
  std::vector<Slot> slots_;
  unsigned shift_ = 60;  // 64 - log2(slots)
};

class Dataset {
 public:
  // Reads every file of the selected datasets; throws InputError when the
  // folder, a required file or a file's syntax is wrong. Every id reference
  // is looked up once here. Nothing after the constructor throws InputError.
  Dataset(const std::string& folder, const SloOptions& options);
  ~Dataset();  // stops and joins the background work first

  // The catalogue the builders fill; receives the warnings raised while reading.
  void build_into(Catalogue& target);
  Catalogue& catalogue() { return *cat_; }
  GoalGraph& graph() { return cat_->graph(); }

  bool loaded(FileId f) const { return files_[at(f)] != nullptr; }
  const RecordFile& file(FileId f) const { return *files_[at(f)]; }

  // Records of a loaded file that own their id (duplicates are skipped).
  template <class Fn>
  void for_each(FileId f, Fn&& fn) {
    if (!loaded(f)) return;
    const auto& recs = file(f).records();
    auto& entries = entries_[at(f)];
    for (std::size_t i = 0; i < recs.size(); ++i)
      if (entries[i]) fn(recs[i], *entries[i]);
  }

  // The records a reference field names, as resolved (nullptr: not found).
  std::span<const Entry* const> targets(FileId f, const Record& r, std::uint32_t key) const;
  const Entry* find(std::string_view id) const;

  // Creates the goal of a record (id, prefix as code, title, description,
  // kind, levels from niveau_id, ce/se/kern/keuze) and indexes its vertex.
  Vertex add_goal(FileId f, const Record& r, Entry& e, GoalKind kind, SourceIndex source = kNoSource);
  // Adds goals of kind `kind` for every record of `f`; returns them in file order.
  std::vector<Vertex> add_goals(FileId f, GoalKind kind);

  // Edges wait in the Dataset until finish() adds them all at once
  // (GoalGraph::add_edges): each vertex's edge lists then grow once instead
  // of once per builder. Builders read the edges queued so far here, in the
  // order they were added, instead of querying the graph.
  void add_edge(Vertex from, Vertex to, EdgeKind kind) { pending_.push_back(EdgeSpec{from, to, kind}); }
  std::span<const EdgeSpec> pending_edges() const { return pending_; }
  // Programmes are listed once their subtrees are in the graph (in finish()).
  void add_programme(Vertex root, std::string subject) { programmes_.emplace_back(root, std::move(subject)); }
  // Adds the queued edges, then the programmes; called once, after every builder.
  void finish();

  // For every record of `from`, an edge to each record of `to` named in
  // `field`, in array order (reversed: from the named record to this one).
  // A child reached by a Contains edge takes the parent's source if it has none.
  void link(FileId from, std::string_view field, FileId to, EdgeKind kind, bool reverse = false);

  // The provenance a programme-like record states about itself (title,
  // versie, ingangsdatum, url; a missing field stays empty).
  Source record_source(FileId f, const Record& r, std::string_view publisher) const;
  // One source per file for goals that no programme owns.
  SourceIndex file_source(FileId f, std::string_view title, std::string_view publisher);
  // Goals that no programme, syllabus or framework owns get their file's source.
  void assign_file_sources();
  // Links every goal with levels to its level vertices (at-level edges).
  void link_all_levels();

  // Warns about every `*_id` reference that points nowhere, adds Replaces
  // edges to loaded older versions, and summarises references into data sets
  // that are absent.
  void resolve_references();

 private:
  static std::size_t at(FileId f) { return static_cast<std::size_t>(f); }
  void read(const std::string& folder, const SloOptions& options);
  void build_index();
  void describe_fields();
  void prepare();
  Goal make_goal(FileId f, const Record& r) const;
  void check_file(FileId f);

  struct FileCheck {
    std::vector<Warning> warnings;
    std::vector<std::size_t> absent_by_key;                    // per field name
    std::vector<std::pair<Entry*, const Field*>> replaces;     // records with a `replaces` list
  };

  Catalogue* cat_ = nullptr;
  std::vector<Warning> read_warnings_;
  std::array<std::unique_ptr<RecordFile>, kFileCount> files_;
  IdIndex index_;
  std::array<std::vector<Entry*>, kFileCount> entries_;           // per record; nullptr for a duplicate
  std::array<std::vector<const Entry*>, kFileCount> resolved_;    // per list item of the file
  std::array<std::vector<std::size_t>, kFileCount> id_hashes_;    // IdHash per record, made while reading
  std::array<std::vector<FieldInfo>, kFileCount> field_info_;     // per field name of the file
  std::vector<LevelSet> niveau_levels_;                           // per record of niveaus.json
  std::array<SourceIndex, kFileCount> file_sources_;
  std::vector<std::pair<FileId, Vertex>> goals_;  // every goal added
  std::vector<EdgeSpec> pending_;                 // edges not yet in the graph
  std::vector<std::pair<Vertex, std::string>> programmes_;  // not yet in the catalogue
  // Goals prepared ahead, per file in chunks of kDraftChunk records (one
  // task each): a builder waiting for a file's drafts then takes on at most
  // a chunk of later work, not a whole later file, before it can go on.
  static constexpr std::size_t kDraftChunk = 256;
  struct DraftChunk {
    std::vector<Goal> goals;                    // per record of the chunk
    std::vector<GoalGraph::LookupKeys> keys;    // of each draft
  };
  std::array<std::vector<DraftChunk>, kFileCount> drafts_;  // empty: the file's goals are not drafted
  std::array<FileCheck, kFileCount> checks_;
  static constexpr std::size_t kNoTask = static_cast<std::size_t>(-1);
  std::array<std::size_t, kFileCount> first_draft_task_;  // the task drafting a file's first chunk
  void wait_for_drafts(FileId f);
  // Last member: destroyed first, so no task outlives what it reads.
  std::unique_ptr<TaskSet> tasks_;
};

// Builders, called in this order by load_slo.
void build_exam_programmes(Dataset& d);
void build_syllabi(Dataset& d);
void build_reference_framework(Dataset& d);
void build_basis_goals(Dataset& d);

// Readable subject names for Catalogue::add_programme.
std::string programme_subject(std::string_view title);  // "Examenprogramma Wiskunde B vwo" -> "Wiskunde B"
std::string syllabus_subject(std::string_view title);   // "Syllabus Wiskunde A havo 2025" -> "Syllabus Wiskunde A 2025"

}  // namespace aansluiting::importers::slo
