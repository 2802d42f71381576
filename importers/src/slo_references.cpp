// Reference checking for the SLO data: every `*_id` field must name a record.
#include <map>
#include <optional>
#include <utility>

#include "slo_dataset.hpp"

namespace aansluiting::importers::slo {
namespace {

std::string file_name(FileId f) {
  const FileSpec& s = file_spec(f);
  return std::string(s.folder) + "/" + std::string(s.name);
}

}  // namespace

std::optional<FileId> reference_target(std::string_view field) {
  static const std::pair<std::string_view, FileId> kTargets[] = {
      {"niveau_id", FileId::Niveaus},
      {"vakleergebied_id", FileId::Subjects},
      {"examenprogramma_id", FileId::Programmes},
      {"examenprogramma_domein_id", FileId::Domains},
      {"examenprogramma_subdomein_id", FileId::Subdomains},
      {"examenprogramma_eindterm_id", FileId::Eindtermen},
      {"examenprogramma_kop1_id", FileId::Kop1},
      {"examenprogramma_kop2_id", FileId::Kop2},
      {"examenprogramma_kop3_id", FileId::Kop3},
      {"examenprogramma_kop4_id", FileId::Kop4},
      {"examenprogramma_body_id", FileId::Body},
      {"examenprogramma_vakleergebied_id", FileId::ProgrammeSubjects},
      {"syllabus_id", FileId::Syllabi},
      {"syllabus_specifieke_eindterm_id", FileId::Specifications},
      {"syllabus_toelichting_id", FileId::Explanations},
      {"syllabus_vakbegrip_id", FileId::Concepts},
      {"syllabus_vakleergebied_id", FileId::SyllabusSubjects},
      {"ref_vakleergebied_id", FileId::Frameworks},
      {"ref_domein_id", FileId::RefDomains},
      {"ref_subdomein_id", FileId::RefSubdomains},
      {"ref_onderwerp_id", FileId::RefTopics},
      {"ref_deelonderwerp_id", FileId::RefSubtopics},
      {"ref_tekstkenmerk_id", FileId::RefTextFeatures},
  };
  for (const auto& [name, file] : kTargets)
    if (name == field) return file;
  return std::nullopt;
}

// One file's share of resolve_references: type and reference warnings in
// record order, counts of references into absent data sets, and the
// `replaces` lists. Reads only records and the index, so files are checked
// side by side while the graph is not built yet.
void Dataset::check_file(FileId f) {
  const std::size_t i = at(f);
  const RecordFile& rf = file(f);
  const auto& resolved = resolved_[i];
  const auto& infos = field_info_[i];
  FileCheck& out = checks_[i];
  out.absent_by_key.assign(infos.size(), 0);
  auto warn = [&](const Record& r, Message what) { out.warnings.emplace_back(rf.where(r), std::move(what)); };
  for_each(f, [&](const Record& r, Entry& self) {
    for (const Field& field : rf.fields(r)) {
      const FieldInfo& info = infos[field.key];
      std::optional<MessageId> wrong;
      if (info.reference && field.type == ValueType::Number) wrong = MessageId::SloFieldNotIds;
      else if (info.flag && field.type != ValueType::Number) wrong = MessageId::SloFieldNotFlag;
      else if (!info.reference && !info.flag && field.type != ValueType::String && info.text)
        wrong = MessageId::SloFieldNotString;
      if (wrong) warn(r, {*wrong, {std::string(rf.name(field))}});
    }
    for (const Field& field : rf.fields(r)) {
      const FieldInfo& info = infos[field.key];
      if (field.type != ValueType::List || !info.reference) continue;
      const std::string_view name = rf.name(field);
      if (info.replaces) {
        out.replaces.emplace_back(&self, &field);
        continue;
      }
      const auto target = info.target;
      for (std::uint32_t k = field.items_begin; k < field.items_end; ++k) {
        const std::string_view id = rf.all_items()[k];
        if (const Entry* e = resolved[k]) {
          if (target && e->file != *target) {
            warn(r, {MessageId::SloReferenceWrongFile,
                     {std::string(name), std::string(id), file_name(e->file), file_name(*target)}});
          }
        } else if (target && loaded(*target)) {
          warn(r, {MessageId::SloDanglingReference, {std::string(name), std::string(id), file_name(*target)}});
        } else {
          ++out.absent_by_key[field.key];
        }
      }
    }
  });
}

void Dataset::resolve_references() {
  // References into data sets that are not part of this folder (or not
  // selected) are expected; they are counted per file and field instead of
  // flooding the catalogue with one warning per record.
  std::map<std::pair<FileId, std::string_view>, std::size_t> absent;
  tasks_->wait_all();  // the checks

  for (std::size_t i = 0; i < kFileCount; ++i) {
    const auto f = static_cast<FileId>(i);
    if (!loaded(f)) continue;
    FileCheck& check = checks_[i];
    for (Warning& w : check.warnings) cat_->warn(std::move(w.where), std::move(w.what));
    // Older versions are normally not published alongside; link the ones that are.
    for (const auto& [self, field] : check.replaces) {
      for (std::uint32_t k = field->items_begin; k < field->items_end; ++k) {
        const Entry* older = resolved_[i][k];
        if (self->vertex && older && older->vertex) add_edge(*self->vertex, *older->vertex, EdgeKind::Replaces);
      }
    }
    const auto& names = file(f).names();
    for (std::size_t k = 0; k < check.absent_by_key.size(); ++k)
      if (check.absent_by_key[k]) absent[{f, names[k]}] += check.absent_by_key[k];
    check = FileCheck{};
  }

  for (const auto& [key, count] : absent) {
    const auto& [f, name] = key;
    cat_->warn({file(f).path(), 0, 0, {}},
               {MessageId::SloReferencesOutsideData, {std::to_string(count), std::string(name)}});
  }
}

}  // namespace aansluiting::importers::slo
