#include <array>
#include <cstdio>
#include <limits>

#include "aansluiting/analysis/sssom.hpp"

namespace aansluiting::analysis {
namespace {

constexpr std::array<std::pair<match::Predicate, std::string_view>, 5> kPredicates = {{
    {match::Predicate::ExactMatch, "skos:exactMatch"},
    {match::Predicate::CloseMatch, "skos:closeMatch"},
    {match::Predicate::BroadMatch, "skos:broadMatch"},
    {match::Predicate::NarrowMatch, "skos:narrowMatch"},
    {match::Predicate::RelatedMatch, "skos:relatedMatch"},
}};

// YAML double-quoted scalar, so no value can break the metadata block.
std::string yaml_quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\x%02x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  return out + "\"";
}

// One TSV cell: no tabs or line breaks inside; CSV quoting when it holds a
// quote, as pandas (used by sssom-py) would otherwise misread it.
std::string tsv_cell(std::string_view s) {
  std::string flat;
  for (char c : s) flat.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  if (flat.find('"') == std::string::npos) return flat;
  std::string out = "\"";
  for (char c : flat) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  return out + "\"";
}

// A comment line stays one line.
std::string one_line(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\n' || c == '\r') c = ' ';
  return out;
}

std::string format_confidence(const std::optional<double>& c) {
  if (!c) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", *c);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

struct Column {
  std::string_view name;
  std::string (*get)(const MappingRow&);
  bool always;  // written even when every row leaves it empty
};

const std::array<Column, 14> kColumns = {{
    {"subject_id", [](const MappingRow& r) { return r.subject_id; }, true},
    {"subject_label", [](const MappingRow& r) { return r.subject_label; }, true},
    {"predicate_id", [](const MappingRow& r) { return std::string(sssom_predicate_id(r.predicate)); }, true},
    {"predicate_modifier", [](const MappingRow& r) { return std::string(r.negated ? "Not" : ""); }, true},
    {"object_id", [](const MappingRow& r) { return r.object_id; }, true},
    {"object_label", [](const MappingRow& r) { return r.object_label; }, true},
    {"mapping_justification", [](const MappingRow& r) { return r.justification; }, true},
    {"author_id", [](const MappingRow& r) { return r.author_id; }, false},
    {"author_label", [](const MappingRow& r) { return r.author_label; }, false},
    {"reviewer_id", [](const MappingRow& r) { return r.reviewer_id; }, false},
    {"reviewer_label", [](const MappingRow& r) { return r.reviewer_label; }, false},
    {"mapping_date", [](const MappingRow& r) { return r.mapping_date; }, false},
    {"confidence", [](const MappingRow& r) { return format_confidence(r.confidence); }, true},
    {"comment", [](const MappingRow& r) { return r.comment; }, true},
}};

}  // namespace

std::string_view sssom_predicate_id(match::Predicate p) {
  for (const auto& [pred, id] : kPredicates)
    if (pred == p) return id;
  return "skos:relatedMatch";
}

std::optional<match::Predicate> parse_sssom_predicate(std::string_view curie) {
  for (const auto& [pred, id] : kPredicates)
    if (id == curie) return pred;
  return std::nullopt;
}

std::string MappingSet::expand_prefix(std::string_view prefix) const {
  for (const auto& [p, iri] : curie_map)
    if (p == prefix) return iri;
  return {};
}

std::string format_sssom(const MappingSet& set) {
  std::string out;
  // A YAML comment: the free text an editor put between the keys, where no YAML reader trips on it.
  for (const auto& c : set.metadata_comments) out += "##" + one_line(c) + "\n";
  auto meta = [&](std::string_view key, const std::string& value) {
    if (!value.empty()) out += "#" + std::string(key) + ": " + yaml_quote(value) + "\n";
  };
  if (!set.curie_map.empty()) {
    out += "#curie_map:\n";
    for (const auto& [prefix, iri] : set.curie_map) out += "#  " + prefix + ": " + yaml_quote(iri) + "\n";
  }
  meta("mapping_set_id", set.mapping_set_id);
  meta("mapping_set_title", set.mapping_set_title);
  meta("mapping_set_description", set.mapping_set_description);
  meta("mapping_set_version", set.mapping_set_version);
  meta("license", set.license);
  meta("mapping_date", set.mapping_date);
  for (const auto& m : set.other_metadata) {
    if (!m.yaml.empty()) {
      std::string text = m.yaml;
      for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 2)) text.insert(at + 1, "#");
      out += "#" + m.key + (m.yaml_below_key ? ":\n#" : ": ") + text + "\n";
      continue;
    }
    if (!m.is_list) {
      out += "#" + m.key + ": " + yaml_quote(m.values.empty() ? std::string() : m.values.front()) + "\n";
      continue;
    }
    out += "#" + m.key + ":" + (m.values.empty() ? " []" : "") + "\n";
    for (const auto& v : m.values) out += "#  - " + yaml_quote(v) + "\n";
  }

  std::vector<const Column*> columns;
  for (const auto& c : kColumns) {
    bool used = c.always;
    for (const auto& r : set.mappings) used = used || !c.get(r).empty();
    if (used) columns.push_back(&c);
  }
  std::string header;
  for (const Column* c : columns) header += (header.empty() ? "" : "\t") + std::string(c->name);
  for (const auto& e : set.extra_columns) header += "\t" + tsv_cell(e);
  out += header + "\n";
  auto comments = set.comments.begin();
  const auto comments_before = [&](std::size_t row) {
    for (; comments != set.comments.end() && comments->before <= row; ++comments)
      out += "#" + one_line(comments->text) + "\n";
  };
  for (std::size_t k = 0; k < set.mappings.size(); ++k) {
    comments_before(k);
    const MappingRow& r = set.mappings[k];
    std::string line;
    for (std::size_t i = 0; i < columns.size(); ++i) line += (i ? "\t" : "") + tsv_cell(columns[i]->get(r));
    for (const auto& e : set.extra_columns) {
      line += "\t";
      for (const auto& [name, value] : r.extra)
        if (name == e) line += tsv_cell(value);
    }
    out += line + "\n";
  }
  comments_before(std::numeric_limits<std::size_t>::max());  // below the last row (or beyond it: rows were removed)
  return out;
}

void write_sssom(const std::string& path, const MappingSet& set, MissingFolders folders) {
  write_file_atomically(path, format_sssom(set), folders);
}

}  // namespace aansluiting::analysis
