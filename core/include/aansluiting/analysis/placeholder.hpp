#pragma once
// Records that stand where a programme has no learning goal.

#include "aansluiting/goal.hpp"

namespace aansluiting::analysis {

// A goal whose text only says that there is no goal: "n.v.t.", "Niet van
// toepassing", "Bij dit (sub)domein is geen wettelijke eindterm gedefinieerd,
// ...". The SLO data keeps such a record under a domain without eindtermen
// (Oriëntatie op studie en beroep in several havo and vwo programmes). It is
// not a learning goal, so a selection leaves it out instead of counting it as
// a gap; a goal with a description of its own is never a placeholder.
bool is_placeholder(const Goal& goal);

}  // namespace aansluiting::analysis
