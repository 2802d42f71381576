#include "slo_dataset.hpp"
#include "text_clean.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <stdexcept>

namespace aansluiting::importers::slo {
namespace fs = std::filesystem;

namespace {

constexpr std::array<FileSpec, kFileCount> kFiles = {{
    {"basis", "niveaus.json", true},
    {"basis", "vakleergebieden.json", false},
    {"basis", "doelen.json", false},  // required only with SloOptions::basis_goals
    {"examenprogramma", "examenprogramma.json", true},
    {"examenprogramma", "domeinen.json", true},
    {"examenprogramma", "subdomeinen.json", true},
    {"examenprogramma", "eindtermen.json", true},
    {"examenprogramma", "kop1.json", false},
    {"examenprogramma", "kop2.json", false},
    {"examenprogramma", "kop3.json", false},
    {"examenprogramma", "kop4.json", false},
    {"examenprogramma", "body.json", false},
    {"examenprogramma", "vakleergebieden.json", false},
    {"syllabus", "syllabus.json", true},
    {"syllabus", "specifieke_eindtermen.json", true},
    {"syllabus", "toelichtingen.json", false},
    {"syllabus", "vakbegrippen.json", false},
    {"syllabus", "vakleergebieden.json", false},
    {"referentiekader", "ref.vakleergebieden.json", true},
    {"referentiekader", "ref.domeinen.json", true},
    {"referentiekader", "ref.subdomeinen.json", true},
    {"referentiekader", "ref.onderwerpen.json", true},
    {"referentiekader", "ref.deelonderwerpen.json", false},
    {"referentiekader", "ref.tekstkenmerken.json", false},
}};

bool dataset_selected(std::string_view folder, const SloOptions& o) {
  if (folder == "examenprogramma") return o.exam_programmes;
  if (folder == "syllabus") return o.syllabi;
  if (folder == "referentiekader") return o.reference_framework;
  return true;  // basis/: the level vocabulary every other data set uses
}

bool is_flag(std::string_view name) { return name == "ce" || name == "se" || name == "kern" || name == "keuze"; }

}  // namespace

std::size_t IdHash::operator()(std::string_view id) const noexcept {
  if (id.size() < 16) return std::hash<std::string_view>{}(id);
  std::uint64_t head, tail;
  std::memcpy(&head, id.data(), 8);
  std::memcpy(&tail, id.data() + id.size() - 8, 8);
  const std::uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail + id.size());
  return static_cast<std::size_t>(h ^ (h >> 29));
}

void IdIndex::reserve(std::size_t ids) {
  std::size_t slots = 16;
  shift_ = 60;
  while (slots < 2 * ids) {
    slots *= 2;
    --shift_;
  }
  entries_.clear();
  entries_.reserve(ids);
  slots_.assign(slots, Slot{});
}

std::pair<Entry*, bool> IdIndex::insert(std::string_view id, std::size_t h, FileId file, std::uint32_t record) {
  if (2 * (entries_.size() + 1) > slots_.size()) {
    // Entries must not move: grow only before anything is in.
    if (!entries_.empty()) throw std::logic_error("IdIndex: reserve() too small");
    reserve(entries_.size() + 1);
  }
  const auto tag = static_cast<std::uint32_t>(h);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = home(h);
  for (; slots_[i].entry != 0; i = (i + 1) & mask) {
    Entry& e = entries_[slots_[i].entry - 1];
    if (slots_[i].hash == tag && e.id == id) return {&e, false};
  }
  entries_.push_back(Entry{file, record, std::nullopt, id});
  slots_[i] = Slot{tag, static_cast<std::uint32_t>(entries_.size())};
  return {&entries_.back(), true};
}

const Entry* IdIndex::find(std::string_view id, std::size_t h) const {
  if (slots_.empty()) return nullptr;
  const auto tag = static_cast<std::uint32_t>(h);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home(h); slots_[i].entry != 0; i = (i + 1) & mask) {
    const Entry& e = entries_[slots_[i].entry - 1];
    if (slots_[i].hash == tag && e.id == id) return &e;
  }
  return nullptr;
}

const FileSpec& file_spec(FileId file) { return kFiles[static_cast<std::size_t>(file)]; }

Dataset::Dataset(const std::string& folder, const SloOptions& options) {
  file_sources_.fill(kNoSource);
  read(folder, options);
  describe_fields();
  build_index();
  if (loaded(FileId::Niveaus)) {
    const RecordFile& f = file(FileId::Niveaus);
    niveau_levels_.resize(f.records().size());
    for (std::size_t i = 0; i < f.records().size(); ++i)
      if (auto level = parse_level(f.text(f.records()[i], "title"))) niveau_levels_[i].add(*level);
  }
  prepare();
}

Dataset::~Dataset() = default;

// Goals (their strings copied out of the parser) and reference checks need
// only the records and the index, so they are made in the background while
// the builders put goals into the graph: drafts first, in the order the
// builders take them (see load_slo and build_*), then the checks, largest
// first, which resolve_references waits for.
void Dataset::prepare() {
  std::array<bool, kFileCount> goal_file{};
  auto goals_of = [&](FileId root, std::initializer_list<FileId> files) {
    if (!loaded(root)) return;
    for (FileId f : files) goal_file[at(f)] = loaded(f);
  };
  // The files the builders turn into goals (see build_*).
  goals_of(FileId::Programmes, {FileId::Programmes, FileId::Domains, FileId::Subdomains, FileId::Eindtermen});
  goals_of(FileId::Syllabi, {FileId::Syllabi, FileId::Specifications, FileId::Explanations, FileId::Concepts});
  goals_of(FileId::Frameworks, {FileId::Frameworks, FileId::RefDomains, FileId::RefSubdomains, FileId::RefTopics,
                                FileId::RefSubtopics});
  goals_of(FileId::BasisGoals, {FileId::BasisGoals});
  // The order in which the builders add goals (a wrong order costs waiting, not results).
  static constexpr FileId kBuildOrder[] = {
      FileId::Eindtermen,   FileId::Subdomains, FileId::Domains,    FileId::Programmes,    FileId::Specifications,
      FileId::Explanations, FileId::Concepts,   FileId::Syllabi,    FileId::RefDomains,    FileId::RefSubdomains,
      FileId::RefTopics,    FileId::RefSubtopics, FileId::Frameworks, FileId::BasisGoals};

  // A task drafts one chunk of a file's records, or checks one file (chunk == kCheck).
  struct Task {
    FileId file;
    std::size_t chunk;
  };
  static constexpr std::size_t kCheck = static_cast<std::size_t>(-1);
  std::vector<Task> tasks;
  first_draft_task_.fill(kNoTask);
  for (FileId f : kBuildOrder) {
    if (!goal_file[at(f)]) continue;
    const std::size_t records = file(f).records().size();
    drafts_[at(f)].resize(std::max<std::size_t>(1, (records + kDraftChunk - 1) / kDraftChunk));
    first_draft_task_[at(f)] = tasks.size();
    for (std::size_t c = 0; c < drafts_[at(f)].size(); ++c) tasks.push_back({f, c});
  }
  std::vector<FileId> checks;
  for (std::size_t i = 0; i < kFileCount; ++i)
    if (files_[i]) checks.push_back(static_cast<FileId>(i));
  auto weight = [&](FileId f) { return file(f).records().size(); };
  std::stable_sort(checks.begin(), checks.end(), [&](FileId a, FileId b) { return weight(a) > weight(b); });
  for (FileId f : checks) tasks.push_back({f, kCheck});

  const std::size_t n = tasks.size();  // before `tasks` moves into the lambda
  tasks_ = std::make_unique<TaskSet>(n, [this, tasks = std::move(tasks)](std::size_t k) {
    const auto [f, c] = tasks[k];
    if (c == kCheck) return check_file(f);
    const auto& recs = file(f).records();
    const std::size_t first = c * kDraftChunk, last = std::min(recs.size(), first + kDraftChunk);
    DraftChunk& chunk = drafts_[at(f)][c];
    // Sized here, on the drafting thread: constructing every file's goals up front would be serial work.
    chunk.goals.resize(last - first);
    chunk.keys.resize(last - first);
    for (std::size_t r = first; r < last; ++r) {
      if (!entries_[at(f)][r]) continue;
      chunk.goals[r - first] = make_goal(f, recs[r]);
      chunk.keys[r - first] = GoalGraph::lookup_keys(chunk.goals[r - first]);
    }
  });
}

void Dataset::wait_for_drafts(FileId f) {
  const std::size_t first = first_draft_task_[at(f)];
  if (first == kNoTask) return;
  // From the last chunk down: waiting for it first drafts the earlier ones here, not one by one.
  for (std::size_t t = first + drafts_[at(f)].size(); t-- > first;) tasks_->wait(t);
}

void Dataset::build_into(Catalogue& target) {
  cat_ = &target;
  // Every record may become a goal; most list items (references, levels)
  // become an edge, and specifications gain the levels of their syllabi.
  std::size_t records = 0, items = 0;
  for (const auto& f : files_) {
    if (!f) continue;
    records += f->records().size();
    items += f->all_items().size();
  }
  cat_->graph().reserve(cat_->graph().num_vertices() + records, cat_->graph().num_edges() + items + items / 4);
  pending_.reserve(items + items / 4);
  goals_.reserve(records);
  for (Warning& w : read_warnings_) cat_->warn(std::move(w.where), std::move(w.what));
  read_warnings_.clear();
}

void Dataset::read(const std::string& folder, const SloOptions& options) {
  std::error_code ec;
  const fs::file_status status = fs::status(folder, ec);
  if (!fs::exists(status)) throw InputError({folder, 0, 0, {}}, {MessageId::FolderNotFound});
  if (!fs::is_directory(status)) throw InputError({folder, 0, 0, {}}, {MessageId::IsAFile});

  // Each dataset folder is checked once, not once per file.
  std::vector<std::pair<std::string_view, bool>> folders;
  auto present = [&](std::string_view name) {
    for (const auto& [n, there] : folders)
      if (n == name) return there;
    folders.emplace_back(name, fs::is_directory(fs::path(folder) / name, ec));
    return folders.back().second;
  };
  bool any = false;
  for (std::string_view name : {"examenprogramma", "syllabus", "referentiekader"})
    any = any || (dataset_selected(name, options) && present(name));
  any = any || (options.basis_goals && present("basis"));
  if (!any) {
    throw InputError({folder, 0, 0, {}}, {MessageId::SloNoData});
  }

  // No file is looked at before it is read (a stat each is serial work on
  // a slow file system): they are read in the order of their usual size,
  // largest first, so that the threads finish together.
  static constexpr FileId kUsualSizeOrder[] = {
      FileId::BasisGoals, FileId::Specifications, FileId::Eindtermen,    FileId::Explanations, FileId::Syllabi,
      FileId::Subdomains, FileId::Domains,        FileId::Concepts,      FileId::Body,         FileId::Programmes,
      FileId::Kop1,       FileId::Subjects,       FileId::RefTopics,     FileId::Kop2,         FileId::Niveaus,
      FileId::RefSubtopics, FileId::RefSubdomains, FileId::ProgrammeSubjects, FileId::SyllabusSubjects,
      FileId::RefDomains, FileId::Frameworks,     FileId::RefTextFeatures, FileId::Kop3,       FileId::Kop4};
  static_assert(std::size(kUsualSizeOrder) == kFileCount);
  const std::string base = folder.ends_with('/') ? folder : folder + '/';
  std::array<std::string, kFileCount> paths;
  std::array<bool, kFileCount> required{};
  std::vector<std::size_t> order;
  for (FileId id : kUsualSizeOrder) {
    const std::size_t i = at(id);
    const FileSpec& spec = kFiles[i];
    if (!dataset_selected(spec.folder, options) || !present(spec.folder)) continue;
    if (id == FileId::BasisGoals && !options.basis_goals) continue;
    paths[i] = base + std::string(spec.folder) + '/' + std::string(spec.name);
    required[i] = spec.required || id == FileId::BasisGoals;
    order.push_back(i);
  }
  // Files are independent: parse them side by side, keep their warnings apart
  // and add those in file order.
  std::array<std::vector<Warning>, kFileCount> warnings;
  parallel_for(std::span<const std::size_t>(order), [&](std::size_t i) {
    // A required file that is missing is still read, which reports it.
    files_[i] = required[i] ? std::make_unique<RecordFile>(paths[i], warnings[i])
                            : RecordFile::read_if_present(paths[i], warnings[i]);
    if (!files_[i]) return;
    // Hashed here, on the thread that parsed the file, to keep build_index's serial part short.
    const auto& recs = files_[i]->records();
    id_hashes_[i].resize(recs.size());
    for (std::size_t k = 0; k < recs.size(); ++k) id_hashes_[i][k] = IdHash{}(recs[k].id);
  });
  for (auto& ws : warnings)
    for (Warning& w : ws) read_warnings_.push_back(std::move(w));
}

void Dataset::describe_fields() {
  static constexpr std::pair<std::string_view, Role> kRoles[] = {
      {"title", Role::Title}, {"prefix", Role::Prefix}, {"description", Role::Description},
      {"ce", Role::Ce},       {"se", Role::Se},         {"kern", Role::Kern},
      {"keuze", Role::Keuze}, {"niveau_id", Role::Levels}};
  for (std::size_t i = 0; i < kFileCount; ++i) {
    if (!files_[i]) continue;
    for (std::string_view n : files_[i]->names()) {
      FieldInfo info;
      for (const auto& [name, role] : kRoles)
        if (n == name) info.role = role;
      info.reference = is_reference_field(n);
      info.replaces = n == "replaces";
      info.flag = is_flag(n);
      info.text = n == "id" || n == "title" || n == "description" || n == "prefix" || n == "versie" || n == "url" ||
                  n == "ingangsdatum" || n == "examenjaar";
      if (info.reference) info.target = reference_target(n);
      field_info_[i].push_back(info);
    }
  }
}

void Dataset::build_index() {
  std::size_t total = 0;
  for (const auto& f : files_)
    if (f) total += f->records().size();
  index_.reserve(total);
  for (std::size_t i = 0; i < kFileCount; ++i) {
    if (!files_[i]) continue;
    const auto& recs = files_[i]->records();
    entries_[i].assign(recs.size(), nullptr);
    const auto& hashes = id_hashes_[i];
    constexpr std::size_t kAhead = 8;  // an insert is mostly a cache miss
    for (std::size_t k = 0; k < recs.size(); ++k) {
      if (k + kAhead < recs.size()) index_.prefetch(hashes[k + kAhead]);
      auto [entry, fresh] = index_.insert(recs[k].id, hashes[k], static_cast<FileId>(i), static_cast<std::uint32_t>(k));
      if (fresh) {
        entries_[i][k] = entry;
        continue;
      }
      const RecordFile& first = *files_[at(entry->file)];
      Location where = first.where(first.records()[entry->record]);
      read_warnings_.emplace_back(files_[i]->where(recs[k]),
                                  Message{MessageId::SloDuplicateId, {where.file + ":" + std::to_string(where.line)}});
    }
  }
  // Every reference is looked up once; builders and checks share the result.
  // Lookups only read the index, so chunks of items are resolved side by side.
  constexpr std::size_t kChunk = 4096;
  std::vector<std::pair<std::size_t, std::size_t>> chunks;  // file, first item
  for (std::size_t i = 0; i < kFileCount; ++i) {
    if (!files_[i]) continue;
    resolved_[i].resize(files_[i]->all_items().size());
    for (std::size_t b = 0; b < resolved_[i].size(); b += kChunk) chunks.emplace_back(i, b);
  }
  parallel_for(chunks.size(), [&](std::size_t c) {
    const auto [i, b] = chunks[c];
    const auto& items = files_[i]->all_items();
    const std::size_t e = std::min(b + kChunk, items.size());
    index_.walk(e - b, [&](std::size_t k) { return items[b + k]; },
                [&](std::size_t k, std::size_t hash) { resolved_[i][b + k] = index_.find(items[b + k], hash); });
  });
}

const Entry* Dataset::find(std::string_view id) const { return index_.find(id); }

std::span<const Entry* const> Dataset::targets(FileId f, const Record& r, std::uint32_t key) const {
  const Field* field = file(f).field(r, key);
  if (!field || field->type != ValueType::List) return {};
  return {resolved_[at(f)].data() + field->items_begin, field->items_end - field->items_begin};
}

Goal Dataset::make_goal(FileId f, const Record& r) const {
  const RecordFile& rf = file(f);
  Goal goal;
  goal.source_id = std::string(r.id);
  // One pass over the record's fields.
  const auto& info = field_info_[at(f)];
  for (const Field& field : rf.fields(r)) {
    const Role role = info[field.key].role;
    if (role == Role::Other) continue;
    if (field.type == ValueType::String) {
      // Titles may be multi-line lists written with CRLF (and stray CRs): keep the lines, tidy the breaks.
      if (role == Role::Title) goal.title = tidy_text(field.text);
      else if (role == Role::Prefix) goal.code = std::string(field.text);
      else if (role == Role::Description) goal.description = tidy_text(field.text);
    } else if (field.type == ValueType::Number) {
      const bool on = field.number != 0;
      if (role == Role::Ce) goal.exam.ce = on;
      else if (role == Role::Se) goal.exam.se = on;
      else if (role == Role::Kern) goal.exam.kern = on;
      else if (role == Role::Keuze) goal.exam.keuze = on;
    } else if (role == Role::Levels) {
      for (std::uint32_t k = field.items_begin; k < field.items_end; ++k) {
        const Entry* level = resolved_[at(f)][k];
        if (level && level->file == FileId::Niveaus) goal.levels.add(niveau_levels_[level->record]);
      }
    }
  }
  return goal;
}

Vertex Dataset::add_goal(FileId f, const Record& r, Entry& e, GoalKind kind, SourceIndex source) {
  wait_for_drafts(f);
  auto& chunks = drafts_[at(f)];
  Goal goal = chunks.empty() ? make_goal(f, r) : std::move(chunks[e.record / kDraftChunk].goals[e.record % kDraftChunk]);
  goal.kind = kind;
  goal.source = source;
  const Vertex v = graph().add_goal(std::move(goal));
  e.vertex = v;
  goals_.emplace_back(f, v);
  return v;
}

std::vector<Vertex> Dataset::add_goals(FileId f, GoalKind kind) {
  std::vector<Vertex> out;
  if (!loaded(f)) return out;
  if (drafts_[at(f)].empty()) {
    for_each(f, [&](const Record& r, Entry& e) { out.push_back(add_goal(f, r, e, kind)); });
    return out;
  }
  wait_for_drafts(f);
  // Drafts (with their lookup keys) go into the graph in bulk, a run of
  // records that own their id at a time.
  const auto& entries = entries_[at(f)];
  for (DraftChunk& chunk : drafts_[at(f)]) {
    const std::size_t base = static_cast<std::size_t>(&chunk - drafts_[at(f)].data()) * kDraftChunk;
    for (std::size_t a = 0; a < chunk.goals.size();) {
      if (!entries[base + a]) {
        ++a;
        continue;
      }
      std::size_t b = a;
      while (b < chunk.goals.size() && entries[base + b]) chunk.goals[b++].kind = kind;
      const Vertex first =
          graph().add_goals(std::span(chunk.goals).subspan(a, b - a), std::span(chunk.keys).subspan(a, b - a));
      for (std::size_t k = a; k < b; ++k) {
        const Vertex v = first + (k - a);
        entries[base + k]->vertex = v;
        goals_.emplace_back(f, v);
        out.push_back(v);
      }
      a = b;
    }
  }
  return out;
}

void Dataset::link(FileId from, std::string_view field, FileId to, EdgeKind kind, bool reverse) {
  if (!loaded(from)) return;
  const std::uint32_t key = file(from).key(field);
  if (key == RecordFile::kNoKey) return;
  for_each(from, [&](const Record& r, Entry& self) {
    if (!self.vertex) return;
    for (const Entry* other : targets(from, r, key)) {
      if (!other || other->file != to || !other->vertex) continue;
      const Vertex parent = reverse ? *other->vertex : *self.vertex;
      const Vertex child = reverse ? *self.vertex : *other->vertex;
      add_edge(parent, child, kind);
      // A goal shares the provenance of the first programme (syllabus, framework) that contains it.
      if (kind == EdgeKind::Contains && graph().goal(child).source == kNoSource)
        graph().goal(child).source = graph().goal(parent).source;
    }
  });
}

Source Dataset::record_source(FileId f, const Record& r, std::string_view publisher) const {
  const RecordFile& records = file(f);
  Source s;
  s.file = records.path();
  s.title = std::string(records.text(r, "title"));
  s.version = std::string(records.text(r, "versie"));
  s.start_date = std::string(records.text(r, "ingangsdatum"));
  s.url = std::string(records.text(r, "url"));
  s.publisher = std::string(publisher);
  return s;
}

SourceIndex Dataset::file_source(FileId f, std::string_view title, std::string_view publisher) {
  SourceIndex& s = file_sources_[at(f)];
  if (s == kNoSource) {
    Source source;
    source.file = file(f).path();
    source.title = std::string(title);
    source.publisher = std::string(publisher);
    s = cat_->add_source(std::move(source));
  }
  return s;
}

void Dataset::assign_file_sources() {
  for (auto [f, v] : goals_) {
    Goal& goal = graph().goal(v);
    if (goal.source != kNoSource) continue;
    const FileSpec& spec = file_spec(f);
    goal.source = file_source(f, "SLO " + std::string(spec.folder) + "/" + std::string(spec.name),
                              spec.folder == "syllabus" ? "CvTE" : "SLO");
  }
}

void Dataset::finish() {
  // Programme levels need only the downward edges: they are collected while
  // the in-edge lists are still being filled.
  graph().add_edges(pending_, [this] { cat_->add_programmes(std::move(programmes_)); });
  pending_.clear();
  programmes_.clear();
}

void Dataset::link_all_levels() {
  // As GoalGraph::link_levels does it, in level order.
  for (auto [f, v] : goals_) {
    const LevelSet levels = graph().goal(v).levels;
    for (std::size_t i = 0; i < kLevelCount; ++i) {
      const auto level = static_cast<Level>(i);
      if (levels.contains(level)) add_edge(v, graph().level_vertex(level), EdgeKind::AtLevel);
    }
  }
}

}  // namespace aansluiting::importers::slo
