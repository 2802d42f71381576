#include "aansluiting/analysis/curation_file.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/joined.hpp"

namespace aansluiting::analysis {
namespace {

using PairKey = std::pair<std::string, std::string>;

PairKey pair_key(const MappingRow& r) {
  return {std::string(trim_cell(r.subject_id)), std::string(trim_cell(r.object_id))};
}

// Everything a row says; where it stood in a file (`line`) is no part of it.
auto row_content(const MappingRow& r) {
  return std::tie(r.subject_id, r.subject_label, r.predicate, r.negated, r.object_id, r.object_label,
                  r.justification, r.confidence, r.author_id, r.author_label, r.reviewer_id, r.reviewer_label,
                  r.mapping_date, r.comment, r.extra);
}

using Groups = std::map<PairKey, std::vector<const MappingRow*>>;

Groups groups_of(const MappingSet& set) {
  Groups out;
  for (const MappingRow& r : set.mappings) out[pair_key(r)].push_back(&r);
  return out;
}

bool same_rows(const Groups& a, const Groups& b, const PairKey& key) {
  const auto ia = a.find(key), ib = b.find(key);
  const bool in_a = ia != a.end(), in_b = ib != b.end();
  if (in_a != in_b) return false;
  if (!in_a) return true;
  if (ia->second.size() != ib->second.size()) return false;
  for (std::size_t i = 0; i < ia->second.size(); ++i)
    if (row_content(*ia->second[i]) != row_content(*ib->second[i])) return false;
  return true;
}

// What a version says about a pair, for a conflict's message: its last row decides.
std::string stance(const Groups& groups, const PairKey& key) {
  const auto it = groups.find(key);
  if (it == groups.end()) return "removed";
  const MappingRow& last = *it->second.back();
  if (!last.curated()) return "suggested";
  return std::string(last.negated ? "rejected " : "confirmed ") + std::string(sssom_predicate_id(last.predicate));
}

std::optional<std::string> current_bytes(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  return read_file(path);
}

// The set in `bytes` as read_sssom reads the file: the bytes compared are the bytes parsed.
MappingSet parsed(const std::string& bytes, const std::string& path) {
  MappingSet set = parse_sssom(bytes, path);
  set.file = path;
  return set;
}

}  // namespace

CurationSnapshot read_curation_snapshot(const std::string& path) {
  CurationSnapshot s;
  s.path = path;
  if (auto bytes = current_bytes(path)) {
    s.existed = true;
    s.bytes = std::move(*bytes);
    s.set = parsed(s.bytes, path);
  }
  return s;
}

MergeResult merge_decisions(const MappingSet& base, const MappingSet& ours, const MappingSet& theirs) {
  const Groups g_base = groups_of(base), g_ours = groups_of(ours), g_theirs = groups_of(theirs);
  std::set<PairKey> keys;
  for (const Groups* g : {&g_base, &g_ours, &g_theirs})
    for (const auto& [key, rows] : *g) keys.insert(key);

  MergeResult out;
  std::set<PairKey> mine;  // pairs that take ours' rows
  for (const PairKey& key : keys) {
    const bool we_changed = !same_rows(g_ours, g_base, key);
    const bool they_changed = !same_rows(g_theirs, g_base, key);
    if (we_changed) mine.insert(key);
    if (we_changed && they_changed) {
      // Both decided the same (another author or date, say): ours' rows, no conflict.
      std::string mine_now = stance(g_ours, key), theirs_now = stance(g_theirs, key);
      if (mine_now != theirs_now)
        out.conflicts.push_back({key.first, key.second, std::move(mine_now), std::move(theirs_now)});
    } else if (they_changed) {
      ++out.kept_from_others;
    }
  }

  MappingSet& merged = out.merged;
  merged = theirs;
  merged.mappings.clear();
  merged.comments.clear();
  std::vector<std::size_t> position(theirs.mappings.size() + 1);  // theirs' row index -> merged index
  std::set<PairKey> emitted;
  for (std::size_t i = 0; i < theirs.mappings.size(); ++i) {
    position[i] = merged.mappings.size();
    const MappingRow& row = theirs.mappings[i];
    const PairKey key = pair_key(row);
    if (!mine.count(key)) {
      merged.mappings.push_back(row);
    } else if (emitted.insert(key).second) {
      if (const auto it = g_ours.find(key); it != g_ours.end())
        for (const MappingRow* r : it->second) merged.mappings.push_back(*r);
    }
  }
  position[theirs.mappings.size()] = merged.mappings.size();
  for (const MappingRow& r : ours.mappings)
    if (mine.count(pair_key(r)) && !g_theirs.count(pair_key(r))) merged.mappings.push_back(r);
  for (CommentLine c : theirs.comments) {
    if (c.before != CommentLine::kAtEnd) c.before = position[std::min(c.before, theirs.mappings.size())];
    merged.comments.push_back(std::move(c));
  }
  merged.warnings.clear();
  return out;
}

SaveResult save_curation(const std::string& path, MappingSet& ours, CurationSnapshot& snapshot,
                         OnConflict on_conflict) {
  SaveResult result;
  MappingSet to_write = ours;
  const bool same_file = snapshot.path == path;
  if (same_file) {
    const std::optional<std::string> now = current_bytes(path);
    const bool changed = now ? (!snapshot.existed || *now != snapshot.bytes) : false;
    if (changed) {
      const MappingSet theirs = parsed(*now, path);
      const MappingSet empty;
      MergeResult m = merge_decisions(snapshot.existed ? snapshot.set : empty, ours, theirs);
      if (!m.conflicts.empty() && on_conflict == OnConflict::Refuse) {
        std::vector<std::string> pairs;
        for (const auto& c : m.conflicts) pairs.push_back(c.subject_id + " -> " + c.object_id);
        throw ArgumentError({MessageId::CurationConflict,
                             {path, std::to_string(m.conflicts.size()), joined(pairs, "; ")}});
      }
      result.merged = true;
      result.kept_from_others = m.kept_from_others;
      result.overridden = std::move(m.conflicts);
      to_write = std::move(m.merged);
    }
  }
  to_write.file = path;
  complete_metadata(to_write);  // a '#' block a spreadsheet dropped: other SSSOM tools need it
  std::string text = format_sssom(to_write);
  // The curator's work is done by now: a folder that is not there yet is made, not an error.
  write_file_atomically(path, text, MissingFolders::Create);
  to_write.warnings = ours.warnings;
  ours = std::move(to_write);
  snapshot.path = path;
  snapshot.existed = true;
  snapshot.bytes = std::move(text);
  snapshot.set = ours;
  return result;
}

}  // namespace aansluiting::analysis
