#include <algorithm>
#include <charconv>
#include <memory>
#include <optional>
#include <string_view>

#include <yaml.h>

#include "aansluiting/analysis/sssom.hpp"
#include "aansluiting/diagnostics.hpp"

namespace aansluiting::analysis {
namespace {

// A confidence: the whole text a number from 0 to 1, or nothing.
std::optional<double> fraction(std::string_view text) {
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size() || !(d >= 0.0 && d <= 1.0)) return std::nullopt;
  return d;
}

// ---- metadata block (YAML, parsed with libyaml) ----

class YamlEvents {
 public:
  YamlEvents(std::string_view yaml, const std::string& file) : file_(file) {
    yaml_parser_initialize(&parser_);
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(yaml.data()), yaml.size());
  }
  ~YamlEvents() {
    if (have_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  YamlEvents(const YamlEvents&) = delete;
  YamlEvents& operator=(const YamlEvents&) = delete;

  const yaml_event_t& next() {
    if (have_event_) yaml_event_delete(&event_);
    have_event_ = false;
    if (!yaml_parser_parse(&parser_, &event_)) {
      const auto& m = parser_.problem_mark;
      throw InputError(at(m), {MessageId::SssomBadYaml, {parser_.problem ? parser_.problem : "parse error"}});
    }
    have_event_ = true;
    return event_;
  }
  std::string scalar() const {
    return std::string(reinterpret_cast<const char*>(event_.data.scalar.value), event_.data.scalar.length);
  }
  // The metadata lines lost their leading '#', so columns shift by one.
  Location at(const yaml_mark_t& m) const { return Location{file_, m.line + 1, m.column + 2, {}}; }
  [[noreturn]] void error(Message what) const { throw InputError(at(event_.start_mark), std::move(what)); }

 private:
  const std::string& file_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool have_event_ = false;
};

void parse_metadata(std::string_view yaml, const std::string& file, MappingSet& set) {
  YamlEvents ev(yaml, file);
  ev.next();  // stream start
  if (ev.next().type == YAML_STREAM_END_EVENT) return;
  const auto& root = ev.next();
  if (root.type == YAML_SCALAR_EVENT && root.data.scalar.length == 0) return;
  if (root.type != YAML_MAPPING_START_EVENT) ev.error({MessageId::SssomMetadataNotMapping});
  while (true) {
    const auto& key_event = ev.next();
    if (key_event.type == YAML_MAPPING_END_EVENT) break;
    if (key_event.type != YAML_SCALAR_EVENT) ev.error({MessageId::SssomMetadataKeyNotName});
    const std::string key = ev.scalar();
    const auto& value = ev.next();
    if (value.type == YAML_MAPPING_START_EVENT) {
      if (key != "curie_map") ev.error({MessageId::SssomNestedMetadata, {key}});
      while (true) {
        const auto& k = ev.next();
        if (k.type == YAML_MAPPING_END_EVENT) break;
        if (k.type != YAML_SCALAR_EVENT) ev.error({MessageId::SssomCurieMapKey});
        std::string prefix = ev.scalar();
        if (ev.next().type != YAML_SCALAR_EVENT) ev.error({MessageId::SssomCurieMapValue, {prefix}});
        set.curie_map.emplace_back(std::move(prefix), ev.scalar());
      }
      continue;
    }
    if (value.type == YAML_SEQUENCE_START_EVENT) {
      MetadataEntry entry{key, {}, true};
      while (true) {
        const auto& item = ev.next();
        if (item.type == YAML_SEQUENCE_END_EVENT) break;
        if (item.type != YAML_SCALAR_EVENT) ev.error({MessageId::SssomListNotPlain, {key}});
        entry.values.push_back(ev.scalar());
      }
      set.other_metadata.push_back(std::move(entry));
      continue;
    }
    if (value.type != YAML_SCALAR_EVENT) ev.error({MessageId::SssomUnsupportedValue, {key}});
    std::string v = ev.scalar();
    if (key == "mapping_set_id") set.mapping_set_id = v;
    else if (key == "mapping_set_title") set.mapping_set_title = v;
    else if (key == "mapping_set_description") set.mapping_set_description = v;
    else if (key == "mapping_set_version") set.mapping_set_version = v;
    else if (key == "license") set.license = v;
    else if (key == "mapping_date") set.mapping_date = v;
    else if (key == "curie_map") ev.error({MessageId::SssomCurieMapNotMapping});
    else set.other_metadata.push_back(MetadataEntry{key, {v}, false});
  }
}

// ---- mapping table (TSV, with CSV-style quotes as pandas writes them) ----

struct Cell {
  std::string value;
  std::size_t line = 0;
  std::size_t column = 0;
};

std::vector<std::vector<Cell>> split_tsv(std::string_view text, std::size_t offset, std::size_t first_line,
                                         const std::string& file) {
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> row;
  std::size_t line = first_line, column = 1;
  std::size_t i = offset;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  };
  while (i < text.size()) {
    Cell cell{{}, line, column};
    if (text[i] == '"') {
      advance(text[i++]);
      bool closed = false;
      while (i < text.size()) {
        char c = text[i];
        if (c == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell.value.push_back('"');
            advance(text[i++]);
            advance(text[i++]);
            continue;
          }
          advance(text[i++]);
          closed = true;
          break;
        }
        cell.value.push_back(c);
        advance(text[i++]);
      }
      if (!closed) throw InputError(Location{file, cell.line, cell.column, {}}, {MessageId::SssomUnclosedQuote});
      if (i < text.size() && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
        throw InputError(Location{file, line, column, {}}, {MessageId::SssomTextAfterQuote});
    } else {
      while (i < text.size() && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
        cell.value.push_back(text[i]);
        advance(text[i++]);
      }
    }
    row.push_back(std::move(cell));
    if (i < text.size() && text[i] == '\t') {
      advance(text[i++]);
      if (i == text.size()) row.push_back(Cell{{}, line, column});
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') advance(text[i++]);
    bool blank = row.size() == 1 && row.front().value.empty();
    if (!blank) rows.push_back(std::move(row));
    row.clear();
  }
  if (!row.empty()) rows.push_back(std::move(row));
  return rows;
}

bool is_curie(std::string_view s) {
  auto colon = s.find(':');
  return colon != std::string_view::npos && colon > 0 && colon + 1 < s.size() &&
         s.find_first_of(" \t") == std::string_view::npos;
}

}  // namespace

MappingSet parse_sssom(std::string_view text, const std::string& file) {
  require_utf8(file, std::string(text));
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;

  // The metadata block: the leading lines that start with '#', without it.
  MappingSet set;
  std::string yaml;
  std::size_t line = 1;
  while (pos < text.size() && text[pos] == '#') {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos + 1, end - pos - 1);
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    yaml.append(content);
    yaml.push_back('\n');
    pos = end < text.size() ? end + 1 : end;
    ++line;
  }
  parse_metadata(yaml, file, set);

  auto rows = split_tsv(text, pos, line, file);
  if (rows.empty()) throw InputError(Location{file, line, 1, {}}, {MessageId::SssomNoHeader});
  const auto& header = rows.front();
  std::vector<std::string> names;
  for (const auto& c : header) {
    for (const auto& n : names)
      if (n == c.value) throw InputError(Location{file, c.line, c.column, {}}, {MessageId::SssomColumnTwice, {c.value}});
    names.push_back(c.value);
  }
  for (std::string_view required : {"subject_id", "predicate_id", "object_id", "mapping_justification"}) {
    if (std::find(names.begin(), names.end(), required) != names.end()) continue;
    // A spreadsheet saved as "CSV" (semicolons in Dutch Excel) instead of tab-separated text.
    for (char separator : {';', ','}) {
      if (header.size() != 1) break;
      bool named = false;  // one of the cells between the separators is the column
      std::string_view rest = header.front().value;
      while (!named) {
        const std::size_t end = rest.find(separator);
        named = rest.substr(0, end) == required;
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
      }
      if (named && header.front().value.find(separator) != std::string::npos)
        throw InputError(Location{file, header.front().line, 1, {}},
                         {MessageId::SssomNotTabSeparated, {std::string(1, separator)}});
    }
    throw InputError(Location{file, header.front().line, 1, {}}, {MessageId::SssomMissingColumn, {std::string(required)}});
  }
  static const std::vector<std::string_view> kKnown = {
      "subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id", "object_label",
      "mapping_justification", "confidence", "author_id", "author_label", "reviewer_id", "reviewer_label",
      "mapping_date", "comment"};
  for (const auto& n : names)
    if (std::find(kKnown.begin(), kKnown.end(), n) == kKnown.end()) set.extra_columns.push_back(n);

  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    if (cells.size() > names.size())
      throw InputError(Location{file, cells[names.size()].line, cells[names.size()].column, {}},
                       {MessageId::SssomRowTooLong, {std::to_string(cells.size()), std::to_string(names.size())}});
    MappingRow m;
    m.line = cells.front().line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string& name = names[c];
      const std::string& v = cells[c].value;
      auto bad = [&](Message what) {
        throw InputError(Location{file, cells[c].line, cells[c].column, {}}, std::move(what));
      };
      if (name == "mapping_justification" && v.starts_with(kSemapvIri)) {
        // The full IRI some tools write: the same justification as its CURIE.
        m.justification = "semapv:" + v.substr(kSemapvIri.size());
      } else if (name == "subject_id" || name == "object_id" || name == "mapping_justification") {
        if (!is_curie(v)) bad({MessageId::SssomNotCurie, {name, v}});
        (name == "subject_id" ? m.subject_id : name == "object_id" ? m.object_id : m.justification) = v;
      } else if (name == "predicate_id") {
        auto p = parse_sssom_predicate(v);
        if (!p) bad({MessageId::SssomBadPredicate, {v}});
        m.predicate = *p;
      } else if (name == "predicate_modifier") {
        if (!v.empty() && v != "Not") bad({MessageId::SssomBadModifier, {v}});
        m.negated = v == "Not";
      } else if (name == "confidence") {
        if (v.empty()) continue;
        const std::optional<double> d = fraction(v);
        if (!d) {
          // A Dutch spreadsheet writes 0,8; SSSOM (and every other tool reading the file) needs 0.8.
          std::string dotted(v);
          std::replace(dotted.begin(), dotted.end(), ',', '.');
          if (dotted != v && fraction(dotted)) bad({MessageId::SssomDecimalComma, {v, dotted}});
          bad({MessageId::SssomBadConfidence, {v}});
        }
        m.confidence = d;
      } else if (name == "subject_label") m.subject_label = v;
      else if (name == "object_label") m.object_label = v;
      else if (name == "author_id") m.author_id = v;
      else if (name == "author_label") m.author_label = v;
      else if (name == "reviewer_id") m.reviewer_id = v;
      else if (name == "reviewer_label") m.reviewer_label = v;
      else if (name == "mapping_date") m.mapping_date = v;
      else if (name == "comment") m.comment = v;
      else m.extra.emplace_back(name, v);
    }
    // Short rows (trailing tabs stripped by an editor) leave later columns empty.
    const Cell& last = cells.back();
    for (std::string_view required : {"subject_id", "predicate_id", "object_id", "mapping_justification"}) {
      auto at = static_cast<std::size_t>(std::find(names.begin(), names.end(), required) - names.begin());
      if (at >= cells.size()) throw InputError(Location{file, last.line, last.column, {}}, {MessageId::SssomRowWithout, {std::string(required)}});
    }
    set.mappings.push_back(std::move(m));
  }
  return set;
}

MappingSet read_sssom(const std::string& path) {
  MappingSet set = parse_sssom(read_file(path), path);
  set.file = path;
  return set;
}

}  // namespace aansluiting::analysis
