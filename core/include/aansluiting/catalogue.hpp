#pragma once
// A catalogue of programmes: the goal graph, the sources it came from and the
// warnings raised while loading. Importers fill a fresh catalogue and merge it
// in, so a failed import leaves the target unchanged.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aansluiting/diagnostics.hpp"
#include "aansluiting/goal_graph.hpp"

namespace aansluiting {

// A root a user can select: an exam programme, a syllabus, a qualification,
// a dossier, a reference framework or an authored programme.
struct Programme {
  Vertex root = 0;
  std::string subject;  // "Wiskunde B", "Helpende Zorg en Welzijn"
  LevelSet levels;      // levels of the root and of every goal below it, or as given
  bool fixed_levels = false;  // levels were given by the source, not derived
};

class Catalogue {
 public:
  GoalGraph& graph() { return graph_; }
  const GoalGraph& graph() const { return graph_; }

  SourceIndex add_source(Source source);
  const Source& source(SourceIndex i) const { return sources_.at(i); }
  const std::vector<Source>& sources() const { return sources_; }

  void warn(Location where, Message what);
  const std::vector<Warning>& warnings() const { return warnings_; }

  // Registers a root as a selectable programme. Without `levels` they are the
  // union over its subtree (an SLO programme applies to every leerweg one of its
  // eindtermen names); with them they are fixed (a qualification has one level,
  // even when it shares kerntaken with qualifications of other levels).
  void add_programme(Vertex root, std::string subject, std::optional<LevelSet> levels = std::nullopt);
  // add_programme(root, subject) for each in turn, the subtrees' levels found
  // in one traversal (many roots of one import share subtrees).
  void add_programmes(std::vector<std::pair<Vertex, std::string>> roots);
  const std::vector<Programme>& programmes() const { return programmes_; }

  // Programmes whose full title or subject matches (case- and accent-insensitive)
  // and that apply to `level`. The full title ranks first, then an exact subject,
  // then a prefix ("wiskunde" finds "Wiskunde" before "Wiskunde A"), then a part;
  // kinds restrict roots.
  std::vector<Programme> find_programmes(std::string_view subject,
                                         std::optional<Level> level = std::nullopt,
                                         std::vector<GoalKind> kinds = {}) const;
  // How `name` names `p` under the ranking above: "title", "code" (a crebo
  // number), "subject", "abbreviation" ("nask1", subject_abbreviations.hpp),
  // "part" (of its name; a choice worth showing), or "" when it does not name it.
  std::string_view named_by(std::string_view name, const Programme& p) const;
  // A query equal to a programme's full title ranks before one equal to its
  // subject (the title is the way to name one programme among several).
  // The single best programme: among equally good name matches, an exam
  // programme before its syllabi, then the one whose own record names `level`.
  // Throws NotFoundError if none (suggesting similar names at `level`, else the levels
  // the subject itself exists at, else the programmes at other levels whose names
  // only contain it, as a guess) or if several remain (naming them).
  Programme find_programme(std::string_view subject, std::optional<Level> level = std::nullopt,
                           std::vector<GoalKind> kinds = {}) const;

  // Moves everything of `other` in. Goals whose id is already present are
  // kept once (with a warning); edges are re-mapped. Into an empty catalogue
  // `other` is taken over as it is, without copying.
  void merge(Catalogue&& other);

 private:
  bool holds_nothing() const;
  bool applies_to(const Programme& p, Level level) const;
  LevelSet applicable_levels(const Programme& p) const;  // its levels that applies_to accepts
  // find_programmes with each hit's name rank (0 full title, 1 subject, 2 prefix, 3 part), best first.
  std::vector<std::pair<int, Programme>> ranked_programmes(std::string_view subject, std::optional<Level> level,
                                                           const std::vector<GoalKind>& kinds) const;
  Message not_found_message(std::string_view subject, std::optional<Level> level,
                            const std::vector<GoalKind>& kinds) const;
  // For a crebo number no qualification at `level` has: the nearest numbers with
  // their names, or that level's numbers; nothing when there are none to name.
  std::optional<Message> crebo_message(std::string_view number, Level level) const;

  GoalGraph graph_;
  std::vector<Source> sources_;
  std::vector<Warning> warnings_;
  std::vector<Programme> programmes_;
};

// Comparable form of a subject name: case folded, accents removed, spaces collapsed.
std::string subject_key(std::string_view subject);

}  // namespace aansluiting
