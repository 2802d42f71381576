// basis/doelen.json: a large flat set of curriculum goals (scale corpus).
#include "slo_dataset.hpp"

namespace aansluiting::importers::slo {

void build_basis_goals(Dataset& d) {
  if (!d.loaded(FileId::BasisGoals)) return;
  d.add_goals(FileId::BasisGoals, GoalKind::Goal);
}

}  // namespace aansluiting::importers::slo
