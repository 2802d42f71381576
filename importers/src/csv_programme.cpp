// load_csv: authored programmes exported from a spreadsheet (docs/csv-format.md).
#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "aansluiting/encoding.hpp"
#include "aansluiting/importers/importers.hpp"
#include "csv_reader.hpp"
#include "input_files.hpp"
#include "source_text.hpp"
#include "text_clean.hpp"

namespace aansluiting::importers {
namespace {

enum Column : std::size_t { Code, Parent, Kind, Title, Description, Levels, Exam, Part, ColumnCount };

// Lower case ASCII, '_' and '-' as spaces, spaces collapsed: "Start_Date" -> "start date".
std::string key_of(std::string_view text) {
  std::string s;
  for (char c : text) s += (c == '_' || c == '-') ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return one_line(s);
}

// The names a user may write for a column, the English one first. The levels,
// exam and description names also work as "# key:" lines (metadata_key_of).
using Names = std::vector<std::string_view>;
const Names kLevelsNames = {"levels", "level", "niveaus", "niveau", "leerwegen", "leerweg"};
const Names kExamNames = {"exam", "exams", "examen", "examens"};
const Names kDescriptionNames = {"description", "omschrijving", "beschrijving", "toelichting"};

const std::array<Names, ColumnCount>& column_names() {
  static const std::array<Names, ColumnCount> names = {
      Names{"code"},  Names{"parent", "ouder", "parent code"}, Names{"kind", "soort", "type"},
      Names{"title", "titel"}, kDescriptionNames, kLevelsNames, kExamNames, Names{"part", "deel"},
  };
  return names;
}

bool is_one_of(const std::string& key, const Names& names) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

std::optional<Column> column_of(std::string_view name) {
  const std::string key = key_of(name);
  for (std::size_t c = 0; c < ColumnCount; ++c)
    if (is_one_of(key, column_names()[c])) return static_cast<Column>(c);
  return std::nullopt;
}

// "kind (soort, type)": a required column and the other names it may have, for a
// header that lacks it (the user's header may well be Dutch).
std::string column_with_aliases(Column column) {
  const Names& names = column_names()[column];
  std::string out(names.front());
  for (std::size_t i = 1; i < names.size(); ++i) out += (i == 1 ? " (" : ", ") + std::string(names[i]);
  return names.size() > 1 ? out + ")" : out;
}

// Every column with the other names it may have: what an unknown column's warning offers.
std::string all_columns() {
  std::string out;
  for (std::size_t c = 0; c < ColumnCount; ++c)
    out += (c == 0 ? "" : "; ") + column_with_aliases(static_cast<Column>(c));
  return out;
}

enum class MetaKey { Title, Subject, Id, Version, StartDate, Source, Url, Publisher, Description, Levels, Exam };

// The "# key:" names, English and the Dutch a curriculum developer would write,
// singular and plural ("# niveau:" as well as "# niveaus:").
std::optional<MetaKey> metadata_key_of(const std::string& key) {
  static const std::vector<std::pair<MetaKey, Names>> keys = {
      {MetaKey::Title, {"title", "titel", "name", "naam"}},
      {MetaKey::Subject, {"subject", "vak", "vaknaam"}},
      {MetaKey::Id, {"id"}},
      {MetaKey::Version, {"version", "versie"}},
      {MetaKey::StartDate, {"start date", "startdatum", "ingangsdatum", "begindatum"}},
      {MetaKey::Source, {"source", "sources", "bron", "bronnen"}},
      {MetaKey::Url, {"url", "link", "website"}},
      {MetaKey::Publisher,
       {"publisher", "publishers", "uitgever", "uitgevers", "author", "authors", "auteur", "auteurs"}},
      {MetaKey::Description, kDescriptionNames},
      {MetaKey::Levels, kLevelsNames},
      {MetaKey::Exam, kExamNames},
  };
  for (const auto& [meta, names] : keys)
    if (is_one_of(key, names)) return meta;
  return std::nullopt;
}

std::optional<GoalKind> kind_of(std::string_view text) {
  static const std::unordered_map<std::string, std::string> dutch = {
      {"domein", "domain"},       {"subdomein", "subdomain"}, {"doel", "goal"},
      {"leerdoel", "goal"},       {"onderwerp", "topic"},     {"specificatie", "specification"},
      {"vakkennis", "knowledge_skill"}, {"knowledge skill", "knowledge_skill"},
  };
  std::string key = key_of(text);
  if (auto it = dutch.find(key); it != dutch.end()) key = it->second;
  std::replace(key.begin(), key.end(), ' ', '_');
  auto kind = parse_kind(key);
  // The root is the programme; level vertices belong to the graph.
  if (!kind || *kind == GoalKind::Programme || *kind == GoalKind::LevelNode) return std::nullopt;
  return kind;
}

std::string lower(std::string_view text) {
  std::string s(text);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// What an exam cell says. `known`: whether any part of it is an exam; `unknown`:
// the parts that are none, as written.
struct ExamRead {
  ExamFlags flags;
  bool known = false;
  bool none = false;  // the cell says there is no exam ("-", "geen", "n.v.t.")
  std::vector<std::string> unknown;
};

// "CE", "SE" or both ("CE, SE", "CE/SE", "CE+SE", "SE en CE"), and the words a
// curriculum developer writes for them ("schoolexamen", "Centraal examen",
// "centraal schriftelijk en praktisch examen", "school-examen"), in any case.
ExamRead read_exam(std::string_view text) {
  struct Word {
    std::string key;               // lower case
    std::size_t begin, end;        // where it is written in `text`
    bool item_starts;              // after a list separator: an unknown part ends there
  };
  std::vector<Word> words;
  bool item_starts = true;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (std::string_view(";,/+|&()").find(c) != std::string_view::npos) {
      item_starts = true;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '-' || c == '_') {
      ++i;
    } else {
      const std::size_t begin = i;
      while (i < text.size() && std::string_view(";,/+|&() \t-_").find(text[i]) == std::string_view::npos) ++i;
      words.push_back({lower(text.substr(begin, i - begin)), begin, i, item_starts});
      item_starts = false;
    }
  }
  auto is = [&](std::size_t k, std::initializer_list<std::string_view> names) {
    return k < words.size() && std::find(names.begin(), names.end(), words[k].key) != names.end();
  };
  ExamRead out;
  // "-" or "geen": no exam at all, which is a value of its own, not an unknown one to
  // replace by the parent's (a review: "geen" became the parent's SE).
  if (words.empty()) {
    out.known = out.none = true;
    return out;
  }
  std::optional<std::pair<std::size_t, std::size_t>> unknown;  // the part being read that is no exam
  auto end_unknown = [&] {
    if (unknown) out.unknown.emplace_back(text.substr(unknown->first, unknown->second - unknown->first));
    unknown.reset();
  };
  for (std::size_t k = 0; k < words.size();) {
    if (words[k].item_starts) end_unknown();
    std::size_t next = k + 1;
    if (is(k, {"geen", "niet", "zonder"}) && (is(k + 1, {"ce", "cspe", "cse", "cpe", "se", "schoolexamen", "centraal"}))) {
      next = k + 2;  // "alleen SE, geen CE": the exam named after it does not apply
      while (is(next, {"schriftelijk", "schriftelijke", "praktisch", "praktische", "examen", "examens"})) ++next;
    } else if (is(k, {"geen", "nvt", "n.v.t.", "n.v.t", "nee", "none"}) &&
               (words.size() == 1 || (words.size() == 2 && is(k + 1, {"examen"})))) {
      out.none = true;
      next = words.size();
    } else if (is(k, {"ce", "cspe", "cse", "cpe"})) {
      out.flags.ce = true;
    } else if (is(k, {"se", "schoolexamen", "schoolexamens"})) {
      out.flags.se = true;
    } else if (is(k, {"school"}) && is(k + 1, {"examen", "examens"})) {
      out.flags.se = true;
      next = k + 2;
    } else if (is(k, {"centraal", "centrale"})) {
      out.flags.ce = true;  // "centraal (schriftelijk en praktisch) examen"
      while (is(next, {"schriftelijk", "schriftelijke", "praktisch", "praktische", "en", "examen", "examens"})) ++next;
    } else if (is(k, {"en", "and"})) {
      end_unknown();  // "PO en PTA": two parts
      k = next;
      continue;
    } else {
      if (!unknown) unknown.emplace(words[k].begin, words[k].end);
      unknown->second = words[k].end;
      k = next;
      continue;
    }
    end_unknown();
    out.known = true;
    k = next;
  }
  end_unknown();
  return out;
}

// "CE", "SE" or "CE, SE": the exam of a goal, as a cell would give it.
std::string exam_names(const ExamFlags& exam) {
  if (exam.ce && exam.se) return "CE, SE";
  return exam.ce ? "CE" : exam.se ? "SE" : "";
}

// A cell that holds only exam names ("SE"), or only level names ("vmbo tl").
bool is_list_value(Column column, std::string_view text) {
  if (column == Exam) {
    const ExamRead read = read_exam(text);
    return read.known && read.unknown.empty();
  }
  std::vector<std::string> unknown;
  return !LevelSet::parse(text, &unknown).empty() && unknown.empty();
}

// "A", "B", ..., "Z", "AA": a spreadsheet's name of the column at `index` (from 0).
std::string column_letters(std::size_t index) {
  std::string out;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  return out;
}

// A first cell of the header row such as "titel: Robotica": a metadata line without
// its '#'. The key as written, or empty.
std::string metadata_line_key(std::string_view cell) {
  const std::size_t colon = cell.find(':');
  if (colon == std::string_view::npos) return {};
  std::string key = one_line(std::string(cell.substr(0, colon)));
  if (key.empty() || key.size() > 40 || key.find('"') != std::string::npos) return {};
  return key;
}

// "vak" of "# vak": the key of a metadata line without its '#'s and blanks ("" when nothing is left).
std::string key_after_hashes(std::string_view key) {
  const std::size_t start = key.find_first_not_of("# \t");
  return start == std::string_view::npos ? std::string() : std::string(key.substr(start));
}

// Programme-wide settings from the leading "# key: value" lines.
struct Metadata {
  std::string id, title, subject, description;
  std::vector<std::string> sources;
  Source source;
  LevelSet levels;
  ExamFlags exam;
};

class CsvProgrammeReader {
 public:
  // `loaded`: the programmes read before, whose ids this one must not take.
  CsvProgrammeReader(Catalogue& into, const SourceText& src, const Catalogue* loaded = nullptr)
      : cat_(into), g_(into.graph()), src_(src), loaded_(loaded) {}

  void run() {
    delimiter_ = detect_delimiter(src_.body());
    std::vector<CsvRecord> records;
    try {
      read_csv(src_, delimiter_, records);
    } catch (const CsvSyntaxError& e) {
      // The header row, when it is above the error, names the column.
      for (const CsvRecord& r : records)
        if (!r.blank() && !is_comment(r)) {
          name_columns(r);
          break;
        }
      throw InputError(e.where(), placed(e.message(), CsvField{{}, 0, e.row, e.index}));
    }
    std::size_t i = 0;
    for (; i < records.size(); ++i) {
      const CsvRecord& r = records[i];
      if (r.blank()) continue;
      if (is_comment(r)) {
        read_metadata(r);
        continue;
      }
      break;
    }
    if (i == records.size()) throw InputError(src_.at_char(src_.text().size()), {MessageId::CsvNoHeader});
    const CsvRecord& header = records[i];
    read_header(header);
    std::vector<Row> rows;
    for (++i; i < records.size(); ++i) {
      if (records[i].blank()) continue;
      if (!is_comment(records[i])) {
        rows.push_back(join_split_list(records[i]));
      } else if (const std::string key = metadata_line_key(records[i].fields.front().value);
                 metadata_key_of(key_of(key_after_hashes(key)))) {
        // "# vak: ..." at the end of the file is a comment there, not the subject (a user test).
        warn(row_of(records[i].fields.front()), "", {MessageId::CsvMetadataBelowHeader, {key}});
      }
    }
    Vertex root = add_root();
    index_codes(rows);
    for (const Row& row : rows) read_row(row, root);
    bool any_levels = false;
    for (Vertex v : added_)
      if (!g_.goal(v).levels.empty()) {
        g_.link_levels(v);
        any_levels = true;
      }
    // Otherwise the programme is "not found" at every level, and only later, in a transition.
    if (rows.empty()) warn(row_of(header), "", {MessageId::CsvProgrammeWithoutGoals, {meta_.title}});
    else if (!any_levels) warn(row_of(header), "", {MessageId::CsvProgrammeWithoutLevels, {meta_.title}});
    cat_.add_programme(root, meta_.subject);
  }

 private:
  static bool is_comment(const CsvRecord& r) {
    const std::string& first = r.fields.front().value;
    std::size_t at = first.find_first_not_of(" \t");
    return at != std::string::npos && first[at] == '#';
  }

  Location at(const CsvField& field, const std::string& record = {}) const { return src_.at_char(field.offset, record); }

  // Where a spreadsheet shows `field`, said before `what`: "row 28 in Excel, column 'levels'".
  // The column by its name in the header row, else by its letter; a field whose index is
  // npos stands for its whole row.
  Message placed(Message what, const CsvField& field) const {
    if (field.row == 0) return what;
    const std::string row = std::to_string(field.row);
    if (field.index == npos) return std::move(what).placed({MessageId::CsvPlaceRow, {row}});
    const bool named = field.index < header_names_.size() && !header_names_[field.index].empty();
    const std::string column = named ? "'" + header_names_[field.index] + "'" : column_letters(field.index);
    return std::move(what).placed({MessageId::CsvPlaceCell, {row, column}});
  }
  // The row of `field` (or of a record) as a whole.
  static CsvField row_of(const CsvField& field) { return CsvField{{}, field.offset, field.row, npos}; }
  static CsvField row_of(const CsvRecord& r) { return CsvField{{}, r.offset, r.row, npos}; }

  void warn(const CsvField& field, const std::string& record, Message what) {
    cat_.warn(at(field, record), placed(std::move(what), field));
  }
  [[noreturn]] void fail(const CsvField& field, const std::string& record, Message what) const {
    throw InputError(at(field, record), placed(std::move(what), field));
  }

  void name_columns(const CsvRecord& header) {
    header_names_.clear();
    for (const CsvField& f : header.fields) header_names_.push_back(one_line(f.value));
  }

  std::string record_id(const std::string& code) const { return "csv:" + meta_.id + "/" + code; }

  void read_metadata(const CsvRecord& r) {
    // A spreadsheet splits "# title: a, b" at the comma; glue the cells back together.
    std::string line = r.fields.front().value;
    for (std::size_t i = 1; i < r.fields.size(); ++i) line += delimiter_ + r.fields[i].value;
    while (!line.empty() && (line.back() == delimiter_ || std::isspace(static_cast<unsigned char>(line.back()))))
      line.pop_back();
    std::size_t start = line.find_first_not_of("# \t");
    if (start == std::string::npos) return;
    std::size_t colon = line.find(':', start);
    if (colon == std::string::npos) return;  // free text
    const std::string written = one_line(line.substr(start, colon - start));
    // The key in column A and the value in B ("# titel:" | "Robotica"): the value starts after
    // the delimiter, not with it (a user test got the title ",Robotica").
    std::size_t from = colon + 1;
    while (from < line.size() && (line[from] == delimiter_ || line[from] == ' ' || line[from] == '\t')) ++from;
    std::string value = one_line(line.substr(from));
    const CsvField& cell = r.fields.front();
    auto key = metadata_key_of(key_of(written));
    if (!key) {
      warn(row_of(cell), "", {MessageId::CsvUnknownMetadata, {written}});
      return;
    }
    switch (*key) {
      case MetaKey::Title: meta_.title = value; break;
      case MetaKey::Subject: meta_.subject = value; break;
      case MetaKey::Id:
        meta_.id = value;
        id_at_ = row_of(cell);
        break;
      case MetaKey::Version: meta_.source.version = value; break;
      case MetaKey::StartDate: meta_.source.start_date = value; break;
      case MetaKey::Source: meta_.sources.push_back(value); break;
      case MetaKey::Url: meta_.source.url = value; break;
      case MetaKey::Publisher:
        meta_.source.publisher = meta_.source.publisher.empty() ? value : meta_.source.publisher + "; " + value;
        break;
      case MetaKey::Description:
        meta_.description = meta_.description.empty() ? value : meta_.description + "\n" + value;
        break;
      case MetaKey::Levels: meta_.levels = parse_levels(value, row_of(cell), ""); break;
      case MetaKey::Exam: meta_.exam = parse_exam(value, row_of(cell)); break;
    }
  }

  LevelSet parse_levels(const std::string& text, const CsvField& cell, const std::string& record) {
    std::vector<std::string> unknown;
    LevelSet levels = LevelSet::parse(text, &unknown);
    for (const std::string& name : unknown) warn(cell, record, {MessageId::CsvUnknownLevel, {one_line(name)}});
    return levels;
  }

  // A goal's levels cell. When no name in it is known ("vmbo t"), the cell counts as
  // empty, as if the spreadsheet had left it blank: a goal without levels would
  // silently drop out of every analysis.
  LevelSet row_levels(const std::string& text, const CsvField& cell, const std::string& record, LevelSet parent) {
    std::vector<std::string> unknown;
    LevelSet levels = LevelSet::parse(text, &unknown);
    if (!levels.empty() || unknown.empty()) {
      for (const std::string& name : unknown) warn(cell, record, {MessageId::CsvUnknownLevel, {one_line(name)}});
      return levels;
    }
    std::string names;
    for (const std::string& name : unknown) names += (names.empty() ? "" : ", ") + one_line(name);
    if (parent.empty()) warn(cell, record, {MessageId::CsvUnknownLevelsNone, {names}});
    else warn(cell, record, {MessageId::CsvUnknownLevelsInherited, {names, parent.to_string()}});
    return parent;
  }

  // The programme's exam ("# exam:"); a part that is no exam is skipped.
  ExamFlags parse_exam(const std::string& text, const CsvField& cell) {
    const ExamRead read = read_exam(text);
    for (const std::string& part : read.unknown) warn(cell, "", {MessageId::CsvUnknownExam, {part}});
    return read.flags;
  }

  // A goal's exam cell. When no part of it is an exam ("PO"), the cell counts as
  // empty: the goal takes its parent's exam, as for a levels cell.
  ExamFlags row_exam(const std::string& text, const CsvField& cell, const std::string& record, ExamFlags parent) {
    const ExamRead read = read_exam(text);
    if (read.known) {
      for (const std::string& part : read.unknown) warn(cell, record, {MessageId::CsvUnknownExam, {part}});
      parent.ce = read.flags.ce;
      parent.se = read.flags.se;
      return parent;
    }
    std::string names;
    for (const std::string& part : read.unknown) names += (names.empty() ? "" : ", ") + part;
    const std::string inherited = exam_names(parent);
    if (inherited.empty()) warn(cell, record, {MessageId::CsvUnknownExam, {names}});
    else warn(cell, record, {MessageId::CsvUnknownExamInherited, {names, inherited}});
    return parent;
  }

  void read_header(const CsvRecord& header) {
    columns_.fill(npos);
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
      const CsvField& f = header.fields[i];
      if (one_line(f.value).empty()) continue;
      auto column = column_of(f.value);
      if (!column) {
        warn(f, "", {MessageId::CsvUnknownColumn, {one_line(f.value), all_columns()}});
        continue;
      }
      if (columns_[*column] != npos) fail(f, "", {MessageId::CsvColumnTwice, {one_line(f.value)}});
      columns_[*column] = i;
    }
    std::string missing;
    for (Column column : {Code, Kind, Title})
      if (columns_[column] == npos) missing += (missing.empty() ? "" : ", ") + column_with_aliases(column);
    if (!missing.empty()) {
      // "titel: Robotica" in A1: the metadata lines lack their '#', and the first is read as the header.
      const std::string key = metadata_line_key(header.fields.front().value);
      if (!key.empty()) fail(row_of(header), "", {MessageId::CsvMissingColumnsMetadata, {missing, key}});
      fail(row_of(header), "", {MessageId::CsvMissingColumns, {missing}});
    }
    header_size_ = header.fields.size();
    name_columns(header);
    for (std::size_t c = 0; c < ColumnCount; ++c)
      if (columns_[c] != npos) written_[c] = one_line(header.fields[columns_[c]].value);
  }

  // A data row, read with a list cell that the delimiter split joined again.
  struct Row {
    CsvRecord record;
    std::optional<Message> joined;  // the warning that says so, given when the row is read
    std::size_t joined_cell = 0;
  };

  // An unquoted "CE;SE" in a ';' file spills into the next cells: the row has k cells
  // too many, and the exam (or levels) cell and the k cells after it all hold values of
  // that column. Read as written, the cells after it shift ("SE" becomes the part).
  Row join_split_list(const CsvRecord& record) const {
    Row row{record, std::nullopt, 0};
    std::size_t size = record.fields.size();
    while (size > header_size_ && one_line(record.fields[size - 1].value).empty()) --size;
    if (size <= header_size_) return row;
    const std::size_t extra = size - header_size_;
    std::optional<Column> split;
    for (Column column : {Exam, Levels}) {
      const std::size_t first = columns_[column];
      if (first == npos || first + extra >= size) continue;
      bool all = true;
      for (std::size_t k = first; k <= first + extra && all; ++k) all = is_list_value(column, record.fields[k].value);
      if (!all) continue;
      if (split) return row;  // both would fit: no guess
      split = column;
    }
    if (!split) return row;
    const std::size_t first = columns_[*split];
    // The spellings to suggest are those that do not contain the delimiter.
    const std::string list_separator = delimiter_ == ',' ? "; " : ", ";
    std::string joined = record.fields[first].value, listed = one_line(joined), slashes = listed;
    for (std::size_t k = first + 1; k <= first + extra; ++k) {
      joined += delimiter_ + record.fields[k].value;
      listed += list_separator + one_line(record.fields[k].value);
      slashes += "/" + one_line(record.fields[k].value);
    }
    auto& fields = row.record.fields;
    fields[first].value = joined;
    fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(first + 1),
                 fields.begin() + static_cast<std::ptrdiff_t>(first + extra + 1));
    for (std::size_t k = first + 1; k < fields.size(); ++k) fields[k].index = k;  // the header's columns again
    row.joined = Message{MessageId::CsvListCellSplit, {written_[*split], one_line(joined), listed, slashes}};
    row.joined_cell = first;
    return row;
  }

  Vertex add_root() {
    meta_.source.file = src_.file();
    std::string stem = std::filesystem::path(src_.file()).stem().string();
    if (meta_.id.empty()) meta_.id = stem;
    if (meta_.title.empty()) {
      meta_.title = !meta_.subject.empty() ? meta_.subject : stem;
      cat_.warn({src_.file(), 1, 1, {}}, {MessageId::CsvNoTitleLine, {meta_.title}});
    }
    if (meta_.subject.empty()) meta_.subject = meta_.title;
    // A copy of a programme kept as a template keeps its "# id": the first file
    // loaded would silently replace the other, whichever sorts first.
    if (loaded_) {
      if (auto earlier = loaded_->graph().find_id("csv:" + meta_.id)) {
        const SourceIndex s = loaded_->graph().goal(*earlier).source;
        const std::string file = s != kNoSource ? loaded_->sources()[s].file : std::string("-");
        const Message taken{MessageId::CsvProgrammeIdTaken, {meta_.id, file}};
        if (!id_at_) throw InputError(Location{src_.file(), 1, 1, {}}, taken);
        fail(*id_at_, "", taken);
      }
    }
    meta_.source.title = meta_.title;
    for (const std::string& s : meta_.sources) {
      meta_.description += meta_.description.empty() ? "" : "\n";
      meta_.description += "Bron: " + s;
    }
    source_ = cat_.add_source(meta_.source);
    Goal goal;
    goal.source_id = "csv:" + meta_.id;
    goal.title = meta_.title;
    goal.description = meta_.description;
    goal.kind = GoalKind::Programme;
    goal.levels = meta_.levels;
    goal.exam = meta_.exam;
    goal.source = source_;
    Vertex v = g_.add_goal(std::move(goal));
    added_.push_back(v);
    return v;
  }

  // A short row (fewer cells than the header) reads as empty cells that sit
  // where the row starts, so messages still point at the row.
  CsvField cell(const CsvRecord& row, Column column) const {
    std::size_t i = columns_[column];
    if (i < row.fields.size()) return row.fields[i];
    return CsvField{{}, row.offset, row.row, i};
  }
  std::string value(const CsvRecord& row, Column column) const { return one_line(cell(row, column).value); }

  // Where each code is defined, so a parent written below its child gets a clear message.
  void index_codes(const std::vector<Row>& rows) {
    for (const Row& row : rows) {
      std::string code = value(row.record, Code);
      if (!code.empty()) where_code_.emplace(code, Place{src_.at(row.record.offset).line, row.record.row});
    }
  }

  void read_row(const Row& read, Vertex root) {
    const CsvRecord& row = read.record;
    const std::size_t line = src_.at(row.offset).line;
    std::string code = value(row, Code);
    if (code.empty()) fail(cell(row, Code), "", {MessageId::CsvEmptyCode});
    const std::string id = record_id(code);
    if (auto it = defined_.find(code); it != defined_.end())
      fail(cell(row, Code), id,
           {MessageId::CsvCodeTwice,
            {code, std::to_string(it->second.place.line), std::to_string(it->second.place.row)}});
    for (std::size_t i = header_size_; i < row.fields.size(); ++i)
      if (!one_line(row.fields[i].value).empty()) {
        warn(row.fields[i], id, {MessageId::CsvExtraCells});
        break;
      }
    if (read.joined) warn(row_of(row.fields[read.joined_cell]), id, *read.joined);  // the message names the column

    Vertex parent = root;
    std::string parent_code = value(row, Parent);
    if (!parent_code.empty()) {
      auto it = defined_.find(parent_code);
      if (it == defined_.end()) fail(cell(row, Parent), id, unknown_parent(parent_code, code));
      parent = it->second.vertex;
    }
    const Goal& up = g_.goal(parent);

    Goal goal;
    goal.source_id = id;
    goal.code = code;
    goal.title = value(row, Title);
    if (goal.title.empty()) fail(cell(row, Title), id, {MessageId::CsvEmptyTitle});
    goal.description = tidy_text(cell(row, Description).value);
    std::string kind_text = value(row, Kind);
    goal.kind = GoalKind::Goal;
    if (!kind_text.empty()) {
      if (auto kind = kind_of(kind_text)) {
        goal.kind = *kind;
      } else {
        warn(cell(row, Kind), id, {MessageId::CsvUnknownKind, {kind_text}});
      }
    }
    // Empty levels, exam and part cells inherit from the parent, so a
    // spreadsheet only repeats what differs.
    std::string levels_text = value(row, Levels);
    goal.levels = levels_text.empty() ? up.levels : row_levels(levels_text, cell(row, Levels), id, up.levels);
    std::string exam_text = value(row, Exam);
    goal.exam = up.exam;
    if (!exam_text.empty()) goal.exam = row_exam(exam_text, cell(row, Exam), id, up.exam);
    const std::string part_written = value(row, Part);
    const std::string part_text = key_of(part_written);
    if (!part_text.empty()) {
      goal.exam.kern = part_text == "kern" || part_text == "core";
      goal.exam.keuze = part_text == "keuze" || part_text == "elective";
      if (!goal.exam.kern && !goal.exam.keuze)
        warn(cell(row, Part), id, {MessageId::CsvUnknownPart, {part_written}});
    }
    goal.source = source_;
    Vertex v = g_.add_goal(std::move(goal));
    added_.push_back(v);
    g_.add_edge(parent, v, EdgeKind::Contains);
    defined_.emplace(code, Defined{v, Place{line, row.row}});
  }

  // Why `parent_code` (in the row of `code`) is no parent: not a code in the file, a code
  // below this row, or a code written otherwise in case ("o" for "O").
  Message unknown_parent(const std::string& parent_code, const std::string& code) const {
    if (auto later = where_code_.find(parent_code); later != where_code_.end() && parent_code != code)
      return {MessageId::CsvParentBelow,
              {parent_code, std::to_string(later->second.line), std::to_string(later->second.row)}};
    // A code above this row first: that one can be the parent as it stands.
    const std::string key = lower(parent_code);
    std::optional<std::string> above, anywhere;
    for (const auto& [other, place] : where_code_) {
      if (lower(other) != key || other == code) continue;
      std::optional<std::string>& meant = defined_.contains(other) ? above : anywhere;
      if (!meant || other < *meant) meant = other;
    }
    if (above || anywhere) return {MessageId::CsvUnknownParentCase, {parent_code, above ? *above : *anywhere}};
    return {MessageId::CsvUnknownParent, {parent_code}};
  }

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  struct Place {
    std::size_t line;  // in the file
    std::size_t row;   // in a spreadsheet
  };
  struct Defined {
    Vertex vertex;
    Place place;
  };

  Catalogue& cat_;
  GoalGraph& g_;
  const SourceText& src_;
  const Catalogue* loaded_ = nullptr;
  std::optional<CsvField> id_at_;  // where "# id:" is, if the file has one
  char delimiter_ = ',';
  Metadata meta_;
  SourceIndex source_ = kNoSource;
  std::array<std::size_t, ColumnCount> columns_{};
  std::size_t header_size_ = 0;
  std::array<std::string, ColumnCount> written_;  // each column's name as the header writes it
  std::unordered_map<std::string, Defined> defined_;
  std::unordered_map<std::string, Place> where_code_;
  std::vector<std::string> header_names_;  // each header cell as written, by index
  std::vector<Vertex> added_;
};

// A programme file copied beside itself ("... - kopie.csv") gives two
// programmes with one title: no subject or title can then pick either. Said
// where the later one is loaded, with the file of the first.
void warn_same_titles(Catalogue& staged, const Catalogue& loaded) {
  auto file_of = [](const Catalogue& c, const Programme& p) {
    const SourceIndex s = c.graph().goal(p.root).source;
    return s < c.sources().size() ? c.sources()[s].file : c.graph().goal(p.root).source_id;
  };
  std::vector<std::tuple<std::string, LevelSet, std::string>> seen;  // title, levels, file
  for (const Catalogue* c : {&loaded, static_cast<const Catalogue*>(&staged)})
    for (const Programme& p : c->programmes()) {
      const std::string& title = c->graph().goal(p.root).title;
      const std::string file = file_of(*c, p);
      if (c == &staged)
        for (const auto& [t, levels, other] : seen)
          if (t == title && levels.intersects(p.levels) && other != file) {
            staged.warn({file, 0, 0, {}}, {MessageId::CsvSameTitle, {title, other}});
            break;
          }
      seen.emplace_back(title, p.levels, file);
    }
}

}  // namespace

void load_csv(Catalogue& into, const std::string& path) {
  // Every file is read into its own catalogue; `into` sees them only when all succeeded.
  Catalogue staged;
  std::vector<std::string> files = input_files(path, ".csv");
  if (files.empty()) staged.warn({path, 0, 0, {}}, {MessageId::CsvNoCsvFiles});
  for (const std::string& file : files) {
    Catalogue one;
    std::string text = read_file(file);
    // Excel's "CSV (puntkomma's gescheiden)" on a Dutch Windows saves in Windows-1252: read
    // as such, with a warning. Any other encoding (UTF-16, binary) is refused as before.
    if (std::optional<std::string> converted = windows1252_as_utf8(text)) {
      text = std::move(*converted);
      one.warn({file, 0, 0, {}},
               {MessageId::CsvReadAsWindows1252, {std::filesystem::path(file).filename().string()}});
    }
    require_utf8(file, text);
    const SourceText src(file, std::move(text));
    CsvProgrammeReader(one, src, &staged).run();
    staged.merge(std::move(one));
  }
  warn_same_titles(staged, into);
  into.merge(std::move(staged));
}

}  // namespace aansluiting::importers
