#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml.h>

#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/analysis/sssom.hpp"
#include "aansluiting/diagnostics.hpp"
#include "aansluiting/edit_distance.hpp"
#include "aansluiting/encoding.hpp"

namespace aansluiting::analysis {
namespace {

// A confidence: the whole text a number from 0 to 1, or nothing.
std::optional<double> fraction(std::string_view text) {
  double d = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
  if (ec != std::errc() || end != text.data() + text.size() || !(d >= 0.0 && d <= 1.0)) return std::nullopt;
  return d;
}

std::string with_points(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), ',', '.');
  return out;
}

// The same confidence written with a decimal comma, as a Dutch spreadsheet saves
// 0.254. Unambiguous: a comma grouping thousands never gives a number from 0 to 1.
std::optional<double> comma_fraction(std::string_view text) {
  if (text.find(',') == std::string_view::npos) return std::nullopt;
  return fraction(with_points(text));
}

}  // namespace

std::string_view trim_cell(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
  while (true) {
    if (!s.empty() && space(s.front())) s.remove_prefix(1);
    else if (!s.empty() && space(s.back())) s.remove_suffix(1);
    else if (s.starts_with("\xC2\xA0")) s.remove_prefix(2);
    else if (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
    else return s;
  }
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The decision justification a value was meant to be but is not: a slip of the
// keys or a stray prefix makes a curator's row a mere suggestion, and the
// decision would vanish without a word. Nothing for the right spelling, and for
// a slip of letter case only, which apply_curation reports as a warning.
std::optional<std::string_view> misspelled_decision(std::string_view value) {
  for (std::string_view meant : {kManualCuration, kMappingReview})
    if (lower(value) == lower(meant)) return std::nullopt;
  const std::size_t cut = value.find_last_of(":/#");
  const std::string local = lower(cut == std::string_view::npos ? value : value.substr(cut + 1));
  const auto has = [&](std::string_view word) { return local.find(word) != std::string::npos; };
  if (has("manual") || has("curation") || edit_distance(local, "manualmappingcuration") <= 3) return kManualCuration;
  if (has("review") || edit_distance(local, "mappingreview") <= 2) return kMappingReview;
  return std::nullopt;
}

// "key:" or "key: value" for a slot of SSSOM's mapping set: in a block written
// as "# key: value", a key rather than a colleague's "# Piet: besproken".
bool sssom_slot_line(std::string_view line) {
  static const std::string_view kSlots[] = {
      "curie_map", "mapping_set_id", "mapping_set_version", "mapping_set_source", "mapping_set_title",
      "mapping_set_description", "mapping_set_confidence", "creator_id", "creator_label", "license", "subject_type",
      "subject_source", "subject_source_version", "object_type", "object_source", "object_source_version",
      "mapping_provider", "mapping_tool", "mapping_tool_id", "mapping_tool_version", "mapping_date",
      "publication_date", "subject_match_field", "object_match_field", "subject_preprocessing",
      "object_preprocessing", "similarity_measure", "see_also", "issue_tracker", "issue_tracker_item", "other",
      "comment", "extension_definitions", "sssom_version", "cardinality_scope"};
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos || (colon + 1 < line.size() && line[colon + 1] != ' ')) return false;
  return std::find(std::begin(kSlots), std::end(kSlots), line.substr(0, colon)) != std::end(kSlots);
}

// YYYY-MM-DD with a month and day that exist in some year.
bool is_iso_date(std::string_view v) {
  if (v.size() != 10 || v[4] != '-' || v[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  const int month = (v[5] - '0') * 10 + (v[6] - '0'), day = (v[8] - '0') * 10 + (v[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// A date as a spreadsheet or another tool writes it: day, month and year
// (29-11-2026, 1/2/2026, 29.11.26), month first where the day cannot be the
// month (11/29/2026), year first (2026/11/29, 2026-1-5), with a time after it
// (2026-11-29T10:00:00, 29-11-2026 10:00). As YYYY-MM-DD, or nothing.
std::optional<std::string> spreadsheet_date(std::string_view v) {
  if (const std::size_t time = v.find_first_of("T "); time != std::string_view::npos) v = v.substr(0, time);
  int parts[3] = {0, 0, 0};
  std::size_t digits[3] = {0, 0, 0}, k = 0;
  char separator = 0;
  for (char ch : v) {
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      parts[k] = parts[k] * 10 + (ch - '0');
      if (++digits[k] > 4) return std::nullopt;
    } else if ((ch == '-' || ch == '/' || ch == '.') && k < 2 && digits[k] > 0 && (!separator || ch == separator)) {
      separator = ch;
      ++k;
    } else {
      return std::nullopt;
    }
  }
  if (k != 2 || digits[2] == 0) return std::nullopt;
  int year = 0, month = 0, day = 0;
  if (digits[0] == 4 && digits[1] <= 2 && digits[2] <= 2) {
    year = parts[0], month = parts[1], day = parts[2];
  } else if (digits[0] <= 2 && digits[1] <= 2 && (digits[2] == 4 || digits[2] == 2)) {
    year = digits[2] == 2 ? 2000 + parts[2] : parts[2];
    day = parts[0], month = parts[1];
    if (month > 12 && day <= 12) std::swap(day, month);
  } else {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return std::string(out);
}

// ---- metadata block (YAML, parsed with libyaml) ----

// The message for libyaml's reason, so a user reads it in Dutch: the reasons a
// hand-edited block gives, each said as what to change.
MessageId yaml_problem(std::string_view problem) {
  static const std::pair<std::string_view, MessageId> kKnown[] = {
      {"did not find expected key", MessageId::SssomYamlExpectedKey},
      {"did not find expected '-' indicator", MessageId::SssomYamlExpectedKey},
      {"could not find expected ':'", MessageId::SssomYamlNoColon},
      {"mapping values are not allowed", MessageId::SssomYamlColonInValue},
      {"found unexpected end of stream", MessageId::SssomYamlUnclosed},
      {"did not find expected ',' or", MessageId::SssomYamlUnclosed},
      {"found character that cannot start any token", MessageId::SssomYamlBadCharacter},
      {"found a tab character", MessageId::SssomYamlTab},
      {"found unknown escape character", MessageId::SssomYamlBadEscape},
      {"did not find expected <document start>", MessageId::SssomYamlAfterEnd},
  };
  for (const auto& [reason, id] : kKnown)
    if (problem.starts_with(reason)) return id;
  return MessageId::SssomBadYaml;
}

// Whether `text`, inside a value quoted with `quote`, holds its closing quote:
// inside single quotes a quote is doubled, inside double quotes escaped with a backslash.
bool closes(std::string_view text, char quote) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') ++i;
    else if (quote == '\'' && text[i] == '\'' && i + 1 < text.size() && text[i + 1] == '\'') ++i;
    else if (text[i] == quote) return true;
  }
  return false;
}

// The column (0-based) of a quoted value that this YAML line opens and does not
// close ("key: \"abc", "- 'abc"), if any. PyYAML, which sssom-py writes with,
// wraps a long single-quoted value onto the next lines.
std::optional<std::size_t> open_quote(std::string_view line) {
  std::size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos) return std::nullopt;
  if (line.substr(start, 2) == "- ") start += 2;
  else if (const std::size_t colon = line.find(": ", start); colon != std::string_view::npos) start = colon + 2;
  start = line.find_first_not_of(' ', start);
  if (start == std::string_view::npos || (line[start] != '"' && line[start] != '\'')) return std::nullopt;
  if (closes(line.substr(start + 1), line[start])) return std::nullopt;
  return start;
}

// Where each byte of a metadata line came from: the file column (1-based) of
// the YAML line's bytes, for lines a spreadsheet quoted; empty for a plain
// '#' line, whose bytes are one column to the right.
using SourceColumns = std::vector<std::vector<std::size_t>>;

class YamlEvents {
 public:
  YamlEvents(std::string_view yaml, const std::string& file, const SourceColumns& columns)
      : yaml_(yaml), file_(file), columns_(columns) {
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
      const std::string problem = parser_.problem ? parser_.problem : "parse error";
      // A quote left open runs into the next lines, and libyaml trips over them
      // while it scans the quoted value: name the quote, where that value began.
      if (parser_.context && std::string_view(parser_.context) == "while scanning a quoted scalar")
        throw InputError(at(parser_.context_mark), {MessageId::SssomYamlUnclosed, {problem}});
      // Or it ends at the next key's quote, and libyaml trips over what follows.
      if (auto quote = unclosed_quote(parser_.problem_mark.line))
        throw InputError(at(*quote), {MessageId::SssomYamlUnclosed, {problem}});
      const MessageId id = yaml_problem(problem);
      // A line without ':' is found out on the next line; the key it began is the line to fix.
      const bool at_key = id == MessageId::SssomYamlNoColon && parser_.context;
      throw InputError(at(at_key ? parser_.context_mark : parser_.problem_mark), {id, {problem}});
    }
    have_event_ = true;
    return event_;
  }
  std::string scalar() const {
    return std::string(reinterpret_cast<const char*>(event_.data.scalar.value), event_.data.scalar.length);
  }
  // The metadata lines lost their leading '#', so columns shift by one.
  Location at(const yaml_mark_t& m) const {
    if (m.line < columns_.size() && m.column < columns_[m.line].size())
      return Location{file_, m.line + 1, columns_[m.line][m.column], {}};
    return Location{file_, m.line + 1, m.column + 2, {}};
  }
  [[noreturn]] void error(Message what) const { throw InputError(at(event_.start_mark), std::move(what)); }

 private:
  // The opening quote of a value, on a line up to `last`, that no line closes
  // before a line that starts the next key at the same indentation or less (a
  // quoted value may go on over more indented lines, as PyYAML writes it).
  std::optional<yaml_mark_t> unclosed_quote(std::size_t last) const {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < yaml_.size();) {
      const std::size_t end = std::min(yaml_.find('\n', start), yaml_.size());
      lines.push_back(yaml_.substr(start, end - start));
      start = end + 1;
    }
    for (std::size_t i = 0; i <= last && i < lines.size(); ++i) {
      const auto column = open_quote(lines[i]);
      if (!column) continue;
      const char quote = lines[i][*column];
      const std::size_t indent = std::min(lines[i].find_first_not_of(' '), lines[i].size());
      for (std::size_t j = i + 1; j < lines.size(); ++j) {
        const std::string_view next = lines[j];
        const std::size_t first = next.find_first_not_of(' ');
        if (first == std::string_view::npos) continue;
        const bool key = first <= indent && (next.find(": ") != std::string_view::npos || next.ends_with(':'));
        if (key) {
          yaml_mark_t m{};
          m.line = i;
          m.column = *column;
          return m;
        }
        if (closes(next, quote)) break;
      }
    }
    return std::nullopt;
  }

  std::string_view yaml_;
  const std::string& file_;
  const SourceColumns& columns_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool have_event_ = false;
};

// The byte a libyaml mark points at: its index and column count characters, and
// a title before it may hold "één".
std::size_t byte_offset(std::string_view yaml, const yaml_mark_t& m) {
  std::size_t at = 0;
  for (std::size_t line = 0; line < m.line && at < yaml.size(); ++line) {
    const std::size_t end = yaml.find('\n', at);
    if (end == std::string_view::npos) return yaml.size();
    at = end + 1;
  }
  for (std::size_t column = 0; column < m.column && at < yaml.size() && yaml[at] != '\n'; ++column) {
    ++at;
    while (at < yaml.size() && (static_cast<unsigned char>(yaml[at]) & 0xC0) == 0x80) ++at;  // continuation bytes
  }
  return at;
}

void parse_metadata(std::string_view yaml, const std::string& file, const SourceColumns& columns, MappingSet& set) {
  YamlEvents ev(yaml, file, columns);
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
    const std::size_t key_line = key_event.start_mark.line;
    const auto& value = ev.next();
    const yaml_mark_t value_start = value.start_mark;
    // A value of nested mappings or lists (extension_definitions, a list of
    // slot definitions) is kept as its YAML text, to be written back as it was.
    auto keep_nested = [&](int depth) {
      for (yaml_mark_t end = value_start; depth > 0;) {
        const auto& e = ev.next();
        if (e.type == YAML_MAPPING_START_EVENT || e.type == YAML_SEQUENCE_START_EVENT) ++depth;
        if (e.type == YAML_MAPPING_END_EVENT || e.type == YAML_SEQUENCE_END_EVENT) --depth;
        end = e.end_mark;
        if (depth == 0) {
          const std::size_t from = byte_offset(yaml, value_start);
          std::string_view text = yaml.substr(from, byte_offset(yaml, end) - from);
          text = text.substr(0, text.find_last_not_of(" \t\r\n") + 1);
          MetadataEntry entry{key, {}, false, std::string(text), false};
          // A block value on the lines below its key keeps its indentation.
          if (value_start.line != key_line) entry.yaml.insert(0, value_start.column, ' ');
          entry.yaml_below_key = value_start.line != key_line;
          set.other_metadata.push_back(std::move(entry));
        }
      }
    };
    if (value.type == YAML_MAPPING_START_EVENT && key != "curie_map") {
      keep_nested(1);
      continue;
    }
    if (value.type == YAML_MAPPING_START_EVENT) {
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
      MetadataEntry entry{key, {}, true, {}, false};
      int depth = 0;  // of the first item that is no plain value, once found
      while (depth == 0) {
        const auto& item = ev.next();
        if (item.type == YAML_SEQUENCE_END_EVENT) break;
        if (item.type == YAML_SCALAR_EVENT) entry.values.push_back(ev.scalar());
        else depth = item.type == YAML_MAPPING_START_EVENT || item.type == YAML_SEQUENCE_START_EVENT ? 2 : 1;
      }
      if (depth == 0) set.other_metadata.push_back(std::move(entry));
      else keep_nested(depth);
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
    else set.other_metadata.push_back(MetadataEntry{key, {v}, false, {}, false});
  }
  // What follows the mapping is an error, never dropped: libyaml finds a line
  // that belongs to no key only when asked for the next event.
  ev.next();  // document end
  if (ev.next().type != YAML_STREAM_END_EVENT) ev.error({MessageId::SssomYamlAfterEnd, {"a second document"}});
}

// A metadata line after its '#', and the file column of each of its bytes
// (empty for a plain '#' line: one column to the right).
struct MetadataLine {
  std::string text;
  std::vector<std::size_t> columns;
};

std::size_t indentation(std::string_view text) { return std::min(text.find_first_not_of(' '), text.size()); }

bool blank(std::string_view text) { return text.find_first_not_of(" \t") == std::string_view::npos; }

// A top-level line after which indented lines belong to its key: "curie_map:",
// a block scalar ("key: |"), a flow collection or a double-quoted value that goes on.
bool opens_block(std::string_view text) {
  text = text.substr(0, text.find_last_not_of(" \t") + 1);
  if (text.ends_with(':')) return true;
  for (std::string_view indicator : {": |", ": >", ": |-", ": >-", ": |+", ": >+"})
    if (text.ends_with(indicator)) return true;
  const auto count = [&](char c) { return std::count(text.begin(), text.end(), c); };
  return count('[') + count('{') > count(']') + count('}') || open_quote(text);
}

// A top-level line whose value a more indented line would continue (a plain
// scalar folds the next lines in): not one that is quoted, "[...]" or "{...}".
bool plain_value(std::string_view text) {
  const std::size_t colon = text.find(": ");
  if (colon == std::string_view::npos) return true;  // no key: libyaml says what is wrong
  const std::string_view value = trim_cell(text.substr(colon + 2));
  return value.empty() || std::string_view("\"'[{").find(value.front()) == std::string_view::npos;
}

// Which metadata lines are free text an editor added rather than YAML. A
// colleague writes "# Piet: besproken op 12 maart": after the '#', a line
// indented by one space, which YAML would read as a key one level down (on the
// first line, a mapping that ends before the next key: the rest of the block
// was lost) or as an error. Every SSSOM writer indents by two, so such a line is
// a comment unless it continues the key above it: one that opens a block whose
// indented lines all use one space. Comments too: an indented line that nothing
// can continue (before the first key, after a quoted value), a tab-led line
// outside a block, and YAML's own comments ("## ...").
std::vector<bool> comment_lines(const std::vector<MetadataLine>& lines) {
  std::vector<bool> comment(lines.size(), false);
  bool seen_key = false, block = false, continued = false, one_space_block = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view text = lines[i].text;
    if (blank(text)) continue;
    if (text.front() == '#') {
      comment[i] = true;
      continue;
    }
    if (text.front() != ' ' && text.front() != '\t') {
      if (block && (text == "-" || text.starts_with("- "))) continue;  // an item of the key above, at its column
      seen_key = true;
      block = opens_block(text);
      continued = block || plain_value(text);
      one_space_block = false;
      bool first = true;
      for (std::size_t j = i + 1; block && j < lines.size(); ++j) {
        const std::string_view next = lines[j].text;
        if (blank(next) || next.front() == '#') continue;
        if (next.front() != ' ') break;
        const bool one = indentation(next) == 1;
        if (first) one_space_block = one;
        else if (!one) one_space_block = false;
        first = false;
      }
      continue;
    }
    if (!seen_key || !continued) comment[i] = true;
    else if (text.front() == '\t') comment[i] = !block;
    else if (indentation(text) == 1) comment[i] = !one_space_block;
  }
  return comment;
}

// A '#' line as a spreadsheet saves it: the line is one cell, and a cell with a
// quote is written quoted, its quotes doubled ("#  slo: ""https://..."""), maybe
// followed by empty cells (tabs, or the `separator` of a CSV). The line as
// written before, and the file column of each of its bytes; nothing when the
// quoting is not a spreadsheet's.
std::optional<std::pair<std::string, std::vector<std::size_t>>> unquote_line(std::string_view line, char separator) {
  std::string out;
  std::vector<std::size_t> columns;
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (line[i] != '"') {
      out.push_back(line[i]);
      columns.push_back(i + 1);
    } else if (i + 1 < line.size() && line[i + 1] == '"') {
      out.push_back('"');
      columns.push_back(i + 1);
      ++i;
    } else {
      std::string_view rest = trim_cell(line.substr(i + 1));
      while (rest.starts_with(separator)) rest = trim_cell(rest.substr(1));  // Excel's empty cells: ";;;;"
      if (!rest.empty()) return std::nullopt;
      return std::pair{std::move(out), std::move(columns)};
    }
  }
  return std::nullopt;  // never closed
}

// ---- mapping table (TSV, with CSV-style quotes as pandas writes them) ----

struct Cell {
  std::string value;
  std::size_t line = 0;
  std::size_t column = 0;
};

// A '#' line among the rows: its text after the '#', its line, and how many
// rows (the header included) came before it.
struct TableComment {
  std::string text;
  std::size_t line = 0;
  std::size_t rows_before = 0;
};

// The table's rows, its cells split at `separator`: a tab, or the ';' of a CSV.
std::vector<std::vector<Cell>> split_tsv(std::string_view text, std::size_t offset, std::size_t first_line,
                                         const std::string& file, std::vector<TableComment>& comments,
                                         char separator) {
  std::vector<std::vector<Cell>> rows;
  std::vector<Cell> row;
  std::size_t line = first_line, column = 1;
  std::size_t i = offset;
  auto advance = [&](char c) {
    if (c == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {  // columns count characters, as editors do
      ++column;
    }
  };
  while (i < text.size()) {
    // A line that starts with '#' is a comment, as sssom-py reads it (quoted by a spreadsheet too).
    if (row.empty() && (text[i] == '#' || text.substr(i, 2) == "\"#")) {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      std::string_view content = text.substr(i, end - i);
      if (content.ends_with('\r')) content.remove_suffix(1);
      while (content.ends_with('\t') || content.ends_with(separator)) content.remove_suffix(1);
      std::optional<std::string> comment;
      if (content.front() == '#') comment = std::string(content.substr(1));
      else if (auto unquoted = unquote_line(content, separator)) comment = unquoted->first.substr(1);
      if (comment) {  // else cells, as any row
        comments.push_back({std::move(*comment), line, rows.size()});
        i = end < text.size() ? end + 1 : end;
        ++line;
        continue;
      }
    }
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
      if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r')
        throw InputError(Location{file, line, column, {}}, {MessageId::SssomTextAfterQuote});
    } else {
      while (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        cell.value.push_back(text[i]);
        advance(text[i++]);
      }
    }
    row.push_back(std::move(cell));
    if (i < text.size() && text[i] == separator) {
      advance(text[i++]);
      if (i == text.size()) row.push_back(Cell{{}, line, column});
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') advance(text[i++]);
    // A line of empty cells too: Excel writes an empty row as ";;;;" or tabs.
    const bool blank = std::all_of(row.begin(), row.end(), [](const Cell& c) { return c.value.empty(); });
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

// The columns this library reads; any other is kept as it is.
constexpr std::string_view kColumns[] = {
    "subject_id", "subject_label", "predicate_id", "predicate_modifier", "object_id", "object_label",
    "mapping_justification", "confidence", "author_id", "author_label", "reviewer_id", "reviewer_label",
    "mapping_date", "comment"};

// The separator of the table from its header, the first line after `pos` that
// is no '#' line and not empty: ';' when it has no tab and names one of the
// columns above between ';'s (Excel's "CSV" choices on a Dutch Windows), else a tab.
char table_separator(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.starts_with('#') || line.starts_with("\"#") || line.find_first_not_of(" \t\r;") == std::string_view::npos)
      continue;
    if (line.find('\t') != std::string_view::npos || line.find(';') == std::string_view::npos) return '\t';
    while (!line.empty()) {
      const std::size_t cut = std::min(line.find(';'), line.size());
      std::string_view name = trim_cell(line.substr(0, cut));
      if (name.size() >= 2 && name.front() == '"' && name.back() == '"') name = name.substr(1, name.size() - 2);
      if (std::find(std::begin(kColumns), std::end(kColumns), name) != std::end(kColumns)) return ';';
      line.remove_prefix(std::min(cut + 1, line.size()));
    }
    return '\t';
  }
  return '\t';
}

}  // namespace

MappingSet parse_sssom(std::string_view text, const std::string& file) {
  MappingSet set;
  const std::string file_name = std::filesystem::path(file).filename().string();
  // What Excel saves (a user test): UTF-16 ("Unicode-tekst") or Windows-1252
  // ("Tekst (tab is scheidingsteken)", "CSV (puntkomma's gescheiden)"), read as
  // such and said; a save writes UTF-8. Anything else (a workbook) require_utf8 names.
  std::string converted;
  if (auto c = spreadsheet_text_as_utf8(text)) {
    converted = std::move(c->text);
    text = converted;
    set.warnings.emplace_back(Location{file, 1, 1, {}},  // at the start, as the error for UTF-16 was
                              c->encoding == "windows-1252"
                                  ? Message{MessageId::SssomReadAsWindows1252, {file_name}}
                                  : Message{MessageId::SssomReadAsUtf16, {file_name, c->encoding}});
  }
  require_utf8(file, std::string(text));
  std::size_t pos = 0;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  // Excel's "CSV" choices separate the cells by ';', and pad the '#' lines with them.
  const char delimiter = table_separator(text, pos);
  const std::string padding = delimiter == ';' ? " \t\r\n;" : " \t\r\n";

  // The metadata block: the leading lines that start with '#', without it. A
  // spreadsheet may have saved them quoted, or with empty cells after them.
  std::vector<MetadataLine> metadata;
  std::size_t line = 1;
  const auto is_metadata = [&](std::size_t at) { return text[at] == '#' || text.substr(at, 2) == "\"#"; };
  // A blank line between '#' lines belongs to the block (before, the keys after
  // it were read as comments among the rows, and lost from the metadata).
  const auto blank_inside = [&](std::size_t at) {
    const std::size_t next = text.find_first_not_of(padding, at);
    return next != std::string_view::npos && next > at && is_metadata(next) &&
           text.substr(at, next - at).find('\n') != std::string_view::npos;
  };
  while (pos < text.size() && (is_metadata(pos) || (!metadata.empty() && blank_inside(pos)))) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view content = text.substr(pos, end - pos);
    if (!is_metadata(pos)) {  // a blank line: an empty YAML line, so line numbers stay the file's
      metadata.push_back({std::string(), {}});
      pos = end + 1;
      ++line;
      continue;
    }
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    if (content.front() == '"') {
      auto unquoted = unquote_line(content, delimiter);
      if (!unquoted) throw InputError(Location{file, line, 1, {}}, {MessageId::SssomQuotedMetadataLine});
      metadata.push_back({unquoted->first.substr(1), {unquoted->second.begin() + 1, unquoted->second.end()}});
    } else {
      while (content.ends_with('\t') || content.ends_with(delimiter)) content.remove_suffix(1);
      metadata.push_back({std::string(content.substr(1)), {}});
    }
    pos = end < text.size() ? end + 1 : end;
    ++line;
  }
  // sssom-py and the SSSOM examples write "# key: value": every key one space
  // in after the '#'. Such keys, the list items at their column and the lines
  // below them are read without that space (else, by the rule for a block of
  // ours, each would be a comment line and the metadata lost); any other text at
  // that column ("# Piet: besproken op 12 maart") stays a comment line.
  std::size_t base = std::string::npos;
  for (const auto& m : metadata)
    if (!blank(m.text) && sssom_slot_line(std::string_view(m.text).substr(indentation(m.text))))
      base = std::min(base, indentation(m.text));
  if (base != std::string::npos && base > 0) {
    bool below_key = false;  // the lines that continue a key's value
    for (auto& m : metadata) {
      if (blank(m.text)) continue;
      const std::size_t indent = indentation(m.text);
      const std::string_view rest = std::string_view(m.text).substr(std::min(indent, m.text.size()));
      bool strip = false;
      if (indent == base) {
        const bool key = sssom_slot_line(rest);
        strip = key || (below_key && (rest == "-" || rest.starts_with("- ")));
        below_key = strip;
      } else {
        strip = below_key && indent > base;
      }
      if (!strip) continue;
      if (m.columns.empty())  // a plain '#' line: its text starts in column 2
        for (std::size_t k = 0; k < m.text.size(); ++k) m.columns.push_back(k + 2);
      m.text.erase(0, base);
      m.columns.erase(m.columns.begin(), m.columns.begin() + static_cast<std::ptrdiff_t>(base));
    }
  }
  // Comments become empty lines of the YAML, so libyaml's line numbers stay the file's.
  std::string yaml;
  SourceColumns columns;
  const std::vector<bool> comment = comment_lines(metadata);
  for (std::size_t i = 0; i < metadata.size(); ++i) {
    if (comment[i]) {
      const std::string& c = metadata[i].text;
      set.metadata_comments.push_back(c.starts_with('#') ? c.substr(1) : c);
      columns.emplace_back();
    } else {
      yaml.append(metadata[i].text);
      columns.push_back(std::move(metadata[i].columns));
    }
    yaml.push_back('\n');
  }
  parse_metadata(yaml, file, columns, set);

  std::vector<TableComment> table_comments;
  auto rows = split_tsv(text, pos, line, file, table_comments, delimiter);
  if (rows.empty()) throw InputError(Location{file, line, 1, {}}, {MessageId::SssomNoHeader});
  const auto& header = rows.front();
  if (delimiter == ';')
    set.warnings.emplace_back(Location{file, header.front().line, 1, {}},
                              Message{MessageId::SssomReadWithSemicolons, {file_name}});
  std::vector<std::string> names;  // "" for a column without a name (a trailing tab, pandas' index): left out
  for (const auto& c : header) {
    const std::string name(trim_cell(c.value));
    for (const auto& n : names)
      if (!name.empty() && n == name)
        throw InputError(Location{file, c.line, c.column, {}}, {MessageId::SssomColumnTwice, {name}});
    names.push_back(name);
  }
  std::vector<std::size_t> unnamed_values(names.size(), 0);  // rows with a value in a column without a name
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
  for (const auto& n : names)
    if (!n.empty() && std::find(std::begin(kColumns), std::end(kColumns), n) == std::end(kColumns))
      set.extra_columns.push_back(n);
  // Codes, not prose: the spaces a spreadsheet adds around them mean nothing.
  static const std::vector<std::string_view> kTrimmed = {
      "subject_id", "predicate_id", "predicate_modifier", "object_id", "mapping_justification", "confidence",
      "author_id", "reviewer_id", "mapping_date"};

  // Confidences a Dutch spreadsheet wrote with a comma, and those of rows that are
  // not decisions that cannot be read (ignored, as those rows are): each told once.
  struct Noted {
    std::size_t rows = 0;
    std::optional<Warning> first;
  } comma, ignored, dates, bad_dates, not_on_suggestion;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto& cells = rows[r];
    if (cells.size() > names.size())
      throw InputError(Location{file, cells[names.size()].line, cells[names.size()].column, {}},
                       {MessageId::SssomRowTooLong, {std::to_string(cells.size()), std::to_string(names.size())}});
    MappingRow m;
    m.line = cells.front().line;
    const Cell* confidence = nullptr;  // read once the row is known to be a decision or not
    const Cell* modifier = nullptr;
    const Cell* date = nullptr;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::string& name = names[c];
      if (name.empty()) {
        if (!trim_cell(cells[c].value).empty()) ++unnamed_values[c];
        continue;
      }
      const bool code = std::find(kTrimmed.begin(), kTrimmed.end(), name) != kTrimmed.end();
      const std::string v(code ? trim_cell(cells[c].value) : std::string_view(cells[c].value));
      auto bad = [&](Message what) {
        throw InputError(Location{file, cells[c].line, cells[c].column, {}}, std::move(what));
      };
      if (name == "mapping_justification") {
        // The full IRI some tools write: the same justification as its CURIE.
        m.justification = v.starts_with(kSemapvIri) ? "semapv:" + v.substr(kSemapvIri.size()) : v;
        const auto meant = m.curated() ? std::nullopt : misspelled_decision(m.justification);
        if (meant) bad({MessageId::SssomJustificationMisspelled, {v, std::string(*meant)}});
        if (v.empty()) bad({MessageId::SssomEmptyJustification});  // a row a colleague added
        if (!is_curie(m.justification)) bad({MessageId::SssomNotCurie, {name, v}});
      } else if (name == "subject_id" || name == "object_id") {
        if (!is_curie(v)) bad({MessageId::SssomNotCurie, {name, v}});
        (name == "subject_id" ? m.subject_id : m.object_id) = v;
      } else if (name == "predicate_id") {
        auto p = parse_decision_predicate(v);  // as typed: "closematch", the full SKOS IRI
        if (!p) bad({MessageId::SssomBadPredicate, {v}});
        m.predicate = *p;
      } else if (name == "predicate_modifier") {
        if (!v.empty() && v != "Not") bad({MessageId::SssomBadModifier, {v}});
        m.negated = v == "Not";
        modifier = &cells[c];
      } else if (name == "confidence") confidence = &cells[c];
      else if (name == "subject_label") m.subject_label = v;
      else if (name == "object_label") m.object_label = v;
      else if (name == "author_id") m.author_id = v;
      else if (name == "author_label") m.author_label = v;
      else if (name == "reviewer_id") m.reviewer_id = v;
      else if (name == "reviewer_label") m.reviewer_label = v;
      else if (name == "mapping_date") {
        m.mapping_date = v;
        date = &cells[c];
      }
      else if (name == "comment") m.comment = v;
      else m.extra.emplace_back(name, v);
    }
    // Short rows (trailing tabs stripped by an editor) leave later columns empty.
    const Cell& last = cells.back();
    for (std::string_view required : {"subject_id", "predicate_id", "object_id", "mapping_justification"}) {
      auto at = static_cast<std::size_t>(std::find(names.begin(), names.end(), required) - names.begin());
      if (at >= cells.size()) throw InputError(Location{file, last.line, last.column, {}}, {MessageId::SssomRowWithout, {std::string(required)}});
    }
    // A rejection typed on a suggestion's row is ignored, as the row is: said, not silent.
    if (m.negated && !m.curated() && !not_on_suggestion.rows++)
      not_on_suggestion.first.emplace(Location{file, modifier->line, modifier->column, {}},
                                      Message{MessageId::SssomNotOnSuggestion, {m.justification}});
    if (date && !m.mapping_date.empty() && !is_iso_date(m.mapping_date)) {
      const Location where{file, date->line, date->column, {}};
      if (auto iso = spreadsheet_date(m.mapping_date)) {
        // As a spreadsheet shows a date (29-11-2026, 2026-11-29 10:00): read as meant, written back as SSSOM wants it.
        if (!dates.rows++) dates.first.emplace(where, Message{MessageId::SssomDateRead, {m.mapping_date, *iso}});
        m.mapping_date = *iso;
      } else if (!bad_dates.rows++) {
        // The analysis needs no date: kept as written, and said (other SSSOM tools refuse the row).
        bad_dates.first.emplace(where, Message{MessageId::SssomBadDate, {m.mapping_date}});
      }
    }
    if (const std::string_view v = confidence ? trim_cell(confidence->value) : std::string_view(); !v.empty()) {
      const Location where{file, confidence->line, confidence->column, {}};
      auto note = [&](Noted& n, Message what) {
        if (!n.rows++) n.first.emplace(where, std::move(what));
      };
      m.confidence = fraction(v);
      if (!m.confidence && (m.confidence = comma_fraction(v))) {
        // Read as meant (a decision's 0,9 too), but other programs cannot read the file so.
        note(comma, {MessageId::SssomDecimalCommaRead, {std::string(v), with_points(v)}});
      } else if (!m.confidence && m.curated()) {
        throw InputError(where, {MessageId::SssomBadConfidence, {std::string(v)}});
      } else if (!m.confidence) {
        note(ignored, {MessageId::SssomConfidenceIgnored, {std::string(v)}});  // a suggestion's score counts for nothing
      }
    }
    set.mappings.push_back(std::move(m));
  }
  // Columns a spreadsheet may lose. Without predicate_modifier every rejection
  // would silently become a confirmation: refused. Without confidence every
  // confirmation counts as certain: said.
  const auto column = [&](std::string_view name) { return std::find(names.begin(), names.end(), name) != names.end(); };
  const auto decisions = static_cast<std::size_t>(
      std::count_if(set.mappings.begin(), set.mappings.end(), [](const MappingRow& m) { return m.curated(); }));
  if (decisions > 0 && !column("predicate_modifier")) {
    const Location where{file, header.front().line, 1, {}};
    for (const auto& n : names) {
      std::string key;
      for (char ch : lower(n))
        if (std::isalnum(static_cast<unsigned char>(ch))) key.push_back(ch);
      if (!key.empty() && (key.find("modifier") != std::string::npos || edit_distance(key, "predicatemodifier") <= 3))
        throw InputError(where, {MessageId::SssomModifierColumnMisnamed, {std::to_string(decisions), n}});
    }
    // A curation file of ours always has the column: it was deleted. So was it
    // in a file without a mapping_set_id, which SSSOM requires: its '#' block was
    // lost too (pandas' read_csv(comment="#"), a user test). Another tool's file
    // of confirmations may leave the column out; its readers hear so.
    if (set.mapping_set_id == kCuratedSetId || set.mapping_set_id.empty())
      throw InputError(where, {MessageId::SssomNoModifierColumn, {std::to_string(decisions)}});
    set.warnings.emplace_back(where, Message{MessageId::SssomNoModifierNote, {std::to_string(decisions)}});
  }
  const auto confirmations = static_cast<std::size_t>(std::count_if(
      set.mappings.begin(), set.mappings.end(), [](const MappingRow& m) { return m.curated() && !m.negated; }));
  if (confirmations > 0 && !column("confidence"))
    set.warnings.emplace_back(Location{file, header.front().line, 1, {}},
                              Message{MessageId::SssomNoConfidenceColumn, {std::to_string(confirmations)}});
  for (std::size_t c = 0; c < names.size(); ++c)
    if (names[c].empty() && unnamed_values[c] > 0)
      set.warnings.emplace_back(Location{file, header[c].line, header[c].column, {}},
                                Message{MessageId::SssomUnnamedColumn, {std::to_string(c + 1), std::to_string(unnamed_values[c])}});
  for (auto& c : table_comments) {
    const std::size_t before = c.rows_before > 0 ? c.rows_before - 1 : 0;
    set.comments.push_back({std::move(c.text), before >= set.mappings.size() ? CommentLine::kAtEnd : before, c.line});
  }
  for (Noted* n : {&comma, &ignored, &dates, &bad_dates, &not_on_suggestion})
    if (n->first) {
      n->first->what.args.push_back(std::to_string(n->rows));
      set.warnings.push_back(std::move(*n->first));
    }
  return set;
}

MappingSet read_sssom(const std::string& path) {
  MappingSet set = parse_sssom(read_file(path), path);
  set.file = path;
  return set;
}

}  // namespace aansluiting::analysis
