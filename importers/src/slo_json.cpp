// load_slo: SLO open curriculum data (JSON) into the catalogue.
#include "aansluiting/importers/importers.hpp"
#include "slo_dataset.hpp"

namespace aansluiting::importers {
namespace {

// A catalogue with nothing but its level vertices.
bool is_empty(const Catalogue& c) {
  return c.graph().num_vertices() == kLevelCount && c.graph().num_edges() == 0 && c.sources().empty() &&
         c.warnings().empty() && c.programmes().empty();
}

}  // namespace

void load_slo(Catalogue& into, const std::string& folder, const SloOptions& options) {
  // All reading and syntax checking happens here; an InputError leaves `into` as it was.
  slo::Dataset data(folder, options);

  // Building cannot fail on input any more. An empty catalogue is filled
  // directly (merging would copy the whole graph to get the same result);
  // otherwise a fresh one is merged in.
  Catalogue fresh;
  Catalogue& target = is_empty(into) ? into : fresh;
  try {
    data.build_into(target);
    slo::build_exam_programmes(data);
    slo::build_syllabi(data);
    slo::build_reference_framework(data);
    slo::build_basis_goals(data);
    data.resolve_references();
    data.assign_file_sources();
    data.link_all_levels();
    data.finish();
  } catch (...) {
    if (&target == &into) into = Catalogue{};  // it was empty before
    throw;
  }
  if (&target == &fresh) into.merge(std::move(fresh));
}

}  // namespace aansluiting::importers
