#include "aansluiting/goal.hpp"

#include <array>
#include <utility>

namespace aansluiting {
namespace {
constexpr std::array<std::pair<GoalKind, std::string_view>, 17> kKinds = {{
    {GoalKind::Programme, "programme"},
    {GoalKind::Domain, "domain"},
    {GoalKind::Subdomain, "subdomain"},
    {GoalKind::Eindterm, "eindterm"},
    {GoalKind::Syllabus, "syllabus"},
    {GoalKind::Specification, "specification"},
    {GoalKind::Explanation, "explanation"},
    {GoalKind::Concept, "concept"},
    {GoalKind::Dossier, "dossier"},
    {GoalKind::Qualification, "qualification"},
    {GoalKind::Kerntaak, "kerntaak"},
    {GoalKind::Werkproces, "werkproces"},
    {GoalKind::KnowledgeSkill, "knowledge_skill"},
    {GoalKind::Framework, "framework"},
    {GoalKind::Topic, "topic"},
    {GoalKind::Goal, "goal"},
    {GoalKind::LevelNode, "level"},
}};
}  // namespace

std::string_view kind_name(GoalKind kind) {
  for (const auto& [k, name] : kKinds)
    if (k == kind) return name;
  return "goal";
}

std::optional<GoalKind> parse_kind(std::string_view text) {
  for (const auto& [k, name] : kKinds)
    if (name == text) return k;
  return std::nullopt;
}

std::vector<std::string_view> kind_names() {
  std::vector<std::string_view> out;
  for (const auto& kind : kKinds) out.push_back(kind.second);
  return out;
}

}  // namespace aansluiting
