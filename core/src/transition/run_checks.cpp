#include "aansluiting/transition/run_checks.hpp"

#include <map>
#include <string>
#include <utility>

namespace aansluiting::transition {

std::optional<RunSide> side_without_goals(const Run& run) {
  if (run.result.summary.sending_leaves == 0) return RunSide::Sending;
  if (run.result.summary.receiving_leaves == 0) return RunSide::Receiving;
  return std::nullopt;
}

std::vector<Warning> unapplied_decisions(std::span<const analysis::CurationReport* const> reports) {
  using Row = std::pair<std::string, std::size_t>;  // (file, line): one row of a curation file
  std::map<Row, const Warning*> found;
  for (const analysis::CurationReport* r : reports)
    for (const Warning& w : r->unresolved) found.emplace(Row{w.where.file, w.where.line}, &w);
  // A row is outside every run when each run reported it (a run reports a row once).
  std::map<Row, std::vector<const Warning*>> outside;
  for (const analysis::CurationReport* r : reports)
    for (const Warning& w : r->outside) outside[Row{w.where.file, w.where.line}].push_back(&w);
  for (const auto& [row, warnings] : outside) {
    if (warnings.size() != reports.size()) continue;
    const Warning* chosen = warnings.front();
    for (const Warning* w : warnings)
      if (w->what.id == MessageId::SssomDecisionSwapped) {
        chosen = w;
        break;
      }
    found.emplace(row, chosen);
  }
  std::vector<Warning> out;
  out.reserve(found.size());
  for (const auto& [row, w] : found) out.push_back(*w);
  return out;
}

}  // namespace aansluiting::transition
