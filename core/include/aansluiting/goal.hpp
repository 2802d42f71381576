#pragma once
// One learning goal (or a node of a programme's tree) and where it came from.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aansluiting/levels.hpp"

namespace aansluiting {

enum class GoalKind : std::uint8_t {
  // SLO exam programmes and syllabi
  Programme,       // examenprogramma
  Domain,          // domein
  Subdomain,       // subdomein
  Eindterm,        // eindterm (attainment target)
  Syllabus,        // a CvTE syllabus (root of its specifications)
  Specification,   // specifieke eindterm of a syllabus
  Explanation,     // toelichting of a syllabus
  Concept,         // vakbegrip of a syllabus
  // SBB qualification files
  Dossier,         // kwalificatiedossier
  Qualification,   // profiel (one crebo, one level)
  Kerntaak,
  Werkproces,
  KnowledgeSkill,  // vakkennis en vaardigheden
  // SLO reference framework and other goal sets
  Framework,       // e.g. Referentiekader Rekenen
  Topic,           // a reference-framework domain/subdomain/onderwerp
  Goal,            // a generic goal (basis/doelen, authored programmes)
  // Vocabulary vertices for at-level edges
  LevelNode,
};

std::string_view kind_name(GoalKind kind);
std::optional<GoalKind> parse_kind(std::string_view text);
// The names of every kind, in enum order (LevelNode's "level" last).
std::vector<std::string_view> kind_names();

struct ExamFlags {
  bool ce = false;     // centraal examen
  bool se = false;     // schoolexamen
  bool kern = false;   // core part
  bool keuze = false;  // elective part
  bool operator==(const ExamFlags&) const = default;
};

// Provenance shared by all goals loaded from one programme/dossier.
struct Source {
  std::string file;       // path of the file the record came from
  std::string title;      // programme/dossier title
  std::string version;    // "2020", "2016"
  std::string start_date; // "vanaf CE 2017", "2016-08-01"
  std::string url;
  std::string publisher;  // "SLO", "CvTE", "SBB", or the author of a CSV
};

using SourceIndex = std::uint32_t;
constexpr SourceIndex kNoSource = static_cast<SourceIndex>(-1);

struct Goal {
  std::string source_id;    // id in its source (UUID for SLO, path-like for others)
  std::string code;         // official code ("WI/K/4/2", "B1-K1-W2"); may be empty
  std::string title;
  std::string description;
  GoalKind kind = GoalKind::Goal;
  LevelSet levels;          // levels the goal applies to (as given by its source)
  ExamFlags exam;
  SourceIndex source = kNoSource;
};

}  // namespace aansluiting
