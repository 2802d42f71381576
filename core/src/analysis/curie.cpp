#include <cctype>
#include <cstdio>

#include "aansluiting/analysis/curation.hpp"

namespace aansluiting::analysis {
namespace {

bool plain(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' || c == ':';
}

std::string encode(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (plain(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view prefix_for(const Catalogue& catalogue, const Goal& g) {
  if (g.source == kNoSource || g.source >= catalogue.sources().size()) return "csv";
  const Source& s = catalogue.source(g.source);
  if (s.publisher == "SLO" || s.publisher == "CvTE") return "slo";
  if (s.publisher == "SBB") return "sbb";
  if (ends_with(s.file, ".json")) return "slo";
  if (ends_with(s.file, ".xml")) return "sbb";
  return "csv";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> default_curie_map() {
  return {
      {"slo", "https://opendata.slo.nl/curriculum/uuid/"},
      {"sbb", "urn:aansluiting:sbb:"},
      {"csv", "urn:aansluiting:csv:"},
      {"skos", "http://www.w3.org/2004/02/skos/core#"},
      {"semapv", "https://w3id.org/semapv/vocab/"},
      {"orcid", "https://orcid.org/"},
  };
}

MappingSet default_mapping_set() {
  MappingSet set;
  set.mapping_set_id = std::string(kCuratedSetId);
  set.mapping_set_title = "Gecureerde koppelingen tussen leerdoelen (aansluiting)";
  set.license = "https://creativecommons.org/publicdomain/zero/1.0/";
  set.curie_map = default_curie_map();
  return set;
}

MappingSet alignment_mapping_set() {
  MappingSet set = default_mapping_set();
  set.mapping_set_id = "urn:aansluiting:mappings:alignment";
  set.mapping_set_title =
      "Koppelingen tussen leerdoelen (aansluiting): automatisch gevonden, met de beslissingen van curatoren";
  return set;
}

std::string goal_curie(const Catalogue& catalogue, Vertex v) {
  const Goal& g = catalogue.graph().goal(v);
  const std::string prefix(prefix_for(catalogue, g));
  std::string_view id = g.source_id;
  // An id that already carries the prefix keeps it once.
  if (id.size() > prefix.size() && id.substr(0, prefix.size()) == prefix && id[prefix.size()] == ':')
    id.remove_prefix(prefix.size() + 1);
  return prefix + ":" + encode(id);
}

std::optional<Vertex> resolve_curie(const Catalogue& catalogue, std::string_view curie) {
  const auto colon = curie.find(':');
  if (colon == std::string_view::npos) return catalogue.graph().find_id(curie);
  const std::string local = decode(curie.substr(colon + 1));
  if (auto v = catalogue.graph().find_id(local)) return v;
  return catalogue.graph().find_id(std::string(curie.substr(0, colon + 1)) + local);
}

std::optional<Vertex> find_goal(const Catalogue& catalogue, std::string_view id_or_curie) {
  id_or_curie = trim_cell(id_or_curie);  // a cell copied from a spreadsheet brings its line break along
  if (auto v = catalogue.graph().find_id(id_or_curie)) return v;
  return resolve_curie(catalogue, id_or_curie);
}

}  // namespace aansluiting::analysis
