#include "aansluiting/analysis/curation.hpp"
#include "aansluiting/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <unordered_set>
#include <stdexcept>

namespace aansluiting::analysis {
namespace {

using Pair = std::pair<Vertex, Vertex>;

struct PairDecision {
  const MappingRow* row = nullptr;
  Vertex source = 0, target = 0;
};

std::string label(const Catalogue& catalogue, Vertex v) {
  const Goal& g = catalogue.graph().goal(v);
  return g.code.empty() ? g.title : g.code + " " + g.title;
}

std::string today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{days};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string with_comment(std::string text, const std::string& comment, const std::string& rest) {
  if (!comment.empty()) text += ": " + comment;
  if (!rest.empty()) text += " — " + rest;
  return text;
}

// A file written by hand may lack some of the project's prefixes.
void add_missing_prefixes(MappingSet& set) {
  for (const auto& [prefix, iri] : default_curie_map())
    if (set.expand_prefix(prefix).empty()) set.curie_map.emplace_back(prefix, iri);
}

}  // namespace

namespace {

// The rows of `decisions` whose goals are a (sending, receiving) pair, or not loaded.
template <class Sending, class Receiving>
ScopedDecisions scoped(const Catalogue& catalogue, const MappingSet& decisions, const Sending& sending,
                       const Receiving& receiving) {
  ScopedDecisions out{decisions, {}};
  std::erase_if(out.within.mappings, [&](const MappingRow& row) {
    if (!row.curated()) return false;
    auto s = resolve_curie(catalogue, row.subject_id);
    auto o = resolve_curie(catalogue, row.object_id);
    if (!s || !o || (sending(*s) && receiving(*o))) return false;  // not loaded: apply_curation says so
    const bool swapped = sending(*o) && receiving(*s);
    out.outside.emplace_back(Location{decisions.file, row.line, 0, row.subject_id + " → " + row.object_id},
                             Message{swapped ? MessageId::SssomDecisionSwapped : MessageId::SssomDecisionOutsidePairs});
    return true;
  });
  return out;
}

}  // namespace

ScopedDecisions scope_decisions(const Catalogue& catalogue, const MappingSet& decisions,
                                const GoalSelection& sending, const GoalSelection& receiving) {
  return scoped(catalogue, decisions, [&](Vertex v) { return sending.contains(v); },
                [&](Vertex v) { return receiving.contains(v); });
}

match::Alignment apply_curation(const Catalogue& catalogue, const match::Alignment& alignment,
                                const MappingSet& decisions, std::span<const Vertex> sources,
                                std::span<const Vertex> targets, CurationReport* report) {
  const std::unordered_set<Vertex> from(sources.begin(), sources.end()), to(targets.begin(), targets.end());
  ScopedDecisions s = scoped(catalogue, decisions, [&](Vertex v) { return from.count(v) != 0; },
                             [&](Vertex v) { return to.count(v) != 0; });
  CurationReport local;
  CurationReport& rep = report ? *report : local;
  match::Alignment out = apply_curation(catalogue, alignment, s.within, &rep);
  rep.outside = std::move(s.outside);
  return out;
}

match::Alignment apply_curation(const Catalogue& catalogue, const match::Alignment& alignment,
                                const MappingSet& decisions, CurationReport* report) {
  CurationReport local;
  CurationReport& rep = report ? *report : local;
  rep = CurationReport{};
  rep.notes = decisions.warnings;

  std::map<Pair, PairDecision> decided;  // last row of a pair wins
  for (const auto& row : decisions.mappings) {
    if (!row.curated()) {
      ++rep.ignored_uncurated;
      // "semapv:manualMappingCuration" was meant as a decision: say that it does not count.
      for (std::string_view meant : {kManualCuration, kMappingReview})
        if (same_ignoring_case(row.justification, meant))
          rep.unresolved.emplace_back(Location{decisions.file, row.line, 0, row.justification},
                                      Message{MessageId::SssomJustificationLookalike,
                                              {row.justification, std::string(meant)}});
      continue;
    }
    auto s = resolve_curie(catalogue, row.subject_id);
    auto o = resolve_curie(catalogue, row.object_id);
    if (!s || !o) {
      rep.unresolved.emplace_back(Location{decisions.file, row.line, 0, !s ? row.subject_id : row.object_id},
                                  Message{MessageId::SssomDecisionGoalMissing});
      continue;
    }
    auto [it, fresh] = decided.try_emplace({*s, *o}, PairDecision{&row, *s, *o});
    if (fresh) continue;
    const MappingRow& before = *it->second.row;
    // Two rows that disagree (a colleague's row added, the rows sorted): the last counts, and the curator hears so.
    if (before.negated != row.negated || before.predicate != row.predicate)
      rep.notes.emplace_back(Location{decisions.file, row.line, 0, row.subject_id + " → " + row.object_id},
                             Message{MessageId::SssomConflictingDecisions,
                                     {std::to_string(before.line), (before.negated ? "Not " : "") +
                                                                       std::string(sssom_predicate_id(before.predicate))}});
    it->second = PairDecision{&row, *s, *o};
  }

  match::Alignment out;
  std::map<Pair, const match::Link*> produced;  // the matcher's strongest link of a decided pair
  for (const auto& link : alignment.links) {
    Pair key{link.source, link.target};
    if (!decided.count(key)) {
      out.links.push_back(link);
      continue;
    }
    auto [it, fresh] = produced.emplace(key, &link);
    if (!fresh && link.score > it->second->score) it->second = &link;
  }
  for (const auto& [key, d] : decided) {
    const MappingRow& row = *d.row;
    auto it = produced.find(key);
    const match::Link* was = it == produced.end() ? nullptr : it->second;
    match::Link link;
    link.source = d.source;
    link.target = d.target;
    if (was) {
      link.shared_terms = was->shared_terms;
      link.context_terms = was->context_terms;
    }
    link.curator = {row.comment, row.author_id, row.author_label, row.mapping_date};
    // What the matcher said, marked as its own: "Zwakke overeenkomst" after "Bevestigd door
    // curator" read as the curator's verdict on a link confirmed as skos:closeMatch (a user test).
    const std::string matcher_said = was ? "volgens de tekstvergelijking: " + was->explanation : std::string();
    if (row.negated) {
      ++rep.rejected;
      if (was) ++rep.rejected_removed;
      link.origin = match::Origin::Rejected;
      link.predicate = row.predicate;  // the relation the curator denies, as the file says (an export writes it back)
      link.score = was ? was->score : 0.0;
      link.capped = was && was->capped;  // the matcher's score, as it was made
      link.explanation = with_comment("Afgewezen door curator", row.comment, matcher_said);
    } else {
      ++rep.confirmed;
      if (!was) ++rep.confirmed_added;
      link.origin = match::Origin::Confirmed;
      link.predicate = row.predicate;
      link.score = row.confidence.value_or(1.0);
      link.capped = false;  // the curator vouched for it, however few words the goals share
      link.explanation = with_comment("Bevestigd door curator", row.comment, matcher_said);
    }
    out.links.push_back(std::move(link));
  }
  match::sort_links(out.links);
  return out;
}

std::optional<match::Predicate> parse_decision_predicate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  for (std::string_view prefix : {"http://www.w3.org/2004/02/skos/core#", "skos:"})
    if (same_ignoring_case(text.substr(0, prefix.size()), prefix)) text.remove_prefix(prefix.size());
  for (auto p : {match::Predicate::ExactMatch, match::Predicate::CloseMatch, match::Predicate::BroadMatch,
                 match::Predicate::NarrowMatch, match::Predicate::RelatedMatch}) {
    const std::string_view curie = sssom_predicate_id(p);
    if (same_ignoring_case(text, curie.substr(curie.find(':') + 1))) return p;
  }
  return std::nullopt;
}

bool is_author_id(std::string_view author) {
  const std::size_t colon = author.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == author.size()) return false;
  if (!std::isalpha(static_cast<unsigned char>(author.front()))) return false;
  return std::none_of(author.begin(), author.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

std::size_t forget_decisions(MappingSet& set, const Catalogue& catalogue, std::string_view subject,
                             std::string_view object) {
  const auto s = find_goal(catalogue, subject), o = find_goal(catalogue, object);
  auto names = [&](const std::string& curie, const std::optional<Vertex>& goal, std::string_view given) {
    if (goal) return resolve_curie(catalogue, curie) == goal;
    return curie == given;  // a goal not loaded: as written in the file
  };
  const std::size_t before = set.mappings.size();
  std::erase_if(set.mappings, [&](const MappingRow& row) {
    return row.curated() && names(row.subject_id, s, subject) && names(row.object_id, o, object);
  });
  return before - set.mappings.size();
}

void record_decision(MappingSet& set, const Catalogue& catalogue, const Decision& d) {
  if (d.sending == d.receiving) throw ArgumentError(Message{MessageId::SelfLink, {}});
  // Checked here, not at save: the reader refuses such a file, and the curator
  // should hear it while the decision is being made.
  if (d.confidence && !(*d.confidence >= 0.0 && *d.confidence <= 1.0)) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%g", *d.confidence);
    throw ArgumentError({MessageId::ConfidenceOutOfRange, {shown}});
  }
  complete_metadata(set);
  MappingRow row;
  row.subject_id = goal_curie(catalogue, d.sending);
  row.subject_label = label(catalogue, d.sending);
  row.predicate = d.predicate;
  row.negated = !d.confirmed;
  row.object_id = goal_curie(catalogue, d.receiving);
  row.object_label = label(catalogue, d.receiving);
  row.justification = std::string(kManualCuration);
  row.confidence = d.confidence;
  row.author_id = d.author_id;
  row.author_label = d.author_label;
  row.mapping_date = d.mapping_date.empty() ? today() : d.mapping_date;
  row.comment = d.comment;
  for (auto& existing : set.mappings) {
    if (!existing.curated()) continue;
    auto s = resolve_curie(catalogue, existing.subject_id);
    auto o = resolve_curie(catalogue, existing.object_id);
    if (s == d.sending && o == d.receiving) {
      row.extra = existing.extra;
      existing = std::move(row);
      return;
    }
  }
  set.mappings.push_back(std::move(row));
}

MappingSet to_mapping_set(const Catalogue& catalogue, const match::Alignment& alignment, MappingSet metadata) {
  add_missing_prefixes(metadata);  // an export keeps its own set id: it is no curation file
  if (metadata.mapping_date.empty()) metadata.mapping_date = today();  // an export is of its day
  for (const auto& link : alignment.links) {
    MappingRow row;
    row.subject_id = goal_curie(catalogue, link.source);
    row.subject_label = label(catalogue, link.source);
    row.predicate = link.predicate;
    row.object_id = goal_curie(catalogue, link.target);
    row.object_label = label(catalogue, link.target);
    // A curated link is written back with the curator's own words: its explanation
    // ("Bevestigd door curator: ... — <what the matcher said>") read in again as a
    // comment would grow by a prefix and an explanation on every round trip.
    row.comment = link.origin == match::Origin::Automatic ? link.explanation : link.curator.comment;
    if (link.origin != match::Origin::Automatic) {  // who decided, and when
      row.author_id = link.curator.author_id;
      row.author_label = link.curator.author_label;
      row.mapping_date = link.curator.date;
    }
    switch (link.origin) {
      case match::Origin::Automatic:
        row.justification = std::string(kLexicalMatching);
        row.confidence = std::clamp(link.score, 0.0, 1.0);
        break;
      case match::Origin::Confirmed:
        row.justification = std::string(kManualCuration);
        row.confidence = std::clamp(link.score, 0.0, 1.0);
        break;
      case match::Origin::Rejected:
        row.justification = std::string(kManualCuration);
        row.negated = true;
        break;
    }
    metadata.mappings.push_back(std::move(row));
  }
  return metadata;
}

void complete_metadata(MappingSet& set) {
  add_missing_prefixes(set);
  if (set.mapping_set_id.empty()) set.mapping_set_id = std::string(kCuratedSetId);
  // SSSOM needs a licence; which one is the curator's to say, not ours.
  if (set.license.empty()) set.license = std::string(kUnspecifiedLicense);
}

bool is_curation_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  std::string text;
  try {
    text = read_file(path);
  } catch (const InputError&) {
    return false;  // unreadable: nothing to protect that could be read back either
  }
  try {
    const MappingSet set = parse_sssom(text, path);
    if (set.mapping_set_id == default_mapping_set().mapping_set_id) return true;
    return !set.mappings.empty() &&
           std::all_of(set.mappings.begin(), set.mappings.end(), [](const MappingRow& r) { return r.curated(); });
  } catch (const InputError&) {
    // A curator's file an editor broke (a typo, UTF-16 from Excel) is still one:
    // its decisions must not be replaced. Look for what only curation files hold,
    // in the bytes without NULs (UTF-16 text of ASCII words).
    // Not a page or a workbook that quotes a decision (an earlier report's list of
    // decisions not applied): a table with SSSOM's columns.
    std::erase(text, '\0');
    const std::size_t first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF\xFF\xFE");
    if (first == std::string::npos || text.find("subject_id") == std::string::npos) return false;
    // A page, not a file with a merge conflict ("<<<<<<<").
    const auto starts = [&](std::string_view opening) {
      return same_ignoring_case(std::string_view(text).substr(first, opening.size()), opening);
    };
    if (starts("<!doctype") || starts("<html") || starts("<?xml")) return false;
    return text.find(default_mapping_set().mapping_set_id) != std::string::npos ||
           text.find(kManualCuration) != std::string::npos;
  }
}

void write_export(const std::string& path, const MappingSet& links) {
  if (is_curation_file(path)) throw InputError(Location{path, 0, 0, {}}, {MessageId::SssomExportOntoCuration});
  write_sssom(path, links);
}

}  // namespace aansluiting::analysis
