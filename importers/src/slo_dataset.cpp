#include "slo_dataset.hpp"

#include <cstring>
#include <filesystem>

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

const FileSpec& file_spec(FileId file) { return kFiles[static_cast<std::size_t>(file)]; }

Dataset::Dataset(const std::string& folder, const SloOptions& options) {
  file_sources_.fill(kNoSource);
  read(folder, options);
  build_index();
  if (loaded(FileId::Niveaus)) {
    const RecordFile& f = file(FileId::Niveaus);
    niveau_levels_.resize(f.records().size());
    for (std::size_t i = 0; i < f.records().size(); ++i)
      if (auto level = parse_level(f.text(f.records()[i], "title"))) niveau_levels_[i].add(*level);
  }
}

void Dataset::build_into(Catalogue& target) {
  cat_ = &target;
  for (Warning& w : read_warnings_) cat_->warn(std::move(w.where), std::move(w.message));
  read_warnings_.clear();
}

void Dataset::read(const std::string& folder, const SloOptions& options) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) throw InputError({folder, 0, 0, {}}, "folder not found");
  if (!fs::is_directory(folder, ec)) throw InputError({folder, 0, 0, {}}, "is a file, not a folder");

  bool any = false;
  for (std::string_view name : {"examenprogramma", "syllabus", "referentiekader"})
    any = any || (dataset_selected(name, options) && fs::is_directory(fs::path(folder) / name, ec));
  any = any || (options.basis_goals && fs::is_directory(fs::path(folder) / "basis", ec));
  if (!any) {
    throw InputError({folder, 0, 0, {}},
                     "no SLO data found: expected a folder examenprogramma/, syllabus/, referentiekader/ or basis/");
  }

  for (std::size_t i = 0; i < kFileCount; ++i) {
    const auto id = static_cast<FileId>(i);
    const FileSpec& spec = kFiles[i];
    const fs::path dir = fs::path(folder) / spec.folder;
    if (!dataset_selected(spec.folder, options) || !fs::is_directory(dir, ec)) continue;
    if (id == FileId::BasisGoals && !options.basis_goals) continue;
    const fs::path path = dir / spec.name;
    const bool required = spec.required || id == FileId::BasisGoals;
    if (!required && !fs::exists(path, ec)) continue;
    files_[i] = std::make_unique<RecordFile>(path.string(), read_warnings_);  // throws "file not found" when missing
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
    for (std::uint32_t k = 0; k < recs.size(); ++k) {
      auto [it, fresh] = index_.try_emplace(recs[k].id, Entry{static_cast<FileId>(i), k, std::nullopt});
      if (fresh) {
        entries_[i][k] = &it->second;
        continue;
      }
      const RecordFile& first = *files_[at(it->second.file)];
      Location where = first.where(first.records()[it->second.record]);
      read_warnings_.push_back({files_[i]->where(recs[k]),
                                "duplicate id (first used at " + where.file + ":" + std::to_string(where.line) +
                                    "); record skipped"});
    }
  }
  // Every reference is looked up once; builders and checks share the result.
  for (std::size_t i = 0; i < kFileCount; ++i) {
    if (!files_[i]) continue;
    const auto& items = files_[i]->all_items();
    resolved_[i].resize(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) resolved_[i][k] = find(items[k]);
  }
}

const Entry* Dataset::find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &it->second;
}

std::span<const Entry* const> Dataset::targets(FileId f, const Record& r, std::string_view name) const {
  const Field* field = file(f).field(r, name);
  if (!field || field->type != ValueType::List) return {};
  return {resolved_[at(f)].data() + field->items_begin, field->items_end - field->items_begin};
}

Vertex Dataset::add_goal(FileId f, const Record& r, Entry& e, GoalKind kind, SourceIndex source) {
  const RecordFile& rf = file(f);
  Goal goal;
  goal.source_id = std::string(r.id);
  goal.kind = kind;
  goal.source = source;
  // One pass over the record's fields.
  for (const Field& field : rf.fields(r)) {
    const std::string_view n = field.name;
    if (field.type == ValueType::String) {
      if (n == "title") goal.title = std::string(field.text);
      else if (n == "prefix") goal.code = std::string(field.text);
      else if (n == "description") goal.description = std::string(field.text);
    } else if (field.type == ValueType::Number) {
      const bool on = field.number != 0;
      if (n == "ce") goal.exam.ce = on;
      else if (n == "se") goal.exam.se = on;
      else if (n == "kern") goal.exam.kern = on;
      else if (n == "keuze") goal.exam.keuze = on;
    } else if (n == "niveau_id") {
      for (std::uint32_t k = field.items_begin; k < field.items_end; ++k) {
        const Entry* level = resolved_[at(f)][k];
        if (level && level->file == FileId::Niveaus) goal.levels.add(niveau_levels_[level->record]);
      }
    }
  }
  const Vertex v = graph().add_goal(std::move(goal));
  e.vertex = v;
  goals_.emplace_back(f, v);
  return v;
}

std::vector<Vertex> Dataset::add_goals(FileId f, GoalKind kind) {
  std::vector<Vertex> out;
  for_each(f, [&](const Record& r, Entry& e) { out.push_back(add_goal(f, r, e, kind)); });
  return out;
}

void Dataset::link(FileId from, std::string_view field, FileId to, EdgeKind kind, bool reverse) {
  for_each(from, [&](const Record& r, Entry& self) {
    if (!self.vertex) return;
    for (const Entry* other : targets(from, r, field)) {
      if (!other || other->file != to || !other->vertex) continue;
      const Vertex parent = reverse ? *other->vertex : *self.vertex;
      const Vertex child = reverse ? *self.vertex : *other->vertex;
      graph().add_edge(parent, child, kind);
      // A goal shares the provenance of the first programme (syllabus, framework) that contains it.
      if (kind == EdgeKind::Contains && graph().goal(child).source == kNoSource)
        graph().goal(child).source = graph().goal(parent).source;
    }
  });
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

void Dataset::link_all_levels() {
  for (auto [f, v] : goals_)
    if (!graph().goal(v).levels.empty()) graph().link_levels(v);
}

void Dataset::check_types(FileId f, const Record& r) {
  const RecordFile& rf = file(f);
  for (const Field& field : rf.fields(r)) {
    const std::string_view n = field.name;
    const bool reference = is_reference_field(n);
    std::string_view expected;
    if (reference && field.type == ValueType::Number) expected = "an array of ids";
    else if (is_flag(n) && field.type != ValueType::Number) expected = "0 or 1";
    else if (!reference && !is_flag(n) && field.type != ValueType::String &&
             (n == "id" || n == "title" || n == "description" || n == "prefix" || n == "versie" || n == "url" ||
              n == "ingangsdatum" || n == "examenjaar"))
      expected = "a string";
    if (!expected.empty())
      cat_->warn(rf.where(r), "field " + std::string(n) + " should be " + std::string(expected) + "; ignored");
  }
}

}  // namespace aansluiting::importers::slo
